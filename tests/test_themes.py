"""Theme tagging: per-theme precision and recall on a labelled set, variants, near-misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.context.themes import (
    DEFAULT_THEMES,
    Theme,
    classify_themes,
    match_themes,
    score_themes,
)

DATA = Path(__file__).parent / "data" / "themes"
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
THEME_NAMES = [t.name for t in DEFAULT_THEMES]


def load(entry: dict) -> tuple[str, list[str]]:
    """Title and paragraphs of a labelled file. Plain files: the first line is the title unless
    the label gives one (the ministry files open with a letterhead). Demo samples: a `Title:`
    header, and the text after the first blank line (other headers are metadata, not text)."""
    raw = (DATA / entry["file"]).read_text("utf-8")
    if raw.startswith("Title:"):
        header, _, raw = raw.partition("\n\n")
        entry = {**entry, "title": header.splitlines()[0].removeprefix("Title:").strip()}
    lines = [ln.strip().strip("*").strip() for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln]
    if entry.get("title"):
        return entry["title"], lines
    return lines[0], lines[1:]


def tagged(title: str, *paragraphs: str, themes=DEFAULT_THEMES) -> dict[str, list[str]]:
    """Theme name -> matched terms as written."""
    return {
        m.theme: [term for term, _ in m.evidence] for m in match_themes(title, paragraphs, themes)
    }


# --- the labelled set ----------------------------------------------------------------------


def test_labelled_set_is_big_enough_and_covers_every_theme():
    releases = LABELS["releases"]
    assert len(releases) >= 110
    assert sum(e.get("added") == "issue 13" for e in releases) >= 30
    assert set(LABELS["themes"]) == set(THEME_NAMES)
    for entry in releases + LABELS["borderline"]:
        assert (DATA / entry["file"]).is_file(), entry["file"]
        assert not set(entry.get("themes", ())) & set(entry.get("mentions", ())), entry["file"]
    for name in THEME_NAMES:
        positives = sum(name in e["themes"] for e in releases)
        assert positives >= 8, f"too few releases labelled {name} to measure it"
        assert len(releases) - positives >= 20, f"too few releases without {name}"
        assert sum(name in e["mentions"] for e in releases) >= 3, f"too few mentions of {name}"


def _measure(kind: str) -> tuple[dict[str, tuple[float, float]], list[str], list[str]]:
    """Per theme (precision, recall) of `kind` ("themes" or "mentions") against the labels."""
    counts = {name: {"tp": 0, "fp": 0, "fn": 0} for name in THEME_NAMES}
    mistakes = []
    for entry in LABELS["releases"]:
        title, paragraphs = load(entry)
        about, mentions = classify_themes(title, paragraphs, DEFAULT_THEMES)
        got = {m.theme for m in (about if kind == "themes" else mentions)}
        expected = set(entry[kind])
        for name in THEME_NAMES:
            if name in got and name in expected:
                counts[name]["tp"] += 1
            elif name in got:
                counts[name]["fp"] += 1
                mistakes.append(f"{kind}: false {name}: {entry['file']}")
            elif name in expected:
                counts[name]["fn"] += 1
                mistakes.append(f"{kind}: missed {name}: {entry['file']}")
    lines = [f"{kind:10} {'precision':>9} {'recall':>7}  tp fp fn"]
    scores = {}
    for name, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        scores[name] = (precision, recall)
        lines.append(
            f"{name:10} {precision:9.2f} {recall:7.2f}  {c['tp']:2} {c['fp']:2} {c['fn']:2}"
        )
    return scores, lines, mistakes


@pytest.mark.eval
def test_precision_and_recall_per_theme(capsys):
    """`themes` (about) is held to 0.9; `mentions` is printed and held to 0.8."""
    scores, lines, mistakes = _measure("themes")
    m_scores, m_lines, m_mistakes = _measure("mentions")
    with capsys.disabled():
        print("\n" + "\n".join(lines + m_lines + mistakes + m_mistakes))
    for name, (precision, recall) in scores.items():
        assert precision >= 0.9, f"{name} precision {precision:.2f}: {mistakes}"
        assert recall >= 0.9, f"{name} recall {recall:.2f}: {mistakes}"
    for name, (precision, recall) in m_scores.items():
        assert min(precision, recall) >= 0.8, f"{name} mentions: {m_mistakes}"


# --- the seeds, as the issue describes them --------------------------------------------------


def _entry(name: str) -> dict:
    return next(e for e in LABELS["releases"] if e["file"].endswith(name))


def test_bilateral_seed_has_both_themes_with_the_demining_evidence():
    title, paragraphs = load(_entry("mfaic-2022-11-13-pm-guterres-bilateral.txt"))
    found = {m.theme: m for m in match_themes(title, paragraphs, DEFAULT_THEMES)}
    assert set(found) == {"asean-un", "demining"}
    terms = {term.casefold() for term, _ in found["demining"].evidence}
    assert {"demining", "landmines", "uxo", "mine-free cambodia"} <= terms
    for term, sentence in found["demining"].evidence:
        assert term in sentence  # each piece of evidence quotes the sentence it came from
    assert any(t.startswith("ASEAN-UN") for t, _ in found["asean-un"].evidence)


def test_news_agency_summit_article_is_asean_un_only():
    title, paragraphs = load(_entry("akp-2020-11-15-asean-un-summit-pko.txt"))
    found = tagged(title, *paragraphs)
    assert set(found) == {"asean-un"}
    assert "ASEAN-UN Summit" in found["asean-un"]


def test_ministerial_seed_mentions_demining_through_armac_and_de_mining():
    """One sentence of the ASEAN-UN ministerial's outcomes touches on demining: a mention."""
    title, paragraphs = load(_entry("mfaic-2020-10-21-asean-un-ministerial.txt"))
    about, mentions = classify_themes(title, paragraphs, DEFAULT_THEMES)
    assert [m.theme for m in about] == ["asean-un"]
    assert [m.theme for m in mentions] == ["demining"]
    terms = [term for term, _ in mentions[0].evidence]
    assert "humanitarian de-mining" in terms and "ARMAC" in terms


