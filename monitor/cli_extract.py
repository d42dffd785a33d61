"""`monitor extract`: what the monitor reads from saved pages or URLs, alone or as a source does."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.markup import escape

from monitor.cli import EXIT_UNREADABLE, _print_json, config_option, err_console, output_console
from monitor.config import Config, FetchConfig, load_config
from monitor.errors import ConfigError
from monitor.extract import Template
from monitor.fetch.access import Site


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--content", help="CSS selector for the statement text.")
@click.option("--title", "title_sel", help="CSS selector for the title.")
@click.option("--date", "date_sel", help="CSS selector for the publication date.")
@click.option(
    "--source",
    "source_name",
    help="Read as this configured source does: its selectors, headers, cookies and the "
    "template the monitor has learned from its pages.",
)
@config_option
def extract(
    targets: tuple[str, ...],
    as_json: bool,
    content: str | None,
    title_sel: str | None,
    date_sel: str | None,
    source_name: str | None,
    config_path: str | None,
) -> None:
    """Show what the monitor reads from saved pages (files) or URLs: title, date and text."""
    from monitor.fetch.pages import load_targets
    from monitor.report import print_reading, reading_json

    how = _read_as(config_path, source_name, content, title_sel, date_sel)
    failed = 0
    out = output_console()
    for target, result in load_targets(targets, how.fetch, content=how.content, title=how.title,
                                       date=how.date, template=how.template, headers=how.headers,
                                       cookies=how.cookies, site=how.site):  # fmt: skip
        if isinstance(result, Exception):
            failed += 1
            err_console.print(f"[red]{target}: {result}[/red]", highlight=False)
            continue
        warnings = [miss.message() for miss in result.missed]  # selectors that found nothing
        for warning in warnings:
            err_console.print(f"[yellow]warning: {target}: {escape(warning)}[/yellow]",
                              highlight=False)  # fmt: skip
        if as_json:
            _print_json(reading_json(target, result, warnings, source_name))
        else:
            print_reading(out, target, result, learned=bool(source_name))
    if failed:
        sys.exit(EXIT_UNREADABLE)


@dataclass
class _ReadAs:
    """How `monitor extract` reads: by default as a page alone; with `--source`, exactly as
    that source's check does."""

    fetch: FetchConfig = field(default_factory=FetchConfig)
    content: str | None = None
    title: str | None = None
    date: str | None = None
    template: Template | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    site: Site | None = None


def _read_as(
    config_path: str | None,
    source_name: str | None,
    content: str | None,
    title: str | None,
    date: str | None,
) -> _ReadAs:
    from monitor.extract import Template
    from monitor.fetch.access import Site

    if not source_name:
        how = _ReadAs(content=content, title=title, date=date, template=Template())
        if config_path or Path("config.yaml").exists():
            # Extraction of local files must not depend on a valid config.
            with contextlib.suppress(ConfigError):
                how.fetch = load_config(config_path).fetch
        return how
    config = load_config(config_path)
    src = config.source(source_name)
    return _ReadAs(fetch=config.fetch, content=content or src.content, title=title or src.title,
                   date=date or src.date, template=_learned_template(config, source_name),
                   headers=dict(src.headers), cookies=dict(src.cookies),
                   site=Site.of(src.address, src.credentials()))  # fmt: skip


def _learned_template(config: Config, source_name: str) -> Template:
    """The source's learned template, or none yet (no store, or the source never checked)."""
    from monitor.extract import Template
    from monitor.store.catalogue import Store

    if not Store.exists(config.snapshots_dir):
        err_console.print(f"no store yet at {config.snapshots_dir}: reading {source_name} "
                          "without a learned template (run `monitor check` first)")  # fmt: skip
        return Template()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        state = store.find_source(source_name)
        return store.template_profile(state.id).view() if state else Template()
