"""One-word trigger patterns matched on a Doc's attribute arrays, without a Matcher.

Most trigger patterns are one token: a lemma or a word form, of a content part of
speech ("attack" as a verb or noun, "shelled" but not "March"). spaCy's Matcher
answers them at a cost of a call per window of the Doc; here each is a few set
tests on the token's row of string ids. The answers are the Matcher's: a token
matches a pattern when every attribute's value is (or is in, and is not in the
excluded values of) the pattern's, and a token matching two patterns of one key
gives one match, the first pattern's. Matches come by token, then in the
patterns' order, the order the Matcher gives for one token.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["OneWordPatterns"]

# The attributes a one-word pattern may test, in the order of the Doc's rows.
_ATTRS = ("LEMMA", "LOWER", "ORTH", "POS")
# Those a pattern is found by (its anchor): exactly one of them, with values.
_ANCHORS = ("LEMMA", "LOWER", "ORTH")

# One attribute's test: its column in the row, the values it must be among, the
# values it must not be.
_Test = tuple[int, frozenset[int], frozenset[int]]


class OneWordPatterns:
    """The one-word patterns of a Matcher's keys, by the value they are anchored on."""

    def __init__(self) -> None:
        self._by_value: tuple[dict[int, list[tuple[int, int, tuple[_Test, ...]]]], ...] = tuple(
            {} for _ in _ANCHORS
        )

    @staticmethod
    def takes(pattern: list[dict[str, object]]) -> bool:
        """Whether a pattern is one token testing only plain values of these
        attributes, anchored on one of them."""
        if len(pattern) != 1 or not set(pattern[0]) <= set(_ATTRS):
            return False
        for value in pattern[0].values():
            if isinstance(value, dict):
                if not set(value) <= {"IN", "NOT_IN"} or not isinstance(value.get("IN"), list):
                    return False
            elif not isinstance(value, str):
                return False
        return sum(a in pattern[0] for a in _ANCHORS) == 1

    def add(self, index: int, key: str, pattern: list[dict[str, object]]) -> None:
        """Add a pattern (``takes`` must hold) as the ``index``-th of all patterns."""
        (token,) = pattern
        tests: list[_Test] = []
        anchor: tuple[int, list[object]] | None = None
        for attr, value in token.items():
            column = _ATTRS.index(attr)
            allowed = value.get("IN", []) if isinstance(value, dict) else [value]
            excluded = value.get("NOT_IN", []) if isinstance(value, dict) else []
            assert isinstance(allowed, list) and isinstance(excluded, list)
            tests.append((column, _ids(allowed), _ids(excluded)))
            if attr in _ANCHORS:
                anchor = (column, allowed)
        assert anchor is not None
        column, values = anchor
        entry = (index, get_string_id(key), tuple(tests))
        for value_id in _ids(values):
            self._by_value[column].setdefault(value_id, []).append(entry)

    def matches(self, doc: Doc, rows: list[list[int]] | None = None) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in the Doc, by token; ``rows`` are
        the Doc's (lemma, lower, orth, pos) ids when the caller has read them."""
        by_lemma, by_lower, by_orth = self._by_value
        found: list[tuple[int, int, int]] = []
        if rows is None:
            rows = doc.to_array([LEMMA, LOWER, ORTH, POS]).tolist()
        for index, row in enumerate(rows):
            if row[0] not in by_lemma and row[1] not in by_lower and row[2] not in by_orth:
                continue  # most tokens start no pattern
            starting = [*by_lemma.get(row[0], ()), *by_lower.get(row[1], ()),
                        *by_orth.get(row[2], ())]  # fmt: skip
            starting.sort(key=lambda entry: entry[0])  # the patterns' order
            keys: set[int] = set()
            for _, key, tests in starting:
                if key in keys:
                    continue
                if all(
                    row[c] in allowed and row[c] not in excluded for c, allowed, excluded in tests
                ):
                    keys.add(key)
                    found.append((key, index, index + 1))
        return found


def _ids(values: list[object]) -> frozenset[int]:
    """String ids as the Matcher compares them (``get_string_id``: parts of speech
    are their symbol ids, words their hashes)."""
    return frozenset(v if isinstance(v, int) else get_string_id(str(v)) for v in values)
