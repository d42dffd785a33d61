"""Load and validate config.yaml before anything runs.

Every error names the key path and the line, so a person can fix the file without reading code.
Unknown keys are errors: a misspelt `max_page` silently ignored would cost someone a week of
missed releases.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from monitor.config_messages import check_unique_names, describe
from monitor.errors import ConfigError
from monitor.fetch.access import Credentials, redact, split_userinfo
from monitor.queue.broker import check_broker_url
from monitor.store import archive, postgres

DEFAULT_USER_AGENT = (
    "monitor/0.1 (+https://github.com/monitor-press/monitor; press-release change monitor)"
)

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w)?\s*$")
_UNIT_SECONDS = {
    None: 1, "s": 1, "sec": 1, "secs": 1,
    "m": 60, "min": 60, "mins": 60,
    "h": 3600, "hr": 3600, "hrs": 3600,
    "d": 86400, "day": 86400, "days": 86400, "w": 604800,
}  # fmt: skip


ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # what an environment variable's name may be


def parse_duration(value: Any) -> float:
    """'30s', '10m', '1h', '1d', '2w' or a number of seconds → seconds."""
    if isinstance(value, bool):
        raise ValueError("expected a duration like 30s, 10m, 1h or 1d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value).lower())
        if not match:
            raise ValueError(f"expected a duration like 30s, 10m, 1h or 1d, got {value!r}")
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return seconds


Duration = Annotated[float, BeforeValidator(parse_duration)]


def _check_cron(value: str | None) -> str | None:
    if value is None:
        return None
    fields = value.split()
    if len(fields) != 5:
        raise ValueError(
            f"a cron expression has 5 fields (minute hour day month weekday), got {value!r}"
        )
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value)
    except ValueError as exc:
        raise ValueError(f"invalid cron expression {value!r}: {exc}") from None
    return value


Cron = Annotated[str | None, BeforeValidator(_check_cron)]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FetchConfig(_Model):
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = Field(8, ge=1, le=256)
    timeout: float = Field(30.0, gt=0)
    per_host_delay: float = Field(1.0, ge=0)
    robots: bool = True
    max_bytes: int = Field(20_000_000, ge=1024)  # a body larger than this is refused
    retries: int = Field(3, ge=0, le=10)
    backoff: float = Field(1.0, ge=0)  # first retry delay, doubled each time
    # Hosts that may resolve to a private or loopback address (an intranet mirror, a proxy);
    # a source's own host always may.
    allow_hosts: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)


class SourceAuth(_Model):
    """HTTP Basic credentials, sent to the source's own host only; the password stays out of
    config.yaml, in the environment variable `password_env` names."""

    username: str
    password_env: str


class RevisitConfig(_Model):
    """How often known releases are re-read: recent ones every check, older ones less often."""

    fresh_days: float = Field(14, ge=0)  # re-read on every check while younger than this
    daily_until_days: float = Field(90, ge=0)  # then once a day until this age
    older_every: Duration = 7 * 86400.0  # then at this interval


class SourceConfig(_Model):
    name: str
    url: str
    links: str | None = None  # CSS selector for release links on a listing page
    content: str | None = None  # CSS selector for the statement text
    title: str | None = None  # CSS selector for the title
    date: str | None = None  # CSS selector for the publication date
    max_pages: int = Field(3, ge=1, le=1000)
    every: Duration | None = None
    cron: Cron = None
    headers: dict[str, str] = Field(default_factory=dict)
    cookies: dict[str, str] = Field(default_factory=dict)
    type: Literal["auto", "listing", "feed", "page"] = "auto"
    auth: SourceAuth | None = None

    @property
    def address(self) -> str:
        """The URL as shown and stored: without `user:password@`."""
        return redact(self.url)

    def credentials(self) -> Credentials | None:
        """`auth` (password read from the environment now), else user-info in the URL.
        Raises ConfigError when the variable is not set."""
        if self.auth is None:
            return split_userinfo(self.url)[1]
        password = os.environ.get(self.auth.password_env)
        if password is None:
            raise ConfigError(
                f"source {self.name!r}: `auth.password_env` names {self.auth.password_env}, "
                "which is not set in the environment: set it to the site's password"
            )
        return Credentials(self.auth.username, password)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", v):
            raise ValueError(
                f"use letters, digits, '-', '_' or '.' (it names folders in the store), got {v!r}"
            )
        if v.lower() == "corpus":  # the reference corpus is stored as a source of that name
            raise ValueError("'corpus' is reserved for the reference documents; choose another")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not re.match(r"^https?://[^/\s]+", v):
            raise ValueError(f"must be an http:// or https:// address, got {v!r}")
        return v


class ThemeConfig(_Model):
    terms: list[str] = Field(min_length=1)  # phrases that tag a release on their own
    support: list[str] = Field(default_factory=list)  # raise the score; never tag alone
    exemplars: list[str] = Field(default_factory=list)  # paths or URLs of typical releases
    min_score: float | None = Field(None, ge=0)


class SmtpConfig(_Model):
    host: str | None = None
    port: int | None = Field(None, ge=1, le=65535)
    security: Literal["none", "starttls", "tls"] = "starttls"
    username: str | None = None
    password_env: str | None = None  # a secret by mistake: never shown (_SECRET_KEYS)
    timeout: float = Field(30.0, gt=0)
    # PEM certificate(s) to trust for this server only (a private CA, a self-signed cert);
    # SSL_CERT_FILE would also replace the CAs every HTTPS source is checked against.
    ca_file: str | None = None

    @field_validator("password_env")
    @classmethod
    def _variable_name(cls, v: str | None) -> str | None:
        if v is not None and not ENV_NAME.fullmatch(v):
            raise ValueError(
                "password_env must name an environment variable (letters, digits and '_', "
                "e.g. MONITOR_SMTP_PASSWORD), not hold the password: put the password in that "
                "variable (and change it if this file was shared); the value is not shown"
            )
        return v

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return {"none": 25, "starttls": 587, "tls": 465}[self.security]


class DigestSchedule(_Model):
    """When digests go out: `immediate` (after each check that found something) or a cron."""

    cron: Cron = None

    @property
    def immediate(self) -> bool:
        return self.cron is None


def _digest_schedule(value: Any) -> Any:
    if value is None or value == "immediate":
        return {}
    if isinstance(value, str):
        raise ValueError(f"use 'immediate' or {{cron: \"0 7 * * *\"}}, got {value!r}")
    return value


class EmailConfig(_Model):
    to: Annotated[list[str], BeforeValidator(_as_list)] = Field(min_length=1)
    from_: str = Field("monitor@localhost", alias="from")
    subject: str | None = None
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)
    outbox: str = "outbox"
    digest: Annotated[DigestSchedule, BeforeValidator(_digest_schedule)] = Field(
        default_factory=DigestSchedule
    )
    failing_after: int = Field(3, ge=1)  # consecutive failures before a source is reported

    @field_validator("to")
    @classmethod
    def _addresses(cls, v: list[str]) -> list[str]:
        for addr in v:
            if "@" not in addr or any(c in addr for c in "\r\n"):
                raise ValueError(f"not an email address: {addr!r}")
        return v


class NotifyConfig(_Model):
    """One chat or webhook channel (any Apprise URL). The URL holds the service's token, so it
    may come from the environment (`url_env`), and it is never shown or stored: the channel is
    named by `name`, else the variable's name, else its scheme and a hash of the URL."""

    url: str | None = None
    url_env: str | None = None
    name: str | None = None
    themes: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    format: Literal["brief", "full"] = "brief"

    @model_validator(mode="after")
    def _one_url(self) -> NotifyConfig:
        if (self.url is None) == (self.url_env is None):
            raise ValueError("give either `url` (an Apprise URL) or `url_env` (the name of the "
                             "environment variable holding it)")  # fmt: skip
        if self.url is not None and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://\S", self.url):
            raise ValueError("`url` must be an Apprise URL like slack://… or jsons://host/path "
                             "(the value is not shown)")  # fmt: skip
        return self

    @field_validator("url_env")
    @classmethod
    def _variable_name(cls, v: str | None) -> str | None:
        if v is not None and not ENV_NAME.fullmatch(v):
            raise ValueError("url_env must name an environment variable (letters, digits and "
                             "'_', e.g. MONITOR_SLACK_URL), not hold the URL; the value is not "
                             "shown")  # fmt: skip
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", v):
            raise ValueError(f"use letters, digits, '-', '_' or '.', got {v!r}")
        return v

    @property
    def key(self) -> str:
        """How the store and `monitor status` name the channel; never the URL."""
        if self.name:
            return self.name
        if self.url_env:
            return self.url_env
        scheme = (self.url or "").partition("://")[0].lower()
        return f"{scheme}-{hashlib.sha256((self.url or '').encode()).hexdigest()[:8]}"

    def resolve_url(self) -> str:
        """The URL, read from the environment now for `url_env`; ConfigError when unset."""
        if self.url is not None:
            return self.url
        assert self.url_env is not None
        value = os.environ.get(self.url_env, "").strip()
        if not value:
            raise ConfigError(f"notify channel {self.key}: `url_env` names {self.url_env}, which "
                              "is not set in the environment: set it to the channel's Apprise "
                              "URL")  # fmt: skip
        return value


