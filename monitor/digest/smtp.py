"""Hand a digest to the mail system: an SMTP server, or an .eml file in the outbox folder.

The I/O edge of the email path. Building the message is deterministic (Date, Message-ID and
MIME boundary all come from the digest), so re-sending a digest produces the same bytes.
Every failure becomes a `DeliveryError` saying what happened and what to do about it.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Literal

from monitor.config import EmailConfig, SmtpConfig
from monitor.digest.render import Digest, clean_line
from monitor.errors import DeliveryError
from monitor.store.files import atomic_write

DEFAULT_PASSWORD_ENV = "MONITOR_SMTP_PASSWORD"
_CONVENTIONAL_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")  # how variable names are written

# SMTP line endings; bodies always 7-bit (quoted-printable or base64) so no server needs 8BITMIME.
MESSAGE_POLICY = policy.SMTP.clone(cte_type="7bit")


@dataclass(frozen=True)
class DeliveryResult:
    method: Literal["smtp", "outbox"]
    destination: str  # "host:port" or the .eml path
    accepted: tuple[str, ...]
    refused: dict[str, str] = field(default_factory=dict)  # recipient → server's answer


# --- the message ---------------------------------------------------------------------------


def build_message(digest: Digest, email_config: EmailConfig) -> EmailMessage:
    """multipart/alternative (text, then HTML), UTF-8, headers safe from injection."""
    msg = EmailMessage(policy=MESSAGE_POLICY)
    msg["From"] = email_config.from_
    msg["To"] = ", ".join(email_config.to)
    msg["Subject"] = clean_line(digest.subject, 998) or "monitor digest"
    msg["Date"] = format_datetime(digest.created_at)
    msg["Message-ID"] = digest.message_id
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Monitor-Digest"] = clean_line(digest.digest_id, 200)
    msg.set_content(digest.text, subtype="plain", charset="utf-8")
    msg.add_alternative(digest.html, subtype="html", charset="utf-8")
    # A boundary derived from the Message-ID keeps a re-sent digest byte-identical.
    msg.set_boundary("=_monitor_" + hashlib.sha256(digest.message_id.encode()).hexdigest()[:32])
    return msg


def envelope(message: EmailMessage, email_config: EmailConfig) -> tuple[str, list[str]]:
    sender = parseaddr(email_config.from_)[1] or email_config.from_
    return sender, list(email_config.to)


# --- delivery ------------------------------------------------------------------------------


def deliver(
    message: EmailMessage,
    email_config: EmailConfig,
    *,
    outbox_dir: Path,
    ssl_context: ssl.SSLContext | None = None,
) -> DeliveryResult:
    """Send through `email.smtp`, or write to `outbox_dir` when no SMTP host is configured.

    Returns only once the server accepted the message (or the file is safely on disk).
    """
    if not email_config.smtp.host:
        return write_outbox(message, email_config, outbox_dir)
    return send_smtp(message, email_config, ssl_context=ssl_context)


def outbox_name(message: EmailMessage) -> str:
    """`<date>-<digest id>.eml`, so the outbox sorts by time and a re-send overwrites."""
    try:
        when = parsedate_to_datetime(str(message["Date"])).strftime("%Y%m%d-%H%M%S")
    except (TypeError, ValueError):
        when = "undated"
    ident = str(message.get("X-Monitor-Digest") or message.get("Message-ID") or "digest")
    return f"{when}-{re.sub(r'[^A-Za-z0-9.-]+', '-', ident).strip('.-')[:80] or 'digest'}.eml"


def write_outbox(
    message: EmailMessage, email_config: EmailConfig, outbox_dir: Path
) -> DeliveryResult:
    path = Path(outbox_dir) / outbox_name(message)
    try:
        atomic_write(path, message.as_bytes())
    except OSError as exc:
        raise DeliveryError(
            f"cannot write the digest to the outbox folder {outbox_dir}: "
            f"{exc.strerror or exc}. Fix its permissions or set `email.outbox` to a "
            "writable folder.",
            "outbox",
            temporary=True,
        ) from None
    return DeliveryResult("outbox", str(path), tuple(email_config.to))


def send_smtp(
    message: EmailMessage, email_config: EmailConfig, *, ssl_context: ssl.SSLContext | None = None
) -> DeliveryResult:
    smtp = email_config.smtp
    host, port = str(smtp.host), smtp.effective_port
    where = f"{host}:{port}"
    password = _password(email_config)
    context = ssl_context or ssl.create_default_context()
    sender, recipients = envelope(message, email_config)
    client: smtplib.SMTP | None = None
    try:
        if smtp.security == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=smtp.timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=smtp.timeout)
        client.ehlo()
        if smtp.security == "starttls":
            if not client.has_extn("starttls"):
                raise DeliveryError(
                    f"the SMTP server {where} does not offer STARTTLS. Use `security: tls` "
                    "(usually port 465) if it expects TLS from the start, or `security: none` "
                    "only for a server on a trusted network.",
                    "tls",
                    temporary=False,
                )
            client.starttls(context=context)
            client.ehlo()
        if smtp.username:
            _login(client, smtp.username, password or "")
        refused = client.send_message(message, from_addr=sender, to_addrs=recipients)
    except DeliveryError:
        _close(client)
        raise
    except Exception as exc:
        _close(client)
        raise _classify(exc, where, email_config) from exc
    # Accepted: nothing that happens while saying goodbye may turn this into a failure,
    # or the digest would be sent twice.
    try:
        client.quit()
    except Exception:
        _close(client)
    answers = {rcpt: f"{code} {_text(msg)}" for rcpt, (code, msg) in refused.items()}
    accepted = tuple(r for r in recipients if r not in refused)
    return DeliveryResult("smtp", where, accepted, answers)


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib encodes credentials as ASCII; RFC 4616 PLAIN carries UTF-8, so use it for any
    other password (or user name) when the server offers it."""
    if (user + password).isascii() or "PLAIN" not in client.esmtp_features.get("auth", "").upper():
        client.login(user, password)
        return
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, answer = client.docmd("AUTH", "PLAIN " + token)
    if code == 503:  # already authenticated
        return
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def _password(email_config: EmailConfig) -> str | None:
    smtp = email_config.smtp
    if not smtp.username:
        if smtp.password_env:
            raise DeliveryError(
                "`email.smtp.password_env` is set but `email.smtp.username` is not: add the "
                "user name the server expects.",
                "config",
                temporary=False,
            )
        return None
    password = os.environ.get(smtp.password_env or DEFAULT_PASSWORD_ENV)
    if not password:
        raise DeliveryError(
            f"the SMTP password is missing: set {_variable(smtp)} for the user "
            f"{smtp.username!r} (`email.smtp.password_env` names the variable).",
            "config",
            temporary=False,
        )
    return password


