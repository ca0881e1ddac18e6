"""US-China tariff, trade-law and export-control events, both directions, with citations."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.data import extracts, schemas, source_tiers
from helpers.data.errors import DataError
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

# How an event stands, read from its row's words: a court ruling or an opened investigation
# changes no rate by itself; claims, threats and proposals are "announced only".
EVENT_STATUSES = ["took effect", "announced only", "not implemented", "suspended",
                  "court ruling", "investigation"]
EVENT_EXTRACTS = ["tariffs/tariff_events.csv", "tariffs/tariff_events_2025_2026_update.csv",
                  "tariffs/tariff_events_2026_06_2026_09_update.csv"]
COMPILED_EVENTS = "snapshot/facts/tariff_events_2026_compiled.csv"
# The kit's citations for the extracts' rows: full https:// addresses with outlet and date,
# untrusted hosts removed (``helpers.data.source_tiers``); one row per extract row.
EVENT_SOURCES = "snapshot/facts/tariff_event_sources.csv"
# An extract row that only restates an event the kit already has (the June 2026 proposal,
# compiled as the kit's 2026-06-02 row) starts with this word and is left out.
CONTEXT_ROW = "CONTEXT"
ACTORS = {"US and China": "US+China"}
_RATE_WITH_NOTE = re.compile(r"^(\d+(?:\.\d+)?)(?: \((.+)\))?$")
# One claimed soybean purchase quantity: '12 Mt 2025-11..2025-12', '25 Mt a year 2026..2028',
# '20 Mt MY 2025/26' (marketing year); a row's claims are joined by ' ; '.
PURCHASE_CLAIM = (r"(?P<mt>\d+(?:\.\d+)?) Mt(?P<a_year> a year)? "
                  r"(?P<period>\d{4}-\d{2}\.\.\d{4}-\d{2}|\d{4}\.\.\d{4}|MY \d{4}/\d{2})")


def _as_stated(description: str):
    return schemas.text(description + ", as the source states it (text)", nullable=True)


def schema():
    """The pandera schema, built when a table is first validated (so loading from
    the frame cache never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "event_id": schemas.text("the kit's event number (E001, ...), in date order",
                                     unique=True),
            "date": schemas.date("the day the action took or takes effect (the month's first "
                                 "day where only a month is known)"),
            "date_precision": schemas.one_of("'day' or 'month'", ["day", "month"]),
            "actor": schemas.one_of("who acted: US, China or both", ["US", "China", "US+China"]),
            "measure": schemas.text("what was done, in a few words"),
            "instrument": schemas.text("the legal instrument (Section 301, IEEPA, MOFCOM "
                                       "notice, ...)", nullable=True),
            "scope": schemas.text("the goods or trade covered", nullable=True),
            "trade_value_usd_bn_as_stated": _as_stated("trade covered, USD billions"),
            "rate_change_pp_as_stated": _as_stated("rate change, percentage points"),
            "rate_after_as_stated": _as_stated("the instrument's rate after the event, percent"),
            "soybean_total_rate_pct": pa.Column(
                float, pa.Check.in_range(0, 300), nullable=True, metadata={"unit": "percent"},
                description="China's total tariff on US soybeans after the event (3% MFN + "
                            "additional duties in force); blank where the event does not set it"),
            "soybean_purchase_claims": schemas.text(
                "soybean purchases the row claims, as the kit reads its measure: '<million t> "
                "Mt[ a year] <period>' joined by ' ; ' (period 'YYYY-MM..YYYY-MM', 'YYYY..YYYY' or "
                "'MY YYYY/YY'); blank where the row claims none", nullable=True),
            "status": schemas.one_of("took effect, announced only, not implemented, suspended, "
                                     "court ruling or investigation, read from the row's words",
                                     EVENT_STATUSES),
            "confirmed": schemas.one_of("'yes', or 'partly' where a field is derived, "
                                        "approximate, single-sourced or conflicting",
                                        ["yes", "partly"]),
            "sources": schemas.text("every citation as 'Outlet (date): https://...', joined by "
                                    "' ; ', then remarks starting 'note:' or 'soybean'"),
        },
        coerce=True, strict=True,
    )


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


def _committed(rel: str, columns: list[str]) -> pd.DataFrame:
    """A hand-compiled file committed under ``data/snapshot/facts/``, with these columns."""
    path = paths.data_dir() / rel
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != columns:
        raise DataError("tariff_events", str(path), f"columns must be {columns}, "
                        f"not {list(df.columns)}")
    return df