# --- variants and near-misses ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Teams continued de-mining in Pailin.", "de-mining"),
        ("Teams continued de mining in Pailin.", "de mining"),
        ("DEMINING TEAMS ARRIVED IN PAILIN.", "DEMINING"),
        ("Teams continued demining in Pailin.", "demining"),
        ("The goal of a Mine Free Cambodia remains.", "Mine Free Cambodia"),
        ("The village was declared mine-free.", "mine-free"),
        ("Land mines remain along the border.", "Land mines"),
        ("Landmines remain along the border.", "Landmines"),
        ("Unexploded ordinance was found near the school.", "Unexploded ordinance"),
        ("Deminning teams arrived on Monday.", "Deminning"),
        ("Two UXOs were destroyed.", "UXOs"),
        ("Every explosive remnant of war must be removed.", "explosive remnant of war"),
        ("The Cambodian Mine Action Centre reported progress.", "Cambodian Mine Action Centre"),
    ],
)
def test_demining_variants(sentence, surface):
    assert surface in tagged("Notice", sentence).get("demining", [])


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The ASEAN-UN Summit opened in Hanoi.", "ASEAN-UN Summit"),
        ("The ASEAN–UN Summit opened in Hanoi.", "ASEAN–UN Summit"),
        ("The ASEAN - UN partnership deepened.", "ASEAN - UN"),
        ("Asean-UN ties deepened, officials said.", "Asean-UN"),
        (
            "The ASEAN-United Nations Ministerial Meeting was held.",
            "ASEAN-United Nations Ministerial Meeting",
        ),
        ("Cooperation between ASEAN and the UN grew.", "ASEAN and the UN"),
        ("ASEAN and UN officials met in Jakarta.", "ASEAN and UN"),
        ("Cooperation between ASEAN and the United Nations grew.", "ASEAN and the United Nations"),
        ("The United Nations and ASEAN agreed a new plan.", "United Nations and ASEAN"),
    ],
)
def test_asean_un_variants(sentence, surface):
    assert surface in tagged("Notice", sentence).get("asean-un", [])


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee will determine the budget and examine the accounts.",
        "Officials examined the Mekong flood data to determine a mine of information.",
        "Gold mines and a coal mine operate in the mining concession.",
        "The Ministry of Mines and Energy granted an exploration licence.",
        "Open-pit mines must be cleared of waste rock before closure.",
        "The final decision is mine.",
        "Exporters face a regulatory minefield at customs clearance.",
        "The landline was cut and the landmark restored.",
        "ASEAN-UK and ASEAN-Russia ministers met.",
        "Un accord entre l'ASEAN et un pays voisin.",
        "The MRC works with ASEAN and with United Nations agencies on water.",
        "ASEAN leaders upheld the UN Charter and UNCLOS.",
        "Holders of a UN laissez-passer and ASEAN nationals are exempt from the visa fee.",
        "The UN Secretary-General praised Cambodia's peacekeepers.",
        "Secretary-General to the Prime Minister attended.",
        "ពិធីនេះធ្វើឡើងនៅថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២៤។",  # March (មីនា) is not a mine (មីន)
        "ក្រុមហ៊ុនរុករករ៉ែមាស និងអណ្តូងរ៉ែ។",  # gold exploration and a mining pit
    ],
)
def test_near_misses_tag_nothing(sentence):
    assert tagged("Notice", sentence) == {}


