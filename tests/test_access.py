"""Credentials: where they go, and that no URL keeps them once shown or stored."""

import sqlite3

import pytest

from monitor.config import ConfigError, parse_config
from monitor.fetch.access import Credentials, Site, redact, split_userinfo
from monitor.store.catalogue import CATALOGUE, Store


def test_user_info_is_split_off_and_redacted():
    bare, creds = split_userinfo("https://press%40mfa:p%3Ass@www.mfa.gov.kh:8443/news?p=1")
    assert bare == "https://www.mfa.gov.kh:8443/news?p=1" == redact(bare)
    assert creds == Credentials("press@mfa", "p:ss")
    assert "p:ss" not in repr(creds)


def test_credentials_go_to_the_own_host_only_and_never_over_plain_http():
    site = Site.of("https://www.mfa.gov.kh/news", Credentials("u", "p"))
    assert site.authorization("https://WWW.mfa.gov.kh/news/1")
    assert site.authorization("https://cdn.mfa.gov.kh/news/1") is None
    assert site.authorization("http://www.mfa.gov.kh/news/1") is None


def test_a_source_reads_its_password_from_the_environment(monkeypatch):
    config = parse_config(
        "sources:\n  - name: a\n    url: https://x.org/news\n"
        "    auth: {username: press, password_env: A_PASSWORD}\n"
    )
    src = config.source("a")
    monkeypatch.setenv("A_PASSWORD", "pw")
    assert src.credentials() == Credentials("press", "pw")
    monkeypatch.delenv("A_PASSWORD")
    with pytest.raises(ConfigError, match="A_PASSWORD, which is not set"):
        src.credentials()


def test_a_store_written_before_redaction_loses_the_credentials_on_opening(tmp_path):
    with Store.open(tmp_path) as store:
        source = store.source("a", "https://u:pw@x.org/news")
        store.conn.execute(
            "INSERT INTO releases(source_id, url, key, first_seen_at) VALUES (?, ?, 'k', 'now')",
            (source.id, "https://u:pw@x.org/news/1"),
        )
    with Store.open(tmp_path):
        pass
    with sqlite3.connect(tmp_path / CATALOGUE) as conn:
        rows = conn.execute("SELECT url FROM sources UNION SELECT url FROM releases")
        urls = [r[0] for r in rows]
    assert sorted(urls) == ["https://x.org/news", "https://x.org/news/1"]
