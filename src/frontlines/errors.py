"""One exception tree for frontlines, with stable error codes.

    FrontlinesError                 (E000)
    ├── InputError                  (E1xx) a report that cannot be read or parsed
    │   ├── EmptyInputError         (E101)
    │   ├── BinaryInputError        (E102)
    │   ├── EncodingError           (E103)
    │   ├── InputTooLargeError      (E104)
    │   ├── MalformedInputError     (E105) broken HTML, bad JSONL line, missing field
    │   └── InvalidDateError        (E106)
    ├── ConfigError                 (E2xx) a bad setting, a model that cannot load
    ├── StoreError                  (E3xx) the database cannot be opened or written
    ├── GazetteerError              (E4xx) a gazetteer that cannot be loaded or imported
    └── ExportError                 (E5xx) events that cannot be written in a format or place

The CLI turns any FrontlinesError into one line ``input: reason`` and a non-zero
exit code; a traceback is always a bug.
"""

from __future__ import annotations


class FrontlinesError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(FrontlinesError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class InputTooLargeError(InputError):
    code = "E104"


class MalformedInputError(InputError):
    code = "E105"


class InvalidDateError(InputError):
    code = "E106"


class ConfigError(FrontlinesError):
    code = "E200"


class StoreError(FrontlinesError):
    code = "E300"


class GazetteerError(FrontlinesError):
    code = "E400"


class ExportError(FrontlinesError):
    code = "E500"
