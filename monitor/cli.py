"""The `monitor` command. Thin: parse options, call the library, print, choose an exit code.

Every exit code is chosen here. A command lets a `MonitorError` through and `_Monitor.invoke`
prints its message and exits with its code from `EXIT_CODES`; any other exception is a bug and
ends in its traceback (exit 1). Outcomes that are no error (a check that reached no source,
`--strict`, a target `monitor extract` could not read) pick their code where they are seen.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from .config import Config, load_config
from .errors import (
    ConfigError,
    DeliveryError,
    MonitorError,
    QueueError,
    StoreError,
    UsageError,
)
from .report import output_console

if TYPE_CHECKING:
    from .models import CheckReport

EXIT_UNREADABLE = 1  # `extract`: a target could not be read (otherwise 1 is a bug's traceback)
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_DELIVERY = 4
EXIT_ALL_FAILED = 5  # `check`: not one source could be checked (cron: the network, a proxy...)
EXIT_ERRORS = 6  # `check --strict`: some release or source could not be checked
EXIT_INTERRUPTED = 130  # Ctrl-C

# The error a command let through → its exit code (the nearest class in its ancestry wins).
EXIT_CODES: dict[type[MonitorError], int] = {
    ConfigError: EXIT_USAGE,  # also web.security.AuthConfigError
    UsageError: EXIT_USAGE,
    StoreError: EXIT_STORE,  # also StoreBusy (`--no-wait`, a second `monitor run`)
    QueueError: EXIT_STORE,  # the broker is down, or no worker ended a queued check
    DeliveryError: EXIT_DELIVERY,
}

err_console = output_console(stderr=True)


def exit_code(exc: MonitorError) -> int | None:
    """The exit code for an error, None for one no command should let through (a bug)."""
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return None


class _Monitor(click.Group):
    """Runs a command; the one place where an error becomes a message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            code = exit_code(exc)
            if code is None:
                raise
            # escaped: a message quoting a URL or a selector ("div[class]") is shown whole
            err_console.print(f"[bold red]error:[/bold red] {escape(str(exc))}", highlight=False)
            sys.exit(code)


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


@click.group(cls=_Monitor, context_settings={"help_option_names": ["-h", "--help"]})
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

    config = _with_sources(load_config(config_path))
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
    except (OSError, sqlite3.OperationalError) as exc:
        raise StoreError(_write_failure(config, exc)) from exc
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


def _with_sources(config: Config) -> Config:
    if not config.sources:
        raise ConfigError("no sources in the config: add some under `sources:` (the README "
                          "shows how)")  # fmt: skip
    return config


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
    from monitor.store.catalogue import Store

    config = load_config(config_path)
    with Store.open(config.snapshots_dir, readonly=True) as store:
        hits = run_search(store, query, limit=limit)
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
    from monitor.report import print_related, related_json
    from monitor.store.catalogue import Store

    config = load_config(config_path)
    with Store.open(config.snapshots_dir, readonly=True) as store:
        stored = store.latest_text(target)
        url = target
        if stored is not None:
            title, text, exclude = stored.title, stored.body, stored.release_id
        elif Path(target).is_file():
            doc = load_document(Path(target))
            title, text, exclude, url = doc.title, doc.text, None, doc.url
        else:
            raise UsageError(f"{target} is not a stored release URL nor a file; "
                             "`monitor search` finds stored releases")  # fmt: skip
        found = Matcher(config, store).related(title, text, exclude=exclude, url=url)
    if as_json:
        _print_json(related_json(target, title, found))
    else:
        print_related(output_console(), err_console, title, found)


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
    from monitor.store.catalogue import Store

    from .report import show_previews

    if preview == send:
        raise UsageError("choose one of --preview or --send")
    config = load_config(config_path)
    if send and not config.delivers:
        raise ConfigError("no `email:` or `notify:` section in the config: add one (see the "
                          "README) to send digests")  # fmt: skip
    if preview:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            waiting = digests.unsent(store)
            fresh = digests.preview(store, config.email)
        show_previews([*waiting, *([fresh] if fresh else [])], len(waiting), out, err_console)
        return
    with open_store_for_writing(config, 600.0, err_console) as store:
        if not deliver_digests(config, store, err_console):
            err_console.print("nothing is waiting to be sent")
        left = undelivered(config, store)
    if left:  # each attempt's own error was printed as it happened
        raise DeliveryError(f"{left} digest(s) not accepted by the mail server or a channel; "
                            "they stay queued and go first on the next attempt", "temporary",
                            temporary=True)  # fmt: skip


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
    from monitor.store.catalogue import Store
    from monitor.store.files import atomic_write

    config = load_config(config_path)
    for name in sources:
        config.source(name)
    items, tag = [], TAG + "store"
    if Store.exists(config.snapshots_dir):
        with Store.open(config.snapshots_dir, readonly=True) as store:
            items = recent_events(store, themes=themes, sources=sources, limit=limit)
            tag = store_tag(store)
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

    config = _with_sources(load_config(config_path))
    if config.queue is not None:
        from monitor.queue.broker import shown

        err_console.print(f"checks go to the queue {config.queue.name!r} on "
                          f"{shown(config.queue.url)}: `monitor worker` runs them; digests are "
                          "sent from here", highlight=False)  # fmt: skip
    run_service(config, log_json=log_json)


@cli.command()
@config_option
@click.option("--concurrency", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Checks this worker runs at once (threads).")  # fmt: skip
def worker(config_path: str | None, concurrency: int) -> None:
    """Check the sources sent to the `queue` (by `monitor check`), until stopped.

    Stops on SIGTERM or Ctrl-C once its checks in flight ended (exit 0); killed, its unfinished
    checks go back to the queue and another worker runs them.
    """
    from monitor.queue.worker import run_worker, stderr_log

    config = load_config(config_path)
    if config.queue is None:
        raise ConfigError("no `queue:` in the config: add `queue: {url: amqp://…}` (or "
                          "redis://…) so `monitor check` sends its checks to workers")  # fmt: skip
    run_worker(config, concurrency, stderr_log)


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def status(config_path: str | None, as_json: bool) -> None:
    """Show each source's last check, result and next due time, and the pending digest."""
    from monitor.run.status import collect_status, print_status

    report = collect_status(load_config(config_path))
    if as_json:
        _print_json(report.to_json())
    else:
        print_status(report, output_console())


def _commands_beside() -> list[click.Command]:
    from .cli_extract import extract
    from .cli_store import store
    from .web.cli import serve  # imports click only; the web stack loads when `serve` runs

    return [extract, serve, store]


for _command in _commands_beside():
    cli.add_command(_command)


def main() -> None:
    try:
        cli(prog_name="monitor")
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
