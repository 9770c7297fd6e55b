"""Whether a Matcher pattern can match from a token, tested on the Doc's rows.

Most windows the trigger finder hands to spaCy's Matcher start at a word that
begins some phrase ("heavy" of "heavy clashes") but hold no whole phrase: six in
seven of them on our reports, each a Matcher call. ``PatternFits`` answers, on the
Doc's rows of string ids, whether a pattern can match from a token, so those windows
are skipped; the Matcher still finds the matches of the others, in its own order.

The test never says no where the Matcher would match: a token test is the
Matcher's (the token's string id is among the allowed ones and not among the
excluded ones), an optional token ("OP": "?") may match or be skipped, and a
pattern with anything else (other attributes, operators, predicates) always may
match. It may say yes where the Matcher finds nothing (a match past the window's
end): then the Matcher is asked, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import get_string_id

__all__ = ["ROW_ATTRS", "PatternFits"]

# The attributes a row holds, in order (``doc.to_array(ROW_ATTRS)``).
ROW_ATTRS = ("LEMMA", "LOWER", "ORTH", "POS")
_COLUMNS = {name: column for column, name in enumerate(ROW_ATTRS)}

# One token of a pattern: whether it is optional, and its tests (column, allowed
# ids, excluded ids); allowed None means any value.
_TokenTest = tuple[bool, tuple[tuple[int, frozenset[int] | None, frozenset[int]], ...]]


def _token_test(token: dict[str, object]) -> _TokenTest | None:
    """A pattern token as tests on a row; None for one this module cannot test."""
    optional = False
    tests = []
    for attr, value in token.items():
        if attr == "OP":
            if value != "?":
                return None
            optional = True
        elif attr in _COLUMNS:
            allowed: object
            excluded: object
            if isinstance(value, str):
                allowed, excluded = [value], []
            elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
                allowed, excluded = value.get("IN"), value.get("NOT_IN", [])
                if not isinstance(excluded, list) or not (
                    allowed is None or isinstance(allowed, list)
                ):
                    return None
            else:
                return None
            tests.append(
                (
                    _COLUMNS[attr],
                    None if allowed is None else _ids(allowed),
                    _ids(excluded),
                )
            )
        else:
            return None
    return optional, tuple(tests)


def _ids(values: Sequence[object]) -> frozenset[int]:
    """String ids as the Matcher compares them (parts of speech are symbol ids)."""
    return frozenset(v if isinstance(v, int) else get_string_id(str(v)) for v in values)


class PatternFits:
    """Patterns by index, each as token tests (None: not testable, always fits)."""

    def __init__(self) -> None:
        self._patterns: dict[int, tuple[_TokenTest, ...] | None] = {}
        # Patterns of plain tokens (no optional one, one test each with values): a
        # test per token, no recursion. Most phrases are so.
        self._plain: dict[int, tuple[tuple[int, frozenset[int], frozenset[int]], ...]] = {}

    def add(self, index: int, pattern: Sequence[dict[str, object]]) -> None:
        tests = [_token_test(token) for token in pattern]
        if any(t is None for t in tests):
            self._patterns[index] = None
            return
        known = tuple(t for t in tests if t is not None)
        self._patterns[index] = known
        if all(not optional and len(checks) == 1 and checks[0][1] is not None
               for optional, checks in known):  # fmt: skip
            self._plain[index] = tuple(checks[0] for _, checks in known)  # type: ignore[misc]

    def fits(self, index: int, rows: Sequence[Sequence[int]], start: int) -> bool:
        """Whether pattern ``index`` may match rows from ``start`` on."""
        plain = self._plain.get(index)
        if plain is not None:
            if start + len(plain) > len(rows):
                return False
            for offset, (column, allowed, excluded) in enumerate(plain):
                value = rows[start + offset][column]
                if value not in allowed or value in excluded:
                    return False
            return True
        tests = self._patterns.get(index)
        if tests is None:
            return True
        return _fits(tests, rows, start)


def _fits(tests: tuple[_TokenTest, ...], rows: Sequence[Sequence[int]], at: int) -> bool:
    """Whether the tokens' tests can be met from row ``at`` on: the rows each test
    may be met at, test after test (an optional token may also be skipped). Most
    longer phrases have an optional word in the middle ("heavy ? clashes"): two
    positions to try, not a call per choice."""
    positions = [at]
    size = len(rows)
    for optional, checks in tests:
        reached = []
        for position in positions:
            if position >= size:
                continue
            row = rows[position]
            for column, allowed, excluded in checks:
                value = row[column]
                if (allowed is not None and value not in allowed) or value in excluded:
                    break
            else:
                reached.append(position + 1)
        # Positions come in ascending order, each once: skipped ones stay below the
        # reached ones (each one past a kept position).
        positions = sorted({*positions, *reached}) if optional else reached
        if not positions:
            return False
    return True
