"""The diff must show a reader exactly which words of a release changed, and nothing more."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from monitor.detect.diff import TextDiff, diff_paragraphs, diff_texts, split_sentences
from monitor.digest.diffhtml import diff_html

DATA = Path(__file__).parent / "data" / "diff"


def seed(name: str) -> list[str]:
    """A seed release as normalised paragraphs (blank-line separated in the file)."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


AKP = "akp-2020-11-15-asean-un-summit-pko.txt"
MFAIC = "mfaic-2020-10-21-asean-un-ministerial.txt"
BILATERAL = "mfaic-2022-11-13-pm-guterres-bilateral.txt"


def paragraph_with(paras: list[str], phrase: str) -> int:
    hits = [k for k, p in enumerate(paras) if phrase in p]
    assert len(hits) == 1, f"fixture changed: {phrase!r} in {len(hits)} paragraphs"
    return hits[0]


def edited(paras: list[str], phrase: str, old: str, new: str) -> list[str]:
    """A copy of paras with `old` replaced by `new` once, in the paragraph holding `phrase`."""
    k = paragraph_with(paras, phrase)
    assert old in paras[k]
    out = list(paras)
    out[k] = paras[k].replace(old, new, 1)
    return out


def deleted(d: TextDiff) -> list[str]:
    return [s.text.strip() for h in d.hunks for s in h.segments if s.op == "delete"]


def inserted(d: TextDiff) -> list[str]:
    return [s.text.strip() for h in d.hunks for s in h.segments if s.op == "insert"]


def assert_faithful(d: TextDiff, old: list[str], new: list[str]) -> None:
    """Every hunk, read as old or as new, is text that really is in that version."""
    old_all, new_all = "\n\n".join(old), "\n\n".join(new)
    for h in d.hunks:
        assert h.old_text.strip() in old_all
        assert h.new_text.strip() in new_all
        for ctx in (h.context_before, h.context_after):
            assert ctx.strip("…") in new_all


# --- words inside a long paragraph ---------------------------------------------------------


def test_replaced_words_in_a_long_paragraph_show_only_those_words():
    old = seed(AKP)
    phrase = "The Meeting reaffirmed strong commitment to deepen cooperation"
    k = paragraph_with(old, phrase)
    assert len(old[k].split()) > 60  # a long paragraph, several sentences
    new = edited(
        old,
        phrase,
        "reaffirmed strong commitment to deepen",
        "reaffirmed firm commitment to broaden",
    )

    d = diff_paragraphs(old, new)

    assert_faithful(d, old, new)
    assert len(d.hunks) == 1
    hunk = d.hunks[0]
    assert hunk.kind == "changed" and not hunk.paragraph
    assert deleted(d) == ["strong", "deepen"]
    assert inserted(d) == ["firm", "broaden"]
    assert (d.stats.words_deleted, d.stats.words_inserted) == (2, 2)
    # the hunk is the edited sentence, not the paragraph
    sentence = next(s for s in split_sentences(old[k]) if phrase in s)
    assert hunk.old_text == sentence
    assert len(hunk.old_text) < len(old[k]) / 2
    text = d.render_text()
    assert "reaffirmed [-strong-]{+firm+} commitment" in text
    assert "[-deepen-]{+broaden+}" in text
    other = [s for s in split_sentences(old[k]) if phrase not in s]
    assert other and not any(s in text for s in other)  # neighbours at most truncated context


def test_removed_word_keeps_spaces_outside_the_marks():
    old = seed(AKP)
    phrase = "cross-sectoral cooperation and strong momentum"
    new = edited(old, phrase, "and strong momentum", "and momentum")
    d = diff_paragraphs(old, new)
    assert deleted(d) == ["strong"] and inserted(d) == []
    assert "cooperation and [-strong-] momentum" in d.render_text()


def test_number_change_shows_only_the_number():
    old = seed(AKP)
    new = edited(
        old,
        "Plan of Action (2021-2025)",
        "Plan of Action (2021-2025)",
        "Plan of Action (2021-2030)",
    )
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert deleted(d) == ["2025"] and inserted(d) == ["2030"]
    assert "(2021-[-2025-]{+2030+})" in d.render_text()


