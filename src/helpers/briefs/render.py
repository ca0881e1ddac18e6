"""An executed notebook as a brief's page: nbconvert with code hidden, teaching cells by
edition, TeX as MathML, the body sanitised; and the payload (key figures, claims, build
stamp) the index and the JSON file are made from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import mathml
from helpers.briefs.params import EDITIONS
from helpers.briefs.sanitise import sanitise_body

TEMPLATES = Path(__file__).parents[1] / "templates"  # package data (pyproject.toml)


def render_html(nb, edition: str = "policy") -> str:
    """The executed notebook as a brief: inputs and prompts hidden, ``remove-cell`` dropped,
    TeX math as MathML, the body sanitised (``sanitise_body``). The ``policy`` edition also
    drops the teaching cells; ``instructor`` keeps them, solutions collapsed
    (``helpers.edition``)."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    from helpers import edition as editions

    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, not {edition!r}")
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"} | (
        set() if edition == "instructor" else editions.TEACHING_TAGS)
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(config=config, template_name="brief",
                            extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    exporter.register_preprocessor(mathml.preprocess, enabled=True)
    if edition == "instructor":
        exporter.register_preprocessor(editions.InstructorCells(), enabled=True)
    page, _ = exporter.from_notebook_node(nb)
    head, rest = page.split("<body", 1)
    open_tag, rest = rest.split(">", 1)
    body, tail = rest.rsplit("</body>", 1)
    return f"{head}<body{open_tag}>{sanitise_body(body)}</body>{tail}"


def stamp(nb, notebook: str) -> dict:
    """The brief's payload (``contract.collect_payload``) with papermill's record of the
    run's parameters, the build time, kit version and revision; also written into the
    notebook's metadata, from which the template prints the 'how to cite' line."""
    from helpers import contract, overview

    payload = contract.collect_payload(nb)
    payload.update(notebook=notebook,
                   parameters=dict(nb.metadata.get("papermill", {}).get("parameters", {})),
                   built=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                   kit=contract.kit_version(), revision=contract.git_revision())
    nb.metadata["tradewatch_brief"] = {k: payload.get(k) for k in (
        "title", "data_to", "main_dataset", "parameters", "built", "kit", "revision")}
    nb.metadata["tradewatch_brief"]["data_span"] = overview.data_freshness(payload)["main"]
    return payload


def false_claims(payload: dict) -> str:
    """'' when every claim in the payload holds, else the first one that does not, quoted:
    no path publishes a brief with a claim its data did not bear out."""
    for claim in payload.get("claims") or []:
        if claim.get("holds") is not True:
            return f"the claim {claim.get('text', '')!r} does not hold"
    return ""
