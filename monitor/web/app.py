"""The web view's application factory: routes, templates, the store it reads, its guard."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from monitor.store.catalogue import Store

from ..config import Config
from . import render
from .security import Credentials, Guard

# Bumped with any template change so that a browser's cached release page (ETag) is refetched.
TEMPLATE_VERSION = "1"


@dataclass(frozen=True)
class Archive:
    """What every request reads: the store folder, the config (schedules, themes) if any."""

    root: Path
    config: Config | None
    themes: tuple[str, ...]
    env: Environment
    css: bytes

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only connection per request: never blocks a running check, always current."""
        with Store.open(self.root, readonly=True) as store:
            yield store

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        html = self.env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status,
                            headers={"cache-control": "private, no-cache"})  # fmt: skip


def configured_themes(config: Config | None) -> tuple[str, ...]:
    from monitor.context.themes import DEFAULT_THEMES

    if config is None or config.themes is None:
        return tuple(t.name for t in DEFAULT_THEMES)
    return tuple(config.themes)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("monitor.web", "templates"),
        autoescape=True,  # every template, whatever its name: stored text is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(href=render.safe_href, lang=render.lang_attr, highlight=render.highlight)
    env.filters["when"] = lambda iso: (iso or "").replace("T", " ").replace("Z", " UTC")
    return env


def create_app(
    root: str | Path, config: Config | None = None, credentials: Credentials | None = None
) -> Guard:
    """The ASGI app over the store at `root`. Pass `credentials` to require a login."""
    from . import routes

    css = resources.files("monitor.web").joinpath("static/style.css").read_bytes()
    archive = Archive(Path(root), config, configured_themes(config), _environment(), css)

    async def not_found(request: Request, exc: Exception) -> Response:
        detail = exc.detail if isinstance(exc, HTTPException) else "Not found"
        code = exc.status_code if isinstance(exc, HTTPException) else 404
        return archive.page(request, "error.html.j2", status=code, title=str(code),
                            message=detail)  # fmt: skip

    app = Starlette(
        routes=[Route(path, endpoint, methods=["GET"]) for path, endpoint in routes.ROUTES],
        exception_handlers={HTTPException: not_found},
    )
    app.state.archive = archive
    return Guard(app, credentials)


def etag_for(*parts: object) -> str:
    digest = hashlib.sha256("|".join(map(str, (TEMPLATE_VERSION, *parts))).encode()).hexdigest()
    return f'"{digest[:32]}"'


def not_modified(request: Request, etag: str, cache_control: str) -> Response | None:
    """A 304 when the browser already has this exact page."""
    wanted = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/") for t in wanted.split(",")}
    if etag in tags or "*" in tags:
        return Response(status_code=304, headers={"etag": etag, "cache-control": cache_control})
    return None