def test_decimal_number_is_one_word():
    old = ["Japan pledged USD 1.5 million to the Cambodian Mine Action Centre for 2024."]
    new = ["Japan pledged USD 2.5 million to the Cambodian Mine Action Centre for 2024."]
    d = diff_paragraphs(old, new)
    assert deleted(d) == ["1.5"] and inserted(d) == ["2.5"]


def test_punctuation_only_change():
    old = seed(AKP)
    phrase = "in promoting multilateralism, regional and global peace"
    new = edited(old, phrase, "multilateralism, regional", "multilateralism; regional")
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert not d.is_empty
    assert deleted(d) == [","] and inserted(d) == [";"]
    assert (d.stats.words_deleted, d.stats.words_inserted) == (0, 0)
    assert "multilateralism[-,-]{+;+} regional" in d.render_text()


def test_title_change_is_a_first_paragraph():
    body = seed(BILATERAL)
    title = "Cambodian Prime Minister, UN Secretary-General Hold Bilateral Meeting"
    new_title = "Cambodian Prime Minister, UN Secretary-General Hold Talks in Phnom Penh"
    d = diff_paragraphs((title, *body), (new_title, *body))
    assert len(d.hunks) == 1 and d.hunks[0].context_before == ""
    assert deleted(d) == ["Bilateral Meeting"] and inserted(d) == ["Talks in Phnom Penh"]


# --- sentences and paragraphs --------------------------------------------------------------


def test_removed_sentence_in_the_middle_of_a_paragraph():
    old = seed(AKP)
    k = paragraph_with(old, "The Summit discussed mainly")
    first, middle, last = split_sentences(old[k])
    new = list(old)
    new[k] = f"{first} {last}"

    d = diff_paragraphs(old, new)

    assert_faithful(d, old, new)
    assert len(d.hunks) == 1
    hunk = d.hunks[0]
    assert hunk.kind == "removed" and not hunk.paragraph
    assert {s.op for s in hunk.segments} == {"delete"}
    assert hunk.old_text.strip() == middle
    assert first.endswith(hunk.context_before.lstrip("…"))
    assert last.startswith(hunk.context_after.rstrip("…"))
    assert d.stats.words_deleted == len(middle.split()) and d.stats.words_inserted == 0
    assert f"[-{middle}-]" in d.render_text()


def test_added_paragraph():
    old = seed(MFAIC)
    k = paragraph_with(old, "The Meeting shared words of congratulation")
    added = (
        "The Meeting also welcomed the progress of the ASEAN Regional Mine Action Center (ARMAC) "
        "in raising awareness of the dangers of explosive remnants of war in the region."
    )
    new = [*old[: k + 1], added, *old[k + 1 :]]

    d = diff_paragraphs(old, new)

    assert_faithful(d, old, new)
    assert len(d.hunks) == 1
    hunk = d.hunks[0]
    assert hunk.kind == "added" and hunk.paragraph
    assert hunk.segments[0].op == "insert" and hunk.new_text == added
    assert old[k].endswith(hunk.context_before.lstrip("…"))
    assert old[k + 1].startswith(hunk.context_after.rstrip("…"))
    assert f"{{+{added}+}}" in d.render_text()
    assert d.stats.words_inserted == len(added.split()) and d.stats.words_deleted == 0


def test_removed_paragraph():
    old = seed(MFAIC)
    k = paragraph_with(old, "Facing the unprecedented challenges")
    new = old[:k] + old[k + 1 :]
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert [(h.kind, h.paragraph) for h in d.hunks] == [("removed", True)]
    assert f"[-{old[k]}-]" in d.render_text()


def test_unrelated_replacement_is_removed_and_added_not_paired():
    old = seed(AKP)
    other = seed(BILATERAL)
    k = paragraph_with(old, "He called for more attention")
    replacement = next(p for p in other if "Khmer Rouge Tribunal" in p)
    new = [*old[:k], replacement, *old[k + 1 :]]
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert [h.kind for h in d.hunks] == ["removed", "added"]
    assert all(h.paragraph for h in d.hunks)


