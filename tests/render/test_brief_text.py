"""A policy brief's visible text speaks to readers, not to the people who build the kit: no
backticks or code, no ``make`` commands, no snake_case identifiers, and no series codes
outside source lines (the as-of block, citation cells and the how-to-cite footer)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from helpers.data import registry

# Elements whose text is a source line: series codes belong there.
SOURCE_CLASSES = {"tw-asof", "tw-asof-box", "tw-cite", "tw-cite-line", "tw-source"}
HIDDEN_TAGS = {"script", "style", "title", "head"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "source"}
MAKE_TARGETS = ("setup", "briefs", "brief", "pdf", "student", "test", "lab", "lint", "bench",
                "clean", "help", "data-status", "data-refresh", "data-changes", "data-package")
MAKE_COMMAND = re.compile(rf"\bmake (?:{'|'.join(map(re.escape, MAKE_TARGETS))})\b")
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
CODE_CASE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")  # UREA_EE_BULK and the like
URL = re.compile(r"\S*(?:https?://|www\.|\.gov/|\.org/|\.com/)\S*")
# The rare exception, declared with its reason: text -> why a reader may see it.
ALLOWED: dict[str, str] = {}


def series_codes() -> set[str]:
    """The origin ids of every declared series that look like codes (not ordinary words)."""
    ids = {s.id for spec in registry.specs().values() for s in spec.series}
    return {i for i in ids if re.fullmatch(r"[A-Z0-9_.]{5,}", i) and not i.isdigit()}


class VisibleText(HTMLParser):
    """The page's visible text outside source lines, as blocks, and its code elements."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its text)
        self.text: list[str] = []
        self.code: list[str] = []

    def hidden(self) -> bool:
        return any(hides for _, hides in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append((tag, tag in HIDDEN_TAGS or bool(classes & SOURCE_CLASSES)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.hidden() or not data.strip():
            return
        if any(tag == "code" for tag, _ in self.stack):
            self.code.append(data.strip())
        self.text.append(data)


def workshop_words(page: str, codes: set[str]) -> list[str]:
    """Everything on a page that belongs to the workshop: code elements, backticks, make
    commands, snake_case identifiers and series codes outside source lines (``ALLOWED``
    text excepted)."""
    parser = VisibleText()
    parser.feed(page)
    text = " ".join(parser.text)
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    text = URL.sub(" ", text)
    found = [f"code: {c}" for c in parser.code if c not in ALLOWED]
    found += [f"backtick: {m.group(0)}" for m in re.finditer(r".{0,30}`.{0,30}", text)]
    found += [f"command: {m.group(0)}" for m in MAKE_COMMAND.finditer(text)]
    found += [f"identifier: {m.group(0)}" for m in SNAKE_CASE.finditer(text)]
    found += [f"series code: {m.group(0)}" for m in CODE_CASE.finditer(text)
              if m.group(0) not in codes]
    if codes:
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(codes, key=len, reverse=True)))})\b")
        found += [f"series code: {m.group(0)}" for m in pattern.finditer(text)]
    return found


def test_the_check_finds_workshop_words_and_spares_source_lines():
    """SYNTHETIC page: each kind of workshop word is found; source lines and links are not."""
    page = ("<html><head><title>x_y</title><style>a_b {}</style></head><body>"
            "<p>Run <code>make data-refresh</code> with a key; the `post_k` shift.</p>"
            "<p>trend_k in a headline; make briefs; WPU111 rose; UREA_EE_BULK.</p>"
            "<p>They make sense; see https://example.org/some_page and World Bank.</p>"
            "<div class='tw-asof'>BLS WPU111 via FRED, dataset farm_input_prices</div>"
            "<footer class='tw-cite-line'>trade_war_damage_estimates</footer></body></html>")
    found = workshop_words(page, {"WPU111"})
    assert "code: make data-refresh" in found
    assert any(f.startswith("backtick:") for f in found)
    assert {"identifier: post_k", "identifier: trend_k", "command: make briefs",
            "command: make data-refresh", "series code: WPU111",
            "series code: UREA_EE_BULK"} <= set(found)
    assert not any("some_page" in f or "farm_input_prices" in f or "x_y" in f or "a_b" in f
                   or "damage" in f or "sense" in f for f in found)
    assert workshop_words("<p>Farm machinery prices (BLS) rose 2.0%.</p>", {"WPU111"}) == []


def test_every_policy_brief_reads_without_workshop_words(built_briefs):
    codes = series_codes()
    assert "WPU111" in codes  # the check knows the kit's series codes
    pages = sorted(p for p in built_briefs["reports"].glob("0[1-9]_*.html"))
    assert pages, "no policy brief was built"
    offences = {p.name: found for p in pages
                if (found := workshop_words(p.read_text(encoding="utf-8"), codes))}
    assert not offences, f"workshop words on policy briefs: {offences}"


LONG_NUMBER = re.compile(r"(?<![\w.])(?:-0\.0+(?![\d])|\d[\d,]*\.\d{5,}|\d{12,})(?![\w])")


class TableCells(HTMLParser):
    """The text of every table cell (header cells marked), for the checks on tables."""

    def __init__(self):
        super().__init__()
        self.cells: list[tuple[str, str]] = []  # (tag, text)
        self.open: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag in {"td", "th"}:
            self.open, self.text = tag, ""

    def handle_endtag(self, tag):
        if tag == self.open:
            self.cells.append((tag, self.text.strip()))
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.text += data


def unreadable_numbers(page: str) -> list[str]:
    """Numbers and tables not made for people: '-0.00', values with five or more decimals or
    twelve digits, and table cells reading NaN, None or cut with an ellipsis, empty header
    cells (a printed index) and statistics headers such as 'Ci low'."""
    text = VisibleText()
    text.feed(page)
    found = [f"number: {m.group(0)}" for m in LONG_NUMBER.finditer(" ".join(text.text))]
    cells = TableCells()
    cells.feed(page)
    for tag, cell in cells.cells:
        if cell in {"NaN", "nan", "NaT", "None", "<NA>"} or cell.endswith(("...", "…")):
            found.append(f"cell: {cell}")
        if tag == "th" and (not cell or cell in {"Index", "Ci low", "Ci high", "P value", "P",
                                                 "Coef"}):
            found.append(f"header: {cell!r}")
    return found


def test_the_number_check_finds_what_people_should_not_read():
    """SYNTHETIC page."""
    page = ("<p>-0.00 and 69.23076923076923 and 123456789012345, not 1,234.5 or PCU325311325311A"
            "</p><table><tr><th></th><th>Ci low</th><th>Index</th></tr><tr><td>NaN</td><td>Some te...</td>"
            "<td>-0.5</td></tr></table>")
    assert unreadable_numbers(page) == [
        "number: -0.00", "number: 69.23076923076923", "number: 123456789012345",
        "header: ''", "header: 'Ci low'", "header: 'Index'", "cell: NaN", "cell: Some te..."]


def test_every_built_page_prints_numbers_for_people(built_briefs):
    pages = sorted(built_briefs["reports"].glob("*.html"))
    assert any(p.name.startswith("00_") for p in pages) and any(p.name == "index.html"
                                                                for p in pages)
    found = {p.name: f for p in pages if (f := unreadable_numbers(p.read_text(encoding="utf-8")))}
    assert not found, f"numbers not made for people: {found}"