def _variable(smtp: SmtpConfig) -> str:
    """The password's variable, for a message that is printed and stored. A name that does not
    look like one (lower case: `password_env: hunter2`) may be the password written there by
    mistake, so it is not repeated."""
    name = smtp.password_env or DEFAULT_PASSWORD_ENV
    if _CONVENTIONAL_NAME.fullmatch(name):
        return f"the environment variable {name}"
    return "the environment variable that `email.smtp.password_env` names (not shown here)"


def _close(client: smtplib.SMTP | None) -> None:
    if client is not None:
        with contextlib.suppress(Exception):
            client.close()


def _text(value: bytes | str) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return clean_line(value, 300)


def _answer(code: int, value: bytes | str) -> str:
    return f"{code} {_text(value)}".strip()


def _classify(exc: BaseException, where: str, email_config: EmailConfig) -> DeliveryError:
    """One exception from smtplib/ssl/socket → a DeliveryError a person can act on."""
    smtp = email_config.smtp
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(
        exc.__context__, TimeoutError
    ):
        exc = exc.__context__  # smtplib reports a read timeout as a disconnection
    return (
        _refused(exc, where, smtp)
        or _not_reached(exc, where, smtp)
        or DeliveryError(
            f"sending through {where} failed unexpectedly: {type(exc).__name__}: {exc}",
            "temporary",
            temporary=True,
        )
    )