class FeedConfig(_Model):
    """An Atom feed of recent events, rewritten after each check that recorded some."""

    path: str  # relative to the config file's folder
    themes: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    sources: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    entries: int = Field(100, ge=1, le=1000)
    url: str | None = None  # where it is published: the feed's rel="self" link


class ScheduleConfig(_Model):
    every: Duration = 3600.0
    jitter: Duration = 300.0
    cron: Cron = None
    misfire_grace: Duration = 3600.0
    max_backoff: Duration = 86400.0  # longest interval a failing source backs off to
    # sources `monitor run` checks at once (None: one per source, at most 4); a source that
    # hangs holds one worker, never the others
    workers: int | None = Field(None, ge=1, le=64)
    # on a start with sources never checked, immediate digests wait this long at most for all
    # of their first checks, so their baselines go out in one digest (0: no waiting)
    baseline_wait: Duration = 600.0


class StoreConfig(_Model):
    """Where the store keeps its parts; absent, all of it is in the `snapshots` folder."""

    # the archive of texts and raw bodies: a folder or an fsspec URL (s3://bucket/prefix)
    files: Annotated[str | None, AfterValidator(archive.check_location)] = None
    # the catalogue: a postgresql:// URL shared by every machine (default: SQLite in `snapshots`)
    catalogue: Annotated[str | None, AfterValidator(postgres.check_location)] = None


