"""Where a source's statements sit: regions learned on sites that set the lead apart from the
body (GOV.UK's two grid rows, Wagtail's article header), and read again after a redesign."""

from __future__ import annotations

import pytest
from lxml import etree

from monitor.extract import read_html
from monitor.extract.profile import SiteProfile
from monitor.extract.template import _names

RELEASES = [
    ("Ferry update",
     "Sailings between Penzance and the Isles of Scilly will resume on Monday 30 November.",
     ["Passengers with bookings for cancelled sailings can claim a full refund from the "
      "operator."]),
    ("Recall of mussels from two Shetland farms",
     "Rope-grown mussels harvested at two Shetland farms are being recalled as a precaution "
     "after routine tests found high levels of a shellfish toxin.",
     []),
    ("Fishing quota agreement reached with Norway for 2027",
     "The UK and Norway have agreed fishing opportunities for 2027, worth £1.2 billion.",
     ["The agreement, concluded in Bergen after four rounds of talks, sets catch limits for "
      "North Sea cod, haddock, whiting and saithe.",
      "Fisheries Minister Tom Avery said the deal balanced the needs of the fleet with the "
      "long-term health of shared stocks."]),
    ("Statement on the closure of the Solway Firth cockle beds",
     "The Solway Firth cockle beds will stay closed to all harvesting until 23 January 2027 "
     "while stock surveys are completed.", []),
    ("Apprenticeship scheme for marine engineering doubles intake",
     "Marine engineering apprenticeships funded by the department will double to 1,200 a year.",
     ["The expansion follows an independent review of the skills that ports, shipyards and "
      "offshore wind operators need.",
      "Apprentices will train at seven coastal colleges and spend most of their time with an "
      "employer.",
      "Applications for the first intake open in March 2027."]),
    ("Port of Tyne named national offshore wind hub",
     "The Port of Tyne will become the national hub for floating offshore wind maintenance.",
     ["The investment will pay for a new heavy-lift quay and is expected to create around 450 "
      "jobs by 2030."]),
]  # fmt: skip


def _related(n: int) -> str:
    others = [title for i, (title, _, _) in enumerate(RELEASES) if i != n][n % 3 : n % 3 + 3]
    return "".join(f'<li><a href="/news/{i}">{t}</a></li>' for i, t in enumerate(others))


def govuk(n: int) -> str:
    """A GOV.UK news article: the lead in the title's grid row, the metadata list, the body in
    the next row with the change history under it, related links, the feedback form."""
    title, lead, body = RELEASES[n]
    paras = "".join(f"<p>{p}</p>" for p in body)
    return f"""<html lang="en"><head><title>{title} - GOV.UK</title></head><body>
<header role="banner"><a href="/">GOV.UK</a><nav><a href="/browse">Services</a>
<a href="/government">Government activity</a></nav></header><div class="govuk-width-container">
<main role="main" id="main-content" class="govuk-main-wrapper">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-title">
<span class="govuk-caption-xl">Press release</span><h1>{title}</h1></div></div>
<div class="govuk-grid-column-two-thirds"><p class="gem-c-lead-paragraph">{lead}</p></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-metadata">
<dl><dt>From:</dt><dd><a href="/dept">Department for Coastal Communities</a></dd>
<dt>Published</dt><dd>{n + 1} December 2026</dd></dl></div></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<div class="gem-c-govspeak"><div class="govspeak">{paras}</div></div>
<div class="gem-c-published-dates">Published {n + 1} December 2026<br>
<ol><li><time>{n + 1} December 2026</time><p>First published.</p></li></ol></div>
<div class="gem-c-print-link"><button>Print this page</button></div></div>
<div class="govuk-grid-column-one-third"><div class="gem-c-contextual-sidebar"><h2>Related
content</h2><nav role="navigation"><ul>{_related(n)}</ul></nav></div></div></div>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><ul><li><button>Yes</button></li>
<li><button>No</button></li></ul><div role="alert" hidden>Thank you for your feedback</div>
<form><h3>Help us improve GOV.UK</h3><p>Don’t include personal or financial information like
your National Insurance number or credit card details.</p><label>What were you doing?</label>
<input name="doing"><label>What went wrong?</label><input name="wrong"></form></div>
</main></div><footer><a href="/help">Help</a> <a href="/cookies">Cookies</a> © Crown
copyright</footer></body></html>"""


