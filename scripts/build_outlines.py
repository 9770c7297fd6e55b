"""Build the map page's offline outlines (run once; the output is committed).

    python scripts/build_outlines.py            # needs npm and `pip install shapely`

Writes ``src/frontlines/server/static/outlines.json``: a GeoJSON FeatureCollection of

* country outlines from Natural Earth 1:50m (public domain), read from the npm package
  ``world-atlas`` (TopoJSON, ISC licence) fetched with ``npm pack``, coordinates rounded
  to 0.01 degree (about 1 km, finer than the map ever needs at country zoom);
* approximate outlines of Syria's governorates (``kind: "admin1"``): no boundary
  polygons are packaged anywhere we may fetch from, so each governorate is the union of
  the Voronoi cells of its sub-district centroids (OpenSyria, CC BY 4.0, already shipped
  in ``frontlines/data/geo``), clipped to Syria's Natural Earth outline. Borders drawn
  this way run midway between sub-district centres: right to a few kilometres in the
  populated west, rougher in the desert. The map labels them "approximate".

Nothing here runs when frontlines is installed or served.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "frontlines" / "data" / "geo"
OUT = ROOT / "src" / "frontlines" / "server" / "static" / "outlines.json"
WORLD_ATLAS = "world-atlas@2.0.2"
DIGITS = 2
SYRIA_ISO_NUMERIC = "760"


def fetch_world_atlas(workdir: Path) -> dict[str, Any]:
    subprocess.run(
        ["npm", "pack", WORLD_ATLAS, "--silent"], cwd=workdir, check=True, capture_output=True
    )
    (tarball,) = workdir.glob("world-atlas-*.tgz")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/countries-50m.json")
        assert member is not None
        data: dict[str, Any] = json.load(member)
        return data


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs to absolute lon/lat lists (delta-decoded, de-quantised)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        coordinates = []
        for polygon in polygons:
            rings = [ring(r, arcs) for r in polygon]
            # A ring rounded down to a point or a line is an islet below the resolution.
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                coordinates.append(rings)
        if not coordinates:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "kind": "country",
                    "name": geometry.get("properties", {}).get("name"),
                    "id": geometry.get("id"),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return features


def acled_names() -> dict[str, str]:
    names = {}
    for line in (GEO / "admin1_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        ours, acled = line.split("\t")
        names[ours] = acled
    return names


def governorates(syria: dict[str, Any]) -> list[dict[str, Any]]:
    import numpy as np
    from scipy.spatial import Voronoi
    from shapely.geometry import MultiPolygon, Polygon, mapping, shape
    from shapely.ops import unary_union

    outline = shape(syria["geometry"]).buffer(0)
    govs = json.loads((GEO / "opensyria_governorates.json").read_text(encoding="utf-8"))
    subs = json.loads((GEO / "opensyria_subdistricts.json").read_text(encoding="utf-8"))
    names = acled_names()
    gov_name = {g["id"]: names.get(g["name"]["en"], g["name"]["en"]) for g in govs}
    points = np.array([[s["centroid"]["longitude"], s["centroid"]["latitude"]] for s in subs])
    owners = [s["governorateId"] for s in subs]
    # Far-away sentinels close every real cell, so each centroid gets a finite region.
    sentinels = np.array([[20, 20], [20, 50], [60, 20], [60, 50]])
    diagram = Voronoi(np.vstack([points, sentinels]))
    cells: dict[str, list[Any]] = {}
    for index, owner in enumerate(owners):
        region = diagram.regions[diagram.point_region[index]]
        if -1 in region or not region:
            continue
        cell = Polygon(diagram.vertices[region]).intersection(outline)
        cells.setdefault(owner, []).append(cell)
    features = []
    for owner, parts in sorted(cells.items()):
        merged = unary_union(parts).simplify(0.01)
        polygons = list(merged.geoms) if isinstance(merged, MultiPolygon) else [merged]
        geometry = mapping(MultiPolygon([p for p in polygons if isinstance(p, Polygon)]))
        coordinates = [
            [[[round(x, DIGITS), round(y, DIGITS)] for x, y in r] for r in polygon]
            for polygon in geometry["coordinates"]
        ]
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "admin1", "name": gov_name[owner], "approximate": True},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return features


def main() -> int:
    try:
        import shapely  # noqa: F401
    except ImportError:
        print("build_outlines.py needs shapely: pip install shapely", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        topology = fetch_world_atlas(Path(tmp))
    world = countries(topology)
    syria = next(f for f in world if f["properties"]["id"] == SYRIA_ISO_NUMERIC)
    collection = {
        "type": "FeatureCollection",
        "attribution": (
            "Countries: Natural Earth 1:50m (public domain) via world-atlas (ISC). "
            "Syrian governorates: approximate, Voronoi cells of OpenSyria sub-district "
            "centroids (CC BY 4.0)."
        ),
        "features": world + governorates(syria),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(collection['features'])} features, "
        f"{OUT.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
