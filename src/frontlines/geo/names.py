"""Transliteration-tolerant keys for place names.

Arabic names reach English text in many spellings: Raqqah, Raqqa, Ar-Raqqa, al-Raqqah;
Qaboun and Al Qabun; Khirbat and Khirbet. ``name_key`` maps such variants to one key
so the gazetteer is a dictionary lookup, not a fuzzy search. The rules, in order:

1. fold accents and case, drop apostrophes and ayn/hamza marks, hyphens become spaces;
2. drop Arabic articles (al-, el-, ad-, ar-, as-, ash-, at-, az-, an-, adh-);
3. unify common generic words (Tall/Tell/Tal, Khirbat/Khirbet, Jabal/Jebel,
   Mazraat/Mazrat, Deir/Dayr, Sheikh/Shaykh, Ain/Ayn/Ein, Beit/Bayt, Kafr/Kfar, Umm/Um);
4. unify letters: kh/q/ck/c -> k, gh -> g, ph -> f, ou/oo/u -> u, ee/ei -> i;
5. collapse doubled letters; drop a final h after a vowel, then a final a/e
   (Maskaneh = Maskana = Maskan).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "adh",
        "ed",
        "es",
        "ez",
        "et",
        "il",
        "l",
    }
)
GENERIC_WORDS: dict[str, str] = {
    **dict.fromkeys(("tall", "tell", "tal", "tel", "tel"), "tal"),
    **dict.fromkeys(
        ("khirbat", "khirbet", "khirbit", "kherbet", "khirba", "khirbeh", "kherbat"), "kirba"
    ),
    **dict.fromkeys(("jabal", "jebel", "jabel", "jbel", "jebal"), "jabal"),
    **dict.fromkeys(("mazraat", "mazrat", "mazraa", "mazraet", "mazraah", "mazra"), "mazra"),
    **dict.fromkeys(("deir", "dayr", "dair", "der", "deyr"), "dayr"),
    **dict.fromkeys(("sheikh", "shaykh", "shaikh", "sheik", "shaykh", "sheykh", "shekh"), "shayk"),
    **dict.fromkeys(("ain", "ayn", "ein", "ayin", "ayn"), "ayn"),
    **dict.fromkeys(("beit", "bayt", "bait", "bet"), "bayt"),
    **dict.fromkeys(("kafr", "kfar", "kafar", "kefr", "kfr"), "kafr"),
    **dict.fromkeys(("umm", "um", "om", "oum"), "um"),
    **dict.fromkeys(("abu", "abou", "abo"), "abu"),
    **dict.fromkeys(("ras", "raas", "ra's"), "ras"),
}  # fmt: skip
_MARKS = "'’‘`´ʿʾ"
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,()]+")
_LETTERS: tuple[tuple[str, str], ...] = (
    ("kh", "k"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"),
    ("aw", "o"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("y", "i"), ("w", "u"),
    ("dh", "d"), ("th", "t"), ("sh", "s"), ("j", "g"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Accents and case folded, marks dropped: the text a key is made from."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in _MARKS:
        plain = plain.replace(mark, "")
    return plain.casefold()


def _word_key(word: str) -> str:
    word = GENERIC_WORDS.get(word, word)
    for old, new in _LETTERS:
        word = word.replace(old, new)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiu":
        word = word[:-1]
    if len(word) > 3 and word[-1] in "ae":
        word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name (see the module docstring for the rules)."""
    words = [w for w in _SEPARATORS.split(fold(name)) if w]
    # "Al-Hasakah": a glued article ("alhasakah") is rare in text; split ones are common.
    kept = [w for w in words if w not in ARTICLES] or words
    return " ".join(_word_key(w) for w in kept)
