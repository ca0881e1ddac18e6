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
