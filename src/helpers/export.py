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


def _sheet_name(title: str, taken: set[str]) -> str:
    """An Excel sheet name (31 characters at most, no []:*?/\\), unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "chart"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:26]} {n}", n + 1
    taken.add(name.lower())
    return name


def write_workbook(nb, path: Path) -> Path:
    """``reports/<name>.xlsx``: a 'Key figures' sheet, then one sheet per chart with its title
    and source line above the data. Returns ``path``."""
    import pandas as pd

    payload = collect_payload(nb)
    figures = pd.DataFrame(payload.get("figures", []))
    taken = {"key figures"}
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        start = pd.DataFrame({"": [payload.get("title", ""), payload.get("takeaway", "")]})
        start.to_excel(book, sheet_name="Key figures", index=False, header=False)
        if len(figures):
            figures["datasets"] = figures["datasets"].map(", ".join)
            figures.to_excel(book, sheet_name="Key figures", index=False, startrow=3)
        for chart in chart_records(nb):
            lines = chart["csv"].splitlines()
            notes = [line[2:] for line in lines[:2]]
            data = pd.read_csv(io.StringIO("\n".join(lines[2:])))
            sheet = _sheet_name(chart["title"], taken)
            pd.DataFrame({"": notes}).to_excel(book, sheet_name=sheet, index=False, header=False)
            data.to_excel(book, sheet_name=sheet, index=False, startrow=3)
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
