"""The `monitor` command. Thin: parse options, call the library, print, choose an exit code.

Exit codes: 0 the command ran (changes found or not); 1 unexpected failure; 2 bad usage or bad
config; 3 the store is busy or unusable; 4 a digest was not accepted (`digest --send`); 5 a check
could check no source at all; 6 a `check --strict` had an error item or a failed source.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from .config import Config, ConfigError, FetchConfig, load_config
from .report import output_console

if TYPE_CHECKING:
    from .extract import Template
    from .models import CheckReport

EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_DELIVERY = 4
EXIT_ALL_FAILED = 5  # `check`: not one source could be checked (cron: the network, a proxy...)
EXIT_ERRORS = 6  # `check --strict`: some release or source could not be checked

err_console = output_console(stderr=True)


def _fail(message: str, code: int) -> None:
    err_console.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    sys.exit(code)


def _load(config_path: str | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc), EXIT_USAGE)
        raise  # unreachable


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    envvar="MONITOR_CONFIG",
    help="Config file (default ./config.yaml, or $MONITOR_CONFIG).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.version_option(package_name="monitor")
def cli(verbose: int) -> None:
    """Watch ministry press pages; report new, edited and removed releases."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--source", "sources", multiple=True, help="Check only this source (repeatable).")
@click.option("--refetch-all", is_flag=True, help="Re-download every known release now.")
@click.option("--no-wait", is_flag=True, help="Fail at once if another check holds the store.")
@click.option("--no-email", is_flag=True, help="Do not send the digest for this check.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option(
    "--strict",
    is_flag=True,
    help=f"Exit {EXIT_ERRORS} when any release or source could not be checked "
    f"(without it: exit {EXIT_ALL_FAILED} only when every source failed).",
)
def check(
    config_path: str | None,
    as_json: bool,
    sources: tuple[str, ...],
    refetch_all: bool,
    no_wait: bool,
    no_email: bool,
    quiet: bool,
    strict: bool,
) -> None:
    """Check every source once and report what is new, edited or removed."""
    from monitor.run.cycle import run_check_command

    config = _load(config_path)
    if not config.sources:
        _fail("no sources in the config: add some under `sources:` "
              "(the README shows how)", EXIT_USAGE)  # fmt: skip
    try:
        if config.queue is not None:
            from monitor.queue.rounds import queued_check

            report = queued_check(config, sources=list(sources) or None, refetch_all=refetch_all,
                                  send_email=not no_email, console=err_console)  # fmt: skip
        else:
            report = run_check_command(
                config,
                sources=list(sources) or None,
                refetch_all=refetch_all,
                wait=0.0 if no_wait else 600.0,
                send_email=not no_email,
                progress=not quiet and err_console.is_terminal,
                console=err_console,
            )
    except ConfigError as exc:
        _fail(str(exc), EXIT_USAGE)
    except _store_errors() as exc:
        _fail(str(exc), EXIT_STORE)
    except (OSError, sqlite3.OperationalError) as exc:
        _fail(_write_failure(config, exc), EXIT_STORE)
    if as_json:
        _print_json(report.to_json())
    else:
        from .report import print_summary

        print_summary(report, output_console())
    code = _check_exit(report, strict)
    if code:
        what = "no source could be checked" if code == EXIT_ALL_FAILED else (
            "some releases or sources could not be checked (--strict)")  # fmt: skip
        err_console.print(f"exit {code}: {what}; the errors above say why", highlight=False)
        sys.exit(code)


def _check_exit(report: CheckReport, strict: bool) -> int:
    """Cron sees a check that could reach nothing; `--strict` also any error item."""
    if report.sources and not any(s.ok for s in report.sources):
        return EXIT_ALL_FAILED
    if strict and (report.errors or not all(s.ok for s in report.sources)):
        return EXIT_ERRORS
    return 0


def _write_failure(config: Config, exc: Exception) -> str:
    """A full disk, a file-size limit, a failing drive; what was committed stands either way."""
    text = str(exc)
    if isinstance(exc, OSError) or any(w in text.lower() for w in ("disk", "full", "i/o")):
        return (f"the store at {config.snapshots_dir} could not be written ({text}); free space "
                "or fix the drive, then check again: nothing committed so far is lost")  # fmt: skip
    return (f"the store at {config.snapshots_dir} failed ({text}); nothing committed so far "
            "is lost: run the check again, and if this repeats, report this message")  # fmt: skip


