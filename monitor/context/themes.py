"""Theme tagging: which watched themes a release is about, which it only mentions, and the
passages that show it.

How a term matches: `monitor.theme_text` (words, organisation names, sentences) and
`monitor.theme_match` (exact and one-slip matches, acronyms, Khmer and Thai on characters). A
term written "A ... B" matches when A and B occur in the same sentence. The bare word "mine"
counts only in a sentence with a mine-action cue and without a mining cue
(`theme_words.GUARDS`).

How a theme is scored (the README paragraph). Each distinct term found counts 1 (0.5 for a
*support* term: words that back a theme up but say too little alone, such as "UN
Secretary-General" or "peacekeeping"), doubled when it occurs in the title; each further sentence
with a match adds 0.25 (at most 1); and a release close to one of the theme's exemplars adds up
to 1 (shared character 5-grams, cosine from 0.15 to 0.35). A theme is found when its score
reaches `min_score` (default 1) and at least one non-support term matched: a passing mention of
the UN in a visa notice, or "ASEAN" and "UN Charter" in one sentence, never counts.

A theme found is then either the release's subject (*about*: the `themes` of a check) or only
*mentioned* (`mentions`): `monitor.theme_context` decides from where and how its terms occur
(title, lead, list items, how many sentences). The evidence kept is each matched term as
written in the release, with its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from monitor.context.theme_context import Hit, prominence
from monitor.context.theme_match import (
    DEFAULT_MIN_SCORE,
    TermHit,
    Theme,
    compile_theme,
    excerpt,
    exemplar_bonus,
    sentence_hits,
)
from monitor.context.theme_text import Sentence, sentences
from monitor.context.theme_vocab import ASEAN_UN, DEFAULT_THEMES, DEMINING
from monitor.models import ThemeMatch

__all__ = [
    "ASEAN_UN", "DEFAULT_MIN_SCORE", "DEFAULT_THEMES", "DEMINING", "Theme", "classify_themes",
    "match_themes", "score_themes",
]  # fmt: skip

TERM_WEIGHT = 1.0
SUPPORT_WEIGHT = 0.5
TITLE_FACTOR = 2.0
REPEAT_BONUS = 0.25
REPEAT_CAP = 1.0
MAX_EVIDENCE = 12


def _evaluate(found: list[Sentence], full_text: str, theme: Theme) -> tuple[ThemeMatch, bool, bool]:
    """The theme's score and evidence, whether it is found, and whether it is the subject."""
    ct = compile_theme(theme)
    hits: list[TermHit] = []
    for i, sentence in enumerate(found):
        hits.extend(sentence_hits(sentence, i, ct))
    first: dict[int, TermHit] = {}
    in_title: set[int] = set()
    for th in hits:
        first.setdefault(th.term, th)
        if found[th.sentence].in_title:
            in_title.add(th.term)
    score = 0.0
    weights = {}
    for ti in first:
        weight = SUPPORT_WEIGHT if ct.terms[ti].support else TERM_WEIGHT
        weights[ti] = weight * (TITLE_FACTOR if ti in in_title else 1.0)
        score += weights[ti]
    sentences_hit = len({th.sentence for th in hits})
    score += min(REPEAT_CAP, REPEAT_BONUS * max(0, sentences_hit - 1))
    strong = any(not ct.terms[ti].support for ti in first)
    evidence = []
    order = sorted(first.values(), key=lambda th: (-weights[th.term], th.sentence))
    for th in order[:MAX_EVIDENCE]:
        evidence.append((th.surface, excerpt(found[th.sentence].text, th.span)))
    if strong:  # an exemplar backs up evidence; alone it would tag look-alikes of any topic
        bonus, label = exemplar_bonus(ct, full_text)
        if bonus > 0:
            score += bonus
            evidence.append(("similar to exemplar", label))
    match = ThemeMatch(theme=theme.name, score=round(score, 2), evidence=tuple(evidence))
    where = [
        Hit(th.sentence, *(th.span or th.parts[0]), support=ct.terms[th.term].support)
        for th in hits
    ]
    about = prominence(found, where).about if strong else False
    return match, strong and score >= theme.min_score, about


def classify_themes(
    title: str, paragraphs: Sequence[str], themes: Sequence[Theme]
) -> tuple[list[ThemeMatch], list[ThemeMatch]]:
    """(themes the release is about, themes it only mentions), each best first, with evidence
    ((term as written in the release, sentence), ...)."""
    found = sentences(title, paragraphs)
    full_text = "\n".join([title, *paragraphs])
    about, mentions = [], []
    for theme in themes:
        match, ok, subject = _evaluate(found, full_text, theme)
        if ok:
            (about if subject else mentions).append(match)
    return sorted(about, key=lambda m: -m.score), sorted(mentions, key=lambda m: -m.score)


def match_themes(
    title: str, paragraphs: Sequence[str], themes: Sequence[Theme]
) -> list[ThemeMatch]:
    """The themes a release is about, best first, each with its evidence."""
    return classify_themes(title, paragraphs, themes)[0]


def score_themes(
    title: str, paragraphs: Sequence[str], themes: Sequence[Theme]
) -> list[ThemeMatch]:
    """Every theme's score and evidence, tagged or not: for explaining a missing tag."""
    found = sentences(title, paragraphs)
    full_text = "\n".join([title, *paragraphs])
    return [_evaluate(found, full_text, theme)[0] for theme in themes]
