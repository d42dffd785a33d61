"""Delivering digests to a real SMTP server (aiosmtpd on 127.0.0.1) and to the outbox folder.

The store is a real SQLite store in tmp_path; events are recorded through its API, so these
tests exercise the same claim / send / mark-sent path `monitor check` uses.
"""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from monitor.config import EmailConfig
from monitor.digest import ledger as digests
from monitor.digest.ledger import preview, send_pending, unsent_digests, waiting_events
from monitor.models import Document, Event, Page
from monitor.store.catalogue import SourceState, Store

# --- a real SMTP server ----------------------------------------------------------------------


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool
    authenticated: bool

    @property
    def message(self) -> EmailMessage:
        content = self.content.replace(b"\r\n", b"\n")
        return message_from_bytes(content, policy=policy.default)  # type: ignore[return-value]


class Recorder:
    """An aiosmtpd handler that keeps what it accepted, and answers DATA with `replies` first."""

    def __init__(self, replies: tuple[str, ...] = (), refuse: tuple[str, ...] = ()):
        self.accepted: list[Received] = []
        self.rejected: list[Received] = []
        self.replies = list(replies)
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        got = Received(
            envelope.mail_from,
            list(envelope.rcpt_tos),
            bytes(envelope.content),
            server.transport.get_extra_info("ssl_object") is not None,
            bool(session.authenticated),
        )
        if self.replies:
            self.rejected.append(got)
            return self.replies.pop(0)
        self.accepted.append(got)
        return "250 2.0.0 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_server(handler: Recorder, port: int | None = None, **kwargs: Any) -> Iterator[int]:
    port = port or free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1, made by the openssl tool."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def server_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.fixture
def client_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


# --- a real store with events ----------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "snapshots") as s:
        yield s


def record_new(store: Store, src: SourceState, n: int, title: str | None = None) -> Event:
    url = f"https://www.mfaic.gov.kh/posts/{n}"
    title = title or f"Release number {n}"
    event = Event("new", src.name, url, title, date="2025-03-14")
    store.record_version(
        source_id=src.id, source_name=src.name, release=None,
        page=Page(url, url, 200, "text/html", body=f"<h1>{n}</h1>".encode()),
        doc=Document(url, title, (f"Text of release {n}.",), date="2025-03-14"),
        extract_sig="test", check_id=None, event=event,
    )  # fmt: skip
    return event


def record_changed_and_removed(store: Store, src: SourceState) -> None:
    releases = store.releases(src.id)
    first, second = sorted(releases.values(), key=lambda r: r.id)[:2]
    doc = Document(first.url, "Release number 1", ("Text of release 1, corrected.",))
    event = Event("changed", src.name, first.url, doc.title,
                  diff="Text of release [-1.-]{+1, corrected.+}")  # fmt: skip
    store.record_version(
        source_id=src.id, source_name=src.name, release=first,
        page=Page(first.url, first.url, 200, "text/html", body=b"<h1>1 corrected</h1>"),
        doc=doc, extract_sig="test", check_id=None, event=event,
    )  # fmt: skip
    gone = Event("removed", src.name, second.url, "Release number 2", reason="answers HTTP 404")
    store.record_removed(second, gone, None)


@pytest.fixture
def src(store: Store) -> SourceState:
    return store.source("mfaic", "https://www.mfaic.gov.kh/Media/News")


def config(port: int | None, **smtp: Any) -> EmailConfig:
    data: dict[str, Any] = {
        "to": smtp.pop("to", ["analyst@example.org"]),
        "from": "Monitor <monitor@example.org>",
    }
    if port is not None:
        data["smtp"] = {"host": "127.0.0.1", "port": port, "security": "none", "timeout": 5,
                        **smtp}  # fmt: skip
    return EmailConfig.model_validate(data)


def digest_rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM digests ORDER BY id")]


# --- plain SMTP ------------------------------------------------------------------------------


