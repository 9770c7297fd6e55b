"""Folded keys of place names, shared by merge and control.

The geo stage's ``frontlines.geo.names.name_key`` unifies transliterations (Raqqa,
Ar-Raqqah); it is imported when first needed, so merge and control still work (with
a plainer key) in a build without the geo stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "the"})


def plain_key(name: str) -> str:
    """Fallback key: accents and case folded, punctuation and Arabic articles dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = [w for w in _NON_WORD.split(text) if w]
    return " ".join([w for w in words if w not in _ARTICLES] or words)


@lru_cache(maxsize=1)
def _key_function() -> Callable[[str], str]:
    try:
        from frontlines.geo.names import name_key
    except ImportError:
        return plain_key
    return name_key


def location_key(name: str | None) -> str:
    """The key two spellings of one place share; "" for no name."""
    if not name or not name.strip():
        return ""
    return _key_function()(name)
