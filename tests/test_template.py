"""Template learning: what a source's pages share is never read as its statement."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from monitor.extract import Template, extract_html, learn_page, read_html
from monitor.extract.profile import SiteProfile
from monitor.extract.template import blocks_of, find_region, page_keys, prune, tag_path

STATEMENTS = {
    "a": [
        "The Ministry of Foreign Affairs and International Cooperation welcomes the adoption "
        "of the ASEAN-UN Plan of Action for the years ahead.",
        "Both sides agreed to strengthen cooperation on mine action and peacekeeping.",
    ],
    "b": [
        "Cambodia and Thailand held the fourth meeting of their joint boundary commission in "
        "Siem Reap this week, in a spirit of good neighbourliness.",
        "The next meeting will be held in Bangkok early next year.",
    ],
    "c": [
        "The Cambodian Mine Action Centre cleared more land this quarter than in any quarter "
        "before, the Secretary of State said on Monday.",
    ],
    "d": [
        "The Minister received the Ambassador of Japan, who presented a grant for demining "
        "equipment to be used in the north-western provinces.",
        "The Minister thanked Japan for its long support.",
    ],
}


def page(slug: str, variant: int, *, region_class: str = "body-text") -> str:
    """A release page whose chrome changes with `variant`; the statement never does."""
    latest = [f"Other news item {variant * 10 + i} about a visit" for i in range(4)]
    paras = "".join(f"<p>{p}</p>" for p in STATEMENTS[slug])
    return f"""<html><head><title>Release {slug}</title></head><body>
    <div class="region-{variant % 3}">Agency · 2026-11-{10 + variant:02d} 0{variant}:36 ·
      English | Khmer</div>
    <div class="strip"><span>Breaking:</span> <a href="/x{variant}">{latest[0]} today</a></div>
    <div class="wrap"><div class="col">
      <h1>Release {slug} headline</h1>
      <div class="{region_class}">{paras}</div>
      <div class="box"><h3>Latest</h3><ul>{"".join(f"<li><a href='/n{i}'>{t}</a></li>"
                                                   for i, t in enumerate(latest))}</ul></div>
    </div></div>
    <div class="foot">Page views: {1500 + variant * 7} | © 2026 Agency</div>
    </body></html>"""


def listing(variant: int) -> str:
    items = "".join(f"<li><a href='/r/{s}'>Release {s} headline</a></li>" for s in STATEMENTS)
    body = page("a", variant)
    start, end = body.index('<div class="wrap">'), body.index('<div class="foot">')
    return body[:start] + f"<ul class='list'>{items}</ul>" + body[end:]


def learned(variant: int = 0) -> SiteProfile:
    """A profile taught by the listing and every release, as a baseline check would."""
    profile = SiteProfile()
    keys = learn_page(listing(variant), "https://agency.example/news")
    assert keys is not None
    profile.learn(keys)
    for slug in STATEMENTS:
        reading = read_html(page(slug, variant), f"https://agency.example/r/{slug}",
                            template=profile.view())  # fmt: skip
        assert reading.keys is not None
        profile.learn(reading.keys, reading.region)
    return profile


def test_a_statement_of_a_standard_form_is_never_template():
    """Weekly figures, numbered notices: statements alike but for their numbers stay whole."""
    profile = SiteProfile()
    pages = {n: f"<html><body><div class='menu'><a href='/'>Home</a></div><article><h1>"
                f"Notice {n}</h1><p>This is statement {n}; it concerns regional cooperation."
                f"</p></article></body></html>" for n in range(6)}  # fmt: skip
    for n, html in pages.items():
        keys = learn_page(html, f"https://agency.example/n/{n}")
        assert keys is not None
        profile.learn(keys)
    for n, html in pages.items():
        doc = read_html(html, f"https://agency.example/n/{n}", template=profile.view()).document
        assert doc.paragraphs == (f"This is statement {n}; it concerns regional cooperation.",)


def test_a_block_is_template_once_seen_on_two_pages_a_long_one_on_three():
    tree = lxml_html.fromstring("<html><body><div><p>Menu item</p></div></body></html>")
    el = tree.find(".//p")
    short = blocks_of([("Menu item", el, False)])
    long_text = " ".join(["word"] * 40)
    long = blocks_of([(long_text, el, False)])
    profile = SiteProfile()
    for n, url in enumerate(("u1", "u2", "u3"), start=1):
        profile.learn(page_keys(url, short))
        profile.learn(page_keys(url, long))
        view = profile.view()
        assert view.is_template(short[0]) == (n >= 2)
        assert view.is_template(long[0]) == (n >= 3)
    # the same page read again teaches nothing new
    again = SiteProfile()
    for _ in range(3):
        again.learn(page_keys("u1", short))
    assert not again.view().is_template(short[0])


def test_prune_removes_elements_made_only_of_template_lines():
    tree = lxml_html.fromstring(
        "<html><body><div id='top'><p>Agency</p><p>Menu</p></div>"
        "<main><p>Menu</p><p>The statement itself, which is new.</p></main></body></html>"
    )
    lines = [(p.text_content(), p, False) for p in tree.iter("p")]
    blocks = blocks_of(lines)
    template = Template(blocks=frozenset({blocks[0].key, blocks[1].key}))  # Agency, Menu (top)
    assert prune(blocks, [template.is_template(b) for b in blocks], tree) == 2
    assert tree.find(".//div[@id='top']") is None
    assert "The statement itself" in tree.text_content()
    assert "Menu" in tree.find(".//main").text_content()  # another path: not template


def test_sentences_statements_share_stay_in_the_statement_region():
    """Releases of one source repeat sentences (a standard closing; a short Khmer release can
    be made of nothing else): inside the learned region they are the statement, not template."""
    from monitor.extract.reading import prepare, without_template

    shared = ["ភាគីទាំងពីរក៏បានផ្លាស់ប្តូរទស្សនៈលើបញ្ហាតំបន់ និងអន្តរជាតិដែលមានការយកចិត្តទុកដាក់រួម។",
              "The meeting was held in a warm and friendly atmosphere."]  # fmt: skip
    html = ("<html><body><nav><a href='/'>Home</a></nav><main><article><h1>T</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in shared)
            + "</div></article></main><footer><p>The meeting was held in a warm and friendly"
            " atmosphere.</p></footer></body></html>")  # fmt: skip
    tree = lxml_html.fromstring(html)
    blocks = blocks_of((p.text_content(), p, False) for p in tree.iter("p", "a"))
    region = "html/body/main/article/div|entry-content"
    template = Template(blocks=frozenset(b.key for b in blocks), regions=(region,))
    prepared = prepare(tree, "u", template)
    content = prepared.work.find(".//div[@class='entry-content']")
    assert [p.text_content() for p in content.iter("p")] == shared
    assert prepared.work.find(".//nav") is None and prepared.work.find(".//footer") is None
    assert without_template(tuple(shared), prepared) == tuple(shared)
    # without the region learned, the same lines are template everywhere
    bare = prepare(tree, "u", Template(blocks=template.blocks))
    assert bare.work.find(".//div[@class='entry-content']") is None


def test_a_recurring_sentence_is_the_statement_s_beside_its_own_but_a_link_never():
    """Before a region is learned, a sentence the source's releases share is kept where it
    sits beside a line of the statement read; the same kind of sentence in a cookie banner
    beside a line of its own stays template. In the region, a recurring link ("« Back to
    Press Releases" in the article's box) is template, a recurring sentence is not."""
    from monitor.extract.reading import _key, _page_blocks, prepare

    closing = "The meeting took place in a cordial and friendly atmosphere."
    cookie = "Our website also uses cookies from a web analytics service of ours."
    own = [
        "The Minister received the Ambassador of Japan on Monday in Phnom Penh.",
        "The Ambassador presented a grant for demining equipment in the north-west.",
    ]
    html = ("<html><head><title>T</title></head><body><main><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in own) + f"<p>{closing}</p>"
            "<p><a href='/press'>« Back to Press Releases</a></p></div></main>"
            "<div class='cookies'><p>We use cookies: this notice was shown at 10:42 today.</p>"
            f"<p>{cookie}</p></div></body></html>")  # fmt: skip
    tree = lxml_html.fromstring(html)
    shared = frozenset(b.key for b in _page_blocks(tree) if b.text not in own
                       and "10:42" not in b.text)  # fmt: skip
    bare = prepare(tree, "u", Template(blocks=shared))
    assert bare.beside(tuple(own)) == {_key(closing)}
    read = read_html(html, "http://x/u", template=Template(blocks=shared))
    assert read.document.paragraphs == (*own, closing)
    region = "html/body/main/div|entry-content"
    learned = prepare(tree, "u", Template(blocks=shared, regions=(region,)))
    content = learned.work.find(".//div[@class='entry-content']")
    assert "Back to Press Releases" not in content.text_content()
    assert closing in content.text_content()


def test_find_region_needs_one_fitting_element():
    tree = lxml_html.fromstring(
        "<html><body><div class='body-text node-12'>x</div><div class='other'>y</div></body></html>"
    )
    el = tree.find(".//div")
    region = f"{tag_path(el)}|body-text node-"
    assert find_region(tree, region) is el
    twins = lxml_html.fromstring("<html><body><div>x</div><div>y</div></body></html>")
    assert find_region(twins, "html/body/div|") is None  # two fit: not trusted


def test_a_region_is_found_by_its_class_words_never_by_its_place_alone():
    """A redesign wraps the statement in a grid: the element now at the region's path holds
    the statement with its details box, and is no region; the statement's container, moved,
    is known by its class words. Another class at the old place is not the region either."""
    before = lxml_html.fromstring(
        "<html><body><main><div class='article-body'><p>x</p></div></main></body></html>"
    )
    region = f"{tag_path(before.find('.//div'))}|article-body"
    wrapped = lxml_html.fromstring(
        "<html><body><main><div class='row'><div class='col-12'><div class='article-body'>"
        "<p>x</p></div><dl><dt>Details</dt></dl></div></div></main></body></html>"
    )
    assert find_region(wrapped, region) is wrapped.find(".//div[@class='article-body']")
    renamed = lxml_html.fromstring(
        "<html><body><main><div class='row'><p>x</p><dl><dt>Details</dt></dl></div></main>"
        "</body></html>"
    )
    assert find_region(renamed, region) is None
    two = lxml_html.fromstring(
        "<html><body><main><div class='row'><div class='article-body'>x</div>"
        "<div class='article-body'>y</div></div></main></body></html>"
    )
    assert find_region(two, region) is None  # two fit equally: not trusted
    footer = lxml_html.fromstring(
        "<html><body><main><div class='post-text'><p>x</p></div></main><footer>"
        "<div class='article-body'>Ministry of Foreign Affairs, Phnom Penh</div></footer>"
        "</body></html>"
    )
    assert find_region(footer, region) is None  # the class kept elsewhere, not wrapped: not it


def test_changing_chrome_never_changes_the_reading():
    profile = learned(0)
    view = profile.view()
    assert view.regions, "the releases agree on the statement's region"
    for slug in STATEMENTS:
        url = f"https://agency.example/r/{slug}"
        before = read_html(page(slug, 0), url, template=view).document
        for variant in (1, 2, 5):
            after = read_html(page(slug, variant), url, template=view)
            assert after.document.comparable == before.comparable, (slug, variant)
            assert after.read_in == view.regions[0]
        assert before.paragraphs == tuple(STATEMENTS[slug])


def test_without_a_profile_the_page_is_read_as_before():
    url = "https://agency.example/r/a"
    assert read_html(page("a", 0), url).document == extract_html(page("a", 0), url)


def test_an_edit_inside_the_region_is_read():
    view = learned(0).view()
    url = "https://agency.example/r/b"
    before = read_html(page("b", 0), url, template=view).document
    edited = page("b", 1).replace("early next year", "in March")
    after = read_html(edited, url, template=view).document
    assert before.text != after.text
    assert "in March" in after.text


def test_a_redesign_falls_back_to_the_single_page_reading():
    view = learned(0).view()
    url = "https://agency.example/r/c"
    redesigned = page("c", 1, region_class="article-content")
    reading = read_html(redesigned.replace('class="wrap"', 'class="container"'), url,
                        template=view)  # fmt: skip
    assert reading.read_in is None
    assert re.search("cleared more land", reading.document.text)


def test_a_page_that_is_little_but_its_statement_once_pruned_still_teaches_its_region():
    """Once the template is taken out, a plain site's page is its statement and not much
    else: the statement's container then holds most of what is left, and is still the
    statement's (not the page's wrapper), so the source learns where to read."""
    from monitor.demo.samples import generate_releases
    from monitor.demo.site import SiteLayout, build_site
    from monitor.extract.survey import survey_page

    layout = SiteLayout("handmade", "/news/")
    releases = generate_releases(12, seed=7)
    routes = build_site(releases, style="handmade", per_page=20, base_path=layout.base_path,
                        origin="https://agency.example", archives=False)  # fmt: skip
    pages = [(f"https://agency.example{layout.article(r)}", routes[layout.article(r)].body)
             for r in releases]  # fmt: skip
    profile = SiteProfile()
    for url, body in pages:
        survey = survey_page(body.decode(), url)
        assert survey is not None
        profile.learn(survey.keys)
    regions = [read_html(body.decode(), url, template=profile.view()).region for url, body in pages]
    assert all(regions), regions
    assert len(set(regions)) == 1


def test_a_mark_is_only_of_a_region_that_holds_the_statement():
    """The mark is taken in the whole page, the statement read in the page without its
    template: where the region found there is another element (a template block at the
    region's place), a mark of it would stay the same through an edit of the statement."""
    from monitor.extract.regions import fingerprint

    statement = "The Ministry welcomes the adoption of the Plan of Action for the years ahead."
    tree = lxml_html.fromstring(
        "<html><body><main><div class='article-body'><p>Subscribe to our newsletter for the "
        "latest news from the Ministry every week.</p></div></main><section><div "
        f"class='article-body'><p>{statement}</p></div></section></body></html>"
    )
    region = f"{tag_path(tree.find('.//main/div'))}|article-body"
    template = Template(regions=(region,))
    assert fingerprint(tree, template) is not None  # the element at the region's place
    assert fingerprint(tree, template, (statement,)) is None
    held = lxml_html.fromstring(f"<html><body><main><div class='article-body'><p>{statement}"
                                "</p></div></main></body></html>")  # fmt: skip
    assert fingerprint(held, template, (statement,)) is not None


def test_a_listing_s_teaser_never_makes_its_release_s_text_template():
    """A WordPress listing shows each release's excerpt, for a one-sentence release its whole
    text, on the tag path the release page gives it: learned from the listing, it would be
    template on the release's own page (an outside probe saw such a release stored with its
    byline for text). A listing's sentences teach the template nothing."""
    from monitor.run.workers import learn_listing

    sentence = ("The Royal Government of Cambodia condemns any new use of anti-personnel mines "
                "by any actor and calls on all States to join the Convention.")  # fmt: skip
    chrome = ("<header><nav><a href='/'>Home</a> <a href='/press/'>Press</a></nav></header>"
              "<footer><p>Ministry of Foreign Affairs, Phnom Penh.</p></footer>")  # fmt: skip
    listing = (f"<html><body>{chrome}<main><article><h2><a href='/r1/'>Cambodia Condemns Mines"
               f"</a></h2><div class='entry-summary'><p>{sentence}</p></div></article><article>"
               "<h2><a href='/r2/'>Other</a></h2><div class='entry-summary'><p>The Minister "
               "received the Ambassador of Japan in Phnom Penh on Monday.</p></div></article>"
               "</main></body></html>")  # fmt: skip
    release = (f"<html><head><title>Cambodia Condemns Mines</title></head><body>{chrome}<main>"
               "<article><h1>Cambodia Condemns Mines</h1><div class='entry-meta'>Posted on "
               "November 29, 2026 by Spokesperson</div><div class='entry-content'>"
               f"<p>{sentence}</p></div></article></main></body></html>")  # fmt: skip
    profile = SiteProfile()
    keys, _ = learn_listing(listing, "https://mfa.example/press/", True)
    profile.learn(keys)
    profile.learn(read_html(release, "https://mfa.example/r1/").keys)
    read = read_html(release, "https://mfa.example/r1/", template=profile.view())
    assert read.document.paragraphs == (sentence,)
