"""Shared fixtures: a real HTTP server serving a sample ministry site, and a real store.

One server serves every test of a session (emptied before each), so sites are built on the same
address and a first check can be kept: see `Ministry.baseline`.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from monitor.config import Config, parse_config
from monitor.demo.samples import SampleRelease, load_releases
from monitor.demo.server import FixtureServer
from monitor.demo.site import SiteLayout, build_site
from monitor.models import CheckReport
from monitor.run.check import CheckOptions, run_check
from monitor.store.catalogue import Store
from tests import services

DATA = Path(__file__).parent / "data"


def _scratch_in_memory() -> None:
    """Temporary folders (the tests' stores) on the RAM disk when there is one with room and no
    TMPDIR says otherwise: the store fsyncs every file it writes, as it must, which on a disk
    costs milliseconds a write and nothing in memory."""
    shm = Path("/dev/shm")
    if "TMPDIR" in os.environ or not shm.is_dir() or not os.access(shm, os.W_OK | os.X_OK):
        return
    room = os.statvfs(shm)
    if room.f_bavail * room.f_frsize >= 1 << 30:
        tempfile.tempdir = str(shm)


_scratch_in_memory()


@functools.lru_cache(maxsize=64)
def _built_site(releases: tuple[SampleRelease, ...], **options) -> dict:
    """build_site is deterministic: the same site asked for again (most tests start from the
    sample site, many then change its chrome the same way) is rendered once a session."""
    return build_site(releases, **options)


@dataclass
class Baselines:
    """The stores first checks left in this session, by what they read and how (the site's
    answers and the config): most tests begin by checking the same site once."""

    folder: Path
    stores: dict[str, Path] = field(default_factory=dict)


@dataclass
class Ministry:
    """A sample ministry site on 127.0.0.1 that a test can edit between checks."""

    server: FixtureServer
    root: Path
    style: str = "wordpress"
    releases: list[SampleRelease] = field(default_factory=load_releases)
    chrome_version: int = 0
    gone: list[SampleRelease] = field(default_factory=list)
    gone_status: int = 404
    per_page: int = 5
    pdf: bool = False
    source_extra: dict = field(default_factory=dict)
    baselines: Baselines | None = None

    def __post_init__(self) -> None:
        self.publish()

    @property
    def layout(self) -> SiteLayout:
        return SiteLayout(self.style)

    def publish(self, **changes) -> None:
        for key, value in changes.items():
            setattr(self, key, value)
        routes = _built_site(
            tuple(self.releases),
            style=self.style,
            chrome_version=self.chrome_version,
            per_page=self.per_page,
            origin=self.server.origin,
            gone=tuple(self.gone),
            gone_status=self.gone_status,
            pdf=self.pdf,
        )
        self.server.set_routes(routes)  # it copies the table: a test may change its copy

    def url(self, release: SampleRelease) -> str:
        return self.server.url(self.layout.article(release))

    def release(self, slug: str) -> SampleRelease:
        return next(r for r in self.releases if r.slug == slug)

    def config(self, **top) -> Config:
        source = {"name": "ministry", "url": self.server.url(self.layout.listing(1))}
        source.update(self.source_extra)
        data = {
            "snapshots": str(self.root / "snapshots"),
            "fetch": {"per_host_delay": 0, "backoff": 0.01, "retries": 1, "timeout": 10},
            "sources": [source],
            # Sample releases date from 2020-2024: re-read them all on every check, so these
            # tests exercise detection; the revisit policy has tests of its own.
            "revisit": {"fresh_days": 36500},
        }
        data.update(top)
        return parse_config(yaml.safe_dump(data), base_dir=self.root)

    def write_config(self, **top) -> Path:
        path = self.root / "config.yaml"
        path.write_text(yaml.safe_dump(self.config(**top).model_dump(by_alias=True,
                        exclude_none=True, exclude={"base_dir"})))  # fmt: skip
        return path

    def check(self, config: Config | None = None, **options) -> CheckReport:
        config = config or self.config()
        with Store.open(config.snapshots_dir) as store:
            return asyncio.run(run_check(config, store, CheckOptions(**options)))

    def baseline(self, config: Config | None = None) -> None:
        """The site's first check, for tests about what follows it (its report is not kept).
        When a check of the same answers with the same config was made earlier in the session,
        the store it left is copied instead of reading every page again; the first such check
        is a real one, like every check after it."""
        config = config or self.config()
        store = config.snapshots_dir
        elsewhere = (  # a check that reads or writes more than the server and the folder
            config.corpus
            or config.store.files
            or config.store.catalogue
            or config.queue
            or not all(s.url.startswith(self.server.origin + "/") for s in config.sources)
        )
        if self.baselines is None or store.exists() or elsewhere:
            self.check(config)
            return
        key = self._fingerprint(config)
        kept = self.baselines.stores.get(key)
        if kept is None:
            self.check(config)
            kept = self.baselines.folder / key
            shutil.copytree(store, kept)
            self.baselines.stores[key] = kept
        else:
            shutil.copytree(kept, store)

    def _fingerprint(self, config: Config) -> str:
        settings = json.dumps(config.model_dump(mode="json"), sort_keys=True, default=str)
        answers = repr(sorted(self.server.routes.items()))  # bodies, statuses, headers
        both = settings.replace(str(self.root), "<root>") + answers
        return hashlib.sha256(both.encode()).hexdigest()[:16]


@pytest.fixture(scope="session")
def _session_server():
    with FixtureServer() as srv:
        yield srv


@pytest.fixture
def server(_session_server: FixtureServer) -> FixtureServer:
    """The session's server, with no routes and no requests logged yet."""
    _session_server.set_routes({})
    _session_server.clear_requests()
    return _session_server


@pytest.fixture(scope="session")
def baselines(tmp_path_factory) -> Baselines:
    return Baselines(tmp_path_factory.mktemp("baselines"))


@pytest.fixture
def ministry(server, tmp_path, baselines) -> Ministry:
    return Ministry(server, tmp_path, baselines=baselines)


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory):
    """A checked archive for the web view's tests, which only read it (one that writes copies
    it first)."""
    from tests.web_archive import build_archive

    with FixtureServer() as server:
        yield build_archive(tmp_path_factory.mktemp("web"), server)


# --- real services (tests/services.py): skipped where absent; MONITOR_REQUIRE_SERVICES=1 fails


@pytest.fixture(scope="session")
def postgresql() -> services.Service:
    service = services.require("PostgreSQL", "MONITOR_TEST_POSTGRESQL", services.probe_postgresql)
    services.install_trigrams(service.url)
    return service


@pytest.fixture
def pg_url(postgresql):
    """A catalogue URL naming a new, empty schema, dropped after the test."""
    import psycopg

    from monitor.store import postgres

    schema = f"monitor_test_{secrets.token_hex(6)}"
    with psycopg.connect(postgresql.url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{postgresql.url}?options=-csearch_path%3D{schema}"
    yield url
    postgres.close_pool(url)
    with psycopg.connect(postgresql.url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def redis_server() -> services.Service:
    return services.require("Redis", "MONITOR_TEST_REDIS", services.probe_redis)


@pytest.fixture(scope="session")
def rabbitmq() -> services.Service:
    return services.require("RabbitMQ", "MONITOR_TEST_AMQP", services.probe_amqp)


@pytest.fixture(scope="session")
def s3_endpoint():
    with services.s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def s3_bucket(s3_endpoint, monkeypatch) -> services.S3Bucket:
    """A new empty bucket; the AWS_* variables point every S3 client at the test server."""
    for name, value in services.s3_environment(s3_endpoint).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return services.new_bucket(s3_endpoint)
