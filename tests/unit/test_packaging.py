"""Packaging: environment.yml and pyproject.toml list the same packages at the same floors."""

import re
import tomllib

import yaml

from helpers import paths

ROOT = paths.PROJECT_ROOT


def _split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", requirement.strip()).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_split(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    assert "conda-forge" in env["channels"]
    conda.pop("pip")
    python = conda.pop("python")
    assert python == ">=" + project["requires-python"].removeprefix(">=")
    assert conda == wanted


def _lock() -> dict[str, str]:
    """requirements.lock as {name: pinned version}; every line pins with ==."""
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"requirements.lock line {line!r} does not pin a version"
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_lock_pins_every_dependency_at_a_version_pyproject_allows():
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _lock()
    for text in project["dependencies"] + project["optional-dependencies"]["dev"]:
        req = Requirement(text)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name])


def test_setup_installs_from_the_lock_and_conda_has_a_locked_environment():
    makefile = (ROOT / "Makefile").read_text()
    assert "$(STAMP): pyproject.toml requirements.lock" in makefile
    assert "-m pip install --quiet -r requirements.lock" in makefile
    locked = yaml.safe_load((ROOT / "environment.lock.yml").read_text())
    pip_section = next(d["pip"] for d in locked["dependencies"] if isinstance(d, dict))
    assert "-r requirements.lock" in pip_section and "-e ." in pip_section


def test_every_test_has_a_kind():
    """Every test module sits in tests/unit, tests/data or tests/render (or is a fault case
    that conftest maps to one), so ``pytest -m unit|data|render`` together run everything."""
    from tests.conftest import FAULT_KINDS, KINDS

    tests = ROOT / "tests"
    for module in tests.rglob("test_*.py"):
        folder = module.relative_to(tests).parts[0]
        assert folder in KINDS or (folder == "faults" and module.name in FAULT_KINDS), module
