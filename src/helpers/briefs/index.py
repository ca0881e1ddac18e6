"""``reports/index.html``: every brief in reading order with its takeaway, data months,
parameters, links, stale flag and what changed since its previous build, after an overview
generated from the default briefs' key figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers.briefs import render
from helpers.briefs.cache import state_of
from helpers.briefs.publish import atomic_write


def is_data_tour(name: str) -> bool:
    """The data tour (``00_...``) is for analysts: listed after the narrative briefs."""
    return name.startswith("00_")


def reading_order(name: str) -> tuple:
    """Narrative briefs by number, each variant after its default; the data tour last."""
    notebook = name.split("--")[0]
    return (is_data_tour(notebook), notebook, name != notebook, name)


def index_entry(name: str, state: dict, reports: Path) -> dict:
    """What the index shows for one brief: title, takeaway, main data's last month, its oldest
    series and the series stale today (``overview.data_freshness``), when its data last
    changed (for the data tour, which covers every dataset, their count), variant parameters,
    stale flag,
    links to the files that exist, and what moved since the build before
    (``overview.changes_since``)."""
    from helpers import overview

    payload = state.get("payload")
    if not payload or not (reports / f"{name}.html").is_file():
        return {"name": name, "built": False, "error": state.get("error", "")}
    previous = state.get("previous")
    files = [("brief", f"{name}.html"), ("key figures (JSON)", f"{name}.figures.json"),
             ("data (Excel)", f"{name}.xlsx"), ("PDF", f"{name}.pdf")]
    return {
        "name": name, "built": True, "title": payload.get("title") or name,
        "href": f"{name}.html", "takeaway": payload.get("takeaway", ""),
        "data_month": overview.month_words(payload.get("data_to")),
        "data": overview.data_freshness(payload),
        "data_changed": state.get("data_changed") or payload.get("built", ""),
        "main_dataset": payload.get("main_dataset"),
        "tour": is_data_tour(name), "datasets": len(payload.get("as_of") or {}),
        "parameters": [f"{k} = {v}" for k, v in (payload.get("parameters") or {}).items()],
        "built_at": payload.get("built", ""),
        "stale": state.get("status") != "ok", "error": state.get("error", ""),
        "links": [(label, href) for label, href in files if (reports / href).is_file()],
        "changes": overview.changes_since(previous, payload),
        "previous_built": (previous or {}).get("built", ""),
    }


def write_index(reports: Path) -> Path:
    """``reports/index.html`` from ``templates/index.html.j2``: a two-paragraph overview
    generated from the default briefs' key figures, then every brief in reading order with
    its takeaway, as-of month, parameters, links, stale flag and what changed since its
    previous build. Every text is escaped (autoescape)."""
    import jinja2

    from helpers import overview

    states = {}
    for state_file in (reports / ".cache").glob("*.json"):
        state = state_of(state_file)
        if state is not None:
            states[state_file.stem] = state
    names = sorted(states, key=reading_order)
    entries = [index_entry(name, states[name], reports) for name in names]
    payloads = {e["name"]: states[e["name"]]["payload"] for e in entries if e["built"]}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(render.TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    page = env.get_template("index.html.j2").render(
        overview=overview.story(payloads), now=overview.now_stands_at(payloads),
        instructor=reports.name == "instructor",
        briefs=[e for e in entries if not is_data_tour(e["name"])],
        analysts=[e for e in entries if is_data_tour(e["name"])],
        written=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    path = reports / "index.html"
    atomic_write(path, page.encode())
    return path
