"""The sample ministry site used by `monitor demo`, end-to-end tests and benchmarks.

build_site() renders a whole site (WordPress, Drupal or hand-made) as a route table;
FixtureServer serves a route table over real HTTP on 127.0.0.1; scenario edits releases.
"""

from monitor.demo.samples import (
    SampleRelease,
    generate_releases,
    load_releases,
    parse_release,
    sort_releases,
)
from monitor.demo.scenario import add_release, edit_sentence, edit_title, remove_release
from monitor.demo.server import FixtureServer, RequestRecord, Route
from monitor.demo.site import STYLES, SiteLayout, build_site, make_chrome, pdf_release

__all__ = [
    "STYLES",
    "FixtureServer",
    "RequestRecord",
    "Route",
    "SampleRelease",
    "SiteLayout",
    "add_release",
    "build_site",
    "edit_sentence",
    "edit_title",
    "generate_releases",
    "load_releases",
    "make_chrome",
    "parse_release",
    "pdf_release",
    "remove_release",
    "sort_releases",
]
