"""Packaging: environment.yml and pyproject.toml list the same packages at the same floors;
every package the kit imports is declared; requirements.lock pins them all."""

import ast
import importlib.metadata
import re
import sys
import tomllib

import yaml

from helpers import paths

ROOT = paths.PROJECT_ROOT


def _split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", requirement.strip()).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = dict(_split(r) for r in project["dependencies"] + extras["pdf"] + extras["dev"])
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
    extras = project["optional-dependencies"]
    for text in project["dependencies"] + extras["pdf"] + extras["dev"]:
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


def _imported_distributions() -> dict[str, str]:
    """{distribution: a module of the kit importing it} for every third-party import in src/."""
    owners = importlib.metadata.packages_distributions()
    found = {}
    for path in (ROOT / "src" / "helpers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and not node.level else [])
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "helpers":
                    continue
                for dist in owners.get(top, [top]):
                    found.setdefault(dist.lower().replace("_", "-"), path.name)
    return found


def test_every_package_the_kit_imports_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_split(r)[0] for r in project["dependencies"] + project["optional-dependencies"]["pdf"]}
    missing = {d: where for d, where in _imported_distributions().items() if d not in declared}
    assert not missing, f"imported by the kit but not in pyproject.toml's dependencies: {missing}"


def test_playwright_is_the_pdf_extra_and_not_a_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_split(r)[0] for r in project["dependencies"]}
    assert "playwright" not in runtime
    assert [_split(r)[0] for r in project["optional-dependencies"]["pdf"]] == ["playwright"]


def test_the_lock_is_what_this_environment_installed():
    """Fresh: each pinned package that is installed here is installed at its pin."""
    stale = {}
    for name, pinned in _lock().items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if installed != pinned:
            stale[name] = (pinned, installed)
    assert not stale, f"requirements.lock pins differ from the installed versions: {stale}"


def test_no_package_attribute_hides_a_module_of_the_same_name():
    """``import helpers.x.y as m`` must give the module y: a function re-exported under
    the module's own name would be returned instead."""
    import importlib
    import pkgutil
    import types

    import helpers

    hidden = []
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        parent_name, _, leaf = info.name.rpartition(".")
        parent = importlib.import_module(parent_name)
        value = getattr(parent, leaf, None)
        if value is not None and not isinstance(value, types.ModuleType):
            hidden.append(info.name)
    assert not hidden, hidden
