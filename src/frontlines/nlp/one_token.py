"""One-token Matcher patterns answered on a Doc's attribute arrays, without a Matcher.

spaCy's Matcher tries every pattern at every token, testing sets of values in
Python: with a few hundred patterns that costs more than the parse. A pattern of one
token that tests only plain values (a string, a list ``IN``, ``NOT_IN``, a flag) is
a few set tests on the token's row of ids, and only the patterns anchored on one of
the token's values (its lemma, its tag...) need testing at all.

The answers are the Matcher's: a token matches a pattern when every attribute's
value is (or is in, and is not in the excluded values of) the pattern's, and a token
matching two patterns of one key gives one match, the first pattern's. Matches come
by token, then in the patterns' order, the order the Matcher gives for one token.

Two users: the trigger lexicon (``events/triggers.py``) and the model's attribute
ruler (``ruler_speed.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["OneTokenPatterns"]

# One attribute's test: its column in the row, the values it must be among, the
# values it must not be.
_Test = tuple[int, frozenset[int] | None, frozenset[int]]  # None: any value
_Entry = tuple[int, int, tuple[_Test, ...]]  # pattern index, key id, tests


class OneTokenPatterns:
    """One-token patterns of a Matcher's keys, found by the value they are anchored on.

    ``attrs`` are the attributes the patterns may test, in the order of the Doc's rows
    (``doc.to_array(attrs)``); ``anchors`` those a pattern may be found by, most
    selective first: a pattern is indexed under the values of the first it tests."""

    def __init__(self, attrs: Sequence[str], anchors: Sequence[str]) -> None:
        assert set(anchors) <= set(attrs)
        self.attrs = tuple(attrs)
        self._anchors = tuple(anchors)
        self._anchor_columns = tuple(self.attrs.index(a) for a in anchors)
        self._by_value: tuple[dict[int, list[_Entry]], ...] = tuple({} for _ in anchors)

    def accepts(self, pattern: Sequence[dict[str, object]]) -> bool:
        """Whether a pattern is one token testing only plain values of these
        attributes, one of them an anchor."""
        if len(pattern) != 1 or not set(pattern[0]) <= set(self.attrs):
            return False
        for value in pattern[0].values():
            if isinstance(value, dict):
                if not value or not set(value) <= {"IN", "NOT_IN"}:
                    return False
                if not all(isinstance(v, list) for v in value.values()):
                    return False
            elif not isinstance(value, (str, bool)):
                return False
        return any(_allowed(pattern[0].get(a)) is not None for a in self._anchors)

    def add(self, index: int, key: str, pattern: Sequence[dict[str, object]]) -> None:
        """Add a pattern (``accepts`` must hold) as the ``index``-th of all patterns."""
        (token,) = pattern
        tests: list[_Test] = []
        for attr, value in token.items():
            allowed = _allowed(value)
            excluded = value.get("NOT_IN", []) if isinstance(value, dict) else []
            assert isinstance(excluded, list)
            tests.append(
                (self.attrs.index(attr), None if allowed is None else _ids(allowed), _ids(excluded))
            )
        anchor = next(i for i, a in enumerate(self._anchors) if _allowed(token.get(a)) is not None)
        anchor_values = _allowed(token[self._anchors[anchor]])
        assert anchor_values is not None
        entry = (index, get_string_id(key), tuple(tests))
        for value_id in _ids(anchor_values):
            self._by_value[anchor].setdefault(value_id, []).append(entry)

    def matches(self, doc: Doc, rows: list[list[int]] | None = None) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in the Doc, by token; ``rows`` are
        the Doc's ``attrs`` ids when the caller has read them."""
        if rows is None:
            array: list[Any] = doc.to_array(list(self.attrs)).tolist()
            # spaCy gives one attribute's values flat, not in rows of one.
            rows = [[value] for value in array] if len(self.attrs) == 1 else array
        anchors = tuple(zip(self._anchor_columns, self._by_value, strict=True))
        found: list[tuple[int, int, int]] = []
        for index, row in enumerate(rows):
            starting: list[_Entry] | None = None
            merged = False
            for column, table in anchors:
                entries = table.get(row[column])
                if entries:
                    merged = starting is not None
                    starting = [*starting, *entries] if starting is not None else entries
            if starting is None:
                continue  # most tokens start no pattern
            if merged:  # each table is in the patterns' order; several are merged
                starting = sorted(starting, key=itemgetter(0))
            keys: set[int] = set()
            for _, key, tests in starting:
                if key in keys:
                    continue
                if all(
                    (allowed is None or row[c] in allowed) and row[c] not in excluded
                    for c, allowed, excluded in tests
                ):
                    keys.add(key)
                    found.append((key, index, index + 1))
        return found


def _allowed(value: object) -> list[object] | None:
    """The values a pattern's attribute test admits; None when it admits any (only
    ``NOT_IN``, or the attribute untested)."""
    if isinstance(value, dict):
        allowed = value.get("IN")
        return allowed if isinstance(allowed, list) else None
    return None if value is None else [value]


def _ids(values: list[object]) -> frozenset[int]:
    """Ids as the Matcher compares them (``get_string_id``: parts of speech are their
    symbol ids, words their hashes; a flag is 1 or 0)."""
    return frozenset(
        int(v) if isinstance(v, (int, bool)) else get_string_id(str(v)) for v in values
    )
