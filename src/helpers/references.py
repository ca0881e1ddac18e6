"""The kit's references (CSL JSON, ``references.json`` beside this module): short citations in
the text, a references section per brief, and the table that puts a kit estimate beside the
published ones on the same period and basis.

A key that is not in the file is refused with the file's name, so every citation a brief
prints resolves to an entry."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

BIB_PATH = Path(__file__).with_name("references.json")
BESIDE_COLUMNS = ["study", "period", "basis", "their number", "the kit's number", "why they differ"]


@functools.cache
def entries(path: Path = BIB_PATH) -> dict[str, dict]:
    """Every entry of the CSL JSON file, by id; duplicate ids are refused."""
    items = json.loads(path.read_text(encoding="utf-8"))
    ids = [item["id"] for item in items]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{path.name}: repeated ids {repeated}")
    return {item["id"]: item for item in items}


def entry(key: str) -> dict:
    """One entry; ValueError naming the file when the key is not in it."""
    known = entries()
    if key not in known:
        raise ValueError(f"no reference {key!r} in {BIB_PATH.name}; known: {', '.join(sorted(known))}")
    return known[key]


def _names(item: dict) -> list[str]:
    return [a.get("family") or a.get("literal", "") for a in item.get("author", [])]


def _year(item: dict) -> int | str:
    """The year of issue, or 'n.d.' for an undated page (CSL ``issued: {"literal": "n.d."}``)."""
    issued = item["issued"]
    if "date-parts" in issued:
        return int(issued["date-parts"][0][0])
    if issued.get("literal") == "n.d.":
        return "n.d."
    raise ValueError(f"{item['id']}: 'issued' needs date-parts or the literal 'n.d.'")


def _who(item: dict) -> str:
    names = _names(item)
    return (names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2
            else f"{names[0]} et al.")


def year_label(key: str) -> str:
    """The year as citations print it: '2022', 'n.d.', with a letter ('2022a', 'n.d.-b') when
    other entries share the same authors and year (lettered in the file's order)."""
    item = entry(key)
    year = _year(item)
    alike = [k for k, other in entries().items()
             if _who(other) == _who(item) and _year(other) == year]
    if len(alike) == 1:
        return str(year)
    letter = "abcdefghijklmnopqrstuvwxyz"[alike.index(key)]
    return f"{year}-{letter}" if year == "n.d." else f"{year}{letter}"


def short(key: str) -> str:
    """'Morgan et al. (2022)', 'Carter and Steinbach (2020)', 'World Bank (2026)', an undated
    page 'Joint Global Change Research Institute (n.d.-a)' (lettered when two share it)."""
    return f"{_who(entry(key))} ({year_label(key)})"


def full(key: str) -> str:
    """The reference as a references section prints it (authors, year, title, venue, link)."""
    item = entry(key)
    names = _names(item)
    venue = ", ".join(str(item[k]) for k in ("container-title", "publisher", "genre", "number",
                                             "volume") if item.get(k))
    link = f"https://doi.org/{item['DOI']}" if item.get("DOI") else item.get("URL", "")
    return (f"{', '.join(names)} ({year_label(key)}). {item['title']}."
            + (f" {venue}." if venue else "") + (f" {link}" if link else ""))


class Cited:
    """The references one brief cites, in the order first cited."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def cite(self, key: str) -> str:
        """The short citation, recorded for the references section."""
        text = short(key)
        if key not in self.keys:
            self.keys.append(key)
        return text

    def markdown(self) -> str:
        """The references section's list, alphabetical by first author."""
        if not self.keys:
            raise ValueError("nothing was cited: a references section needs a citation")
        return "\n".join(f"- {full(k)}" for k in sorted(self.keys, key=lambda k: full(k).lower()))


def published_figure(table: pd.DataFrame, study: str, measure: str, commodity: str,
                     geography: str | None = None) -> pd.Series:
    """The one row of a table of published figures (``trade_war_damage_estimates``,
    ``published_trade_elasticities``) for ``study``, ``measure``,
    ``commodity`` (and ``geography``, where a study gives several); ValueError unless exactly
    one row matches."""
    rows = table[(table["study"] == study) & (table["measure"] == measure)
                 & (table["commodity"] == commodity)]
    if geography is not None:
        rows = rows[rows["geography"] == geography]
    if len(rows) != 1:
        raise ValueError(f"{len(rows)} published figures for {study!r} / {measure!r} / "
                         f"{commodity!r}; expected one")
    return rows.iloc[0]


def beside_table(rows: list[dict], cited: Cited) -> pd.DataFrame:
    """The 'Beside published estimates' table: per row the citation key (``key``), the
    published figure (a row of a published-figures table as ``figure``), the kit's number as text
    (``kit``) and why the two differ (``why``). The study is printed as its short citation."""
    out = []
    for row in rows:
        fig = row["figure"]
        out.append({"study": cited.cite(row["key"]), "period": fig["period"],
                    "basis": fig["basis"],
                    "their number": f"{fig['value']} {fig['unit']} ({fig['measure']}, "
                                    f"{fig['commodity']})",
                    "the kit's number": row["kit"], "why they differ": row["why"]})
    return pd.DataFrame(out, columns=BESIDE_COLUMNS)
