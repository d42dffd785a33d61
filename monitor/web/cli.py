"""`monitor serve`: the read-only web view, on loopback unless told otherwise."""

from __future__ import annotations

import sys

import click

from ..cli import config_option, err_console
from ..config import load_config
from .security import PASSWORD_ENV, USER_ENV, credentials_from_env, is_loopback


@click.command()
@config_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback exposes the archive.",
)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")  # fmt: skip
def serve(config_path: str | None, host: str, port: int) -> None:
    """Browse the archive in a web browser: changes, sources, every version and its diff."""
    import uvicorn

    from monitor.store.catalogue import Store

    from .app import create_app

    config = load_config(config_path)
    credentials = credentials_from_env()  # AuthConfigError, a ConfigError: exit 2
    Store.open(config.snapshots_dir, readonly=True).close()  # StoreError: exit 3
    if not is_loopback(host):
        login = "a login is required" if credentials else (
            f"anyone who can reach it can read it; set {USER_ENV} and {PASSWORD_ENV} "
            "to require a login")  # fmt: skip
        err_console.print(f"[bold yellow]warning:[/bold yellow] serving on {host} exposes the "
                          f"archive to the network: {login}", highlight=False)  # fmt: skip
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"Serving the archive in {config.snapshots_dir} at http://{shown}:{port}/ "
                      "(read-only; Ctrl-C to stop)", highlight=False)  # fmt: skip
    app = create_app(config.snapshots_dir, config, credentials)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    sys.exit(0)
