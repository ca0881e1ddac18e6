"""Notebooks as reviewable text: each ``notebooks/<name>.ipynb`` is paired with
``notebooks/text/<name>.py`` in jupytext's ``py:percent`` format, so a change to a notebook
reads as a diff. The pairing and what metadata the text keeps are set once, in the project's
``jupytext.toml`` (JupyterLab with jupytext reads it too and saves both files).

The ``.ipynb`` stays the source the builder runs: ``python -m helpers notebooks sync``
rewrites the text files from it, and ``python -m helpers notebooks check`` names every text
file that is missing, differs from its notebook, or has no notebook (a test runs the check).
"""

from __future__ import annotations

from pathlib import Path

from helpers import paths

TEXT_FOLDER = "text"  # beside the notebooks, as jupytext.toml's formats say
FORMAT = "py:percent"


def _config(notebooks: Path):
    """The jupytext settings that apply to ``notebooks`` (``jupytext.toml`` in it or above)."""
    from jupytext.config import load_jupytext_config

    config = load_jupytext_config(str(notebooks))
    if config is None or f"{TEXT_FOLDER}///{FORMAT}" not in str(config.formats):
        raise ValueError(f"no jupytext.toml in {notebooks} or above it pairs the notebooks with "
                         f"{TEXT_FOLDER}/<name>.py ({FORMAT}); the project's jupytext.toml does")
    return config


def text_path(nb_path: Path) -> Path:
    return nb_path.parent / TEXT_FOLDER / f"{nb_path.stem}.py"


def _notebooks(notebooks: Path) -> list[Path]:
    return sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))


def as_text(nb_path: Path, config=None) -> str:
    """The notebook's inputs as its text file holds them (no outputs)."""
    import jupytext
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    return jupytext.writes(nb, FORMAT, config=config or _config(nb_path.parent))


def differences(notebooks: Path | None = None) -> list[str]:
    """One line per text file out of step: missing, different from its notebook, or left
    without a notebook; empty when every pair agrees."""
    notebooks = notebooks or paths.notebooks_dir()
    config = _config(notebooks)
    found = []
    for nb_path in _notebooks(notebooks):
        text = text_path(nb_path)
        if not text.is_file():
            found.append(f"{text.relative_to(notebooks)}: missing")
        elif text.read_text(encoding="utf-8") != as_text(nb_path, config):
            found.append(f"{text.relative_to(notebooks)}: differs from {nb_path.name}")
    names = {p.stem for p in _notebooks(notebooks)}
    for text in sorted((notebooks / TEXT_FOLDER).glob("*.py")):
        if text.stem not in names:
            found.append(f"{text.relative_to(notebooks)}: no notebook {text.stem}.ipynb; "
                         "delete it")
    return found


def sync(notebooks: Path | None = None) -> list[Path]:
    """Rewrite every text file that is missing or differs from its notebook; returns them."""
    notebooks = notebooks or paths.notebooks_dir()
    config = _config(notebooks)
    written = []
    for nb_path in _notebooks(notebooks):
        text, wanted = text_path(nb_path), as_text(nb_path, config)
        if not text.is_file() or text.read_text(encoding="utf-8") != wanted:
            text.parent.mkdir(exist_ok=True)
            text.write_text(wanted, encoding="utf-8")
            written.append(text)
    return written
