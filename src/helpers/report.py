"""What a notebook shows a brief's reader: the as-of block, the key-figures table, the
takeaway and checked claims; tables (``helpers.tables``) and charts
(``helpers.chart_stanza``) are re-exported here, so notebooks call ``report.*`` only.

Key figures travel twice in one display: as an HTML table for people and as JSON under
``FIGURES_MIME`` that ``helpers.briefs`` writes to ``reports/<name>.figures.json``.
A claim (a sentence about the data) is shown as text and carried as JSON under
``CLAIM_MIME``; a claim whose check does not hold raises ``ClaimError`` and stops the
notebook, so a brief can never print a statement its data contradict.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass, field

import pandas as pd
from IPython.display import display

from helpers.chart_stanza import (  # noqa: F401 (re-exported for notebooks and tests)
    PHONE_PNG_MIME,
    PNG_COLOURS,
    chart_csv,
    chart_data,
    csv_link,
    event_key_html,
    png_bytes,
    show_chart,
    show_figure,
)
from helpers.contract import (  # noqa: F401 (re-exported for notebooks and tests)
    CHART_MIME,
    CLAIM_MIME,
    FIGURES_MIME,
    Claim,
    KeyFigure,
    collect_payload,
    git_revision,
    kit_version,
)
from helpers.data import catalog
from helpers.overview import QUANTITY_UNITS, period_label, period_words
from helpers.tables import (  # noqa: F401 (re-exported for notebooks and tests)
    event_list_html,
    narrative_html,
    number_text,
    p_text,
    show_table,
    table_html,
    with_ci_column,
)
from helpers.typeset import keep_whole


class ClaimError(AssertionError):
    """A sentence about the data that the data do not support."""


def shortfall_words(value: float, unit: str = "USD {:.0f} bn") -> str:
    """A shortfall (benchmark minus actual) in words: 'USD 22 bn below' for a positive
    value, 'USD 1 bn above' for a negative one, so a sign never hides in a minus."""
    return f"{unit.format(abs(value))} {'below' if value > 0 else 'above'}"


def markdown_text(text: str) -> str:
    """Text from data or code made safe for a Markdown cell: HTML special characters escaped,
    so a dataset value can never become a tag, script or link."""
    return html.escape(str(text), quote=False)


@dataclass
class Brief:
    """Collects a notebook's title, takeaway and key figures, then shows them."""

    title: str
    takeaway: str = ""
    figures: list[KeyFigure] = field(default_factory=list)
    as_of: dict[str, str | None] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    as_of_block: str = ""
    series: list[dict] = field(default_factory=list)
    data_digest: str = ""

    def claim(self, text: str, holds, basis: str, datasets=(), show: bool = True) -> None:
        """Check a statement about the data and (by default) display it as Markdown; with
        ``show=False`` it is only recorded for the figures JSON.

        ``holds`` is computed from the data by the caller; when it is false the notebook stops
        with ``ClaimError`` naming the statement. ``basis`` says how it was checked.
        """
        item = Claim(str(text), bool(holds), basis, tuple(datasets))
        if not item.holds:
            raise ClaimError(f"claim does not hold: {item.text!r} (checked: {basis})")
        self.claims.append(item)
        shown = markdown_text(item.text) if show else ""
        display({"text/markdown": shown, CLAIM_MIME: item.record(),
                 "text/plain": item.text if show else ""}, raw=True)

    def set_takeaway(self, text: str, holds, basis: str, datasets=()) -> None:
        """The brief's headline, checked like any claim (shown later by ``show``)."""
        self.claim(text, holds, basis, datasets, show=False)
        self.takeaway = str(text)

    def add(self, name: str, value, unit: str, period: str, datasets, note: str = "",
            decimals: int = 1, *, key: str) -> KeyFigure:
        """Record a key figure; ``key`` is its stable snake_case name (unique in the brief)."""
        if any(f.key == key for f in self.figures):
            raise ValueError(f"two key figures share the key {key!r}")
        if not str(period).strip() or str(period).strip().lower() == "n/a" and value is not None:
            raise ValueError(f"key figure {key!r} names no period: every figure says when")
        value = None if value is None or pd.isna(value) else float(value)
        fig = KeyFigure(key, name, value, unit, period, tuple(datasets), note, decimals)
        self.figures.append(fig)
        return fig

    def payload(self) -> dict:
        main = next(iter(self.as_of), None)
        return {"title": self.title, "takeaway": self.takeaway, "as_of": self.as_of,
                "main_dataset": main, "data_to": self.as_of.get(main), "series": self.series,
                "data_digest": self.data_digest,
                "figures": [f.record() for f in self.figures],
                "claims": [c.record() for c in self.claims]}

    def show_as_of(self, frames: list[pd.DataFrame], today=None) -> None:
        """Record each dataset's vintage (the first frame is the brief's main dataset, whose
        series the index shows), every series' age on the build date ``today`` (default:
        today; ``status.series_ages``) and the dated block, which ``show`` prints after the
        takeaway and key figures, collapsed. The run's parameters come from papermill's
        record, added by the brief builder."""
        from helpers.data.inventory import series_ages

        self.as_of = {f.attrs["provenance"]["dataset"]: f.attrs["provenance"]["as_of"]
                      for f in frames}
        ages = [series_ages(f, today) for f in frames]
        self.series = [age_record(row) for table in ages for row in table.to_dict("records")]
        self.as_of_block = as_of_html(frames, ages, today)
        self.data_digest = hashlib.sha256(json.dumps(
            [[f.attrs["provenance"]["dataset"], f.attrs["provenance"]["files"]] for f in frames],
            sort_keys=True, default=str).encode()).hexdigest()

    def html_table(self) -> str:
        rows = "".join(
            f"<tr><td>{keep_whole(html.escape(f.name))}</td><td class='num'>{value}</td>"
            f"<td>{html.escape(unit)}</td><td>{keep_whole(html.escape(period_words(f.period)))}</td>"
            f"<td>{keep_whole(html.escape(f.note))}</td></tr>"
            for f in self.figures for value, unit in [value_and_unit(f)])
        takeaway = (f"<p class='tw-takeaway'>{html.escape(self.takeaway)}</p>"
                    if self.takeaway else "")
        return (f"{takeaway}<table class='tw-figures'><thead><tr><th>Key figure</th>"
                f"<th>Value</th><th>Unit</th><th>Period</th><th>Note</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def show(self) -> None:
        """Display the takeaway, the key-figures table and the collapsed as-of block (and the
        JSON the brief builder collects)."""
        as_of = (f"<details class='tw-asof-box'><summary>As of: data vintages, parameters, "
                 f"revision</summary>{self.as_of_block}</details>" if self.as_of_block else "")
        display({"text/html": self.html_table() + as_of, FIGURES_MIME: self.payload(),
                 "text/plain": "\n".join(f"{f.name}: {f.formatted()} {f.unit} ({f.period})"
                                         for f in self.figures)}, raw=True)


def value_and_unit(figure: KeyFigure) -> tuple[str, str]:
    """A key figure's value and unit as the table prints them: a quantity of exactly zero as
    'none' without a unit ('0 kg' never stands among figures in Mt), a whole value (a
    statutory rate, a count) without decimals ('3', not '3.0', beside '57'), never '-0.0'."""
    value = figure.value
    if value is None or pd.isna(value):
        return "n/a", figure.unit
    if value == 0 and figure.unit in QUANTITY_UNITS:
        return "none", ""
    return number_text(value, 0 if float(value).is_integer() else figure.decimals), figure.unit


def age_record(row: dict) -> dict:
    """One series' age (a ``status.series_ages`` row) as JSON-ready values for the payload."""
    return {"dataset": row["dataset"], "series": row["series"],
            "last_observation": f"{row['last_observation']:%Y-%m-%d}",
            "period_end": f"{row['period_end']:%Y-%m-%d}", "days_behind": int(row["days_behind"]),
            "usual_lag_days": row["usual_lag_days"], "stale": bool(row["stale"])}


def age_words(row: dict, today) -> str:
    """'last observation Nov 2023, 1,099 days before the build date; STALE: the publisher
    usually needs 60 days' (or 'within the publisher's usual 60 days', or 'no publication
    schedule declared'; 'dated after the build date' for a future date)."""
    shown = period_label(f"{pd.Timestamp(row['last_observation']):%Y-%m-%d}",
                         f"{pd.Timestamp(row['period_end']):%Y-%m-%d}")
    if row.get("future"):
        return f"last observation {shown}: dated after the build date ({today:%d %b %Y})"
    text = f"last observation {shown}, {int(row['days_behind']):,} days before the build date"
    lag = row["usual_lag_days"]
    if lag is None or pd.isna(lag):
        return text + " (no publication schedule declared)"
    if row["stale"]:
        return text + f"; <b class='tw-stale'>STALE</b>: the publisher usually needs {int(lag)} days"
    return text + f" (within the publisher's usual {int(lag)} days)"


def as_of_html(frames: list[pd.DataFrame], ages: list[pd.DataFrame] | None = None,
               today=None) -> str:
    """The dated block: each dataset's source, origin and the date its copy was taken, then
    per series (``status.series_ages``) the last observation and its age on the build date,
    stale when behind the declared usual lag; the kit version and revision."""
    from helpers.data.inventory import series_ages

    today = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    ages = ages if ages is not None else [series_ages(f, today) for f in frames]
    rows = []
    for df, table in zip(frames, ages, strict=True):
        p = df.attrs["provenance"]
        copy = ("pulled from its origin" if p["origin"] == "cache" else "the kit's snapshot copy")
        lines = "".join(f"<li>{html.escape(r['series'])}: {age_words(r, today)}</li>"
                        for r in table.to_dict("records"))
        dated = f"<ul>{lines}</ul>" if lines else " Facts without dated observations."
        rows.append(f"<li><b>{html.escape(p['title'])}</b>: {html.escape(p['source_line'])} "
                    f"({copy}, taken {p['retrieved']}: the date of the copy, not of the "
                    f"data).{dated}</li>")
    return (f"<div class='tw-asof'><b>As of</b> the build date {today:%d %B %Y}; snapshot "
            f"built {catalog.snapshot_built()}; kit {kit_version()}, revision "
            f"{git_revision()}.<ul>{''.join(rows)}</ul></div>")


