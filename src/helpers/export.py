"""Take a brief's data away: a workbook of its key figures and every chart's data, and a PDF
printed by headless Chromium. Both read what the executed notebook recorded (the figures
payload and one ``contract.CHART_MIME`` record per chart), so they never recompute anything.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

from helpers.contract import chart_records, collect_payload

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
PAPER = {"A4", "Letter"}


SHEET_NAME_MAX = 31
FIGURE_COLUMNS = {"name": "Figure", "value": "Value", "unit": "Unit", "period": "Period",
                  "note": "Note", "key": "Key", "datasets": "Datasets"}


def _sheet_name(title: str, taken: set[str]) -> str:
    """An Excel sheet name (31 characters at most, no []:*?/\\), cut at a word boundary and
    unique in the workbook."""
    words = re.sub(r"[\[\]:*?/\\]", " ", title).split()
    base = ""
    for word in words:
        if len(f"{base} {word}".strip()) > SHEET_NAME_MAX - 3:
            break
        base = f"{base} {word}".strip()
    base = base or (words[0][:SHEET_NAME_MAX - 3] if words else "Chart")
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:SHEET_NAME_MAX - 3]} {n}", n + 1
    taken.add(name.lower())
    return name


def _figures_table(figures: list[dict]):
    """Key figures in reading order (figure, value, unit, period, note, then ids), each value a
    number rounded as the brief prints it."""
    import pandas as pd

    rows = [{**f, "value": None if f.get("value") is None else round(f["value"], f.get("decimals", 1)),
             "datasets": ", ".join(f.get("datasets", []))} for f in figures]
    table = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return table.rename(columns=FIGURE_COLUMNS)


def _chart_table(csv_body: str):
    """A chart's data with its first column as dates where it holds ISO dates."""
    import pandas as pd

    data = pd.read_csv(io.StringIO(csv_body))
    first = data.columns[0]
    if not pd.api.types.is_numeric_dtype(data[first]) and data[first].astype(str).str.fullmatch(
            r"\d{4}-\d{2}-\d{2}").all():
        data[first] = pd.to_datetime(data[first])
    return data


def _finish_sheet(sheet, frame) -> None:
    """Header row frozen, dates shown as dates, columns wide enough for their header."""
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    for number, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = max(10, min(48, len(str(column)) + 2))
        if str(frame[column].dtype).startswith("datetime"):
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"


def write_workbook(nb, path: Path) -> Path:
    """``reports/<name>.xlsx``: a 'Key figures' sheet, one sheet per chart with its data, and
    a 'Notes' sheet naming each sheet's title and source line. Every data sheet has its header
    on row 1, frozen; the brief's title and takeaway are also the workbook's properties.
    Returns ``path``."""
    import pandas as pd

    payload = collect_payload(nb)
    taken = {"key figures", "notes"}
    notes = [{"Sheet": "Key figures", "Title": payload.get("title", ""),
              "Source or note": payload.get("takeaway", "")}]
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        figures = _figures_table(payload.get("figures", []))
        figures.to_excel(book, sheet_name="Key figures", index=False)
        _finish_sheet(book.sheets["Key figures"], figures)
        for chart in chart_records(nb):
            lines = chart["csv"].splitlines()
            data = _chart_table("\n".join(lines[2:]))
            sheet = _sheet_name(chart["title"], taken)
            data.to_excel(book, sheet_name=sheet, index=False)
            _finish_sheet(book.sheets[sheet], data)
            notes.append({"Sheet": sheet, "Title": chart["title"],
                          "Source or note": chart.get("source", "")})
        notes_table = pd.DataFrame(notes)
        notes_table.to_excel(book, sheet_name="Notes", index=False)
        _finish_sheet(book.sheets["Notes"], notes_table)
        book.book.properties.title = payload.get("title", "")
        book.book.properties.description = payload.get("takeaway", "")
        book.book.properties.creator = "US-China Trade Watch"
    return path


def chromium() -> str:
    """The headless Chromium the kit prints with (Debian's ``chromium``); RuntimeError says
    how to install it when absent."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("PDF output needs Chromium (Debian: apt-get install chromium)")
    return found


@contextlib.contextmanager
def _browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def write_pdfs(pairs: list[tuple[Path, Path]], paper: str = "A4") -> list[Path]:
    """Print each ``(html_path, pdf_path)`` with one headless Chromium, in print media on
    ``paper`` (A4 or Letter); every request other than the file itself and its data: URIs is
    blocked. The as-of block is opened, so the PDF carries the data vintages; collapsed
    appendices stay out (they are in the HTML brief); the print stylesheet keeps each chart
    on one page."""
    if paper not in PAPER:
        raise ValueError(f"paper must be one of {sorted(PAPER)}, not {paper!r}")
    if not pairs:
        return []
    with _browser() as browser:
        for html_path, pdf_path in pairs:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(("file:", "data:")) else route.abort())
            page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
            page.evaluate("document.querySelectorAll('details.tw-asof-box')"
                          ".forEach(d => d.open = true)")
            page.emulate_media(media="print")
            page.pdf(path=str(pdf_path), format=paper, print_background=True,
                     margin={"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
            page.close()
    return [pdf for _, pdf in pairs]


def write_pdf(html_path: Path, pdf_path: Path, paper: str = "A4") -> Path:
    """Print one brief to PDF (``write_pdfs``)."""
    return write_pdfs([(html_path, pdf_path)], paper)[0]