def _with_kit_citations(ev: pd.DataFrame, cited: pd.DataFrame) -> pd.DataFrame:
    """The extracts' rows with the kit's citations in ``source`` (and ``confirmed`` where the
    citation file sets it): each extract row matches exactly one citation row by date, actor
    and the start of its measure, and each citation row is used once."""
    where = str(paths.data_dir() / EVENT_SOURCES)
    out = ev.copy()
    used = []
    for i, row in ev.iterrows():
        hits = cited[(cited["effective_date"] == row["effective_date"])
                     & (cited["actor"] == row["actor"])
                     & cited["measure_starts"].map(row["measure"].startswith)]
        if len(hits) != 1:
            raise DataError("tariff_events", where, f"{len(hits)} citation rows for the event of "
                            f"{row['effective_date']} ({row['actor']}: {row['measure'][:40]!r}); "
                            "exactly one is needed")
        out.loc[i, "source"] = hits["sources"].iloc[0]
        out.loc[i, "soybean_purchase_claims"] = hits["soybean_purchase_claims"].iloc[0]
        if hits["confirmed"].iloc[0]:
            out.loc[i, "confirmed"] = hits["confirmed"].iloc[0]
        used.append(hits.index[0])
    unused = cited.drop(index=used)
    if len(unused):
        first = unused.iloc[0]
        raise DataError("tariff_events", where, f"citation row for {first['effective_date']} "
                        f"({first['actor']}: {first['measure_starts']!r}) matches no event")
    return out


def _confirmed(flag: str, sources: str, where: str) -> str:
    """'partly' where no citation is primary or a wire service's, else the row's flag."""
    try:
        citations, _ = source_tiers.parse(sources)
    except ValueError as exc:
        raise DataError("tariff_events", where, str(exc)) from None
    return flag if any(c.primary_or_wire for c in citations) else "partly"


def _soybean_rate(cell: str, where: str) -> tuple[str, str]:
    """``'13'`` or ``'13 (derived: ...)'`` -> (number, note); blank stays blank."""
    if cell == "":
        return "", ""
    if cell.startswith("unchanged"):  # no new rate: the words travel as a note
        return "", cell
    found = _RATE_WITH_NOTE.match(cell)
    if not found:
        raise DataError("tariff_events", where,
                        f"soybean rate {cell!r} is neither a number nor 'number (note)'")
    return found.group(1), found.group(2) or ""


def build(sources: Path) -> pd.DataFrame:
    """The kit's event table: one row per action, with every citation and the confirmed flag.

    Rows come from the event extracts (``CONTEXT`` rows left out), with the kit's citations
    (``EVENT_SOURCES``), and the kit's compiled 2026 rows, in date order (a stable sort: rows
    of one day keep their order). ``confirmed`` is ``partly`` wherever no citation is a
    primary or wire source (``source_tiers``). ``date_precision`` is ``month`` where
    the source gives only a month (the date is then the first of that month). ``status``
    (took effect / announced only / not implemented / suspended / court ruling /
    investigation) is read from the words of the row's measure, instrument, scope and
    rate-change fields. A soybean rate written with a note (``13 (derived: ...)``) keeps the
    number in ``soybean_total_rate_pct`` and the whole cell at the end of ``sources``.
    """
    parts = [extracts.read(sources, rel) for rel in EVENT_EXTRACTS]
    columns = list(parts[0].columns)
    ev = pd.concat(parts, ignore_index=True)
    ev = ev[~ev["measure"].str.startswith(CONTEXT_ROW)].reset_index(drop=True)
    cited = _committed(EVENT_SOURCES, ["effective_date", "actor", "measure_starts", "sources",
                                       "confirmed", "soybean_purchase_claims"])
    ev = pd.concat([_with_kit_citations(ev, cited), _committed(COMPILED_EVENTS, columns)],
                   ignore_index=True)
    ev["soybean_purchase_claims"] = ev["soybean_purchase_claims"].fillna("")
    for cell, day in zip(ev["soybean_purchase_claims"], ev["effective_date"], strict=True):
        if cell and not all(re.fullmatch(PURCHASE_CLAIM, part) for part in cell.split(" ; ")):
            raise DataError("tariff_events", f"{EVENT_SOURCES}, event of {day}",
                            f"purchase claims {cell!r} do not read '<number> Mt[ a year] <period>'")
    ev["actor"] = ev["actor"].replace(ACTORS)
    ev["confirmed"] = [_confirmed(flag, src, f"event of {day}") for flag, src, day
                       in zip(ev["confirmed"], ev["source"], ev["effective_date"], strict=True)]
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
            "soybean_purchase_claims": ev["soybean_purchase_claims"],
            "status": [_event_status(m, i, s, c) for m, i, s, c in
                       zip(ev["measure"], ev["instrument"], ev["scope"], ev["rate_change_pp"],
                           strict=True)],
            "confirmed": ev["confirmed"],
            "sources": ev["source"] + notes,
        }
    )
    return out