def test_one_multipart_digest_is_sent_and_its_events_marked(store, src, tmp_path):
    for n in (1, 2, 3):
        record_new(store, src, n)
    record_changed_and_removed(store, src)
    handler = Recorder()
    with smtp_server(handler) as port:
        outcomes = send_pending(store, config(port), tmp_path / "outbox")
        assert [o.sent for o in outcomes] == [True]
        assert send_pending(store, config(port), tmp_path / "outbox") == []  # nothing new
    assert len(handler.accepted) == 1
    got = handler.accepted[0]
    msg = got.message
    assert got.mail_from == "monitor@example.org" and got.rcpt_tos == ["analyst@example.org"]
    assert msg["Message-ID"] == outcomes[0].message_id
    assert msg["Subject"] == "monitor: 3 new, 1 edited, 1 removed — Release number 1"
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    assert "Release number 3" in text and "[-1.-]{+1, corrected.+}" in text
    assert "Why: answers HTTP 404" in text
    assert outcomes[0].events == 5 and f"127.0.0.1:{port}" in outcomes[0].line
    assert store.events(pending=True) == [] and waiting_events(store) == 0
    assert [r["status"] for r in digest_rows(store)] == ["sent"]
    assert not (tmp_path / "outbox").exists()


def test_multiple_recipients_get_one_message(store, src, tmp_path):
    record_new(store, src, 1)
    to = ["a@example.org", "b@example.org", "c@example.net"]
    handler = Recorder()
    with smtp_server(handler) as port:
        [outcome] = send_pending(store, config(port, to=to), tmp_path)
    assert outcome.sent and len(handler.accepted) == 1
    assert handler.accepted[0].rcpt_tos == to
    assert [a.addr_spec for a in handler.accepted[0].message["To"].addresses] == to


def test_recipient_refused_while_others_accept_is_sent_and_says_so(store, src, tmp_path):
    record_new(store, src, 1)
    handler = Recorder(refuse=("gone@example.org",))
    with smtp_server(handler) as port:
        [outcome] = send_pending(store, config(port, to=["a@example.org", "gone@example.org"]),
                                 tmp_path)  # fmt: skip
    assert outcome.sent and outcome.refused == ("gone@example.org",)
    assert handler.accepted[0].rcpt_tos == ["a@example.org"]
    assert "gone@example.org" in outcome.line
    assert "550" in digest_rows(store)[0]["last_error"]


# --- TLS and AUTH ----------------------------------------------------------------------------


def test_starttls_with_a_throwaway_certificate(store, src, tmp_path, server_tls, client_tls):
    record_new(store, src, 1)
    handler = Recorder()
    with smtp_server(handler, tls_context=server_tls, require_starttls=True) as port:
        cfg = config(port, security="starttls")
        # not trusting the certificate is an error that says so, and keeps the digest
        [refused] = send_pending(store, cfg, tmp_path)
        assert not refused.sent and "certificate" in (refused.error or "")
        assert handler.accepted == []
        [outcome] = send_pending(store, cfg, tmp_path, ssl_context=client_tls)
    assert outcome.sent and outcome.message_id == refused.message_id
    assert len(handler.accepted) == 1 and handler.accepted[0].tls


def test_ca_file_in_the_config_trusts_a_self_signed_server(
    store, src, tmp_path, server_tls, certificate
):
    """`email.smtp.ca_file`, not SSL_CERT_FILE (which would replace the CAs HTTPS sources
    are checked against), is how a user trusts a private mail server."""
    from monitor.config import parse_config
    from monitor.run.cycle import deliver_digests

    record_new(store, src, 1)
    handler = Recorder()
    with smtp_server(handler, tls_context=server_tls, require_starttls=True) as port:
        smtp = {"host": "127.0.0.1", "port": port, "security": "starttls", "timeout": 5}
        email = {"to": ["analyst@example.org"], "from": "monitor@example.org", "smtp": smtp}
        bad = parse_config(json.dumps({"sources": [], "email": {**email, "smtp": {
            **smtp, "ca_file": str(tmp_path / "missing.pem")}}}), base_dir=tmp_path)  # fmt: skip
        [line] = deliver_digests(bad, store, None)
        assert "ca_file" in line and handler.accepted == []
        good = parse_config(json.dumps({"sources": [], "email": {**email, "smtp": {
            **smtp, "ca_file": str(certificate[0])}}}), base_dir=tmp_path)  # fmt: skip
        [sent] = deliver_digests(good, store, None)
    assert "sent" in sent and len(handler.accepted) == 1 and handler.accepted[0].tls


