"""Release and listing pages in the styles of real CMSs: Drupal, WordPress, SharePoint, a
hand-made table layout and a Cambodian-ministry style (`.viewpost-*`). Each comes with its own
fixed chrome (menus, breadcrumbs, footer); `mutate.apply_chrome` then churns around it.

The statement container carries `data-churn="statement"` until `sites` has located it; the
attribute is removed before any page is served.
"""

from __future__ import annotations

from html import escape

STYLES = ("drupal", "wordpress", "sharepoint", "handmade", "viewpost")
MARK = 'data-churn="statement"'
MENU = ["Home", "About the Ministry", "News", "Press releases", "Speeches", "Publications",
        "Contact"]  # fmt: skip


def statement_html(paragraphs: list[str], cls: str, tag: str = "div") -> str:
    inner = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f'<{tag} class="{cls}" {MARK}>{inner}</{tag}>'


def listing_html(items: list[tuple[str, str, str]], cls: str) -> str:
    """items: (href, title, date). The release links are in ul.churn-releases."""
    lis = "".join(
        f'<li><a href="{h}">{escape(t)}</a> <span class="date">{d}</span></li>'
        for h, t, d in items
    )
    return f'<div class="{cls}" {MARK}><ul class="churn-releases">{lis}</ul></div>'


def _menu(tag: str = "ul") -> str:
    if tag == "ul":
        return "<ul>" + "".join(f'<li><a href="#">{m}</a></li>' for m in MENU) + "</ul>"
    return " | ".join(f'<a href="#">{m}</a>' for m in MENU)


def page(style: str, *, agency: str, title: str, date: str, main: str, lang: str = "en") -> str:
    """`main` is the statement (or listing) container markup from statement_html/listing_html."""
    a, t = escape(agency), escape(title)
    head = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{t} | {a}</title></head>")  # fmt: skip
    if style == "drupal":
        body = f"""<body class="path-node page-node-type-press-release">
<div class="dialog-off-canvas-main-canvas"><header role="banner" class="site-header">
<div class="region region-header"><a href="/" class="site-logo">{a}</a></div>
<nav class="region region-primary-menu">{_menu()}</nav></header>
<div class="region region-breadcrumb"><ol class="breadcrumb"><li><a href="/">Home</a></li>
<li><a href="#">News</a></li></ol></div>
<main role="main"><div class="layout-content"><div class="region region-content">
<article class="node node--type-press-release node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{t}</span></h1>
<div class="node__meta"><time datetime="{date}">{date}</time></div>
<div class="node__content">{main}</div></article></div></div>
<aside class="layout-sidebar-second"><div class="block block-views">
<h2>Contact</h2><p>Press office: +855 23 000 000</p></div></aside></main>
<footer class="site-footer"><div class="region region-footer"><p>{a}</p>{_menu()}</div></footer>
</div></body></html>"""
    elif style == "wordpress":
        body = f"""<body class="post-template-default single single-post">
<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/">{a}</a></p><nav id="site-navigation">{_menu()}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main"><article class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{t}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published"
datetime="{date}T09:00:00+07:00">{date}</time></span></div></header>
{main}
<footer class="entry-footer"><span class="cat-links">Posted in <a href="#">News</a></span>
</footer></article></main></div>
<div id="secondary" class="widget-area"><section class="widget widget_search">
<form><input type="search" name="s"></form></section></div></div>
<footer id="colophon" class="site-footer"><div class="site-info">{a}</div></footer></div>
</body></html>"""
    elif style == "sharepoint":
        body = f"""<body><form method="post" action="./" id="aspnetForm">
<div id="s4-workspace"><div id="s4-bodyContainer"><div id="ctl00_PlaceHolderTop">
<div class="ms-siteheader"><span class="ms-sitetitle">{a}</span></div>
<div class="ms-topnav">{_menu("bar")}</div></div>
<div id="contentRow"><div id="sideNavBox" class="ms-dialogHidden ms-forceWrap ms-noList">
<div class="ms-core-navigation">{_menu()}</div></div>
<div id="contentBox"><div id="DeltaPlaceHolderMain">
<div class="ms-rtestate-field"><h1 class="ms-pageTitle">{t}</h1>
<div class="article-date">{date}</div></div>
<div id="ctl00_PlaceHolderMain_RichHtmlField" class="ms-rtestate-field">{main}</div>
</div></div></div>
<div class="ms-footer"><table width="100%"><tr><td>{a}</td><td>{_menu("bar")}</td></tr>
</table></div></div></div></form></body></html>"""
    elif style == "handmade":
        body = f"""<body bgcolor="#ffffff"><table width="960" align="center" border="0">
<tr><td colspan="2"><font size="5"><b>{a}</b></font><br>{_menu("bar")}</td></tr>
<tr><td width="200" valign="top"><b>Menu</b><br>{_menu("bar").replace(" | ", "<br>")}</td>
<td valign="top"><h2>{t}</h2><p><i>{date}</i></p>
{main}
<p><a href="javascript:history.back()">Back</a></p></td></tr>
<tr><td colspan="2" align="center"><font size="1">{a}</font></td></tr></table>
</body></html>"""
    else:  # viewpost: the Cambodian ministry style named in INDEX.md
        body = f"""<body><div class="wrapper"><div class="header"><div class="container">
<div class="logo"><a href="/">{a}</a></div><div class="menu">{_menu()}</div></div></div>
<div class="container"><div class="row"><div class="col-md-9">
<div class="viewpost"><h3 class="viewpost-title">{t}</h3>
<div class="viewpost-date">{date}</div>
{main}
<div class="viewpost-share"><a href="#">Facebook</a> <a href="#">Telegram</a></div></div></div>
<div class="col-md-3"><div class="panel"><div class="panel-heading">Links</div>
<div class="panel-body">{_menu()}</div></div></div></div></div>
<div class="footer"><div class="container">{a}</div></div></div></body></html>"""
    return head + body


CONTENT_CLASS = {
    "drupal": "field field--name-body field--type-text-with-summary field--label-hidden",
    "wordpress": "entry-content",
    "sharepoint": "ms-rtestate-field-inner",
    "handmade": "text",
    "viewpost": "viewpost-content",
}
