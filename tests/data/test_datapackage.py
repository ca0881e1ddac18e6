"""data/datapackage.json is the registry as a Frictionless Data Package, valid and current."""

import json

import frictionless
import pytest

from helpers import paths
from helpers.data import catalog, package

DATA = paths.PROJECT_ROOT / "data"


def test_committed_package_is_up_to_date_with_the_registry_and_checksums():
    committed = (DATA / package.PACKAGE_FILE).read_text(encoding="utf-8")
    assert committed == package.package_text(), "run `python -m helpers data package`"


def test_every_committed_file_is_a_resource_with_hash_licence_sources_and_fields():
    resources = {r["path"]: r for r in package.package()["resources"]}
    for ds in catalog.read_catalog().values():
        for f in ds.files:
            r = resources.pop(f.path)
            assert r["hash"] == f"sha256:{f.sha256}"
            assert r["licenses"][0]["title"] == ds.licence
            assert r["sources"][0]["path"] == ds.origin_url
            assert [s["title"] for s in r["sources"][1:]] == list(f.copied_from)
            assert all(field["description"] for field in r["schema"]["fields"]), f.path
    assert resources == {}


def test_units_are_carried_where_known():
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]}
              for r in package.package()["resources"]}
    assert fields["us_china_goods_trade_monthly"]["exports_usd_mn"]["unit"] == "USD millions"
    assert fields["us_soybean_export_sales_weekly"]["net_sales_kmt"]["unit"] == "kt"


def test_frictionless_validates_the_descriptor_and_every_resource():
    report = frictionless.validate(str(DATA / package.PACKAGE_FILE))
    problems = [f"{task.name}: {e.type} {e.note}" for task in report.tasks for e in task.errors]
    assert report.valid, problems[:5] or report.errors[:5]
    assert len(report.tasks) == len(package.package()["resources"])


def test_frictionless_catches_a_file_that_differs_from_its_hash(data_copy, tamper):
    tamper("snapshot/average_tariffs.csv", lambda t: t + "\n", keep_checksum_valid=False)
    descriptor = json.loads((data_copy / package.PACKAGE_FILE).read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "average_tariffs")
    report = frictionless.validate(frictionless.Resource(resource, basepath=str(data_copy)))
    assert not report.valid
    assert "hash-count" in {e.type for task in report.tasks for e in task.errors}


@pytest.mark.parametrize("key", ["name", "resources", "version"])
def test_package_names_itself_and_its_version(key):
    assert package.package()[key]