def test_raising_failing_after_does_not_announce_a_recovery(store, src, tmp_path):
    from monitor.digest.ledger import source_notices

    dead = store.source("dead", "https://dead.example.org/")
    for _ in range(2):
        store.source_checked(dead.id, error="timed out", baselined=False)
    cfg = EmailConfig.model_validate(
        {"to": ["analyst@example.org"], "from": "monitor@example.org", "failing_after": 2}
    )
    [first] = send_pending(store, cfg, tmp_path)
    assert "failing" in first.subject
    store.source_checked(dead.id, error="timed out", baselined=False)  # 3 in a row, still down
    assert source_notices(store, failing_after=5) == []  # the user raised the threshold
    store.source_checked(dead.id, error=None, baselined=True)
    [notice] = source_notices(store, failing_after=5)
    assert notice.recovered


def test_starttls_required_but_not_offered(store, src, tmp_path):
    record_new(store, src, 1)
    with smtp_server(Recorder()) as port:
        [outcome] = send_pending(store, config(port, security="starttls"), tmp_path)
    assert not outcome.sent and "does not offer STARTTLS" in (outcome.error or "")
    assert outcome.temporary is False and "stay queued" in outcome.line


def test_implicit_tls(store, src, tmp_path, server_tls, client_tls):
    record_new(store, src, 1)
    handler = Recorder()
    with smtp_server(handler, ssl_context=server_tls) as port:
        [outcome] = send_pending(store, config(port, security="tls"), tmp_path,
                                 ssl_context=client_tls)  # fmt: skip
    assert outcome.sent and handler.accepted[0].tls


