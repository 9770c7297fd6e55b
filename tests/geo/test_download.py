"""`gazetteer download`: dumps served by a local HTTP server that the tests write."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.config import Settings
from frontlines.errors import GazetteerError
from frontlines.geo import open_gazetteer
from frontlines.geo.download import download_geonames, dump_url

# Made-up places: a village and a school (class S SCH, not kept).
ROWS = [
    (9800001, "Khirbat Sinjab", "Khirbat Sinjab", "Khirbet Sinjab", 35.61, 36.71, "P", "PPL", 0),
    (9800002, "Madrasat Sinjab", "Madrasat Sinjab", "", 35.62, 36.72, "S", "SCH", 0),
]  # fmt: skip


def _dump(rows: list[tuple[object, ...]], country: str = "SY") -> bytes:
    lines = []
    for gid, name, ascii_, alts, lat, lon, fclass, code, pop in rows:
        cols = [gid, name, ascii_, alts, lat, lon, fclass, code, country, "", "", "", "", "",
                pop, "", "300", "Asia/Damascus", "2024-01-01"]  # fmt: skip
        lines.append("\t".join(str(c) for c in cols))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "about the dump")
        archive.writestr(f"{country}.txt", "\n".join(lines) + "\n")
    return buffer.getvalue()


class _Files(BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}
    requested: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requested.append(self.path)
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, bytes], list[str]]]:
    files: ClassVar[dict[str, bytes]] = {}
    requested: ClassVar[list[str]] = []
    handler = type("Handler", (_Files,), {"files": files, "requested": requested})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/dump/", files, requested
    finally:
        httpd.shutdown()
        httpd.server_close()


def _user_names(settings: Settings) -> set[str]:
    gazetteer = open_gazetteer(settings)
    return {e.name for e in gazetteer.lookup("Khirbet Sinjab")} | {
        e.name for e in gazetteer.lookup("Tall Qasab")
    }


def test_dump_url_checks_the_name() -> None:
    assert (
        dump_url("https://example.org/export/dump", "sy")
        == "https://example.org/export/dump/SY.zip"
    )
    assert dump_url("https://example.org/x/", "cities500").endswith("/x/cities500.zip")
    with pytest.raises(GazetteerError, match="two-letter country code"):
        dump_url("https://example.org/", "../etc")


def test_download_imports_the_dump(server, settings: Settings) -> None:
    base, files, requested = server
    files["/dump/SY.zip"] = _dump(ROWS)
    (result,) = download_geonames(["sy"], settings=replace(settings, geonames_url=base))
    assert requested == ["/dump/SY.zip"]
    assert (result.imported, result.skipped, result.total) == (1, 1, 1)
    assert result.path == base + "SY.zip"
    (entry,) = open_gazetteer(settings).lookup("Khirbet Sinjab")
    assert entry.geonameid == 9800001 and entry.country_code == "SY"
    # the temporary download is gone
    assert not list(settings.resolved_data_dir().glob(".download-*"))


def test_http_error_and_bad_zip_leave_the_gazetteer_intact(server, settings: Settings) -> None:
    base, files, _ = server
    files["/dump/SY.zip"] = _dump(ROWS)
    local = replace(settings, geonames_url=base)
    download_geonames(["SY"], settings=local)
    before = _user_names(settings)
    assert before == {"Khirbat Sinjab"}

    with pytest.raises(GazetteerError, match="HTTP 404") as missing:
        download_geonames(["IQ"], settings=local)
    assert missing.value.source == base + "IQ.zip"

    files["/dump/LB.zip"] = b"<html>maintenance</html>"
    with pytest.raises(GazetteerError, match="not a zip archive"):
        download_geonames(["LB"], settings=local)

    # A dump whose second row is broken: the first row must not stay behind.
    good = ROWS[0]
    broken = _dump([(9800003, "Tall Qasab", "Tall Qasab", "", 35.0, 36.0, "P", "PPL", 0)])
    broken_text = zipfile.ZipFile(io.BytesIO(broken)).read("SY.txt").decode() + "9800004\tonly\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("SY.txt", broken_text)
    files["/dump/SY.zip"] = buffer.getvalue()
    with pytest.raises(GazetteerError, match="line 2") as damaged:
        download_geonames(["SY"], settings=local)
    assert damaged.value.source == base + "SY.zip"
    assert _user_names(settings) == before
    assert good[0] in {e.geonameid for e in open_gazetteer(settings).lookup("Khirbet Sinjab")}


def test_unreachable_server_is_one_clear_error(settings: Settings) -> None:
    with pytest.raises(GazetteerError, match="download failed") as error:
        download_geonames(["SY"], settings=settings, base_url="http://127.0.0.1:9/", timeout=5)
    assert error.value.source == "http://127.0.0.1:9/SY.zip"


def test_cli_download(server, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, files, _ = server
    files["/dump/SY.zip"] = _dump(ROWS)
    monkeypatch.setenv("FRONTLINES_DATA_DIR", str(data_dir))
    monkeypatch.setenv("FRONTLINES_GEONAMES_URL", base)
    runner = CliRunner()
    ok = runner.invoke(cli, ["gazetteer", "download", "SY"])
    assert ok.exit_code == 0, ok.output
    assert "SY.zip: imported 1 places, skipped 1" in ok.output
    failed = runner.invoke(cli, ["gazetteer", "download", "XX"])
    assert failed.exit_code != 0
    assert "XX.zip" in failed.output and "HTTP 404" in failed.output
    assert "Traceback" not in failed.output


def test_a_download_reports_bytes_up_to_its_content_length(
    server: tuple[str, dict[str, bytes], list[str]],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("frontlines.geo.counted.REPORT_BYTES", 64)  # many reports
    monkeypatch.setattr("frontlines.geo.download.CHUNK_BYTES", 256)  # of a small body
    base, files, _ = server
    files["/dump/SY.zip"] = body = _dump(ROWS * 200)
    reports: list[tuple[str, int, int | None]] = []
    download_geonames(["SY"], settings=settings, base_url=base,
                      progress=lambda *r: reports.append(r))  # fmt: skip
    for label in ("downloading SY.zip", "importing SY.zip"):
        counts = [done for what, done, _ in reports if what == label]
        totals = {total for what, _, total in reports if what == label}
        assert len(counts) > 2 and counts == sorted(set(counts)), label
        assert totals == {counts[-1]}  # ends at the total
    assert counts[-1] != len(body)  # the import counts the table, not the zip
    assert {t for w, _, t in reports if w == "downloading SY.zip"} == {len(body)}
