import ftfy
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import Config, fix_characters
from newsnorm.characters import (
    _ftfy_config,
    needs_character_repair,
    normalize_whitespace,
    repair_dump_artefacts,
)
from tests.strategies import clean_documents, dumped_texts


@given(st.text())
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = fix_characters(text)
    assert fix_characters(once) == once


@given(clean_documents())
def test_clean_text_is_a_fixed_point(text: str) -> None:
    assert fix_characters(text) == text


@given(st.text())
def test_whitespace_is_regular_afterwards(text: str) -> None:
    result = normalize_whitespace(text)
    assert "  " not in result
    assert "\n\n\n" not in result
    assert all(line == line.strip(" ") for line in result.split("\n"))
    assert "\r" not in result and "\t" not in result


def test_fold_compatibility_is_opt_in() -> None:
    assert fix_characters("ＡＢＣ ﬁ") == "ＡＢＣ ﬁ"
    assert fix_characters("ＡＢＣ ﬁ", Config(fold_compatibility=True)) == "ABC fi"


def test_control_characters_are_removed() -> None:
    assert fix_characters("bad\x00 byte\x07s") == "bad bytes"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Señor Müller’s café in Zürich", False),  # accented letters are just letters
        ("AT&T and Texas A & M", False),  # no entity without a semicolon
        ("cafÃ© society", True),  # UTF-8 read as Latin-1
        ("Itâ€™s late", True),  # UTF-8 read as Windows-1252
        ("voilÃ  done", True),  # … whose no-break space became a space
        ("Tom &amp; Jerry", True),
        ("Tom &#38; Jerry", True),
        ("Èüº", True),  # UTF-8 read as MacRoman
        ("«¨ and ¬¢", True),  # MacRoman mojibake made only of signs
        ("“Quoted”—then ‘more’…", False),  # typographic punctuation side by side
        ("Élodie’s café—«bon»", False),
    ],
)
def test_needs_character_repair_only_where_ftfy_has_work(text: str, needs: bool) -> None:
    assert needs_character_repair(text) is needs
    if not needs:
        assert fix_characters(text) == text


@given(st.text())
@example("Èüº")  # MacRoman mojibake of one CJK character
@example("x\nÃ y")  # ftfy tests each line from its start
def test_the_fast_path_never_skips_a_repair_ftfy_would_make(text: str) -> None:
    if not needs_character_repair(text):
        assert ftfy.fix_text(text, _ftfy_config(False)) == text


@given(st.text(), st.sampled_from(["latin-1", "windows-1252", "mac-roman"]))
def test_the_fast_path_sends_every_mojibake_to_ftfy(text: str, codec: str) -> None:
    mojibake = text.encode("utf-8", "surrogatepass").decode(codec, "replace")
    for damaged in (mojibake, mojibake.replace("\xa0", " ")):
        if not needs_character_repair(damaged):
            assert ftfy.fix_text(damaged, _ftfy_config(False)) == damaged


def test_the_plain_whitespace_check_covers_what_the_ftfy_gate_lets_through() -> None:
    from newsnorm import characters

    odd = [
        chr(code)
        for code in range(0x30000)
        if not 0xD800 <= code < 0xE000
        and characters.normalize_whitespace(f"a{chr(code)}b") != f"a{chr(code)}b"
        and not characters._OUTSIDE.match(chr(code))
    ]
    assert odd == ["\t", "\xa0"]
    assert all(characters._irregular_plain_whitespace(f"a{char}b") for char in odd)


# --- Dump artefacts (AG News and its kind) -----------------------------------------------------


@given(dumped_texts())
def test_dump_artefacts_round_trip(pair: tuple[str, str]) -> None:
    # Entities without their ampersand, escaped paragraph tags, escaped dollars and backslashes
    # for lost line breaks all come back as the paragraph that was dumped.
    dumped, clean = pair
    assert fix_characters(dumped) == clean


@given(clean_documents())
def test_clean_text_needs_no_dump_repair(text: str) -> None:
    assert repair_dump_artefacts(text) == text


def test_adversarial_backslashes_and_tags_complete_and_settle() -> None:
    text = "\\" * 20_000 + "$5 " + "&lt;p " * 5_000 + "a\\b " * 5_000
    once = fix_characters(text)
    assert fix_characters(once) == once


def _de_bruijn(alphabet: str, length: int) -> str:
    """A text holding every string of `length` characters of `alphabet` (a de Bruijn sequence)."""
    indexes = [0] * (len(alphabet) * length)
    sequence: list[int] = []

    def extend(t: int, p: int) -> None:
        if t > length:
            if length % p == 0:
                sequence.extend(indexes[1 : p + 1])
            return
        indexes[t] = indexes[t - p]
        extend(t + 1, p)
        for index in range(indexes[t - p] + 1, len(alphabet)):
            indexes[t] = index
            extend(t + 1, t)

    extend(1, 1)
    text = "".join(alphabet[index] for index in sequence)
    return text + text[: length - 1]  # the strings that wrap around


def test_ftfy_flags_nothing_made_of_ascii_and_the_harmless_characters() -> None:
    # The fast path skips ftfy's test on windows of these characters and ASCII. Every sequence
    # ftfy's test looks for that is longer than three characters holds a letter such as Ã, Â,
    # Ø or a Cyrillic one, so every string of three characters or fewer covers them all.
    from ftfy.badness import BADNESS_RE

    from newsnorm import characters

    alphabet = "\t\n" + "".join(map(chr, range(0x20, 0x7F))) + characters._HARMLESS_NON_ASCII
    found = BADNESS_RE.search(_de_bruijn(alphabet, 3))
    assert found is None, found


@pytest.mark.parametrize(
    "text",
    [
        "“" * 5000 + "Ã©" + "”" * 5000,  # a mojibake pair inside a run of curly quotes
        "é" * 3000 + "\nÃ " + "é" * 3000,  # a lead that ftfy reads at a line's start
        "a’" * 3000 + "â€™" + "’a" * 3000,
    ],
)
def test_mojibake_inside_a_run_of_non_ascii_is_still_found(text: str) -> None:
    assert needs_character_repair(text)
    assert needs_character_repair(text) is (ftfy.fix_text(text, _ftfy_config(False)) != text)
