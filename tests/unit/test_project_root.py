"""The folders the kit guards and the revision it stamps follow the project folder the
settings name (``TRADEWATCH_PROJECT_DIR``, ``paths.project_root``), not the source tree the
kit was loaded from. The project here is a SYNTHETIC folder in a temp directory."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers import contract, edition, owned, paths

FOLDER_SETTINGS = ("TRADEWATCH_DATA_DIR", "TRADEWATCH_NOTEBOOKS_DIR", "TRADEWATCH_REPORTS_DIR",
                   "TRADEWATCH_DIST_DIR")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A SYNTHETIC project folder (empty data/, notebooks/, docs/) that the project-root
    setting names, with no other folder setting pointing elsewhere."""
    root = tmp_path / "project"
    for sub in ("data", "notebooks", "docs", "reports"):
        (root / sub).mkdir(parents=True)
    monkeypatch.setenv("TRADEWATCH_PROJECT_DIR", str(root))
    for variable in FOLDER_SETTINGS:
        monkeypatch.delenv(variable, raising=False)
    assert paths.project_root() == root and paths.project_root() != paths.PROJECT_ROOT
    return root


def test_clean_guards_the_project_the_setting_names(project):
    owned.mark(project, "reports")  # even a folder marked as the kit's
    for folder in (project, project.parent):
        with pytest.raises(owned.UnsafeDelete, match="the project"):
            owned.check_removable(folder, "reports")
    # an unmarked folder inside that project is the project's own reports folder
    assert owned.check_removable(project / "reports", "reports") == (project / "reports").resolve()
    with pytest.raises(owned.UnsafeDelete, match="outside the project"):
        owned.check_removable(project.parent / "elsewhere", "reports")


def test_the_source_tree_stays_guarded_when_the_project_is_elsewhere(project):
    with pytest.raises(owned.UnsafeDelete):
        owned.check_removable(paths.PROJECT_ROOT, "reports")


def test_the_student_edition_refuses_the_project_the_setting_names(project):
    for out in (project, project.parent):
        with pytest.raises(ValueError, match="is the project or one of its parents"):
            edition.build_student(out)
    with pytest.raises(ValueError, match="which the student edition copies"):
        edition.build_student(project / "notebooks" / "student")
    assert not (project / "notebooks" / "student").exists()


def _git(*args: str, cwd) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                           *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_brief_is_stamped_with_the_revision_of_the_project_it_was_built_from(project):
    assert contract.git_revision() == "unknown"  # the project is not a git checkout yet
    (project / "README.md").write_text("SYNTHETIC project\n")
    _git("init", "-q", cwd=project)
    _git("add", "README.md", cwd=project)
    _git("commit", "-q", "-m", "synthetic", cwd=project)
    assert contract.git_revision() == _git("rev-parse", "--short", "HEAD", cwd=project).strip()
