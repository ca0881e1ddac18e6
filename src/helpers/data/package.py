"""The committed data as a Frictionless Data Package (``data/datapackage.json``).

Generated from the registry and the catalog's checksums, never edited by hand: one resource
per committed file with its path, sha256, licence, sources (the origin and the public copy
it was transcribed from) and a field dictionary (name, type, description, unit where known)
read from the file's pandera schema or, for extract copies kept as they are, its declared
fields. ``python -m helpers data package`` writes it; a test keeps it up to date.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import paths
from helpers.data import catalog
from helpers.data.registry import DataFile, DatasetSpec, Field
from helpers.data.spans import coverage_words

PACKAGE_FILE = "datapackage.json"
# A file's column type in the package, from its pandera dtype (dates are ISO text).
TYPES = {"datetime64[ns]": "date", "float64": "number", "int64": "integer", "bool": "boolean",
         "str": "string", "string[python]": "string", "string[pyarrow]": "string"}


def _schema_fields(schema) -> list[dict]:
    from helpers.data import schemas

    fields = []
    for name, column in schema.columns.items():
        kind = TYPES[str(column.dtype)]
        field = {"name": name, "type": kind, "description": column.description}
        if kind == "boolean":  # written 'yes' or left blank (see the dataset's before hook)
            field.update(trueValues=["yes"], falseValues=["no"])
        if schemas.unit_of(column):
            field["unit"] = schemas.unit_of(column)
        fields.append(field)
    return fields


def _declared_fields(fields: tuple[Field, ...]) -> list[dict]:
    return [{"name": f.name, "type": f.type, "description": f.description,
             **({"unit": f.unit} if f.unit else {})} for f in fields]


def _fields(spec: DatasetSpec, data_file: DataFile) -> list[dict]:
    if data_file.file_schema is not None:
        return _schema_fields(data_file.file_schema)
    if spec.table_schema is not None:
        return _schema_fields(spec.table_schema)
    return _declared_fields(data_file.fields)


def _resource(spec: DatasetSpec, data_file: DataFile) -> dict:
    name = Path(data_file.path).stem.lower()
    return {
        "name": name,
        "path": data_file.path,
        "title": spec.title,
        "description": f"dataset {spec.id} ({spec.role}); {spec.units}; coverage: "
                       f"{coverage_words(spec.id)}",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{data_file.sha256}",
        "licenses": [{"name": "other", "title": spec.licence}],
        "sources": [{"title": spec.publisher, "path": spec.origin_url}]
        + [{"title": copy} for copy in data_file.copied_from],
        "schema": {"fields": _fields(spec, data_file), "missingValues": [""]},
    }


def package() -> dict:
    """The data package descriptor of every committed file, in the registry's order."""
    return {
        "name": "us-china-trade-watch-data",
        "title": "US-China Trade Watch: the kit's committed data",
        "description": "Official statistics on US-China trade and US agriculture, as the kit "
                       "commits them; provenance, caveats and gaps per dataset are declared in "
                       "src/helpers/data/datasets/. Missing is an empty cell, never zero.",
        "version": catalog.snapshot_built(),
        "resources": [_resource(spec, f) for spec in catalog.read_catalog().values()
                      for f in spec.files],
    }


def package_text() -> str:
    return json.dumps(package(), indent=2, ensure_ascii=False) + "\n"


def write(path: Path | None = None) -> Path:
    """Write the descriptor next to the catalog (``data/datapackage.json``)."""
    path = path or paths.data_dir() / PACKAGE_FILE
    path.write_text(package_text(), encoding="utf-8")
    return path
