"""Pages that declare no charset: each read in the charset it was written in."""

import pytest

from monitor.fetch.decode import decode_body

CASES = [
    ("<p>Café déjà vu</p>", "cp1252"),  # short Western text: once read as cp1250 ("déjŕ")
    ("<p>Außenministerium: Grüße über die Brücke</p>", "cp1252"),
    ("<p>The minister’s “statement” – 5 €</p>", "cp1252"),
    ("<p>Ministerstwo Spraw Zagranicznych: zażółć gęślą jaźń, Łódź</p>", "cp1250"),
    ("<p>Ministerstvo zahraničních věcí České republiky oznámilo</p>", "cp1250"),
    ("<p>กระทรวงการต่างประเทศ แถลงข่าว</p>", "tis-620"),  # once read as cp1250
    ("<p>กระทรวงการต่างประเทศ แถลงข่าว</p>", "utf-8"),
    ("<p>ក្រសួងការបរទេស ការបោសសម្អាតមីន</p>", "utf-8"),
    ("<p>Министерство иностранных дел сообщило</p>", "cp1251"),
]


@pytest.mark.parametrize(("text", "encoding"), CASES, ids=[e for _, e in CASES])
def test_undeclared_charset_reads_right(text, encoding):
    assert decode_body(text.encode(encoding), "text/html")[0] == text


def test_stray_nul_bytes_are_dropped_but_binary_stays_binary():
    page = "<html><body><p>Statement\x00 text</p>" + "<p>more words</p>" * 20 + "</body></html>"
    assert "\x00" not in decode_body(page.encode(), "text/html")[0]
    binary = b"".join(i.to_bytes(4, "little") for i in range(2000))  # like an image
    assert "\x00" in decode_body(binary, "text/html")[0]
