"""Hand one message to one Apprise URL and say whether it was accepted: the channels' I/O edge.

Each channel is one Apprise plugin, called directly and synchronously (`plugin.notify` returns
True only when the service answered 2xx), so a failure is seen at once and the ledger keeps the
message. What went wrong is read from Apprise's own warnings (LogCapture), which name the host
and the HTTP status, never the URL's tokens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

WEBHOOK_SCHEMES = ("json", "jsons")  # Apprise's generic JSON webhook: gets the `digest` object


@dataclass(frozen=True)
class PostResult:
    ok: bool
    error: str | None = None
    permanent: bool = False  # the URL itself is wrong: retrying will not help


def post(url: str, title: str, body: str, digest: dict[str, Any]) -> PostResult:
    """Send `title` and `body` (Markdown) to `url`; json:// webhooks also get `digest`."""
    try:
        import apprise
    except ImportError:
        return PostResult(False, "Apprise is not installed: install it with "
                          "`pip install 'monitor[notify]'` (or `pip install apprise`)")  # fmt: skip
    plugin = apprise.Apprise.instantiate(url, asset=apprise.AppriseAsset(app_id="monitor"))
    if plugin is None:
        scheme = url.partition("://")[0] or "?"
        why = f"Apprise cannot use this {scheme}:// URL (unknown service, or a part missing)"
        return PostResult(False, why + "; fix the channel's URL", permanent=True)
    if url.partition("://")[0].lower() in WEBHOOK_SCHEMES:
        # NotifyJSON appends `payload_extras` to the payload it posts: the digest rides along as
        # an object beside Apprise's own title/message keys.
        plugin.payload_extras["digest"] = digest
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        try:
            ok = plugin.notify(body=body, title=title, body_format=apprise.NotifyFormat.MARKDOWN)
        except Exception as exc:  # a plugin bug must not lose the message: it stays pending
            return PostResult(False, f"{type(exc).__name__}: {exc}")
    if ok:
        return PostResult(True)
    said = " ".join(line.strip() for line in captured.getvalue().splitlines() if line.strip())
    return PostResult(False, said[:300] or "the service did not accept the message")
