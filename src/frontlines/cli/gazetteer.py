"""``frontlines gazetteer``: import user gazetteer data and show what is loaded."""

from __future__ import annotations

from pathlib import Path

import click

from frontlines.cli.errors import handle_errors
from frontlines.cli.progress import byte_progress


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage the offline gazetteer (packaged data plus your imports)."""


@gazetteer_group.group("import")
def import_group() -> None:
    """Add places to your gazetteer (stored in the data directory)."""


def _report(result: object) -> None:
    from frontlines.geo.importers import ImportResult

    assert isinstance(result, ImportResult)
    click.echo(
        f"{result.path}: imported {result.imported} places, skipped {result.skipped};"
        f" {result.total} user places in total"
    )


@import_group.command("geonames")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--alternate-names",
    type=click.Path(path_type=Path),
    help="GeoNames alternate-names file (alternateNamesV2.zip or a country's .txt)",
)
@handle_errors
def import_geonames_command(file: Path, alternate_names: Path | None) -> None:
    """Import a GeoNames dump: allCountries.zip, SY.zip, SY.txt, cities500.zip ..."""
    from frontlines.geo import import_geonames

    with byte_progress(f"importing {file.name}") as progress:
        result = import_geonames(file, alternate_names=alternate_names, progress=progress)
    _report(result)


@import_group.command("csv")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--name-col", required=True, help="column holding the place name")
@click.option("--lat-col", required=True, help="column holding the latitude")
@click.option("--lon-col", required=True, help="column holding the longitude")
@click.option("--country-col", help="column holding an ISO country code or country name")
@click.option("--feature-col", help="column holding a GeoNames feature code (default PPL)")
@handle_errors
def import_csv_command(
    file: Path,
    name_col: str,
    lat_col: str,
    lon_col: str,
    country_col: str | None,
    feature_col: str | None,
) -> None:
    """Import places from a CSV file with a header row."""
    from frontlines.geo import import_csv

    with byte_progress(f"importing {file.name}") as progress:
        result = import_csv(
            file,
            name_col=name_col,
            lat_col=lat_col,
            lon_col=lon_col,
            country_col=country_col,
            feature_col=feature_col,
            progress=progress,
        )
    _report(result)


@gazetteer_group.command("download")
@click.argument("countries", nargs=-1, required=True)
@click.option("--url", "base_url", help="base URL of the dumps (default: the geonames_url setting)")
@handle_errors
def download_command(countries: tuple[str, ...], base_url: str | None) -> None:
    """Download GeoNames dumps (SY, IQ ... or allCountries) and import them."""
    from frontlines.geo.download import download_geonames

    with byte_progress("downloading") as progress:
        results = download_geonames(list(countries), base_url=base_url, progress=progress)
    for result in results:
        _report(result)


@gazetteer_group.command("info")
@handle_errors
def info_command() -> None:
    """Print where the gazetteer lives and how many places each source gives."""
    from frontlines.geo import load_geocoder

    gazetteer = load_geocoder().gazetteer
    click.echo(f"packaged: {gazetteer.path}")
    click.echo(f"user:     {gazetteer.user_path}")
    for source, count in sorted(gazetteer.counts().items()):
        click.echo(f"{source:<24} {count:>8}")
