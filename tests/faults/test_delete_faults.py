"""Delete fault cases: ``clean`` and the student edition remove only what the kit wrote.

Every folder here is a temp folder of the test's own; the "user's files" are SYNTHETIC
placeholder files (no data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from helpers import briefs, cli, edition, owned, paths


def _users_files(folder: Path) -> list[Path]:
    """SYNTHETIC: two files standing for a user's own work."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / "thesis.docx", folder / "notes" / "todo.txt"]
    for f in files:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("the user's own file\n")
    return files


def _fake_brief(reports: Path, name: str) -> list[Path]:
    """SYNTHETIC: the files one build would write for brief ``name`` (placeholder text)."""
    owned.mark(reports, "reports")
    files = [reports / f"{name}.html", reports / f"{name}.figures.json",
             reports / "executed" / f"{name}.ipynb", reports / ".cache" / f"{name}.json",
             reports / "index.html"]
    for f in files:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("{}")
    return files


def test_clean_refuses_an_unmarked_reports_folder_outside_the_project(tmp_path, monkeypatch,
                                                                       capsys):
    mine = _users_files(tmp_path / "my-documents")
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", str(tmp_path / "my-documents"))
    assert cli.main(["clean"]) == 2
    assert "carries no" in capsys.readouterr().err
    assert all(f.is_file() for f in mine)


def test_clean_keeps_unrelated_files_in_the_data_folders_cache(brief_dirs, data_copy, capsys):
    mine = _users_files(data_copy / "cache")
    assert cli.main(["clean"]) == 2  # the scratch data folder is outside the project, unmarked
    assert "cache folder" in capsys.readouterr().err
    assert all(f.is_file() for f in mine)
    owned.mark(data_copy / "cache", "cache")
    (data_copy / "cache" / "fx_cny_usd.csv").write_text("SYNTHETIC\n")
    assert cli.main(["clean"]) == 0
    assert all(f.is_file() for f in mine)
    assert not (data_copy / "cache" / "fx_cny_usd.csv").exists()


@pytest.mark.parametrize("value", ["", "  ", "reports", "./out"])
def test_an_empty_or_relative_folder_setting_is_refused(tmp_path, monkeypatch, capsys, value):
    mine = _users_files(tmp_path / "checkout")
    monkeypatch.chdir(tmp_path / "checkout")
    monkeypatch.setenv("TRADEWATCH_REPORTS_DIR", value)
    assert cli.main(["clean"]) == 2
    assert "TRADEWATCH_REPORTS_DIR" in capsys.readouterr().err
    assert all(f.is_file() for f in mine)
    with pytest.raises(paths.PathSettingError, match="TRADEWATCH_REPORTS_DIR"):
        paths.reports_dir()


@pytest.mark.parametrize("variable", ["TRADEWATCH_DATA_DIR", "TRADEWATCH_NOTEBOOKS_DIR",
                                      "TRADEWATCH_DIST_DIR"])
def test_every_folder_setting_refuses_empty(monkeypatch, variable):
    monkeypatch.setenv(variable, "")
    with pytest.raises(paths.PathSettingError, match=variable):
        {"TRADEWATCH_DATA_DIR": paths.data_dir, "TRADEWATCH_NOTEBOOKS_DIR": paths.notebooks_dir,
         "TRADEWATCH_DIST_DIR": paths.dist_dir}[variable]()


def test_clean_refuses_a_root_like_folder(monkeypatch):
    for folder in (Path("/"), Path.home(), paths.PROJECT_ROOT, paths.PROJECT_ROOT.parent):
        with pytest.raises(owned.UnsafeDelete):
            owned.check_removable(folder, "reports")


def test_clean_removes_the_kits_files_and_keeps_the_users(brief_dirs):
    _, reports = brief_dirs
    kit = _fake_brief(reports, "01_example")
    mine = _users_files(reports)
    assert cli.main(["clean"]) == 0
    assert not any(f.exists() for f in kit)
    assert all(f.is_file() for f in mine)


def test_clean_refuses_while_a_build_holds_the_lock_and_keeps_its_lock(brief_dirs, capsys):
    _, reports = brief_dirs
    kit = _fake_brief(reports, "01_example")
    with briefs.build_lock(reports, timeout=0):
        assert cli.main(["clean"]) == 2
        assert "running" in capsys.readouterr().err
        assert (reports / ".lock").exists() and (reports / ".lock.owner").is_file()
        assert all(f.is_file() for f in kit)
        held = FileLock(reports / ".lock")
        with pytest.raises(Timeout):
            held.acquire(timeout=0)


def test_student_rebuild_keeps_the_students_files_and_refuses_changed_ones(tmp_path):
    out = edition.build_student(tmp_path / "student")
    theirs = out / "notebooks" / "my_work.ipynb"
    theirs.write_text("the student's own notebook\n")
    edition.build_student(out)
    assert theirs.is_file()
    written = sorted(out.glob("notebooks/[0-9][0-9]_*.ipynb"))[0]
    written.write_text(written.read_text() + " ")
    with pytest.raises(FileExistsError, match="changed since the kit wrote"):
        edition.build_student(out)
    assert theirs.is_file()


def test_a_folder_with_only_a_marker_file_is_not_wiped(tmp_path):
    mine = _users_files(tmp_path / "other")
    (tmp_path / "other" / owned.MARKER).write_text('{"written_by": "x", "kind": "reports"}')
    with pytest.raises(FileExistsError):
        edition.build_student(tmp_path / "other")
    assert all(f.is_file() for f in mine)


def test_student_out_inside_the_data_folder_or_naming_a_file_is_refused(tmp_path, data_copy,
                                                                        capsys):
    assert cli.main(["student", "--out", str(data_copy / "student")]) == 2
    assert "inside" in capsys.readouterr().err
    assert not (data_copy / "student").exists()
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("SYNTHETIC\n")
    assert cli.main(["student", "--out", str(a_file)]) == 2
    assert "is a file" in capsys.readouterr().err