def test_rewritten_sentence_keeps_its_paragraph_paired():
    old = seed(AKP)
    k = paragraph_with(old, "The Summit discussed mainly")
    first, middle, last = split_sentences(old[k])
    rewrite = "Both sides agreed to convene a follow-up meeting of senior officials in Jakarta."
    new = list(old)
    new[k] = f"{first} {rewrite} {last}"
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert len(d.hunks) == 1 and not d.hunks[0].paragraph
    assert d.hunks[0].old_text.strip() == middle and d.hunks[0].new_text.strip() == rewrite


def test_reordered_paragraphs_are_moves_without_word_changes():
    old = seed(AKP)
    k = paragraph_with(old, "He called for more attention")
    new = list(old)
    new[k], new[k + 1] = old[k + 1], old[k]

    d = diff_paragraphs(old, new)

    assert_faithful(d, old, new)
    assert not d.is_empty
    assert [h.kind for h in d.hunks] == ["moved"]
    assert d.hunks[0].new_text in (old[k], old[k + 1])
    assert (d.stats.words_deleted, d.stats.words_inserted) == (0, 0)
    assert "(moved here)" in d.render_text()
    assert "[-" not in d.render_text() and "{+" not in d.render_text()


def test_identical_texts_give_an_empty_diff():
    paras = seed(BILATERAL)
    d = diff_paragraphs(paras, list(paras))
    assert d.is_empty and d.hunks == ()
    assert d.render_text() == "" and diff_html(d) == ""
    assert (d.stats.words_deleted, d.stats.words_inserted) == (0, 0)
    text = (DATA / BILATERAL).read_text(encoding="utf-8")
    assert diff_texts(text, text).is_empty


def test_diff_texts_splits_on_blank_lines():
    text = (DATA / MFAIC).read_text(encoding="utf-8")
    d = diff_texts(text, text.replace("adopted a new PoA", "adopted a new Plan of Action"))
    assert deleted(d) == ["PoA"] and inserted(d) == ["Plan of Action"]


# --- scripts without spaces ----------------------------------------------------------------

KHMER_1 = (
    "សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត នាយករដ្ឋមន្ត្រីនៃព្រះរាជាណាចក្រកម្ពុជា "
    "បានអញ្ជើញចូលរួមកិច្ចប្រជុំកំពូលអាស៊ាន-អង្គការសហប្រជាជាតិលើកទី១៤ នៅទីក្រុងវៀងចន្ទន៍។"
)
KHMER_2 = "កិច្ចប្រជុំនេះបានពិភាក្សាអំពីកិច្ចសហប្រតិបត្តិការក្នុងវិស័យសកម្មភាពកំចាត់មីន និងការថែរក្សាសន្តិភាព។"


def test_khmer_word_replaced_gives_a_small_character_level_change():
    old = [f"{KHMER_1} {KHMER_2}"]
    new = [f"{KHMER_1} {KHMER_2.replace('ថែរក្សា', 'កសាង')}"]  # peacekeeping → peacebuilding

    d = diff_paragraphs(old, new)

    assert_faithful(d, old, new)
    assert len(d.hunks) == 1 and d.hunks[0].kind == "changed"
    gone, came = "".join(deleted(d)), "".join(inserted(d))
    assert 0 < len(gone) <= len("ថែរក្សា") and 0 < len(came) <= len("កសាង")
    assert d.hunks[0].old_text == KHMER_2  # only the second sentence ("។" ends the first)
    assert KHMER_1.endswith(d.hunks[0].context_before.lstrip("…"))
    assert "-]{+" in d.render_text() and KHMER_1 not in d.render_text()


def test_khmer_paragraph_without_spaces_is_diffed_not_replaced():
    para = KHMER_2.replace(" ", "")  # Khmer is often written with no space at all
    d = diff_paragraphs([para], [para.replace("ថែរក្សា", "កសាង")])
    assert [h.kind for h in d.hunks] == ["changed"]
    assert 0 < len("".join(deleted(d))) <= len("ថែរក្សា")