def wagtail(n: int) -> str:
    """The same article after a redesign: the lead in the article's header, with the title and
    the metadata; the body below it; related links and feedback beside and under it."""
    title, lead, body = RELEASES[n]
    paras = "".join(f'<div class="block-paragraph"><div class="rich-text"><p>{p}</p></div></div>'
                    for p in body)  # fmt: skip
    return f"""<html lang="en"><head><title>{title} | Department</title></head><body>
<header class="site-header"><a href="/">Department for Coastal Communities</a></header>
<main id="main" class="page-main container"><div class="layout layout--sidebar">
<article class="news-page"><header class="news-page__header"><p class="news-page__type">News
story</p><h1 class="news-page__title">{title}</h1><div class="news-page__intro rich-text">
<p>{lead}</p></div><ul class="news-page__meta"><li><span>From</span> <a href="/about/">
Department for Coastal Communities</a></li><li><span>Published</span> <time
datetime="2026-12-0{n + 1}">{n + 1} December 2026</time></li></ul></header>
<div class="news-page__body streamfield">{paras}</div><footer class="news-page__footer"><div
class="share-links"><span>Share this page</span> <a href="mailto:?">Email</a> <a
href="https://x.com/intent/post">X</a></div></footer></article><aside class="layout__sidebar
related-content"><h2>Related content</h2><ul>{_related(n)}</ul></aside></div>
<section class="page-feedback"><h2>Is this page useful?</h2><a href="/feedback/?y=1">Yes</a>
<a href="/feedback/?y=0">No</a></section></main><footer>© Department</footer></body></html>"""


def _learn(profile: SiteProfile, page, order: list[int]) -> None:
    for n in order:
        reading = read_html(page(n), f"https://dept.example/news/{n}", template=profile.view())
        profile.learn(reading.keys, reading.region)


def _statement(n: int) -> tuple[str, ...]:
    _, lead, body = RELEASES[n]
    return (lead, *body)


def test_a_container_that_held_the_page_s_template_is_never_the_statement_s_region():
    """GOV.UK sets the lead and the body in two grid rows of <main>, which also holds the
    metadata, the change history and the "Is this page useful?" form: the smallest container
    of the statement is the page's. Learned as the region, it had every release stored again
    with those lines (an outside probe: a silent second version of each, and their lines in
    every edit's diff and in false edits at a redesign)."""
    profile = SiteProfile()
    _learn(profile, govuk, list(range(len(RELEASES))))
    assert not any(region.startswith("html/body/div/main|") for region in profile.view().regions)
    for n in range(len(RELEASES)):
        reading = read_html(govuk(n), f"https://dept.example/news/{n}", template=profile.view())
        assert reading.document.paragraphs == _statement(n)


@pytest.mark.parametrize("order, lead_first", [([1, 3, 0, 2, 4, 5], True),
                                               ([0, 1, 2, 3, 4, 5], False)])
def test_a_lead_learned_as_a_region_is_read_with_the_body_around_it(order, lead_first):
    """Wagtail sets the lead in the article's header: a one-sentence release's statement is
    the lead alone, so two of them read first teach the lead's box as a region. A release whose
    article goes on past that box with a sentence is not read there: it is read whole, and
    teaches the article as a region; its body is inside the region it was read in, so an edit
    there is an edit (an outside probe saw every long release stored as its lead after a
    redesign, and a later edit of a body missed)."""
    profile = SiteProfile()
    _learn(profile, wagtail, order[:2])
    # read whole while the lead's box is the only region: its body is no chrome either
    reading = read_html(wagtail(order[2]), "https://dept.example/news/x", template=profile.view())
    assert reading.document.paragraphs == _statement(order[2])
    assert not any(line.outside for line in reading.lines), reading.lines
    _learn(profile, wagtail, order[2:])
    template = profile.view()
    # two one-sentence releases first: the lead's box is the first region learned
    assert template.regions[0].endswith("|news-page__intro rich-text") == lead_first
    for n in range(len(RELEASES)):
        reading = read_html(wagtail(n), f"https://dept.example/news/{n}", template=template)
        assert reading.document.paragraphs == _statement(n)
        assert reading.read_in is not None
        assert not any(line.outside for line in reading.lines), reading.lines


CLOSING = ["ENDS", "Press Office, Department for Coastal Communities",
           "2 Marsham Street, London SW1P 4DF", "Telephone: 0300 123 4567",
           "Out of hours: 0300 123 7654", "Email: press@coast.example",
           "Follow us on X: @CoastDept", "Website: www.coast.example",
           "Notes to editors"]  # fmt: skip


def drupal(n: int, after: str = "", closing: bool = False) -> str:
    """A Drupal news article: the body in div.field-body, `after` it in the article (a photo
    and its caption), and the press office's standard closing typed into the body."""
    title, lead, body = RELEASES[n]
    paras = "".join(f"<p>{p}</p>" for p in (lead, *body, *(CLOSING if closing else ())))
    return f"""<html lang="en"><head><title>{title} | Department</title></head><body>
<header><a href="/">Department for Coastal Communities</a><nav><a href="/news">News</a>
<a href="/about">About</a></nav></header><div class="wrap"><article class="node-news">
<h1>{title}</h1><div class="date">{n + 1} December 2026</div><div class="field-body">{paras}
</div>{after}</article><div class="more-stories"><h2>More stories</h2><ul>{_related(n)}</ul>
</div></div><footer>© Department</footer></body></html>"""