def test_bare_mine_counts_only_beside_mine_action_words():
    def demining_terms(sentence: str) -> list[str]:
        (match,) = [
            m for m in score_themes("Notice", [sentence], DEFAULT_THEMES) if m.theme == "demining"
        ]
        return [term for term, _ in match.evidence]

    assert demining_terms("The mines along the border were cleared by engineers.") == ["mines"]
    assert demining_terms("The gold mines along the border were cleared of waste.") == []
    assert demining_terms("The mines will be inspected next year.") == []


def test_support_terms_never_tag_alone_but_raise_the_score():
    peacekeeping = "The UN Secretary-General thanked the peacekeepers and the PKO staff."
    assert "asean-un" not in tagged("Notice", peacekeeping)
    plain = [m for m in match_themes("Notice", ["The ASEAN-UN Summit met."], DEFAULT_THEMES)]
    backed = match_themes("Notice", ["The ASEAN-UN Summit met.", peacekeeping], DEFAULT_THEMES)
    assert backed[0].score > plain[0].score


def test_title_hits_weigh_double_and_min_score_filters():
    in_body = match_themes("Weekly notice", ["Demining resumed in Pailin."], DEFAULT_THEMES)
    in_title = match_themes("Demining resumed", ["Teams went back to Pailin."], DEFAULT_THEMES)
    assert in_title[0].score == 2 * in_body[0].score
    strict = [Theme(t.name, t.terms, 1.5, support=t.support) for t in DEFAULT_THEMES]
    assert match_themes("Weekly notice", ["Demining resumed in Pailin."], strict) == []
    assert [m.theme for m in match_themes("Demining resumed", ["In Pailin."], strict)] == [
        "demining"
    ]


def test_exemplar_similarity_adds_score_and_says_so():
    akp = load(_entry("akp-2020-11-15-asean-un-summit-pko.txt"))
    ministerial_title, ministerial = load(_entry("mfaic-2020-10-21-asean-un-ministerial.txt"))
    exemplar = "\n".join([ministerial_title, *ministerial])
    base = Theme("asean-un", ("ASEAN-UN",))
    with_exemplar = Theme("asean-un", ("ASEAN-UN",), exemplars=(exemplar,))
    (plain,) = match_themes(*akp, [base])
    (helped,) = match_themes(*akp, [with_exemplar])
    assert helped.score > plain.score
    assert helped.evidence[-1][0] == "similar to exemplar"
    unrelated = load(_entry("bank_negara_malaysia_03-03-2020.txt"))
    assert match_themes(*unrelated, [with_exemplar]) == []  # similarity alone never tags


def test_a_configured_theme_with_proximity_terms():
    floods = Theme("floods", ("flash flood", "Mekong ... water level"))
    assert tagged("Notice", "Flash floods hit Kampot.", themes=[floods]) == {
        "floods": ["Flash floods"]
    }
    found = tagged("Notice", "The Mekong rose fast. The water level passed 10 m.", themes=[floods])
    assert found == {}  # the two halves are in different sentences
    found = tagged("Notice", "On the Mekong the water levels passed 10 m.", themes=[floods])
    assert found == {"floods": ["Mekong … water levels"]}


# --- Khmer -----------------------------------------------------------------------------------


def test_khmer_release_is_tagged_on_characters():
    title, paragraphs = load(_entry("pos-khmer-cmac-clearance.txt"))
    found = tagged(title, *paragraphs)
    assert set(found) == {"demining"}
    assert {"គ្រាប់មីន", "គ្រាប់មិនទាន់ផ្ទុះ", "ដោះមីន"} <= set(found["demining"])


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("កម្ទេចចោលគ្រាប់\u200bមីន ចំនួន ៨៤០ គ្រាប់។", "demining"),  # zero-width space inside
        ("រកឃើញគ្រាប់មិនទានផ្ទុះ ៣ គ្រាប់។", "demining"),  # a dropped sign, matched fuzzily
        ("មជ្ឈមណ្ឌលសកម្មភាពកម្ចាត់មីនកម្ពុជា បានប្រកាស។", "demining"),  # the other spelling
        ("កិច្ចប្រជុំកំពូលអាស៊ាន - អង្គការសហប្រជាជាតិ បានបើក។", "asean-un"),
    ],
)
def test_khmer_variants(sentence, theme):
    assert theme in tagged("សេចក្តីប្រកាស", sentence)


def test_every_default_term_compiles_and_matches_itself():
    for theme in DEFAULT_THEMES:
        for term in theme.terms:
            text = term.replace(" ... ", " and ")
            assert theme.name in tagged("Notice", f"{text} .") or "..." in term, term


