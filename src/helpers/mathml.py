"""TeX math in Markdown cells as MathML, so a brief shows equations with no script or CDN.

Briefs load no JavaScript, so MathJax cannot typeset ``$...$`` there. ``preprocess`` (an
nbconvert preprocessor in its callable form, ``(nb, resources) -> (nb, resources)``)
rewrites inline ``$...$`` and display ``$$...$$`` in Markdown cells into MathML with
``latex2mathml``; browsers render MathML natively. Code spans and fenced code are left
alone, as is an escaped dollar (``\\$``). ``TAGS`` and ``ATTRIBUTES`` are what the brief's
HTML sanitiser must let through. Nothing heavy is imported until math is converted.
"""

from __future__ import annotations

import re

# Code (fenced blocks, then inline spans) is split off first and never converted.
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$(?![\s$])([^$\n]+?)(?<![\s\\])\$(?!\d)")

TAGS = {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
        "msub", "msup", "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt", "mroot",
        "mstyle", "mpadded", "mphantom", "menclose", "mtable", "mtr", "mtd", "mfenced"}
ATTRIBUTES = {"xmlns", "display", "mathvariant", "displaystyle", "scriptlevel", "stretchy",
              "fence", "separator", "lspace", "rspace", "form", "largeop", "movablelimits",
              "accent", "accentunder", "linethickness", "columnalign", "rowspacing",
              "columnspacing", "notation", "open", "close", "separators", "minsize",
              "maxsize", "symmetric", "width", "height", "depth"}


def _math(text: str) -> str:
    """Outside code: display math first (as a block of its own), then inline math."""
    from latex2mathml.converter import convert

    text = _DISPLAY.sub(lambda m: "\n" + convert(m.group(1).strip(), display="block") + "\n",
                        text)
    return _INLINE.sub(lambda m: convert(m.group(1)), text)


def to_mathml(markdown: str) -> str:
    """Markdown with every ``$...$`` and ``$$...$$`` outside code replaced by MathML."""
    parts = _CODE.split(markdown)
    return "".join(part if i % 2 else _math(part) for i, part in enumerate(parts))


def preprocess(nb, resources):
    """Convert the TeX math of every Markdown cell to MathML (for ``register_preprocessor``)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "$" in cell.source:
            cell.source = to_mathml(cell.source)
    return nb, resources
