"""Edits a publisher makes to its releases, as pure functions over a release list.

The demo and the end-to-end tests apply these between two builds of the site and expect the
monitor to report exactly these edits. Each returns a new list and leaves its input alone.
"""

from __future__ import annotations

from dataclasses import replace

from monitor.demo.samples import SampleRelease


def _find(releases: list[SampleRelease], slug: str) -> int:
    for index, release in enumerate(releases):
        if release.slug == slug:
            return index
    known = ", ".join(r.slug for r in releases[:5])
    raise KeyError(f"no release with slug {slug!r} (some slugs: {known}, ...)")


def edit_sentence(
    releases: list[SampleRelease], slug: str, old: str, new: str
) -> list[SampleRelease]:
    """Replace the text `old` with `new` in the paragraphs of one release (first occurrence)."""
    index = _find(releases, slug)
    release = releases[index]
    for number, paragraph in enumerate(release.paragraphs):
        if old in paragraph:
            paragraphs = list(release.paragraphs)
            paragraphs[number] = paragraph.replace(old, new, 1)
            edited = replace(release, paragraphs=tuple(p for p in paragraphs if p.strip()))
            return [*releases[:index], edited, *releases[index + 1 :]]
    raise ValueError(f"{old!r} is not in release {slug!r}; copy the text from its paragraphs")


def edit_title(releases: list[SampleRelease], slug: str, title: str) -> list[SampleRelease]:
    index = _find(releases, slug)
    edited = replace(releases[index], title=title)
    return [*releases[:index], edited, *releases[index + 1 :]]


def add_release(releases: list[SampleRelease], release: SampleRelease) -> list[SampleRelease]:
    """Publish `release`; build_site puts it where its date belongs in the listing."""
    if any(r.slug == release.slug for r in releases):
        raise ValueError(f"a release with slug {release.slug!r} is already published")
    return [release, *releases]


def remove_release(releases: list[SampleRelease], slug: str) -> list[SampleRelease]:
    """Take a release down: it leaves the listings and its address stops answering.

    Pass the removed release to build_site(gone=[...]) for the site's own 404/410 page,
    or leave it out entirely for the server's plain 404.
    """
    index = _find(releases, slug)
    return [*releases[:index], *releases[index + 1 :]]