def _store_errors() -> tuple[type[Exception], ...]:
    from monitor.queue.broker import QueueError
    from monitor.store.catalogue import StoreError

    return StoreError, QueueError


@cli.command()
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
    from monitor.fetch.access import Site
    from monitor.fetch.pages import load_targets

    from .extract import ExtractionError, Template

    fetch_config = FetchConfig()
    template = Template()
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    site = None
    if source_name:
        config = _load(config_path)
        try:
            src = config.source(source_name)
            site = Site.of(src.address, src.credentials())
        except ConfigError as exc:
            _fail(str(exc), EXIT_USAGE)
            raise  # unreachable
        fetch_config, headers, cookies = config.fetch, dict(src.headers), dict(src.cookies)
        content, title_sel, date_sel = (content or src.content, title_sel or src.title,
                                        date_sel or src.date)  # fmt: skip
        template = _learned_template(config, source_name)
    elif config_path or Path("config.yaml").exists():
        # Extraction of local files must not depend on a valid config.
        with contextlib.suppress(ConfigError):
            fetch_config = load_config(config_path).fetch
    failed = 0
    out = output_console()
    for target, result in load_targets(
        targets, fetch_config, content=content, title=title_sel, date=date_sel,
        template=template, headers=headers, cookies=cookies, site=site,
    ):  # fmt: skip
        if isinstance(result, ExtractionError | OSError | Exception):
            failed += 1
            err_console.print(f"[red]{target}: {result}[/red]", highlight=False)
            continue
        doc = result.document
        warnings = [miss.message() for miss in result.missed]  # selectors that found nothing
        for warning in warnings:
            err_console.print(f"[yellow]warning: {target}: {escape(warning)}[/yellow]",
                              highlight=False)  # fmt: skip
        if as_json:
            data = {"path": target, "title": doc.title, "date": doc.date, "text": doc.text,
                    "warnings": warnings}  # fmt: skip
            if source_name:
                data.update(source=source_name, region=result.read_in,
                            template_lines=result.template_lines)  # fmt: skip
            _print_json(data)
        else:
            out.rule(target)
            out.print(f"[bold]{doc.title}[/bold]", highlight=False)
            out.print(f"date: {doc.date or 'not found'}", highlight=False)
            if source_name:
                where = f"in the learned region {result.read_in}" if result.read_in else (
                    "by single-page reading (no region learned for this page yet)")
                out.print(f"read {where}; {result.template_lines} template line(s) left out",
                          highlight=False, markup=False)  # fmt: skip
            out.print()
            out.print(doc.text, highlight=False, markup=False)
    if failed:
        sys.exit(1)


def _learned_template(config: Config, source_name: str) -> Template:
    """The source's learned template, or none yet (no store, or the source never checked)."""
    from monitor.store.catalogue import CATALOGUE, Store

    from .extract import Template

    if not (config.snapshots_dir / CATALOGUE).exists():
        err_console.print(f"no store yet at {config.snapshots_dir}: reading {source_name} "
                          "without a learned template (run `monitor check` first)")  # fmt: skip
        return Template()
    try:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            state = store.find_source(source_name)
            return store.template_profile(state.id).view() if state else Template()
    except _store_errors() as exc:
        _fail(str(exc), EXIT_STORE)
        raise  # unreachable


@cli.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-run"),
    show_default=True,
    help="Where the demo keeps its config, store and outbox (reset on each run).",
)
def demo(folder: Path) -> None:
    """Run the whole job offline on bundled sample sites served on 127.0.0.1."""
    from monitor.run.cycle import run_check_command

    from .demo.run import run_demo
    from .report import print_summary

    out = output_console()

    def one_check(config: Config):  # type: ignore[no-untyped-def]
        report = run_check_command(
            config, progress=err_console.is_terminal, console=err_console, wait=60
        )
        print_summary(report, out)
        return report

    run_demo(folder, out, one_check)


