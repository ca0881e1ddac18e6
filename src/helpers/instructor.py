"""What the instructor edition adds to a brief: a solution's outputs inside its collapsed
block, and the glossary inside the page (the notebooks link ``../docs/glossary.md``, which
resolves beside the notebooks in JupyterLab and in the student edition but not beside a
brief in ``reports/instructor/``; the brief links to its own copy instead)."""

from __future__ import annotations

import html

import nbformat
from nbconvert.filters.markdown import markdown2html

from helpers import paths

GLOSSARY_LINK = "../docs/glossary.md"
GLOSSARY_ID = "glossary"


def outputs_html(outputs) -> str:
    """A code cell's outputs as HTML for inside a ``<details>`` block: text streams and plain
    text as ``<pre>``, HTML as it is (the brief's sanitiser runs over the page), PNG images
    inline, errors by name and message."""
    parts = []
    for out in outputs:
        kind = out.get("output_type")
        data = out.get("data", {})
        if kind == "stream":
            parts.append(f"<pre>{html.escape(out.get('text', ''))}</pre>")
        elif kind == "error":
            parts.append(f"<pre>{html.escape(out.get('ename', ''))}: "
                         f"{html.escape(out.get('evalue', ''))}</pre>")
        elif "text/html" in data:
            parts.append(data["text/html"])
        elif "image/png" in data:
            parts.append(f"<img src='data:image/png;base64,{data['image/png'].strip()}' alt=''>")
        elif "text/markdown" in data:
            parts.append(markdown2html(data["text/markdown"]))
        elif "text/plain" in data:
            parts.append(f"<pre>{html.escape(data['text/plain'])}</pre>")
    return "".join(parts)


def glossary_html() -> str:
    """The kit's glossary (``docs/glossary.md``) as a collapsed section with id ``glossary``."""
    text = (paths.PROJECT_ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    return (f"<details class='tw-glossary' id='{GLOSSARY_ID}'><summary>Glossary</summary>"
            f"{markdown2html(text)}</details>")


def with_glossary(nb):
    """``nb`` with every Markdown link to the glossary pointing at the brief's own copy,
    appended as a last cell's output, when some cell links to it and the kit has its
    ``docs/`` (an installed kit without them keeps the link); else ``nb`` unchanged."""
    target = f"]({GLOSSARY_LINK})"
    linking = [c for c in nb.cells if c.cell_type == "markdown" and target in c.source]
    if not linking or not (paths.PROJECT_ROOT / "docs" / "glossary.md").is_file():
        return nb
    for cell in linking:
        cell.source = cell.source.replace(target, f"](#{GLOSSARY_ID})")
    glossary = nbformat.v4.new_code_cell("")
    glossary.outputs = [nbformat.v4.new_output("display_data",
                                               data={"text/html": glossary_html()})]
    nb.cells.append(glossary)
    return nb
