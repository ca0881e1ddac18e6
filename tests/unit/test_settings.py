"""helpers.settings: every TRADEWATCH_ variable declared once, validated, and the README's
table generated from the declarations."""

import re

import pytest

from helpers import paths, settings

ROOT = paths.PROJECT_ROOT


def test_readme_holds_exactly_the_generated_table():
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"<!-- settings-table:start -->\n(.*?)<!-- settings-table:end -->", readme, re.S)
    assert found, "README.md has no settings table between the settings-table markers"
    assert found.group(1) == settings.markdown_table(), (
        "README's settings table is stale: paste helpers.settings.markdown_table() between the markers")


def test_every_variable_the_kit_names_is_declared_and_read_only_through_settings():
    declared = {s.name for s in settings.SETTINGS}
    assert len(declared) == len(settings.SETTINGS)
    named = set()
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").rglob("*.py"), ROOT / "Makefile"]:
        text = path.read_text()
        named |= set(re.findall(r"TRADEWATCH_[A-Z_]+[A-Z]", text))
        if "src" in path.parts and path.name != "settings.py":
            assert not re.search(r"(environ\.get|getenv)\(\s*[\"']TRADEWATCH_|environ\[[\"']TRADEWATCH_",
                                 text), f"{path.relative_to(ROOT)} reads a TRADEWATCH_ variable itself"
    assert named - declared == set(), "named in the code but not declared in helpers.settings"
    assert declared - named == set(), "declared in helpers.settings but used nowhere"


@pytest.mark.parametrize("value", ["", "  ", "relative/folder"])
def test_a_folder_must_be_absolute(monkeypatch, value):
    monkeypatch.setenv("TRADEWATCH_DIST_DIR", value)
    with pytest.raises(settings.SettingError, match="TRADEWATCH_DIST_DIR"):
        paths.dist_dir()


@pytest.mark.parametrize("name, value", [("TRADEWATCH_HTTP_TIMEOUT", "soon"),
                                         ("TRADEWATCH_HTTP_DEADLINE", "0"),
                                         ("TRADEWATCH_HTTP_BACKOFF", "-1"),
                                         ("TRADEWATCH_HTTP_MAX_BYTES", "1.5"),
                                         ("TRADEWATCH_HTTP_RETRIES", "-2"),
                                         ("TRADEWATCH_HTTP_TIMEOUT", "nan")])
def test_a_number_must_parse_and_be_positive(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(settings.SettingError, match=name):
        settings.number(name)


def test_numbers_read_with_their_defaults_and_overrides(monkeypatch):
    from helpers.data.origins import http

    for name in ("TRADEWATCH_HTTP_DEADLINE", "TRADEWATCH_HTTP_RETRIES", "TRADEWATCH_HTTP_MAX_BYTES"):
        monkeypatch.delenv(name, raising=False)
    assert (http.deadline(), http.retries(), http.max_bytes()) == (300.0, 3, 64 * 1024 * 1024)
    monkeypatch.setenv("TRADEWATCH_HTTP_RETRIES", "0")
    assert http.retries() == 0


def test_an_empty_origin_address_is_refused(monkeypatch):
    from helpers.data.origins import fred

    monkeypatch.setenv("TRADEWATCH_FRED_URL", " ")
    with pytest.raises(settings.SettingError, match="TRADEWATCH_FRED_URL"):
        fred.endpoint()


def test_an_undeclared_name_is_a_programming_error():
    with pytest.raises(KeyError, match="not a declared setting"):
        settings.text("TRADEWATCH_" + "UNDECLARED")


def test_a_command_stops_before_it_starts_on_a_bad_setting(monkeypatch, capsys):
    from helpers import cli

    monkeypatch.setenv("TRADEWATCH_HTTP_RETRIES", "three")
    assert cli.main(["data", "status"]) == 2
    assert "TRADEWATCH_HTTP_RETRIES='three' is not a number" in capsys.readouterr().err