SPEC = DatasetSpec(
    id="tariff_events",
    title="US-China tariff, trade-law and export-control events, 2018-03..2026-09, both directions",
    role="core",
    publisher=("Compiled by the kit from PIIE, CRS, USTR / Federal Register, State Council Customs "
               "Tariff Commission and MOFCOM notices, USDA FAS, court records as reported by law firms "
               "and trade press, and news of record"),
    units="rates in percent / percentage points as stated; trade values USD billions as stated",
    frequency="event",
    origin_url="see the sources column of each event",
    licence="facts compiled from cited public sources",
    source_line=("US-China Trade Watch event table (PIIE, CRS, USTR, SCTC/MOFCOM, USDA FAS, court and "
                 "customs notices as reported; citations per event)"),
    caveats=(
        ("Built in date order from the three event extracts tariffs/tariff_events.csv "
         "(2018-03..2025-11), tariffs/tariff_events_2025_2026_update.csv (2026-02..03) and "
         "tariffs/tariff_events_2026_06_2026_09_update.csv (2026-07..09; its 'CONTEXT' row on the "
         "2026-06-02 proposal is left out, the kit's own row of that day stands), with the kit's "
         "citations for their rows (snapshot/facts/tariff_event_sources.csv, dataset "
         "tariff_event_sources), and the kit's compiled rows "
         "(snapshot/facts/tariff_events_2026_compiled.csv, dataset tariff_events_2026_compiled). "
         "Event ids E001..E070 are as before; the 2026-07..09 rows are E071..E074."),
        ("Citations are 'Outlet (date): https://...' joined by ' ; ' (date 'date not shown' where the "
         "page shows none), then remarks starting 'note:' or 'soybean'. Every host has a declared "
         "tier (helpers.data.source_tiers): primary (issuing body, court, USDA FAS reports), wire "
         "(Reuters, AP, Bloomberg, Xinhua, People's Daily; a wire story on a trusted host counts), "
         "news, trade press, legal and customs analysis, research. Test, demo and development hosts, "
         "social posts, forums, aggregators and repository paths were removed; a 'note:' says what "
         "they had supported. Addresses come from the extracts and their source register, and for "
         "the court's suspension of 2026-03-06 (E059) from Bloomberg Tax's report of that day."),
        ("A row with no primary or wire citation is 'partly' confirmed whatever its extract said: "
         "most rows of 2018-2025 cite law firms, customs brokers, research institutes or trade "
         "press, so only 6 rows are 'yes'. The Supreme Court ruling of 2026-02-20 is 'partly' for "
         "this reason: no copy of the opinion is among the sources."),
        ("2026-07-24 (Section 122 lapse; the 12.5% Section 301 forced-labor duty on China) and "
         "2026-09-24 (truce extended from 2026-11-10 to 2027-01-10; China's rare-earth suspension "
         "extended with it) are 'partly': the scheduled end of Section 122 is in dated public pages, "
         "but the lapse, the duty and the extension come from texts in public repositories quoting "
         "CNBC and others, not from the outlets' own pages. Say so wherever they are used."),
        ("2026-03-04 (refund order): the court suspended the order's demand for immediate compliance "
         "on 2026-03-06; 2026-04-20 (CAPE): USD 85bn is refunds accepted for processing by late May "
         "2026, not refunds paid; about USD 24bn had been sent to the Treasury for payment by "
         "2026-06-10. Both later facts come from reports not among the stored sources, as the rows' "
         "notes say."),
        ("confirmed = 'partly' where at least one field is derived, approximate, single-sourced or "
         "conflicting."),
        ("soybean_total_rate_pct = 3% MFN + additional duties in force; most values are sums of quoted "
         "parts. From 2020-03 the kit's soybean column follows importers granted exclusion waivers "
         "(3%); the statutory 2018-19 duties stayed in China's schedule. In 2026 only the 2026-02-23 "
         "row carries it: 13, derived (3 MFN + 10), no change reported; the note travels at the end of "
         "that row's sources."),
        "rate_after_as_stated is an instrument's rate, never an average tariff.",
        ("status is read from each row's own words: 'court ruling' (a court decision or order: it "
         "changes no rate by itself; collection ending is its own row, e.g. IEEPA on 2026-02-24), "
         "'investigation' (opened or heard, no tariff yet), 'announced only' (threats, proposals, "
         "claimed commitments, spokesperson statements), 'not implemented', 'suspended', else 'took "
         "effect'. Under this rule the White House soybean fact sheet of 2025-11-01 (a claimed Chinese "
         "commitment) reads 'announced only'."),
        ("Section 122 rate, 2026-02-24 row: sources conflict and both figures are kept. 10% per the "
         "proclamation (No. 11012), CBP's CSMS of 2026-02-23 and Mondaq of 2026-03-06; 15% per "
         "ghy.com, uhy-us.com and a customs-broker alert after Trump's 2026-02-21 announcement. Later "
         "evidence describes 10% as the rate collected: the Court of International Trade ruling of "
         "2026-05-07 (Baker McKenzie, Kelley Drye: the 10% duty stays in effect for non-plaintiffs) "
         "and the Federal Circuit stay coverage of 2026-06 ('a 10% tariff on most imports'); no source "
         "found a 15% proclamation. The row is left as recorded."),
        ("Claims are marked as claims: the 20 Mt soybean figure of 2026-02-04, the purchases the US "
         "side claimed at the Beijing summit of 2026-05-14 (their only sources were test hosts and "
         "aggregators, so the row no longer gives figures) and MOFCOM's USD 30bn-each tariff-cut "
         "framework of 2026-05-20 (no citable page left: the row says so) are statements by one "
         "side, none implemented in the sources."),
        ("The 2026-06-02 Section 301 forced-labor proposal (10% or 12.5%) was not in force in any "
         "source; China's 12.5% rested on summaries no longer cited (the 2026-07-24 duty row repeats "
         "it, partly confirmed). The 2026-06-12 Federal Circuit stay is dated by a post no longer "
         "cited; one source reports an administrative stay from 2026-05-12."),
    ),
    gaps=(
        "2018-12 Buenos Aires truce is dated to the month only (date_precision = month).",
        ("Whether China's soybean exclusions lapsed in September 2025 is not settled by the sources; "
         "the table does not model a lapse."),
        ("Nothing found in the stored sources for: what happened at 2027-01-10, when the extended "
         "truce suspensions end (the US 24-point reciprocal suspension, China's suspended 24% "
         "counter-tariff, the rare-earth controls No. 55-58, 61, 62 of 2025, the BIS affiliates "
         "rule, the port fees on both sides); whether the 2026-07-24 lapse of Section 122 and the "
         "12.5% duty on China are as the repository texts say; the fate of No. 46 of 2024 at "
         "2026-11-27; any 2026 change to China's 10% tariff on US goods or its 13% soybean rate; "
         "determinations or tariffs in the Section 301 excess-capacity investigations; the Federal "
         "Circuit's merits decision on Section 122 and the appeal on refunds for finally liquidated "
         "IEEPA entries; progress on the 25 Mt a year soybean pledge for 2026; the summit's primary "
         "documents."),
        ("The stored news thins out after July 2026 and ends 2026-09-25: the table stops at "
         "2026-09-24 because the sources do, not because nothing happened after it. The earlier "
         "open question, what followed Section 122 after 2026-07-24 and the truce deadline of "
         "2026-11-10, is answered only partly (rows E071..E074)."),
    ),
    files=(DataFile("snapshot/tariff_events.csv", build=build,
                    copied_from=(
                        ("Cited fact tables tariffs/tariff_events.csv, "
                         "tariffs/tariff_events_2025_2026_update.csv and "
                         "tariffs/tariff_events_2026_06_2026_09_update.csv compiled from public "
                         "sources (register of every URL in tariffs/SOURCES.md)"),
                        ("The kit's citations of those rows, snapshot/facts/tariff_event_sources.csv "
                         "(see dataset tariff_event_sources)"),
                        ("The kit's hand-compiled 2026 rows, "
                         "snapshot/facts/tariff_events_2026_compiled.csv (see dataset "
                         "tariff_events_2026_compiled)"),
                    )),),
    schema=schema,
    date_column="date",
    usual_lag_days=None,  # a fact table / event list: no release schedule
    plausibility=Plausibility(
        bounds={"soybean_total_rate_pct": (0, 1000)},  # percent; history 3..138
        future_dates=True),  # an announced measure carries its effective date
)
