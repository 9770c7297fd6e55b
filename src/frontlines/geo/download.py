"""Fetch GeoNames country dumps (``CC.zip``) and import them into the user gazetteer.

For users with internet access; nothing else in frontlines downloads anything. The
base URL is the ``geonames_url`` setting (a mirror, or a local server in tests). Each
dump is downloaded into a temporary file next to the user gazetteer, checked to be a
zip archive, then imported in one transaction (``importers.import_geonames``): a failed
download or a damaged dump leaves the existing user gazetteer as it was.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from frontlines.config import Settings, load_settings
from frontlines.errors import GazetteerError
from frontlines.geo.counted import ByteProgress, CountingReader
from frontlines.geo.importers import ImportResult, import_geonames

__all__ = ["download_geonames", "dump_url"]

# Country codes (SY, UA) and the dump names GeoNames also serves as zips.
_DUMP_NAME = re.compile(r"^(?:[A-Za-z]{2}|allCountries|cities(?:500|1000|5000|15000))$")
CHUNK_BYTES = 1 << 20


def dump_url(base_url: str, name: str) -> str:
    """The URL of one dump: ``sy`` -> ``BASE/SY.zip``."""
    if not _DUMP_NAME.match(name):
        raise GazetteerError(
            "not a GeoNames dump name: give a two-letter country code (SY) "
            "or allCountries / cities500 / cities1000 / cities5000 / cities15000",
            source=name,
        )
    stem = name.upper() if len(name) == 2 else name
    return f"{base_url.rstrip('/')}/{stem}.zip"


def _fetch(url: str, target: Path, timeout: float, progress: ByteProgress | None = None) -> None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:
            source = response
            if progress is not None:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                source = CountingReader(response, progress, f"downloading {target.name}", total)
            shutil.copyfileobj(source, out, CHUNK_BYTES)
    except urllib.error.HTTPError as exc:
        exc.close()  # the error carries the open response
        raise GazetteerError(f"download failed: HTTP {exc.code} {exc.reason}", source=url) from exc
    except urllib.error.URLError as exc:
        raise GazetteerError(f"download failed: {exc.reason}", source=url) from exc
    except (TimeoutError, OSError) as exc:
        raise GazetteerError(f"download failed: {exc}", source=url) from exc


def download_geonames(
    names: list[str],
    *,
    settings: Settings | None = None,
    base_url: str | None = None,
    timeout: float = 60.0,
    progress: ByteProgress | None = None,
) -> list[ImportResult]:
    """Download and import each dump in turn (``["SY", "IQ"]``); the results in order.

    Every name is checked before anything is fetched, so a typo costs no download.
    ``progress`` hears the bytes downloaded, then those imported, of each dump.
    """
    settings = settings or load_settings()
    base = base_url or settings.geonames_url
    if not re.match(r"^https?://", base):
        raise GazetteerError("geonames_url must be an http:// or https:// URL", source=base)
    urls = [dump_url(base, name) for name in names]
    data_dir = settings.resolved_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for url in urls:
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=".download-") as tmp:
            dump = Path(tmp) / url.rsplit("/", 1)[1]
            _fetch(url, dump, timeout, progress)
            if not zipfile.is_zipfile(dump):
                raise GazetteerError("download is not a zip archive", source=url)
            try:
                result = import_geonames(dump, settings=settings, progress=progress)
            except GazetteerError as exc:
                raise GazetteerError(f"{exc.message}", source=url) from exc
            results.append(ImportResult(url, result.imported, result.skipped, result.total))
    return results