def _auth_server(handler: Recorder, server_tls: ssl.SSLContext, logins: list[tuple[str, str]]):
    def authenticator(server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        logins.append((login, password))
        ok = (login, password) == ("analyst", "s3cret pässword")
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return smtp_server(
        handler, tls_context=server_tls, require_starttls=True, auth_required=True,
        authenticator=authenticator,
    )  # fmt: skip


def test_auth_with_the_password_from_the_environment(
    store, src, tmp_path, server_tls, client_tls, monkeypatch
):
    record_new(store, src, 1)
    handler, logins = Recorder(), []
    with _auth_server(handler, server_tls, logins) as port:
        cfg = config(port, security="starttls", username="analyst",
                     password_env="DIGEST_TEST_PASSWORD")  # fmt: skip
        monkeypatch.delenv("DIGEST_TEST_PASSWORD", raising=False)
        [missing] = send_pending(store, cfg, tmp_path, ssl_context=client_tls)
        assert not missing.sent and "DIGEST_TEST_PASSWORD" in (missing.error or "")
        assert logins == []  # nothing was tried without a password

        monkeypatch.setenv("DIGEST_TEST_PASSWORD", "wrong")
        [wrong] = send_pending(store, cfg, tmp_path, ssl_context=client_tls)
        assert not wrong.sent and "refused the login for 'analyst'" in (wrong.error or "")
        assert "DIGEST_TEST_PASSWORD" in (wrong.error or "")

        monkeypatch.setenv("DIGEST_TEST_PASSWORD", "s3cret pässword")
        [outcome] = send_pending(store, cfg, tmp_path, ssl_context=client_tls)
    assert outcome.sent and outcome.attempts == 3
    assert logins[-1] == ("analyst", "s3cret pässword")
    assert len(handler.accepted) == 1 and handler.accepted[0].authenticated


def test_default_password_variable(store, src, tmp_path, server_tls, client_tls, monkeypatch):
    record_new(store, src, 1)
    handler, logins = Recorder(), []
    monkeypatch.setenv("MONITOR_SMTP_PASSWORD", "s3cret pässword")
    with _auth_server(handler, server_tls, logins) as port:
        cfg = config(port, security="starttls", username="analyst")
        [outcome] = send_pending(store, cfg, tmp_path, ssl_context=client_tls)
    assert outcome.sent and logins == [("analyst", "s3cret pässword")]


# --- failures keep the events ----------------------------------------------------------------


def test_server_down_keeps_the_events_and_says_so(store, src, tmp_path):
    record_new(store, src, 1)
    port = free_port()  # nothing listens here
    [down] = send_pending(store, config(port), tmp_path)
    assert not down.sent and down.temporary
    assert "connection refused" in (down.error or "") and f"127.0.0.1:{port}" in (down.error or "")
    assert "1 events are kept and will be sent again" in down.line
    assert waiting_events(store) == 1
    [unsent] = unsent_digests(store)
    assert unsent.attempts == 1 and "connection refused" in (unsent.last_error or "")

    record_new(store, src, 2)  # found by a later check while the server is still down
    handler = Recorder()
    with smtp_server(handler, port=port):
        outcomes = send_pending(store, config(port), tmp_path)
    assert [o.sent for o in outcomes] == [True, True]
    assert outcomes[0].message_id == down.message_id  # the first digest, unchanged
    subjects = [r.message["Subject"] for r in handler.accepted]
    assert subjects == ["monitor: 1 new — Release number 1", "monitor: 1 new — Release number 2"]
    assert waiting_events(store) == 0 and unsent_digests(store) == []


def test_temporary_451_then_recovery_delivers_exactly_once(store, src, tmp_path):
    record_new(store, src, 1)
    handler = Recorder(replies=("451 4.3.0 Mail system busy, try later",))
    with smtp_server(handler) as port:
        [first] = send_pending(store, config(port), tmp_path)
        assert not first.sent and first.temporary and "451" in (first.error or "")
        assert "try again later" in (first.error or "")
        [second] = send_pending(store, config(port), tmp_path)
        assert send_pending(store, config(port), tmp_path) == []
    assert second.sent and second.attempts == 2
    assert len(handler.accepted) == 1 and len(handler.rejected) == 1
    ids = {r.message["Message-ID"] for r in [*handler.rejected, *handler.accepted]}
    assert ids == {first.message_id}
    assert handler.rejected[0].content == handler.accepted[0].content


def test_permanent_5xx_keeps_the_digest_for_a_person_to_fix(store, src, tmp_path):
    record_new(store, src, 1)
    handler = Recorder(replies=("554 5.7.1 Message rejected by policy",))
    with smtp_server(handler) as port:
        [outcome] = send_pending(store, config(port), tmp_path)
        assert not outcome.sent and outcome.temporary is False
        assert "554 5.7.1 Message rejected by policy" in (outcome.error or "")
        assert waiting_events(store) == 1
        [later] = send_pending(store, config(port), tmp_path)  # fixed on the server side
    assert later.sent and later.message_id == outcome.message_id


def test_timeout_is_reported(store, src, tmp_path):
    record_new(store, src, 1)
    with socket.socket() as silent:  # accepts connections, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        port = silent.getsockname()[1]
        [outcome] = send_pending(store, config(port, timeout=0.5), tmp_path)
    assert not outcome.sent and outcome.temporary
    assert "did not answer within 0.5 s" in (outcome.error or "")
    assert waiting_events(store) == 1


def test_crash_after_acceptance_resends_the_same_message(store, src, tmp_path, monkeypatch):
    record_new(store, src, 1)
    real_mark_sent = digests._mark_sent

    def crash(*args: Any) -> None:
        raise RuntimeError("killed between 'accepted' and 'recorded'")

    handler = Recorder()
    with smtp_server(handler) as port:
        monkeypatch.setattr(digests, "_mark_sent", crash)
        with pytest.raises(RuntimeError):
            send_pending(store, config(port), tmp_path)
        monkeypatch.setattr(digests, "_mark_sent", real_mark_sent)
        assert len(handler.accepted) == 1

        record_new(store, src, 2)  # new events never join the already-sent digest
        outcomes = send_pending(store, config(port), tmp_path)
        assert send_pending(store, config(port), tmp_path) == []
    assert [o.sent for o in outcomes] == [True, True]
    first, again, fresh = handler.accepted
    assert again.content == first.content  # same Message-ID, same bytes: one email to a reader
    assert fresh.message["Message-ID"] != first.message["Message-ID"]
    assert "Release number 2" not in first.message.get_body(("plain",)).get_content()
    assert "Release number 1" not in fresh.message.get_body(("plain",)).get_content()
    rows = store.conn.execute("SELECT digest_id, COUNT(*) FROM events GROUP BY digest_id")
    assert sorted(tuple(r) for r in rows) == [(1, 1), (2, 1)]


def test_title_with_crlf_and_script(store, src, tmp_path):
    title = "Statement\r\nBcc: victim@example.org\r\n\r\n<script>alert('x')</script>"
    record_new(store, src, 1, title=title)
    handler = Recorder()
    with smtp_server(handler) as port:
        [outcome] = send_pending(store, config(port), tmp_path)
    assert outcome.sent
    [got] = handler.accepted
    assert got.rcpt_tos == ["analyst@example.org"]
    msg = got.message
    assert msg["Bcc"] is None
    assert msg["Subject"] == (
        "monitor: 1 new — Statement Bcc: victim@example.org <script>alert('x')</script>"
    )
    html = msg.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    text = msg.get_body(("plain",)).get_content()
    assert "* Statement Bcc: victim@example.org <script>alert('x')</script>\n" in text


# --- outbox ----------------------------------------------------------------------------------


def test_without_smtp_host_digests_go_to_the_outbox(store, src, tmp_path, monkeypatch):
    record_new(store, src, 1, title="កម្ពុជា និងជប៉ុន")
    outbox = tmp_path / "outbox"
    real_mark_sent = digests._mark_sent
    monkeypatch.setattr(digests, "_mark_sent", lambda *a: (_ for _ in ()).throw(OSError("x")))
    with pytest.raises(OSError):
        send_pending(store, config(None), outbox)
    monkeypatch.setattr(digests, "_mark_sent", real_mark_sent)
    [outcome] = send_pending(store, config(None), outbox)  # re-written, not a second file
    files = sorted(outbox.iterdir())
    assert [f.name for f in files] == [Path(outcome.destination or "").name]
    assert files[0].suffix == ".eml" and outcome.digest_id in files[0].name
    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert msg["Message-ID"] == outcome.message_id
    assert "កម្ពុជា និងជប៉ុន" in msg["Subject"]
    assert waiting_events(store) == 0


# --- failing sources -------------------------------------------------------------------------


def test_a_failing_source_is_reported_once_and_again_when_it_recovers(store, src, tmp_path):
    akp = store.source("akp", "https://www.akp.gov.kh/")
    for _ in range(3):
        store.source_checked(akp.id, error="timed out after 30 s", baselined=False)
    cfg = config(None)
    before = preview(store, cfg)
    assert before is not None and before.counts.failing == 1
    handler_outbox = tmp_path / "outbox"
    [first] = send_pending(store, cfg, handler_outbox)
    assert first.subject == "monitor: 1 source failing (akp)"
    # still failing: not repeated with the next news
    store.source_checked(akp.id, error="timed out after 30 s", baselined=False)
    record_new(store, src, 1)
    [second] = send_pending(store, cfg, handler_outbox)
    body = Path(second.destination or "").read_text()
    assert "akp" not in body
    # works again: said once
    store.source_checked(akp.id, error=None, baselined=True)
    [third] = send_pending(store, cfg, handler_outbox)
    assert third.subject == "monitor: akp working again"
    assert send_pending(store, cfg, handler_outbox) == []


def test_preview_claims_nothing(store, src, tmp_path):
    record_new(store, src, 1)
    digest = preview(store, config(None))
    assert digest is not None and "Release number 1" in digest.text
    assert len(store.events(pending=True)) == 1
    assert not (tmp_path / "outbox").exists()
    [outcome] = send_pending(store, config(None), tmp_path / "outbox")
    assert outcome.sent and preview(store, config(None)) is None
