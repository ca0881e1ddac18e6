"""No brief sets a year the data cover in part beside full years unsaid: a table row with fewer
than twelve months names its months, and the yearly tables built from monthly series label
the year in which their series end ('2025 (imports Jan-Dec; exports, balance Jan-Nov)')."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd

MONTH_WORDS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
                         r"|\bof 12 months\b")
# Yearly tables built from monthly series: brief -> (title start, the series they sum or average).
YEARLY_FROM_MONTHLY = {
    "02_decoupling": ("US goods trade with China by year", ["exports usd mn", "imports usd mn"]),
    "04_input_costs": ("Soybean prices against input prices",
                       ["PPI soybeans", "PPI fertilizer materials",
                        "PPI agricultural machinery and equipment"]),
}


class Tables(HTMLParser):
    """Every table of a page as (title, header, rows), the title from the paragraph of class
    'tw-table-title' just before it."""

    def __init__(self):
        super().__init__()
        self.tables: list[tuple[str, list[str], list[list[str]]]] = []
        self.title = ""
        self.in_title = False
        self.cell: str | None = None
        self.row: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p" and "tw-table-title" in (dict(attrs).get("class") or ""):
            self.in_title, self.title = True, ""
        elif tag == "table":
            self.tables.append((self.title, [], []))
            self.title = ""
        elif tag == "tr":
            self.row = []
        elif tag in {"td", "th"}:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_title = False
        elif tag in {"td", "th"} and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.tables:
            _, header, rows = self.tables[-1]
            if header:
                rows.append(self.row)
            else:
                header.extend(self.row)

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.cell is not None:
            self.cell += data


def tables_of(page: str) -> list[tuple[str, list[str], list[list[str]]]]:
    parser = Tables()
    parser.feed(page)
    return parser.tables


def unsaid_partial_rows(page: str) -> list[str]:
    """Rows of tables with a 'Months' column that hold fewer than 12 months and do not name
    them."""
    found = []
    for title, header, rows in tables_of(page):
        if "Months" not in header:
            continue
        at = header.index("Months")
        for row in rows:
            if len(row) > at and row[at].isdigit() and int(row[at]) < 12 and not any(
                    MONTH_WORDS.search(cell) for cell in row):
                found.append(f"{title or header[0]}: {row[0]}")
    return found


def test_the_row_check_finds_a_partial_year_left_unsaid():
    """SYNTHETIC tables."""
    page = ("<p class='tw-table-title'>Made-up</p><table><tr><th>Year</th><th>Months</th></tr>"
            "<tr><td>2024</td><td>12</td></tr><tr><td>2025</td><td>11</td></tr></table>"
            "<table><tr><th>Year</th><th>Months</th></tr><tr><td>2025 (Jan-Nov)</td><td>11</td>"
            "</tr></table>")
    assert unsaid_partial_rows(page) == ["Made-up: 2025"]


def test_every_partial_year_in_a_brief_says_its_months(built_briefs):
    reports = built_briefs["reports"]
    pages = sorted(reports.glob("0[1-9]_*.html"))
    found = {p.name: f for p in pages if (f := unsaid_partial_rows(p.read_text(encoding="utf-8")))}
    assert not found, f"partial years set beside full years unsaid: {found}"
    for name, (title, series) in YEARLY_FROM_MONTHLY.items():
        payload = json.loads((reports / f"{name}.figures.json").read_text())
        ends = [pd.Timestamp(s["last_observation"]) for s in payload["series"]
                if s["series"] in series]
        assert len(ends) == len(series), f"{name}: series {series} not in the brief's as-of"
        table = next((t for t in tables_of((reports / f"{name}.html").read_text(encoding="utf-8"))
                      if t[0].startswith(title)), None)
        assert table is not None, f"{name}: no table titled {title!r}"
        labels = [row[0] for row in table[2]]
        first_end = min(ends)
        year_rows = [label for label in labels if label.startswith(str(first_end.year))]
        assert year_rows, f"{name}: no row for {first_end.year}"
        if first_end.month < 12:
            assert all(f"{first_end:%b}" in label and "(" in label for label in year_rows), (
                name, year_rows)
        assert all(re.fullmatch(r"\d{4}", label) for label in labels
                   if not label.startswith(str(first_end.year))), (name, labels)


def test_the_price_ratio_sentence_says_when_its_last_year_is_partial(built_briefs):
    """04 compares 2018's annual average of a price-index ratio with 2023's: when the indexes
    end before December 2023 the sentence names the months behind 2023's average."""
    reports = built_briefs["reports"]
    payload = json.loads((reports / "04_input_costs.figures.json").read_text())
    end = max(pd.Timestamp(s["last_observation"]) for s in payload["series"]
              if s["series"] in {"PPI soybeans", "PPI fertilizer materials"})
    claim = next(c["text"] for c in payload["claims"] if "price-index ratio (annual averages" in c["text"])
    if end.year == 2023 and end.month < 12:
        assert f"2023's over Jan-{end:%b} only" in claim, claim
    else:
        assert "price-index ratio (annual averages)" in claim, claim