@pytest.mark.parametrize(("old", "new"), [("១២០", "១៥០"), ("៣០០", "៤៥០"), ("១,២០០", "១,៥០០")])
def test_a_number_in_khmer_digits_is_diffed_whole(old, new):
    """A number in Khmer digits is one token, as a number in ASCII digits is: "១២០" → "១៥០"
    shows the number replaced, not one digit (an outside probe: "១[-២-]{+៥+}០")."""
    para = f"ក្រសួងបានបញ្ជូនអ្នកជំនាញចំនួន{old}នាក់ទៅកាន់តំបន់ជាយដែន។"
    d = diff_paragraphs([para], [para.replace(old, new)])
    assert (deleted(d), inserted(d)) == ([old], [new])


def test_thai_word_replaced_gives_a_small_character_level_change():
    # Royal Thai Government release, 25 Aug 2020 (PyThaiNLP/thaigov-v2-corpus, public domain).
    para = (
        "ส่วนการแก้ไขรัฐธรรมนูญก็เป็นนโยบายเร่งด่วนของรัฐบาล ข้อ 12 ที่จะดำเนินการอยู่แล้ว "
        "โดยมีการระบุว่าสนับสนุนให้มีการศึกษา รับฟังความคิดเห็นจากประชาชน "
        "และดำเนินการเพื่อแก้ไขเพิ่มเติมรัฐธรรมนูญโดยเฉพาะในส่วนหลักเกณฑ์ในการแก้ไขรัฐธรรมนูญ"
    )
    d = diff_paragraphs([para], [para.replace("เร่งด่วน", "สำคัญ")])  # urgent → important
    gone, came = "".join(deleted(d)), "".join(inserted(d))
    assert 0 < len(gone) <= len("เร่งด่วน") and 0 < len(came) <= len("สำคัญ")
    assert d.hunks[0].new_text == para.replace("เร่งด่วน", "สำคัญ")


def test_space_added_inside_thai_text_is_a_change():
    old = ["นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหมกล่าวถึงการชุมนุม"]
    new = ["นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม กล่าวถึงการชุมนุม"]
    d = diff_paragraphs(old, new)
    assert [s.text for h in d.hunks for s in h.segments if s.op != "equal"] == [" "]
    assert "กลาโหม{+ +}กล่าว" in d.render_text()


def test_long_unchanged_stretches_are_elided_when_rendered():
    sentence = " ".join(seed(AKP)[1:4]).replace(". ", "; ")  # one very long sentence
    assert len(split_sentences(sentence)) == 1 and len(sentence) > 600
    words = sentence.split()
    middle = len(words) // 2
    new = " ".join([*words[:middle], "reportedly", *words[middle:]])
    d = diff_paragraphs([sentence], [new])
    assert d.hunks[0].new_text == new  # the record keeps everything
    text = d.render_text()
    assert "{+reportedly+}" in text and "…" in text
    assert len(text) < len(sentence) / 2


@pytest.mark.parametrize("trial", range(12))
def test_random_word_edits_are_reported_minimally(trial):
    """Pure insertions must show no deletion, pure deletions no insertion, and exactly the
    words touched; checked on random positions across the seed releases."""
    rng = random.Random(trial)
    old = seed((AKP, MFAIC, BILATERAL)[trial % 3])
    new = list(old)
    markers = [f"Zebra{trial}x{k}" for k in range(rng.randint(1, 4))]
    dropped = 0
    for marker in markers:
        k = rng.randrange(len(new))
        words = new[k].split()
        words.insert(rng.randrange(len(words) + 1), marker)
        new[k] = " ".join(words)
    d = diff_paragraphs(old, new)
    assert_faithful(d, old, new)
    assert d.stats.words_deleted == 0
    assert sorted(w for t in inserted(d) for w in t.split()) == sorted(markers)

    edited_new = list(new)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(edited_new))
        words = edited_new[k].split()
        plain = [i for i, w in enumerate(words) if w.isalpha() and not w.startswith("Zebra")]
        if len(plain) > 3:
            del words[rng.choice(plain)]
            edited_new[k] = " ".join(words)
            dropped += 1
    d = diff_paragraphs(new, edited_new)
    assert_faithful(d, new, edited_new)
    assert d.stats.words_inserted == 0 and d.stats.words_deleted == dropped


