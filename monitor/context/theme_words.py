"""Word lists the theme matcher reads: organisation names with their acronyms, and the cues that
tell an ambiguous word's sense. Data, not code: add a name or a cue here."""

from __future__ import annotations

# Organisation names as a text may write them -> the acronym they are matched as. A name
# followed by its acronym in brackets ("Association of Southeast Asian Nations (ASEAN)") is one
# mention. Each name is a regular expression over words separated by spaces or dashes.
ALIASES: dict[str, str] = {
    r"association of south-?east asian nations": "ASEAN",
    r"united nations": "UN",
    r"u\.\s?n\.": "UN",
}

# "mine" is also a pit, a pronoun and half of "mining": it counts only beside mine-action
# words and away from mining ones. Stems match word beginnings (three letters or fewer: the
# whole word).
GUARDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "mine": (
        (
            "clear", "demin", "landmine", "explos", "explod", "uxo", "ordnance", "plant",
            "anti", "personnel", "victim", "survivor", "casualt", "injur", "kill", "amput",
            "detect", "field", "border", "ottawa", "risk", "awareness", "hazard", "contamin",
            "erw", "trap", "sweep", "action", "free", "remnant", "laid", "lay",
        ),
        (
            "mining", "miner", "mineral", "coal", "gold", "copper", "ore", "quarr", "concession",
            "shaft", "tailing", "excavat", "extract", "lithium", "bauxite", "nickel", "iron",
            "energy", "petroleum", "geolog", "pit", "licen", "tonne", "ton",
        ),
    ),
}  # fmt: skip