def test_a_theme_without_anything_to_match_is_refused():
    with pytest.raises(ValueError, match="has no terms"):
        Theme("empty", ())
    with pytest.raises(ValueError, match="nothing to match"):
        Theme("odd", ("demining", "the"))


# --- issue 13: the fuzzy promise, names and acronyms, about vs mentions ----------------------


def _evidence(sentence: str, theme: str) -> list[str]:
    (match,) = [m for m in score_themes("Notice", [sentence], DEFAULT_THEMES) if m.theme == theme]
    return [term for term, _ in match.evidence]


def test_fuzzy_matching_keeps_the_one_slip_cut_off():
    # two letters changed in one word: under the cut-off, not the Complementarities Initiative
    assert _evidence("The fund backs complementary initiatives on cancer care.", "asean-un") == []
    assert _evidence("The Complementarities Initiative was reviewed.", "asean-un") == [
        "Complementarities Initiative"
    ]
    assert _evidence("Mine clearence resumed in Pailin.", "demining") == ["Mine clearence"]


@pytest.mark.parametrize(
    "sentence",
    [
        "ASEAN and UN Women signed a gender agreement.",
        "ASEAN and the UN Charter were cited.",
        "Ministers of ASEAN and UN Women officials met.",
    ],
)
def test_a_short_acronym_inside_a_longer_name_is_not_the_un(sentence):
    assert _evidence(sentence, "asean-un") == []


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        (
            "The United Nations-Association of Southeast Asian Nations (ASEAN) ministerial "
            "meeting opened.",
            "United Nations-Association of Southeast Asian Nations (ASEAN)",
        ),
        (
            "Ties between the Association of Southeast Asian Nations and the U.N. grew.",
            "Association of Southeast Asian Nations and the U.N.",
        ),
        ("The U.N. and ASEAN agreed a plan.", "U.N. and ASEAN"),
        ("The Memorandum of Understanding on ASEAN-UN Cooperation was signed.", "ASEAN-UN"),
    ],
)
def test_organisation_names_and_acronyms_are_one_term(sentence, surface):
    assert _evidence(sentence, "asean-un") == [surface]


def test_a_term_split_across_a_line_break_matches_with_the_whole_sentence():
    about, _ = classify_themes(
        "Notice", ["De-mining is a priority of the national mine", "action centre this year."],
        DEFAULT_THEMES,
    )  # fmt: skip
    (demining,) = about
    sentences = {sentence for _, sentence in demining.evidence}
    assert sentences == {"De-mining is a priority of the national mine action centre this year."}


_FILLER = [
    f"The two ministers discussed {topic} and agreed to meet again next year."
    for topic in ("trade", "tourism", "labour", "education", "health", "energy", "transport",
                  "agriculture", "culture", "customs", "digital economy", "climate")
]  # fmt: skip


def _split(title: str, paragraphs: list[str]) -> tuple[set[str], set[str]]:
    about, mentions = classify_themes(title, paragraphs, DEFAULT_THEMES)
    return {m.theme for m in about}, {m.theme for m in mentions}


@pytest.mark.parametrize(
    "passage",
    [
        # one item of an enumeration
        "Other areas of assistance include health, education and training, landmine clearance, "
        "food aid and rural roads.",
        # a biography
        "Before her appointment she served as deputy director of the Office of Weapons Removal, "
        "where she worked on the landmine export ban, and as consul in Chiang Mai.",
        # a single aside
        "The minister also thanked Japan for its support to demining.",
    ],
)
def test_a_passing_mention_is_not_the_subject(passage):
    paragraphs = [*_FILLER[:6], passage, *_FILLER[6:]]
    assert _split("Ministers meet in Phnom Penh", paragraphs) == (set(), {"demining"})


def test_the_subject_is_in_the_title_the_lead_or_many_sentences():
    lead = ["Demining teams cleared 12 square kilometres in Pailin in March.", *_FILLER]
    assert _split("Monthly report", lead) == ({"demining"}, set())
    titled = [*_FILLER, "The teams also cleared a school yard."]
    assert _split("Landmine clearance in Pailin", titled) == ({"demining"}, set())
    spread = [
        *_FILLER[:4],
        "Deminers found 40 anti-personnel mines near the border.",
        "The unexploded ordnance was destroyed on site.",
        "CMAC said the land would be released to farmers.",
        *_FILLER[4:8],
    ]
    assert _split("Weekly notice", spread) == ({"demining"}, set())
    listed = ["The agenda covers trade, tourism, landmine clearance, labour and customs.", *_FILLER]
    assert _split("Border meeting", listed) == (set(), {"demining"})
