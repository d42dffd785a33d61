"""`monitor store copy`: a whole store moved to another catalogue and archive (store/copy.py)."""

from __future__ import annotations

import click

from monitor.cli import _print_json, config_option, err_console
from monitor.config import load_config


@click.group()
def store() -> None:
    """Work on the store as a whole."""


@store.command()
@config_option
@click.option(
    "--to",
    "target_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The config of the store to copy to (its `snapshots` and `store:`).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Copy into a target that is not empty: its rows are replaced, its files overwritten.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def copy(config_path: str | None, target_path: str, force: bool, as_json: bool) -> None:
    """Copy the whole store (catalogue and files) to the store of another config, verified.

    Any catalogue (SQLite, PostgreSQL) and archive (a folder, s3://…) to any other. Ids are
    kept; each table's rows are counted and each file's sha256 compared after copying.
    Progress on stderr. Stop the service and workers writing to the source first: what they
    write during the copy is not copied.
    """
    from monitor.store.copy import StoreLocation, copy_store

    source = StoreLocation.of(load_config(config_path))
    target = StoreLocation.of(load_config(target_path))
    err_console.print(f"copying {source.describe()}\n     to {target.describe()}", highlight=False)
    report = copy_store(
        source, target, force=force, progress=lambda line: err_console.print(line, highlight=False)
    )
    if as_json:
        _print_json({"rows": report.rows, "files": report.files, "bytes": report.bytes,
                     "shared_archive": report.shared_archive,
                     "seconds": round(report.seconds, 1)})  # fmt: skip
        return
    rows = sum(report.rows.values())
    files = "checked in the shared archive" if report.shared_archive else "copied and checked"
    err_console.print(
        f"done in {report.seconds:.1f} s: {rows:,} rows in {len(report.rows)} tables and "
        f"{report.files:,} files ({report.bytes / 1e6:.1f} MB) {files}",
        highlight=False,
    )
