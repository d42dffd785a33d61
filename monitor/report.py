"""How a check is shown to a person in a terminal: progress while it runs, a summary after;
and what `monitor extract` read from a page.

Reporters only read the CheckReport (or the Reading); they never reach back into fetching or
the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table
from rich.text import Text

from .models import CheckReport, Event, Related

if TYPE_CHECKING:
    from .extract import Reading

_DIFF_TOKEN = re.compile(r"(\[-.*?-\]|\{\+.*?\+\})", re.DOTALL)


def output_console(*, stderr: bool = False) -> Console:
    """A console for what a command prints. Piped or redirected (cron mail, a log file, `less`),
    lines are not wrapped at 80 columns: a URL or a path cut in two can be neither opened nor
    searched for. Tables and rules still fit the width."""
    console = Console(stderr=stderr)
    if not console.is_terminal:
        console.soft_wrap = True
    return console


class CheckProgress:
    """A progress bar per source on stderr; silent when stderr is not a terminal."""

    def __init__(self, console: Console, enabled: bool = True):
        self._progress = Progress(
            TextColumn("[bold]{task.description:<18}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("releases"),
            console=console,
            transient=False,
            disable=not enabled,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> CheckProgress:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(None, None, None)

    def __call__(self, source: str, done: int, total: int) -> None:
        task = self._tasks.get(source)
        if task is None:
            task = self._tasks[source] = self._progress.add_task(source, total=total or None)
        self._progress.update(task, completed=done, total=total or None)


def diff_text(diff: str) -> Text:
    """Colour a `[-deleted-]{+inserted+}` diff for the terminal."""
    out = Text()
    for part in _DIFF_TOKEN.split(diff):
        if part.startswith("[-") and part.endswith("-]"):
            out.append(part[2:-2], style="bold red strike")
        elif part.startswith("{+") and part.endswith("+}"):
            out.append(part[2:-2], style="bold green")
        else:
            out.append(part)
    return out


def _line(event: Event) -> str:
    date = f" [dim]({event.date})[/dim]" if event.date else ""
    themes = ""
    if event.themes:
        themes = " [magenta]" + ", ".join(escape(t.theme) for t in event.themes) + "[/magenta]"
    return f"[bold]{escape(event.title)}[/bold]{date}{themes}\n    [blue]{escape(event.url)}[/blue]"


def print_summary(report: CheckReport, console: Console) -> None:
    baseline = [e for e in report.new if e.baseline]
    new = [e for e in report.new if not e.baseline]
    if baseline:
        per_source: dict[str, int] = defaultdict(int)
        for e in baseline:
            per_source[e.source] += 1
        parts = ", ".join(f"{n} from {escape(s)}" for s, n in per_source.items())
        console.print(f"[bold]Baseline[/bold]: {len(baseline)} releases recorded ({parts}).")
    if new:
        console.rule(f"[green]New releases ({len(new)})")
        for e in new:
            console.print(f"[green]+[/green] {escape(f'[{e.source}]')} {_line(e)}")
            for r in e.related[:3]:
                console.print(
                    f"    related ({r.score:.0f}): {escape(r.title)} [dim]{escape(r.url)}[/dim]"
                )
    if report.changed:
        console.rule(f"[yellow]Edited releases ({len(report.changed)})")
        for e in report.changed:
            console.print(f"[yellow]~[/yellow] {escape(f'[{e.source}]')} {_line(e)}")
            if console.color_system is None:  # no colour: keep the [-…-]{+…+} markers
                console.print(e.diff or "", markup=False, highlight=False)
            else:
                console.print(diff_text(e.diff or ""), soft_wrap=False)
            console.print()
    if report.removed:
        console.rule(f"[red]Removed releases ({len(report.removed)})")
        for e in report.removed:
            console.print(f"[red]-[/red] {escape(f'[{e.source}]')} {_line(e)}")
            console.print(f"    {escape(e.reason or '')}")
            if e.archived:
                console.print(f"    last version kept at {escape(e.archived)}")
    if report.errors:
        console.rule(f"[red]Errors ({len(report.errors)})")
        for err in report.errors:
            console.print(f"[red]![/red] {escape(f'[{err.source}]')} {escape(err.url)}")
            console.print(f"    {escape(err.error)}")
    table = Table(title="Sources", title_justify="left", show_edge=False)
    for col in ("source", "listed", "fetched", "304", "unchanged", "seconds", "status"):
        table.add_column(col, justify="left" if col in ("source", "status") else "right")
    for s in report.sources:
        table.add_row(
            s.source, str(s.releases_seen), str(s.fetched), str(s.not_modified),
            str(s.unchanged), f"{s.duration:.1f}", "[green]ok" if s.ok else "[red]failed",
        )  # fmt: skip
    console.print(table)
    console.print(
        f"[bold]{len(new)}[/bold] new, [bold]{len(report.changed)}[/bold] edited, "
        f"[bold]{len(report.removed)}[/bold] removed, [bold]{len(report.errors)}[/bold] errors"
        + (f", {len(baseline)} in baseline" if baseline else "")
    )


def reading_json(
    target: str, reading: Reading, warnings: list[str], source: str | None
) -> dict[str, Any]:
    """`monitor extract --json`: one object per target (`source`, `region`, `template_lines`
    when read as a configured source)."""
    data: dict[str, Any] = {"path": target, "title": reading.document.title,
                            "date": reading.document.date, "text": reading.document.text,
                            "warnings": warnings}  # fmt: skip
    if source:
        data.update(source=source, region=reading.read_in, template_lines=reading.template_lines)
    return data


def print_reading(console: Console, target: str, reading: Reading, *, learned: bool) -> None:
    """What `monitor extract` read from one page; `learned`: read with a source's template."""
    doc = reading.document
    console.rule(target)
    console.print(f"[bold]{doc.title}[/bold]", highlight=False)
    console.print(f"date: {doc.date or 'not found'}", highlight=False)
    if learned:
        where = f"in the learned region {reading.read_in}" if reading.read_in else (
            "by single-page reading (no region learned for this page yet)")
        console.print(f"read {where}; {reading.template_lines} template line(s) left out",
                      highlight=False, markup=False)  # fmt: skip
    console.print()
    console.print(doc.text, highlight=False, markup=False)


def related_json(target: str, title: str, found: Sequence[Related]) -> dict[str, Any]:
    """`monitor related --json`."""
    return {"url": target, "title": title,
            "related": [{"url": r.url, "title": r.title, "score": round(r.score, 1)}
                        for r in found]}  # fmt: skip


def print_related(
    console: Console, err_console: Console, title: str, found: Sequence[Related]
) -> None:
    """`monitor related`: the closest releases first, with their similarity (0-100)."""
    console.print(f"[bold]Related to:[/bold] {title}", highlight=False)
    for r in found:
        console.print(f"  {r.score:5.1f}  {r.title}\n         {r.url}", highlight=False,
                      markup=False)  # fmt: skip
    if not found:
        err_console.print("no related releases above the threshold")


def show_previews(pending: list, unsent: int, out: Path, err_console: Console) -> None:
    """`monitor digest --preview`: each digest's text on stdout and its HTML in a file: `out`,
    then out-2.html, ..."""
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
