"""Build the committed snapshot (``data/snapshot/``) from the official-statistics extracts.

The extracts are verbatim copies of official series with a ``SOURCES.md`` per folder (see the
README). This module only reshapes them into the kit's tidy files: it renames columns, joins
files that cover different months of the same series, and writes units into column names.
It never fills, interpolates or rounds a value. The event table also takes the kit's own
hand-compiled rows from ``data/snapshot/facts/``. Run it with
``python -m helpers data build-snapshot --sources DIR`` after the extracts change, then
``python -m helpers data checksums --write`` to record the new checksums in the catalog.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.data.errors import DataError

PINK_SHEET_RELEASE = "Updated on May 04, 2026"


def _read(sources: Path, rel: str) -> pd.DataFrame:
    """Read an extract with every cell as text, so no value is re-formatted on the way."""
    return pd.read_csv(sources / rel, dtype=str, keep_default_na=False)


def _fred(sources: Path, rel: str) -> pd.DataFrame:
    """A two-column FRED-style extract ``date,<SERIES>`` as (date, value) text columns."""
    df = _read(sources, rel)
    return df.rename(columns={df.columns[1]: "value"})


def us_china_goods_trade(sources: Path) -> pd.DataFrame:
    """Monthly goods trade with China (USD millions), joined from the three extracts.

    Exports come from three copies of Census c5700 / FRED EXPCH; ``exports_copy`` names the
    copy each month's value was taken from, so a reader can trace every number.
    """
    imports = _fred(sources, "macro/IMPCH.csv").rename(columns={"value": "imports_usd_mn"})
    world = _fred(sources, "text/IMPTOTUS.csv").rename(columns={"value": "imports_world_usd_mn"})
    exp_main = _fred(sources, "macro/EXPCH.csv")
    exp_gap = _fred(sources, "text/EXPCH_2020_2023.csv").set_index("date")["value"]

    exports = exp_main.set_index("date")["value"]
    copy = pd.Series("", index=exports.index, dtype=object)
    copy[exports.index < "2020-01-01"] = "census_c5700_copy_2001_2019"
    copy[exports.index >= "2023-09-01"] = "census_c5700_retrieved_2026-02-13"
    for date, value in exp_gap.items():
        if exports.get(date, "") == "":
            exports[date] = value
            copy[date] = "census_c5700_unattributed_copy_2020_2023"
        elif float(exports[date]) != float(value):
            raise ValueError(f"EXPCH {date}: the two copies disagree ({exports[date]} vs {value})")
    copy[exports == ""] = ""
    exp = pd.DataFrame({"exports_usd_mn": exports, "exports_copy": copy}).reset_index()

    out = imports.merge(exp, on="date", how="outer").merge(world, on="date", how="outer")
    out = out.sort_values("date").fillna("")
    return out[["date", "exports_usd_mn", "imports_usd_mn", "imports_world_usd_mn", "exports_copy"]]


GACC_ROW_COLUMNS = {
    "period": "period",
    "partner_code_gacc": "partner_code",
    "partner": "partner",
    "trade_mode_code": "trade_mode_code",
    "trade_mode_zh": "trade_mode_zh",
    "registered_region_code": "region_code",
    "registered_region_zh": "region_zh",
    "value_usd": "value_usd",
    "source_file": "source_file",
    "source_row": "source_row",
}


def gacc_soybean_import_rows(sources: Path) -> pd.DataFrame:
    """Every China Customs query cell for HS 1201 imports, all partners, 2017-01..2025-10 (USD)."""
    parts = [
        _read(sources, "text/gacc_china_soybean_imports_all_partners_rows_2017_2023.csv"),
        _read(sources, "text/gacc_china_soybean_imports_all_partners_rows_2024_2025.csv"),
    ]
    rows = pd.concat(parts, ignore_index=True)
    return rows[list(GACC_ROW_COLUMNS)].rename(columns=GACC_ROW_COLUMNS)


def tdm_soybean_quantities(sources: Path) -> pd.DataFrame:
    """China's soybean imports from Brazil and the US by quantity (kg, unit inferred), TDM."""
    frames = []
    for rel, freq in [
        ("soybeans/china_soybean_imports_by_origin_annual_tdm.csv", "year"),
        ("soybeans/china_soybean_imports_by_origin_monthly_tdm.csv", "month"),
    ]:
        df = _read(sources, rel)
        frames.append(
            pd.DataFrame(
                {
                    "period": df["period"],
                    "freq": freq,
                    "partner": df["partner"],
                    "quantity_kg": df["quantity"],
                    "share_of_china_total": df["share_of_china_total_imports"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


FRED_PRICE_SERIES = {
    "PSOYBUSDM": ("Global price of soybeans (IMF)", "USD/t", "IMF via FRED"),
    "PMAIZMTUSDM": ("Global price of maize (IMF)", "USD/t", "IMF via FRED"),
}


def commodity_prices(sources: Path) -> pd.DataFrame:
    """IMF soybean and maize prices (monthly) plus the World Bank Pink Sheet tail, long format."""
    frames = []
    for sid, (name, unit, publisher) in FRED_PRICE_SERIES.items():
        df = _fred(sources, f"macro/{sid}.csv")
        frames.append(df.assign(series_id=sid, series_name=name, unit=unit,
                                publisher=publisher, release=""))
    wb = _read(sources, "text/worldbank_pinksheet_monthly_2025M06_2026M04_text.csv")
    frames.append(
        pd.DataFrame(
            {
                "date": wb["date"],
                "value": wb["value"],
                "series_id": "WB_" + wb["series_code"],
                "series_name": wb["series_name"] + " (World Bank Pink Sheet)",
                "unit": wb["unit"].str.replace("$/mt", "USD/t", regex=False)
                .str.replace("$/bbl", "USD/bbl", regex=False)
                .str.replace("$/mmbtu", "USD/MMBtu", regex=False),
                "publisher": "World Bank",
                "release": wb["release"],
            }
        )
    )
    out = pd.concat(frames, ignore_index=True)
    return out[["date", "series_id", "series_name", "unit", "value", "publisher", "release"]]


FARM_INPUT_SERIES = {
    "WPU0652": ("PPI fertilizer materials", "index 1982=100"),
    "WPU0652013A": ("PPI nitrogenates (ammonia, nitric acid, ammonium compounds, urea)",
                    "index Dec 2014=100"),
    "PCU325311325311A": ("PPI nitrogenous fertilizer manufacturing (series id as cited)",
                         "index Dec 1979=100"),
    "WPU111": ("PPI agricultural machinery and equipment", "index 1982=100"),
    "WPU01830131": ("PPI soybeans", "index 1982=100"),
    "WPU057303": ("PPI No. 2 diesel fuel (wholesale)", "index 1982=100"),
    "GASDESM": ("US No. 2 diesel retail price", "USD/gal"),
    "MHHNGSP": ("Henry Hub natural gas spot price", "USD/MMBtu"),
}


def farm_input_prices(sources: Path) -> pd.DataFrame:
    """US farm input price series (BLS PPIs, EIA diesel and gas via FRED), monthly, long."""
    frames = [
        _fred(sources, f"macro/{sid}.csv").assign(series_id=sid, series_name=name, unit=unit)
        for sid, (name, unit) in FARM_INPUT_SERIES.items()
    ]
    return pd.concat(frames, ignore_index=True)[["date", "series_id", "series_name", "unit", "value"]]


ESR_COLUMNS = ["date", "marketing_year", "destination", "total_commitments_kmt",
               "accumulated_exports_kmt", "outstanding_sales_kmt", "net_sales_kmt", "note"]


def us_soybean_export_sales(sources: Path) -> pd.DataFrame:
    """USDA FAS weekly export sales of US soybeans to China (thousand metric tons), long.

    One row per week ending (Thursday) and marketing year: a week before 1 September can
    carry both the current year and the next year's forward book. ``note`` keeps the
    copy's flags on weeks it could not confirm, word for word. Absent weeks stay absent.
    """
    esr = _read(sources, "soybeans/usda_fas_esr_soybeans_to_china_weekly_my2024_2027.csv")
    out = esr.rename(columns={"week_ending": "date"}).assign(destination="China")
    return out[ESR_COLUMNS]


def fx_cny_usd(sources: Path) -> pd.DataFrame:
    """CNY per USD: FRED EXCHUS (monthly average) and DEXCHUS (daily noon buying rate)."""
    monthly = _fred(sources, "macro/EXCHUS.csv").assign(series_id="EXCHUS", freq="month")
    daily = _fred(sources, "macro/DEXCHUS.csv").assign(series_id="DEXCHUS", freq="day")
    out = pd.concat([monthly, daily], ignore_index=True).rename(columns={"value": "cny_per_usd"})
    return out[["date", "series_id", "freq", "cny_per_usd"]]


def _event_status(measure: str, instrument: str, scope: str, change: str) -> str:
    """Classify an event from the words of its row (no judgement beyond these words).

    A court decision or an opened investigation changes no rate by itself (a rate change
    that follows is its own row); a claimed commitment or a spokesperson's statement is
    only announced.
    """
    text = f"{change} {scope}".lower()
    kind = instrument.lower()
    if "not implemented" in text or measure.lower().startswith("planned"):
        return "not implemented"
    if re.search(r"\bcourt\b", kind):
        return "court ruling"
    if "investigation" in kind or "(investigation)" in text:
        return "investigation"
    if ("threat" in text or "announcement" in text or measure.lower().startswith("proposed")
            or "claimed" in kind or "spokesperson statement" in kind):
        return "announced only"
    if "suspended" in text:
        return "suspended"
    return "took effect"


EVENT_EXTRACTS = ["tariffs/tariff_events.csv", "tariffs/tariff_events_2025_2026_update.csv"]
COMPILED_EVENTS = "snapshot/facts/tariff_events_2026_compiled.csv"
_RATE_WITH_NOTE = re.compile(r"^(\d+(?:\.\d+)?)(?: \((.+)\))?$")


def _compiled_events(columns: list[str]) -> pd.DataFrame:
    """The kit's own cited rows (hand-compiled, committed under ``data/snapshot/facts/``)."""
    path = paths.data_dir() / COMPILED_EVENTS
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != columns:
        raise DataError("tariff_events", str(path), f"columns must be {columns}, "
                        f"not {list(df.columns)}")
    return df


def _soybean_rate(cell: str, where: str) -> tuple[str, str]:
    """``'13'`` or ``'13 (derived: ...)'`` -> (number, note); blank stays blank."""
    if cell == "":
        return "", ""
    found = _RATE_WITH_NOTE.match(cell)
    if not found:
        raise DataError("tariff_events", where,
                        f"soybean rate {cell!r} is neither a number nor 'number (note)'")
    return found.group(1), found.group(2) or ""


def tariff_events(sources: Path) -> pd.DataFrame:
    """The kit's event table: one row per action, with every citation and the confirmed flag.

    Rows come from the two event extracts and the kit's compiled 2026 rows, in date order
    (a stable sort: rows of one day keep their order). ``date_precision`` is ``month`` where
    the source gives only a month (the date is then the first of that month). ``status``
    (took effect / announced only / not implemented / suspended / court ruling /
    investigation) is read from the words of the row's measure, instrument, scope and
    rate-change fields. A soybean rate written with a note (``13 (derived: ...)``) keeps the
    number in ``soybean_total_rate_pct`` and the whole cell at the end of ``sources``.
    """
    parts = [_read(sources, rel) for rel in EVENT_EXTRACTS]
    parts.append(_compiled_events(list(parts[0].columns)))
    ev = pd.concat(parts, ignore_index=True)
    month_only = ev["effective_date"].str.len() == 7
    ev["date"] = ev["effective_date"].where(~month_only, ev["effective_date"] + "-01")
    ev["date_precision"] = month_only.map({True: "month", False: "day"})
    ev = ev.sort_values("date", kind="stable", ignore_index=True)
    rates = [_soybean_rate(cell, f"event of {day}")
             for cell, day in zip(ev["soybean_rate_after"], ev["date"], strict=True)]
    notes = pd.Series([f" ; soybean {cell}" if note else "" for (_, note), cell
                       in zip(rates, ev["soybean_rate_after"], strict=True)])
    out = pd.DataFrame(
        {
            "event_id": [f"E{i + 1:03d}" for i in range(len(ev))],
            "date": ev["date"],
            "date_precision": ev["date_precision"],
            "actor": ev["actor"],
            "measure": ev["measure"],
            "instrument": ev["instrument"],
            "scope": ev["scope"],
            "trade_value_usd_bn_as_stated": ev["trade_value_usd_bn"],
            "rate_change_pp_as_stated": ev["rate_change_pp"],
            "rate_after_as_stated": ev["rate_after"],
            "soybean_total_rate_pct": [rate for rate, _ in rates],
            "status": [_event_status(m, i, s, c) for m, i, s, c in
                       zip(ev["measure"], ev["instrument"], ev["scope"], ev["rate_change_pp"],
                           strict=True)],
            "confirmed": ev["confirmed"],
            "sources": ev["source"] + notes,
        }
    )
    return out


def average_tariffs(sources: Path) -> pd.DataFrame:
    """Trade-weighted average tariffs as published, long: one row per publisher, date, direction.

    PIIE (Bown) and CRS (IF12990) use different methods; ``publisher`` keeps them apart.
    ``date_as_published`` keeps the source's own precision (``2017``, ``2025-03``, a day).
    """
    av = _read(sources, "tariffs/average_tariffs.csv")
    rows = []
    for _, r in av.iterrows():
        publisher, citation = r["source"].split(":", 1)
        d = r["date"]
        precision = {4: "year", 7: "month", 10: "day"}[len(d)]
        start = {4: f"{d}-01-01", 7: f"{d}-01", 10: d}[len(d)]
        for col, direction in [("us_on_china_avg_pct", "us_on_china"),
                               ("china_on_us_avg_pct", "china_on_us")]:
            if r[col] == "":
                continue
            rows.append({
                "publisher": publisher.strip(),
                "date_as_published": d,
                "date": start,
                "date_precision": precision,
                "direction": direction,
                "avg_tariff_pct": r[col],
                "citation": citation.strip(),
            })
    return pd.DataFrame(rows)


def rare_earth_facts(sources: Path) -> pd.DataFrame:
    """USGS Mineral Commodity Summaries 2025 rare-earth facts, as printed (one fact a row)."""
    return _read(sources, "rare_earths/rare_earth_facts.csv")


def _copy(rel: str, keep: list[str] | None = None) -> Callable[[Path], pd.DataFrame]:
    def build(sources: Path) -> pd.DataFrame:
        df = _read(sources, rel)
        return df[keep] if keep else df

    build.__doc__ = f"Cross-check extract ``{rel}``, kept with its own columns."
    return build


def _concat(*builders: Callable[[Path], pd.DataFrame]) -> Callable[[Path], pd.DataFrame]:
    def build(sources: Path) -> pd.DataFrame:
        return pd.concat([b(sources) for b in builders], ignore_index=True)

    return build


_SUM_COLS = ["period", "partner", "computed: sum of rows (value_usd)", "n_rows_summed"]

BUILDERS: dict[str, Callable[[Path], pd.DataFrame]] = {
    "us_china_goods_trade_monthly.csv": us_china_goods_trade,
    "gacc_china_soybean_import_rows.csv": gacc_soybean_import_rows,
    "tdm_china_soybean_imports_by_origin.csv": tdm_soybean_quantities,
    "commodity_prices_monthly.csv": commodity_prices,
    "farm_input_prices_monthly.csv": farm_input_prices,
    "fx_cny_usd.csv": fx_cny_usd,
    "us_soybean_export_sales_weekly.csv": us_soybean_export_sales,
    "tariff_events.csv": tariff_events,
    "average_tariffs.csv": average_tariffs,
    "rare_earth_facts.csv": rare_earth_facts,
    "crosscheck/census_c5700_us_china_2020_2025m04.csv": _copy(
        "text/census_c5700_us_china_goods_trade_2020_2025M04_text.csv"),
    "crosscheck/gacc_soybean_imports_annual_value_by_origin.csv": _copy(
        "soybeans/gacc_china_soybean_imports_by_origin_annual_value.csv",
        ["period", "partner", "value_usd", "coverage_note"]),
    "crosscheck/gacc_soybean_imports_from_us_2025_rows.csv": _copy(
        "soybeans/gacc_china_soybean_imports_from_us_2025_rows_value.csv",
        ["period", "partner", "value_usd"]),
    "crosscheck/gacc_soybean_imports_all_partners_monthly_sums.csv": _concat(
        _copy("text/gacc_china_soybean_imports_all_partners_monthly_sums_2017_2023.csv", _SUM_COLS),
        _copy("text/gacc_china_soybean_imports_all_partners_monthly_sums_2024_2025.csv", _SUM_COLS)),
    "crosscheck/gacc_soybean_imports_by_origin_rows_superseded.csv": _copy(
        "text/gacc_china_soybean_imports_by_origin_monthly_rows_2017_2025.csv",
        ["period", "partner", "value_usd", "source_row"]),
    "crosscheck/gacc_soybean_imports_by_origin_sums_superseded.csv": _copy(
        "text/gacc_china_soybean_imports_by_origin_monthly_sums_2017_2025.csv", _SUM_COLS),
}


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Deterministic CSV bytes: LF line endings, minimal quoting, text cells as given."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue().encode("utf-8")


def build(sources: Path, out_dir: Path) -> list[Path]:
    """Write every snapshot file under ``out_dir``; return the paths written."""
    sources, out_dir = Path(sources), Path(out_dir)
    if not (sources / "MANIFEST.md").is_file():
        raise FileNotFoundError(f"{sources} is not an extracts folder (no MANIFEST.md there)")
    written = []
    for rel, builder in BUILDERS.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(to_csv_bytes(builder(sources)))
        written.append(path)
    return written