@cli.command()
@click.argument("query")
@config_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("-n", "--limit", default=10, show_default=True, help="How many matches.")
def search(query: str, config_path: str | None, as_json: bool, limit: int) -> None:
    """Fuzzy search over every stored release; best matches with a snippet."""
    from monitor.context.search import search as run_search
    from monitor.store.catalogue import Store, StoreError

    config = _load(config_path)
    try:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            hits = run_search(store, query, limit=limit)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)
    out = output_console()
    for hit in hits:
        if as_json:
            _print_json(hit.to_json())
            continue
        out.print(f"[bold]{hit.score:5.1f}[/bold]  {escape(f'[{hit.source}]')} {escape(hit.title)}",
                  highlight=False)  # fmt: skip
        out.print(f"       {hit.url}", style="blue", highlight=False)
        out.print(f"       {hit.snippet}", style="dim", highlight=False, markup=False)
    if not hits and not as_json:
        err_console.print("no matches")


@cli.command()
@click.argument("target")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
def related(target: str, config_path: str | None, as_json: bool) -> None:
    """The releases most similar to one release (a stored URL, or a file), across sources."""
    from monitor.context.corpus import load_document
    from monitor.context.matching import Matcher
    from monitor.store.catalogue import Store, StoreError

    config = _load(config_path)
    try:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            stored = store.latest_text(target)
            url = target
            if stored is not None:
                title, text, exclude = stored.title, stored.body, stored.release_id
            elif Path(target).is_file():
                doc = load_document(Path(target))
                title, text, exclude, url = doc.title, doc.text, None, doc.url
            else:
                _fail(f"{target} is not a stored release URL nor a file; "
                      "`monitor search` finds stored releases", EXIT_USAGE)  # fmt: skip
                return
            found = Matcher(config, store).related(title, text, exclude=exclude, url=url)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)
        return
    if as_json:
        _print_json(
            {
                "url": target,
                "title": title,
                "related": [
                    {"url": r.url, "title": r.title, "score": round(r.score, 1)} for r in found
                ],
            }
        )
        return
    out = output_console()
    out.print(f"[bold]Related to:[/bold] {title}", highlight=False)
    for r in found:
        out.print(f"  {r.score:5.1f}  {r.title}\n         {r.url}", highlight=False, markup=False)
    if not found:
        err_console.print("no related releases above the threshold")


@cli.command()
@config_option
@click.option("--preview", is_flag=True, help="Render the pending digest without sending it.")
@click.option("--send", is_flag=True, help="Send (or write to the outbox) what is pending.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("digest-preview.html"),
    show_default=True,
    help="Where --preview writes the HTML.",
)
def digest(config_path: str | None, preview: bool, send: bool, out: Path) -> None:
    """Preview or send the digest of events not yet emailed."""
    from monitor.digest import ledger as digests
    from monitor.run.cycle import deliver_digests, open_store_for_writing, undelivered
    from monitor.store.catalogue import Store, StoreError

    if preview == send:
        _fail("choose one of --preview or --send", EXIT_USAGE)
    config = _load(config_path)
    if send and not config.delivers:
        _fail("no `email:` or `notify:` section in the config: add one (see the README) to "
              "send digests", EXIT_USAGE)  # fmt: skip
    try:
        if preview:
            with Store.open(config.snapshots_dir, readonly=True) as store:
                waiting = digests.unsent(store)
                fresh = digests.preview(store, config.email)
            _show_previews([*waiting, *([fresh] if fresh else [])], len(waiting), out)
            return
        with open_store_for_writing(config, 600.0, err_console) as store:
            if not deliver_digests(config, store, err_console):
                err_console.print("nothing is waiting to be sent")
            left = undelivered(config, store)
        if left:
            _fail(f"{left} digest(s) not accepted by the mail server or a channel; they stay "
                  "queued and go first on the next attempt", EXIT_DELIVERY)  # fmt: skip
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)