def _refused(exc: BaseException, where: str, smtp: SmtpConfig) -> DeliveryError | None:
    """The server answered, and said no: the login, the sender, the recipients, the message."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return DeliveryError(
            f"the SMTP server {where} refused the login for {smtp.username!r} "
            f"({_answer(exc.smtp_code, exc.smtp_error)}): check the user name and the password "
            f"in {_variable(smtp)}.",
            "auth",
            temporary=False,
            code=exc.smtp_code,
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return DeliveryError(
            f"the SMTP server {where} does not support what the config asks for ({exc}): "
            "remove `email.smtp.username` if it needs no login, or check `security`.",
            "config",
            temporary=False,
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        answers = "; ".join(
            f"{rcpt}: {_answer(code, msg)}" for rcpt, (code, msg) in exc.recipients.items()
        )
        temporary = all(400 <= code < 500 for code, _ in exc.recipients.values())
        return DeliveryError(
            f"the SMTP server {where} refused every recipient ({answers})"
            + (": it asks to try again later." if temporary else ": check `email.to`."),
            "temporary" if temporary else "permanent",
            temporary=temporary,
            code=next(iter(exc.recipients.values()))[0] if exc.recipients else None,
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        code, answer = exc.smtp_code, _answer(exc.smtp_code, exc.smtp_error)
        stage = {
            smtplib.SMTPSenderRefused: "refused the sender address",
            smtplib.SMTPDataError: "refused the message",
            smtplib.SMTPConnectError: "refused the connection",
            smtplib.SMTPHeloError: "refused the greeting",
        }.get(type(exc), "answered with an error")
        if 400 <= code < 500:
            return DeliveryError(
                f"the SMTP server {where} {stage} for now ({answer}); it asks to try again later.",
                "temporary",
                temporary=True,
                code=code,
            )
        hint = " Check `email.from`." if isinstance(exc, smtplib.SMTPSenderRefused) else ""
        if code == 552 or "size" in answer.lower():  # RFC 1870: the message is too large
            stage, hint = "refused the message as too large", " Ask for a larger size limit."
        return DeliveryError(
            f"the SMTP server {where} {stage} ({answer}).{hint} It will not accept this "
            "digest as it is; fix the cause shown by the server.",
            "permanent",
            temporary=False,
            code=code,
        )
    return None


def _not_reached(exc: BaseException, where: str, smtp: SmtpConfig) -> DeliveryError | None:
    """The server could not be talked to: the network, TLS, a timeout, a closed connection."""
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return DeliveryError(
            f"the SMTP server {where} closed the connection unexpectedly ({exc or 'no reason'})"
            + (
                ". If it expects TLS from the start (port 465), set `security: tls`."
                if smtp.security != "tls"
                else "."
            ),
            "disconnected",
            temporary=True,
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return DeliveryError(
            f"the SMTP server {where} presented a certificate that cannot be trusted "
            f"({exc.verify_message or exc}). Check `email.smtp.host` matches the certificate; "
            "for a private CA or a self-signed certificate, set `email.smtp.ca_file` to its "
            "certificate (PEM).",
            "tls",
            temporary=False,
        )
    if isinstance(exc, ssl.SSLError):
        return DeliveryError(
            f"TLS with the SMTP server {where} failed ({exc.reason or exc}). Check `security`: "
            "`tls` for port 465, `starttls` for port 587, `none` for a plain server.",
            "tls",
            temporary=False,
        )
    if isinstance(exc, TimeoutError):
        return DeliveryError(
            f"the SMTP server {where} did not answer within {smtp.timeout:g} s. Check the host "
            "and port, or raise `email.smtp.timeout`.",
            "timeout",
            temporary=True,
        )
    if isinstance(exc, ConnectionRefusedError):
        return DeliveryError(
            f"cannot connect to the SMTP server {where}: connection refused. Is the server "
            "running, and are `email.smtp.host` and `port` right?",
            "refused",
            temporary=True,
        )
    if isinstance(exc, socket.gaierror):
        return DeliveryError(
            f"cannot find the SMTP server {where}: {exc.strerror or exc}. Check "
            "`email.smtp.host` and the network.",
            "unreachable",
            temporary=True,
        )
    if isinstance(exc, OSError):
        return DeliveryError(
            f"cannot reach the SMTP server {where}: {exc.strerror or exc}.",
            "unreachable",
            temporary=True,
        )
    if isinstance(exc, smtplib.SMTPException):
        return DeliveryError(
            f"the SMTP conversation with {where} failed: {exc}.", "temporary", temporary=True
        )
    return None