def test_a_caption_after_the_body_keeps_the_region():
    """A photo's caption after the body is a sentence past the region, but no part of the
    statement: the region is still read (an outside review saw it refused on every page, and
    a topic line read into a new release with the page around it)."""
    def caption(n: int) -> str:
        return (f'<figure><img src="/p{n}.jpg"><figcaption>The Minister with staff at the '
                f"event in the south-west on Monday {n + 1} December.</figcaption></figure>")

    profile = SiteProfile()
    _learn(profile, lambda n: drupal(n, caption(n)), list(range(len(RELEASES))))
    assert profile.view().regions
    for n in range(len(RELEASES)):
        reading = read_html(drupal(n, caption(n)), f"https://dept.example/news/{n}",
                            template=profile.view())  # fmt: skip
        assert reading.read_in is not None
        assert reading.document.paragraphs == _statement(n)


def test_a_standard_closing_in_the_body_does_not_keep_its_region_from_being_learned():
    """Nine lines every release ends with (ENDS, the press office's address and numbers) are
    template lines in the statement's own container, not the page's wrapper around it."""
    profile = SiteProfile()
    _learn(profile, lambda n: drupal(n, closing=True), list(range(len(RELEASES))))
    assert profile.view().regions == ("html/body/div/article/div|field-body",)


def test_a_lead_of_three_paragraphs_in_a_lead_s_box_is_read_with_its_body():
    """A lead's box learned from one-sentence releases holds three paragraphs on another
    release, its body below them: the body is still read."""
    profile = SiteProfile()
    _learn(profile, wagtail, [1, 3])
    assert profile.view().regions[0].endswith("|news-page__intro rich-text")
    _, lead, body = RELEASES[4]
    more = ("The scheme was designed with the ports and the colleges of the north-east coast.",
            "It will be reviewed after two years by an independent panel of employers.")
    page = wagtail(4).replace(f"<p>{lead}</p>", "".join(f"<p>{p}</p>" for p in (lead, *more)))
    reading = read_html(page, "https://dept.example/news/4", template=profile.view())
    assert reading.document.paragraphs == (lead, *more, *body)


def aem(n: int) -> str:
    """An Adobe Experience Manager page: every component's id is a hash of its path on that
    page ("text-5e3f1a2b3c"), the statement and the sidebar's contact box alike."""
    title, lead, body = RELEASES[n]
    paras = "".join(f"<p>{p}</p>" for p in (lead, *body))
    ids = [format(hash((n, k)) & 0xFFFFFFFFFF, "010x") for k in range(3)]
    return f"""<html lang="en"><head><title>{title} | Department</title></head><body>
<div class="root responsivegrid"><div class="aem-Grid aem-Grid--12">
<div class="header aem-GridColumn"><a href="/">Department for Coastal Communities</a></div>
<div class="container responsivegrid aem-GridColumn--default--8"><div id="container-{ids[0]}"
class="cmp-container"><div class="title"><h1 class="cmp-title__text">{title}</h1></div>
<div class="text"><div id="text-{ids[1]}" class="cmp-text">{paras}</div></div></div></div>
<div class="container responsivegrid aem-GridColumn--default--4"><div class="text"><div
id="text-{ids[2]}" class="cmp-text"><h2>Media contact</h2><p>Minister's office: 02 6277
7680</p></div></div></div></div></div></body></html>"""


def test_a_region_is_learned_where_each_page_generates_its_containers_ids():
    """AEM names each component by a hash of its place on the page: an id that differs on
    every page is no part of where the statement is, or no two releases ever agree on it (an
    outside probe: no region after three checks, and the sidebar's contact box read with the
    statement)."""
    profile = SiteProfile()
    _learn(profile, aem, [0, 1, 2, 3])
    assert profile.view().regions
    for n in (4, 5):
        reading = read_html(aem(n), f"https://dept.example/news/{n}", template=profile.view())
        assert reading.read_in == profile.view().regions[0]
        assert reading.document.paragraphs == _statement(n)


@pytest.mark.parametrize(("names", "kept"), [
    ("text-5e3f1a2b3c cmp-text", "cmp-text text"), ("css-1x9k2m", "css"),
    ("size1of2", "sizeof"), ("col1of3 layout2col1", "colof layoutcol"), ("decade2026", "decade"),
    ("col-md-8", "col-md-"), ("h2title", "htitle"),
])  # fmt: skip
def test_a_region_s_names_lose_generated_parts_and_numbers_only(names, kept):
    """A hash or a run of digits and letters mixed three times is generated per page; a grid's
    "size1of2" or a "decade2026" is a name of the site's (an outside review)."""
    assert _names(etree.fromstring(f'<div class="{names}"/>')) == kept
