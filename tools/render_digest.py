"""Render a sample digest to HTML, text and .eml, and to PNG with headless Chromium if present.

For reviewing the email's look after changing the templates:

    python tools/render_digest.py [OUT_DIR]          # default: tools/

writes digest-sample.html, .txt and .eml and, when `chromium` (or `chromium-browser`,
`google-chrome`) is on PATH, digest-sample.png (700 px wide, a desktop mail client) and
digest-sample-phone.png (390 px, a phone), each as tall as the email.
The sample has a Khmer title, theme evidence, related releases, an edit with its word diff,
a removal, a title carrying CR/LF and <script>, a non-http link and two source notices.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.config import EmailConfig
from monitor.detect.diff import diff_paragraphs
from monitor.digest.diffhtml import diff_html
from monitor.digest.render import Digest, FailingSource, render_digest
from monitor.digest.smtp import build_message
from monitor.models import Event, Related, ThemeMatch

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def sample_events() -> list[Event]:
    old = (
        "Cambodia and Japan sign grant for mine clearance",
        "Phnom Penh, 14 March 2025 — The Royal Government of Cambodia and the Government of "
        "Japan signed a grant of USD 3 million for the Cambodian Mine Action Centre (CMAC).",
        "The project will clear 12 square kilometres of land in Battambang province by 2026.",
    )
    new = (
        "Cambodia and Japan sign grant for mine clearance",
        "Phnom Penh, 14 March 2025 — The Royal Government of Cambodia and the Government of "
        "Japan signed a grant of USD 4.5 million for the Cambodian Mine Action Centre (CMAC).",
        "The project will clear 15 square kilometres of land in Battambang and Pailin provinces "
        "by 2026.",
    )
    changes = diff_paragraphs(old, new)
    demining = ThemeMatch(
        "demining",
        14.0,
        (
            ("mine clearance", "Cambodia and Japan sign grant for mine clearance"),
            ("CMAC", "a grant for the Cambodian Mine Action Centre (CMAC)."),
        ),
    )
    asean_un = ThemeMatch(
        "asean-un",
        11.0,
        (
            (
                "ASEAN-UN",
                "The Deputy Prime Minister welcomed the progress of the ASEAN-UN Comprehensive "
                "Partnership and called for the full implementation of the ASEAN-UN Plan of "
                "Action 2021-2025, in particular on climate change, women, peace and security.",
            ),
        ),
    )
    return [
        Event(
            kind="new",
            source="mfaic",
            url="https://www.mfaic.gov.kh/posts/2025-03-15-asean-un",
            title="Outcomes of the ASEAN-United Nations Ministerial Meeting",
            date="2025-03-15",
            themes=[asean_un],
            related=[
                Related(
                    "https://www.mfaic.gov.kh/posts/2024-09-27-asean-un",
                    "Press release on the 2024 ASEAN-UN Ministerial Meeting in New York",
                    81.0,
                ),
                Related(
                    "https://asean.org/asean-un-plan-of-action",
                    "ASEAN-UN Plan of Action adopted",
                    64.0,
                ),
            ],
            id=1,
        ),
        Event(
            kind="new",
            source="mfaic-km",
            url="https://www.mfaic.gov.kh/km/posts/2025-03-14-demining",
            title="កម្ពុជា និងជប៉ុន ចុះហត្ថលេខាលើជំនួយសម្រាប់ការបោសសម្អាតមីន",
            date="2025-03-14",
            themes=[ThemeMatch("demining", 9.0, (("មីន", "ជំនួយសម្រាប់ការបោសសម្អាតមីន"),))],
            id=2,
        ),
        Event(
            kind="new",
            source="akp",
            url="javascript:alert(1)",
            title="Line one\r\nBcc: victim@example.org <script>alert('x')</script>",
            date=None,
            id=3,
        ),
        Event(
            kind="changed",
            source="mfaic",
            url="https://www.mfaic.gov.kh/posts/2025-03-14-japan-grant",
            title=new[0],
            date="2025-03-14",
            diff=changes.render_text(),
            diff_html=diff_html(changes),
            themes=[demining],
            id=4,
        ),
        Event(
            kind="removed",
            source="akp",
            url="https://www.akp.gov.kh/post/detail/312345",
            title="Prime Minister receives UN Resident Coordinator",
            date="2025-03-10",
            reason="answers HTTP 404 (confirmed by a second request)",
            archived="snapshots/text/akp/detail-312345-1a2b3c4d/v0002.txt",
            id=5,
        ),
        *[
            Event("new", "un-press", f"https://press.un.org/{i}", f"R{i}", baseline=True, id=10 + i)
            for i in range(40)
        ],
    ]


def sample_digest() -> Digest:
    digest = render_digest(
        sample_events(),
        failing=[
            FailingSource(
                "asean", "https://asean.org/category/news/", 5, "timed out after 30 s (3 tries)"
            ),
            FailingSource("pressocm", "https://pressocm.gov.kh/en/", 0, None, recovered=True),
        ],
        now=datetime(2025, 3, 15, 7, 0, tzinfo=UTC),
        digest_id="sample-1",
        domain="example.org",
    )
    assert digest is not None
    return digest


def _chromium(browser: str, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args,
            ],
            check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    return done.stdout


def page_height(browser: str, html: Path, width: int) -> int:
    """The email's height at this width, measured in a copy that reports it in its title."""
    probe = html.with_name(".height-probe.html")
    script = "<script>document.title = 'H' + document.documentElement.scrollHeight</script>"
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", script + "</body>"))
    try:
        dom = _chromium(browser, "--dump-dom", f"--window-size={width},800", probe.as_uri())
    finally:
        probe.unlink(missing_ok=True)
    match = re.search(r"<title>H(\d+)</title>", dom)
    return int(match.group(1)) if match else 2600


def screenshot(browser: str, html: Path, png: Path, width: int) -> None:
    height = page_height(browser, html, width)
    _chromium(browser, f"--screenshot={png}", f"--window-size={width},{height}", html.as_uri())


def main(argv: list[str]) -> int:
    out = (Path(argv[1]) if len(argv) > 1 else Path(__file__).parent).resolve()
    out.mkdir(parents=True, exist_ok=True)
    digest = sample_digest()
    html = out / "digest-sample.html"
    html.write_text(digest.html, encoding="utf-8")
    (out / "digest-sample.txt").write_text(digest.text, encoding="utf-8")
    config = EmailConfig.model_validate(
        {"to": ["analyst@example.org"], "from": "monitor@example.org"}
    )
    (out / "digest-sample.eml").write_bytes(build_message(digest, config).as_bytes())
    print(f"subject: {digest.subject}\nwrote {out}/digest-sample.html, .txt, .eml")
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("no Chromium on PATH: open digest.html in a browser to review it")
        return 0
    for name, width in (("digest-sample.png", 700), ("digest-sample-phone.png", 390)):
        png = out / name
        screenshot(browser, html, png, width)
        print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
