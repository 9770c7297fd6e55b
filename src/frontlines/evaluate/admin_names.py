"""One admin unit, many names: scoring admin2/admin3 by unit, not by spelling.

The gazetteer names Syria's districts and sub-districts as OpenSyria does ("Mount
Simeon", "Tadmur", "Douma"); ACLED and OCHA write the same units "Jebel Saman",
"Tadmor", "Duma". OpenSyria lists those spellings among each unit's aliases, so
scoring folds every name and alias of a unit to its gazetteer name before comparing.
Only names of the packaged admin data take part: a name shared by two units of one
level is left as written (it cannot say which unit it means).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

from frontlines.geo.build_syria import plain_spelling
from frontlines.geo.writer import data_file

# Admin level -> the packaged OpenSyria file of that level's units.
_UNIT_FILES = {"admin2": "opensyria_districts.json", "admin3": "opensyria_subdistricts.json"}


@lru_cache(maxsize=len(_UNIT_FILES))
def unit_names(level: str, fold: Callable[[str | None], str | None]) -> dict[str, str]:
    """Folded name or alias -> folded gazetteer name of its unit, for ``level``."""
    units = json.loads(data_file(_UNIT_FILES[level]).read_text("utf-8"))
    found: dict[str, set[str]] = {}
    for unit in units:
        canonical = fold(plain_spelling(unit["name"]["en"]))
        if canonical is None:
            continue
        names = [unit["name"]["en"], plain_spelling(unit["name"]["en"])]
        names += [a["value"] for a in unit.get("aliases", []) if a.get("language") == "en"]
        for name in names:
            key = fold(name)
            if key is not None:
                found.setdefault(key, set()).add(canonical)
    return {key: next(iter(units_)) for key, units_ in found.items() if len(units_) == 1}


def admin_normaliser(
    level: str, fold: Callable[[str | None], str | None]
) -> Callable[[str | None], str | None]:
    """``fold``, then the unit's gazetteer name when the folded name is one of its own."""
    if level not in _UNIT_FILES:
        return fold

    def normalise(name: str | None) -> str | None:
        folded = fold(name)
        if folded is None:
            return None
        return unit_names(level, fold).get(folded, folded)

    return normalise