# --- sentence splitting --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The Summit was held on Nov. 15 via videoconference. It was chaired by Viet Nam.", 2),
        ("H.E. Prak Sokhonn met the U.N. Resident Coordinator. They discussed demining.", 2),
        ("Mr. António G. Guterres spoke. Growth reached 5.2 percent in 2023. Trade rose.", 3),
        ("Was it agreed? Yes! The Meeting adopted the Plan of Action (2021-2025).", 3),
        ("The ceremony began at 10 a.m. and ended at noon.", 1),
        ("Demining continues in Battambang, Pailin, etc. and in Preah Vihear.", 1),
        (f"{KHMER_1} {KHMER_2}", 2),
        ("ក្រសួងបានរៀបចំកម្មវិធី ការប្រជុំ ការបណ្តុះបណ្តាល ។ល។ ដើម្បីពង្រឹងសមត្ថភាព។", 1),
        ("东盟与联合国举行峰会。双方同意加强合作！", 2),
        ("ส่วนการแก้ไขรัฐธรรมนูญก็เป็นนโยบายเร่งด่วนของรัฐบาล ข้อ 12 ที่จะดำเนินการอยู่แล้ว", 1),
        ("", 0),
    ],
)
def test_split_sentences(text, count):
    sentences = split_sentences(text)
    assert len(sentences) == count
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")


# --- HTML ----------------------------------------------------------------------------------


def test_html_escapes_untrusted_text():
    old = ["The Ministry thanked its partners in research and development for their support."]
    new = [
        "The Ministry thanked its partners in R&D for their support.",
        '<script>alert("x")</script> Q&A session <b>tomorrow</b> & later.',
    ]
    d = diff_paragraphs(old, new)
    out = diff_html(d)
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "R&amp;D" in out and "Q&amp;A" in out
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#x27;)", out)  # no bare ampersand left
    assert '<del style="color:#b00020;text-decoration:line-through;background:#fde7e9">' in out
    assert '<ins style="color:#05652d;text-decoration:none;background:#e6f4ea">' in out
    # the only tags are the ones the renderer writes
    assert set(re.findall(r"</?([a-z]+)", out)) <= {"div", "p", "span", "del", "ins", "em", "br"}


# --- size ----------------------------------------------------------------------------------


def long_release(target_words: int) -> list[str]:
    """A release of about `target_words` words built from the seeds' paragraphs, each made
    unique by its item number, as a long outcome document would be."""
    pool = [p for name in (AKP, MFAIC, BILATERAL) for p in seed(name) if len(p.split()) > 12]
    paras: list[str] = []
    words = 0
    while words < target_words:
        p = f"{len(paras) + 1}. {pool[len(paras) % len(pool)]}"
        paras.append(p)
        words += len(p.split())
    return paras


def test_two_5000_word_texts_with_a_few_edits():
    old = long_release(5000)
    assert len(old) > 75
    new = list(old)
    new[5] = re.sub(r"\bthe\b", "THE", new[5], count=1)
    new[25] = re.sub(r"\bASEAN\b", "the ASEAN", new[25], count=1)
    new.insert(40, "Cambodia reaffirmed its support for the Ottawa Convention on landmines.")
    new[55] = new[55] + " The two sides agreed to meet again in 2026."
    del new[71]

    start = time.perf_counter()
    d = diff_paragraphs(old, new)
    elapsed = time.perf_counter() - start
    print(f"\ndiff of {sum(len(p.split()) for p in old)} words: {elapsed * 1000:.1f} ms")

    assert_faithful(d, old, new)
    assert [h.kind for h in d.hunks] == ["changed", "changed", "added", "added", "removed"]
    assert deleted(d)[0] == "the" and inserted(d)[:2] == ["THE", "the"]
    assert d.hunks[2].new_text.startswith("Cambodia reaffirmed")
    assert d.hunks[3].new_text.strip() == "The two sides agreed to meet again in 2026."
    assert d.hunks[4].old_text == old[70]
