"""The pages. Each handler reads the store through `store.browse`, shapes with `render`, and hands a
template plain records; every one is GET-only (the guard refuses anything else)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from monitor.context.search import SearchIndexMissing
from monitor.context.search import search as run_search
from monitor.errors import StoreError
from monitor.fetch.decode import decode_body, media_type
from monitor.store import browse

from . import render
from .app import Archive, etag_for, not_modified

KINDS = ("new", "changed", "removed")
IMMUTABLE = "private, max-age=86400, immutable"  # a stored version never changes
REVALIDATE = "private, no-cache"  # keep a copy, ask each time (a 304 is cheap)
SEARCH_LIMIT = 20


def _archive(request: Request) -> Archive:
    return request.app.state.archive  # type: ignore[no-any-return]


def _int(request: Request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def _choice(request: Request, name: str, allowed: tuple[str, ...] | list[str]) -> str | None:
    value = request.query_params.get(name) or None
    return value if value in allowed else None


def _link(path: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def _no_store(archive: Archive, request: Request, exc: StoreError) -> Response:
    return archive.page(request, "error.html.j2", status=503, title="No archive yet",
                        message=str(exc))  # fmt: skip


def home(request: Request) -> Response:
    archive = _archive(request)
    try:
        with archive.store() as store:
            sources = browse.source_names(store.conn)
            source = _choice(request, "source", sources)
            theme = _choice(request, "theme", archive.themes)
            kind = _choice(request, "kind", KINDS)
            page = browse.recent_events(
                store.conn, source=source, theme=theme, kind=kind,
                before=_int(request, "before"), after=_int(request, "after"),
            )  # fmt: skip
    except StoreError as exc:
        return _no_store(archive, request, exc)
    filters = {"source": source, "theme": theme, "kind": kind}
    return archive.page(
        request, "home.html.j2", page=page, sources=sources, themes=archive.themes, kinds=KINDS,
        filters=filters,
        newer_url=_link("/", **filters, after=page.newer) if page.newer else None,
        older_url=_link("/", **filters, before=page.older) if page.older else None,
        newest_url=_link("/", **filters) if page.newer else None,
        feed_url=_link("/feed.atom", source=source, theme=theme),
    )  # fmt: skip


def source_page(request: Request) -> Response:
    archive = _archive(request)
    name = request.path_params["name"]
    try:
        with archive.store() as store:
            record = browse.source_record(store.conn, name)
            if record is None:
                raise HTTPException(404, f"No source named “{name}” in this archive.")
            releases, older = browse.source_releases(store.conn, name,
                                                      before=_int(request, "before"))  # fmt: skip
    except StoreError as exc:
        return _no_store(archive, request, exc)
    return archive.page(
        request, "source.html.j2", name=name, record=record, releases=releases,
        schedule=_schedule(archive, name, record),
        older_url=_link(f"/source/{name}", before=older) if older else None,
        first_url=f"/source/{name}" if _int(request, "before") else None,
    )  # fmt: skip


def _schedule(archive: Archive, name: str, record: Any) -> dict[str, Any] | None:
    """Next due time, as `monitor status` computes it; None for a source not in the config."""
    from monitor.run.schedule import cadence_for, local_timezone, next_due

    config = archive.config
    src = next((s for s in config.sources if s.name == name), None) if config else None
    if config is None or src is None:
        return None
    cadence = cadence_for(src, config.schedule)
    due = next_due(name, cadence, record.times, datetime.now(UTC), local_timezone())
    return {"url": src.url, "cadence": cadence.describe(),
            "next_due": due.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "overdue": due.overdue}  # fmt: skip


def release_page(request: Request) -> Response:
    archive = _archive(request)
    rid = request.path_params["rid"]
    try:
        with archive.store() as store:
            stamp = browse.release_stamp(store.conn, rid)
            if stamp is None:
                raise HTTPException(404, f"No release {rid} in this archive.")
            etag = etag_for("release", rid, stamp, request.url.query)
            cached = not_modified(request, etag, REVALIDATE)
            if cached is not None:
                return cached
            view = browse.release_view(store.conn, rid)
            assert view is not None
            seqs = [v.seq for v in view.versions]
            seq = _int(request, "v")
            seq = seq if seq in seqs else (seqs[-1] if seqs else None)
            shown = browse.version_body(store.conn, rid, seq) if seq else None
    except StoreError as exc:
        return _no_store(archive, request, exc)
    response = archive.page(
        request, "release.html.j2", r=view, seq=seq,
        text=render.paragraphs(shown[1]) if shown else [],
        shown_title=shown[0] if shown else view.title,
    )  # fmt: skip
    response.headers["etag"] = etag
    return response


def compare_page(request: Request) -> Response:
    archive = _archive(request)
    rid = request.path_params["rid"]
    a, b = _int(request, "a"), _int(request, "b")
    try:
        with archive.store() as store:
            view = browse.release_view(store.conn, rid)
            if view is None:
                raise HTTPException(404, f"No release {rid} in this archive.")
            seqs = [v.seq for v in view.versions]
            if a not in seqs or b not in seqs:
                raise HTTPException(404, f"Release {rid} has versions {_span(seqs)}; "
                                    "choose two of them to compare.")  # fmt: skip
            etag = etag_for("compare", rid, a, b, view.title)
            cached = not_modified(request, etag, IMMUTABLE)
            if cached is not None:
                return cached
            old = browse.version_body(store.conn, rid, a)  # type: ignore[arg-type]
            new = browse.version_body(store.conn, rid, b)  # type: ignore[arg-type]
    except StoreError as exc:
        return _no_store(archive, request, exc)
    assert old is not None and new is not None
    response = archive.page(request, "compare.html.j2", r=view, a=a, b=b,
                            diff=render.compare(old, new))  # fmt: skip
    response.headers.update({"etag": etag, "cache-control": IMMUTABLE})
    return response


def _span(seqs: list[int]) -> str:
    return f"{seqs[0]} to {seqs[-1]}" if seqs else "none"


def version_file(request: Request) -> Response:
    """The extracted text (`text`) or the archived body as fetched (`raw`), never as HTML."""
    archive = _archive(request)
    rid, seq, what = (request.path_params[k] for k in ("rid", "seq", "what"))
    try:
        with archive.store() as store:
            row = browse.version_file(store.conn, rid, seq)
            if row is None or what not in ("text", "raw") or (what == "raw" and not row.raw_hash):
                raise HTTPException(404, f"No {what} for version {seq} of release {rid}.")
            etag = etag_for(what, rid, seq, row.raw_hash)
            cached = not_modified(request, etag, IMMUTABLE)
            if cached is not None:
                return cached
            body = store.read_raw(row.raw_hash) if what == "raw" and row.raw_hash else b""
    except StoreError as exc:
        return _no_store(archive, request, exc)
    except FileNotFoundError:
        raise HTTPException(404, "The archived body is missing from the store folder.") from None
    headers = {"etag": etag, "cache-control": IMMUTABLE}
    if what == "text":
        return PlainTextResponse(f"{row.title}\n\n{row.body}\n", headers=headers)
    mtype = media_type(row.content_type)
    if mtype.startswith("text/") or mtype.endswith(("xml", "html", "json")) or not mtype:
        text, _ = decode_body(body, row.content_type)
        return PlainTextResponse(text, headers=headers)  # shown as source, never rendered
    ext = {"application/pdf": ".pdf"}.get(mtype, ".bin")
    headers["content-disposition"] = f'attachment; filename="{row.key}-v{seq}{ext}"'
    return Response(body, media_type="application/octet-stream", headers=headers)


def search_page(request: Request) -> Response:
    archive = _archive(request)
    q = request.query_params.get("q", "").strip()[:200]
    hits: list[tuple[Any, int | None]] = []
    try:
        with archive.store() as store:
            for hit in run_search(store, q, limit=SEARCH_LIMIT) if q else []:
                hits.append((hit, browse.release_id_for_url(store.conn, hit.url, hit.source)))
    except SearchIndexMissing as exc:
        return archive.page(request, "error.html.j2", status=503, title="No search index yet",
                            message=str(exc))  # fmt: skip
    except StoreError as exc:
        return _no_store(archive, request, exc)
    return archive.page(request, "search.html.j2", q=q, hits=hits)


def atom_feed(request: Request) -> Response:
    """The Atom feed of `monitor feed`, for these filters (a feed reader subscribes here)."""
    from monitor.digest.atom import build_feed, feed_title, recent_events, store_tag

    archive = _archive(request)
    try:
        with archive.store() as store:
            source = _choice(request, "source", browse.source_names(store.conn))
            theme = _choice(request, "theme", archive.themes)
            themes, sources = (theme,) if theme else (), (source,) if source else ()
            items = recent_events(store, themes=themes, sources=sources)
            tag = store_tag(store)
    except StoreError as exc:
        return _no_store(archive, request, exc)
    body = build_feed(items, tag=tag, title=feed_title(themes, sources), self_url=str(request.url))
    etag = etag_for("feed", hashlib.sha256(body).hexdigest())
    cached = not_modified(request, etag, REVALIDATE)
    if cached is not None:
        return cached
    return Response(body, media_type="application/atom+xml; charset=utf-8",
                    headers={"ETag": etag, "Cache-Control": REVALIDATE})  # fmt: skip


def stylesheet(request: Request) -> Response:
    css = _archive(request).css
    etag = etag_for("css", css)
    return not_modified(request, etag, "private, max-age=3600") or Response(
        css, media_type="text/css",
        headers={"etag": etag, "cache-control": "private, max-age=3600"},
    )  # fmt: skip


def favicon(request: Request) -> Response:
    """No icon: an empty answer, so browsers stop asking (and log no error)."""
    return Response(status_code=204, headers={"cache-control": "public, max-age=604800"})


ROUTES = (
    ("/", home),
    ("/source/{name}", source_page),
    ("/release/{rid:int}", release_page),
    ("/release/{rid:int}/compare", compare_page),
    ("/release/{rid:int}/v/{seq:int}/{what}", version_file),
    ("/search", search_page),
    ("/feed.atom", atom_feed),
    ("/static/style.css", stylesheet),
    ("/favicon.ico", favicon),
)
