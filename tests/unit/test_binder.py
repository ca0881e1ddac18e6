"""Binder / repo2docker: the conda environment installs the kit itself, so the notebooks
open in a browser with `helpers` importable and nothing else to install."""

import yaml

from helpers import paths


def test_environment_installs_the_kit_in_editable_mode():
    env = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert pip and "-e ." in pip[0]
    assert "pip" in env["dependencies"]  # conda installs pip before running that section


def test_the_editable_install_finds_the_package_from_the_project_root():
    project = (paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '[tool.setuptools.packages.find]\nwhere = ["src"]' in project
    assert (paths.PROJECT_ROOT / "src" / "helpers" / "__init__.py").is_file()