def _show_previews(pending: list, unsent: int, out: Path) -> None:
    """Each digest's text on stdout and its HTML in a file: `out`, then out-2.html, ..."""
    if not pending:
        err_console.print("nothing is waiting to be sent")
        return
    for n, item in enumerate(pending, 1):
        path = out if n == 1 else out.with_name(f"{out.stem}-{n}{out.suffix}")
        path.write_text(item.html, encoding="utf-8")
        if len(pending) > 1:
            state = "built, not yet accepted by a server" if n <= unsent else "next digest"
            click.echo(f"=== digest {n} of {len(pending)} ({state}) ===")
        click.echo(f"Subject: {item.subject}\n")
        click.echo(item.text)
        err_console.print(f"HTML preview written to {path}", highlight=False)


@cli.command()
@config_option
@click.option("--theme", "themes", multiple=True, help="Only events of this theme (repeatable).")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the feed to this file (atomically) instead of stdout.")  # fmt: skip
@click.option("-n", "--limit", default=100, show_default=True, help="Most recent events.")
def feed(
    config_path: str | None,
    themes: tuple[str, ...],
    sources: tuple[str, ...],
    out: Path | None,
    limit: int,
) -> None:
    """An Atom 1.0 feed of recent new, edited and removed releases."""
    from monitor.digest.atom import TAG, build_feed, feed_title, recent_events, store_tag
    from monitor.store.catalogue import CATALOGUE, Store, StoreError
    from monitor.store.files import atomic_write

    config = _load(config_path)
    for name in sources:
        try:
            config.source(name)
        except ConfigError as exc:
            _fail(str(exc), EXIT_USAGE)
    items, tag = [], TAG + "store"
    try:
        if (config.snapshots_dir / CATALOGUE).exists():
            with Store.open(config.snapshots_dir, readonly=True) as store:
                items = recent_events(store, themes=themes, sources=sources, limit=limit)
                tag = store_tag(store)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)
    data = build_feed(items, tag=tag, title=feed_title(themes, sources))
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write(out, data, mode=0o644)
    err_console.print(f"{len(items)} entries written to {out}", highlight=False)


@cli.command()
@config_option
@click.option("--log-json", is_flag=True, help="Log one JSON object per line on stderr.")
def run(config_path: str | None, log_json: bool) -> None:
    """Keep watching: check each source on its schedule and send digests, until stopped.

    Stops cleanly on SIGTERM or Ctrl-C (exit 0). `monitor check` may run beside it.
    """
    from monitor.run.service_process import run_service
    from monitor.store.catalogue import StoreError

    config = _load(config_path)
    if not config.sources:
        _fail("no sources in the config: add some under `sources:` (the README shows how)",
              EXIT_USAGE)  # fmt: skip
    if config.queue is not None:
        err_console.print("`queue:` is set, but `monitor run` still checks in this process "
                          "(only `monitor check` sends checks to the workers so far)",
                          highlight=False)  # fmt: skip
    try:
        run_service(config, log_json=log_json)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)


@cli.command()
@config_option
@click.option("--concurrency", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Checks this worker runs at once (threads).")  # fmt: skip
def worker(config_path: str | None, concurrency: int) -> None:
    """Check the sources sent to the `queue` (by `monitor check`), until stopped.

    Stops on SIGTERM or Ctrl-C once its checks in flight ended (exit 0); killed, its unfinished
    checks go back to the queue and another worker runs them.
    """
    from monitor.queue.broker import QueueError
    from monitor.queue.worker import run_worker, stderr_log

    config = _load(config_path)
    if config.queue is None:
        _fail("no `queue:` in the config: add `queue: {url: amqp://…}` (or redis://…) so "
              "`monitor check` sends its checks to workers", EXIT_USAGE)  # fmt: skip
    try:
        run_worker(config, concurrency, stderr_log)
    except QueueError as exc:
        _fail(str(exc), EXIT_STORE)


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def status(config_path: str | None, as_json: bool) -> None:
    """Show each source's last check, result and next due time, and the pending digest."""
    from monitor.run.status import collect_status, print_status
    from monitor.store.catalogue import StoreError

    config = _load(config_path)
    try:
        report = collect_status(config)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)
    if as_json:
        _print_json(report.to_json())
    else:
        print_status(report, output_console())


def _serve_command() -> click.Command:
    from .web.cli import serve  # imports click only; the web stack loads when `serve` runs

    return serve


cli.add_command(_serve_command())


def main() -> None:
    try:
        cli(prog_name="monitor")
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