class QueueConfig(_Model):
    """A broker that workers (`monitor worker`) take checks from; absent, checks run in process."""

    url: Annotated[str, AfterValidator(check_broker_url)]  # amqp://… (RabbitMQ) or redis://…
    name: str = Field("monitor", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # one per deployment


class Config(_Model):
    snapshots: str = "snapshots"
    store: StoreConfig = Field(default_factory=StoreConfig)
    queue: QueueConfig | None = None
    fetch: FetchConfig = Field(default_factory=FetchConfig)
    revisit: RevisitConfig = Field(default_factory=RevisitConfig)
    sources: list[SourceConfig] = Field(default_factory=list)
    # None (the key absent) means the two built-in themes; `themes: {}` means none.
    themes: dict[str, ThemeConfig] | None = None
    corpus: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    email: EmailConfig | None = None
    notify: list[NotifyConfig] = Field(default_factory=list)  # chat and webhook channels
    feed: FeedConfig | None = None  # an Atom feed kept up to date at a path
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    # Where the file was read from; relative paths in the file are relative to its folder.
    base_dir: Path = Field(default=Path("."), exclude=True)

    @model_validator(mode="after")
    def _unique_sources(self) -> Config:
        seen: set[str] = set()
        for src in self.sources:
            if src.name in seen:
                raise ValueError(f"two sources are named {src.name!r}; names must be unique")
            seen.add(src.name)
        return self

    @model_validator(mode="after")
    def _unique_channels(self) -> Config:
        keys = [c.key for c in self.notify]
        if len(keys) != len(set(keys)):
            raise ValueError("two notify channels have the same name; give each a `name`")
        return self

    @property
    def delivers(self) -> bool:
        """Digests are built: an `email` section or a `notify` channel is configured."""
        return self.email is not None or bool(self.notify)

    @property
    def digest_schedule(self) -> DigestSchedule:
        """`email.digest`; channels without email get every digest at once."""
        return self.email.digest if self.email is not None else DigestSchedule()

    @property
    def failing_after(self) -> int:
        return self.email.failing_after if self.email is not None else 3

    def resolve(self, path: str) -> Path:
        p = Path(os.path.expanduser(path))
        return p if p.is_absolute() else (self.base_dir / p)

    @property
    def snapshots_dir(self) -> Path:
        return self.resolve(self.snapshots)

    @property
    def archive_location(self) -> str | None:
        """`store.files`, a folder resolved like `snapshots`; None: the snapshots folder."""
        files = self.store.files
        return files if files is None or archive.split_url(files)[0] else str(self.resolve(files))

    def source(self, name: str) -> SourceConfig:
        for src in self.sources:
            if src.name == name:
                return src
        names = ", ".join(s.name for s in self.sources) or "none configured"
        raise ConfigError(f"no source named {name!r} (sources: {names})")


# --- loading -----------------------------------------------------------------------------


def default_config_path() -> Path:
    return Path(os.environ.get("MONITOR_CONFIG") or "config.yaml")


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    path = Path(path) if path is not None else default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no config file at {path}. Create one (the README shows a complete example) "
            "or point to it with --config PATH or the MONITOR_CONFIG variable."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    return parse_config(text, name=str(path), base_dir=path.resolve().parent)


def parse_config(text: str, *, name: str = "config.yaml", base_dir: Path | None = None) -> Config:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{where}: not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: the top level must be a mapping of keys (snapshots, sources…)")
    check_unique_names(data, node, name)
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(describe(exc, node, name)) from None
    config = config.model_copy(update={"base_dir": base_dir or Path(".")})
    archive.use(config.snapshots_dir, config.archive_location)  # every Store.open of it
    postgres.use(config.snapshots_dir, config.store.catalogue)
    return config
