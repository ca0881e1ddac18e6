"""The farm side: per-acre soybean margins, trade-aid figures with their status and
verification, government payments against farm income, and the per-acre aid-versus-loss
illustration.

Two rules are enforced here rather than left to prose. Money that was authorised and money
that was paid are never added together (``total_usd_bn`` refuses a mix), and a figure whose
verification is not established never reaches a takeaway (``citable`` refuses it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers import soy, trade

US = "U.S. total"
# ERS items of the costs-and-returns table the per-acre view uses, by the kit's column name.
PER_ACRE_ITEMS = {
    "harvest_price": "Price",
    "yield_bu": "Yield",
    "gross_value": "Total, gross value of production",
    "operating_costs": "Total, operating costs",
    "total_costs": "Total, costs listed",
    "fertilizer": "Fertilizer",
    "return_over_operating": "Value of production less operating costs",
    "return_over_total": "Value of production less total costs listed",
}
# Calendar years in which trade-aid payments reached farms, and the programme behind each
# (MFP 2018 paid from September 2018; MFP 2019 tranches in 2019 and its last in 2020; Farmer
# Bridge Assistance targeted by 28 February 2026), as the aid datasets record them.
TRADE_AID_YEARS = {
    2018: "MFP 2018",
    2019: "MFP 2018 and 2019",
    2020: "MFP 2019 (last tranche), beside CFAP pandemic aid",
    2026: "Farmer Bridge Assistance",
}
STATUSES = ("authorised", "paid", "estimated", "rate", "other")
TAKEAWAY_VERIFICATION = ("verified", "script copy")
USD_TO_BN = {"USD bn": 1.0, "USD mn": 1e-3, "USD": 1e-9}


class MixedMoneyError(ValueError):
    """A sum over figures of different status (authorised, paid, ...) or unit."""


class UnverifiedFigureError(ValueError):
    """A figure without an established verification offered to a takeaway."""


# --- per-acre margins -----------------------------------------------------------------------

def per_acre(costs: pd.DataFrame, region: str = US) -> pd.DataFrame:
    """One row per year: harvest price (USD/bu), yield (bu/acre), gross value, operating and
    total costs, fertilizer and the two returns (USD per planted acre), and fertilizer's share
    of operating costs (%), from the ERS costs-and-returns long table."""
    rows = costs[costs["region"] == region]
    if rows.empty:
        raise ValueError(f"no region {region!r} in the costs-and-returns table; regions: "
                         f"{sorted(costs['region'].unique())}")
    missing = sorted(set(PER_ACRE_ITEMS.values()) - set(rows["item"]))
    if missing:
        raise ValueError(f"items missing from the costs-and-returns table: {missing}")
    wide = rows.pivot_table(index="year", columns="item", values="value", aggfunc="first")
    out = pd.DataFrame({name: wide[item] for name, item in PER_ACRE_ITEMS.items()})
    out["fertilizer_share_pct"] = 100 * out["fertilizer"] / out["operating_costs"]
    return out


def change_pct(series: pd.Series, start, end) -> float:
    """Percent change of ``series`` from index ``start`` to ``end``; a clear error when either
    has no value."""
    for label in (start, end):
        if label not in series.index or pd.isna(series[label]):
            raise ValueError(f"no value at {label!r} to compute a change from")
    return float(100 * (series[end] / series[start] - 1))


# --- aid figures: status, verification, sums ------------------------------------------------

_STATUS_WORDS = (
    ("estimated", r"\busda estimated\b"),
    ("rate", r"\brate\b"),
    ("paid", r"\bpayments made\b|\bpayments in calendar\b|\bpaid\b"),
    ("authorised", r"authori[sz]ed|\bceiling\b|\bannounced\b|\bappropriated\b|\breserved for\b"),
)


def money_status(series: str) -> str:
    """What kind of figure a row of the aid tables is, from its ``series`` text: authorised
    (a ceiling, announcement or appropriation), paid (payments made), estimated (USDA's
    estimate of what a programme would pay), rate (per unit or acre) or other."""
    text = str(series).lower()
    for status, pattern in _STATUS_WORDS:
        if re.search(pattern, text):
            return status
    return "other"


def verification(text, script_copied: bool = False) -> str:
    """The extracts' ``verified`` text in one word: verified (a second source gives the same
    figure), partly (close, or part of it), derived (computed by the compiler), unverified
    (one source only, or said so), script copy (blank on a row copied by script from an
    official file) or unrecorded (blank otherwise)."""
    t = "" if text is None or pd.isna(text) else str(text).strip().lower()
    if not t:
        return "script copy" if script_copied else "unrecorded"
    if t.startswith(("no", "not ")) or "unverified" in t:
        return "unverified"
    if t.startswith("derived"):
        return "derived"
    if t.startswith(("yes", "matches", "equals")) or "(match)" in t:
        return "verified"
    if t.startswith(("near", "partly")):
        return "partly"
    return "unverified" if " only" in t else "unrecorded"


def usd_bn(value, unit: str) -> float | None:
    """A money figure in USD bn from its unit ('USD mn (about)' -> x / 1000); None when the
    unit is not a plain money amount (rates, percent, dates) or the value is not a number."""
    head = re.match(r"^(USD(?: bn| mn)?)(?: \(.*\))?$", str(unit).strip())
    number = pd.to_numeric(value, errors="coerce")
    if not head or pd.isna(number):
        return None
    return float(number) * USD_TO_BN[head.group(1)]


def aid_figures(table: pd.DataFrame) -> pd.DataFrame:
    """An aid table (``mfp_payments`` or ``farm_aid_2025_2026``) with ``status`` (see
    ``money_status``), ``verification`` and ``usd_bn`` (money rows only) added."""
    return table.assign(
        status=table["series"].map(money_status),
        verification=table["verified"].map(verification),
        usd_bn=[usd_bn(v, u) for v, u in zip(table["value"], table["unit"], strict=True)])


def total_usd_bn(rows: pd.DataFrame) -> float:
    """The sum of money rows of one status, in USD bn. Refuses (``MixedMoneyError``) rows of
    more than one status, a status that is not authorised or paid, and rows that are not
    plain money amounts: authorised and paid money are never added together."""
    statuses = sorted(set(rows["status"]))
    if len(statuses) != 1 or statuses[0] not in ("authorised", "paid"):
        raise MixedMoneyError(f"a sum needs rows of one status, authorised or paid; got "
                              f"{statuses}")
    if rows["usd_bn"].isna().any():
        bad = rows.loc[rows["usd_bn"].isna(), "unit"].unique().tolist()
        raise MixedMoneyError(f"rows that are not money amounts cannot be summed: units {bad}")
    return float(rows["usd_bn"].sum())


@dataclass(frozen=True)
class AidFigure:
    """One aid figure as a brief prints it: programme, year, status, value, unit, source."""

    program: str
    year: str
    status: str
    value: float
    unit: str
    source: str
    verification: str

    def label(self, decimals: int | None = None) -> str:
        """'USD 8.59 bn (MFP 2018, 2018, paid; farmdoc daily)': the value as published (or at
        ``decimals`` places), its programme, year, status and source."""
        amount = (f"{self.value:,.{decimals}f}" if decimals is not None
                  else f"{self.value:,.3f}".rstrip("0").rstrip("."))
        shown = (f"USD {amount} {self.unit[4:]}" if self.unit.startswith("USD ")
                 else f"{amount} {self.unit}")
        source = "" if self.source == self.program else f"; {self.source}"
        return f"{shown} ({self.program}, {self.year}, {self.status}{source})"


def pick(table: pd.DataFrame, **where) -> pd.Series:
    """The one row of ``table`` whose columns equal (or, for text given as ``~text``,
    contain) the values given; a clear error when none or several match."""
    mask = pd.Series(True, index=table.index)
    for column, wanted in where.items():
        col = table[column].astype(str)
        if isinstance(wanted, str) and wanted.startswith("~"):
            mask &= col.str.contains(wanted[1:], regex=False)
        else:
            mask &= col == str(wanted)
    found = table[mask]
    if len(found) != 1:
        raise LookupError(f"{len(found)} rows match {where}; expected exactly one")
    return found.iloc[0]


def figure(row: pd.Series) -> AidFigure:
    """A row of ``aid_figures`` (or of the damage estimates) as an ``AidFigure``."""
    number = pd.to_numeric(row["value"], errors="coerce")
    if pd.isna(number):
        raise ValueError(f"row {row.get('series', row.get('measure'))!r} has no single number "
                         f"(value {row['value']!r})")
    program = row.get("program", row.get("study"))
    status = (row.get("status") if "program" in row
              else f"estimate, {str(row['basis']).split(' (')[0]}")
    return AidFigure(str(program), str(row.get("year", row.get("period"))), str(status),
                     float(number), str(row["unit"]), str(row.get("source", row.get("study"))),
                     verification(row.get("verified"), bool(row.get("source_repo"))))


def citable(fig: AidFigure) -> AidFigure:
    """``fig`` if it may appear in a takeaway (verified by a second source, or script-copied
    from an official file); ``UnverifiedFigureError`` otherwise."""
    if fig.verification not in TAKEAWAY_VERIFICATION:
        raise UnverifiedFigureError(f"{fig.label()} is {fig.verification}: it may be shown with "
                                    f"its flag, never in a takeaway")
    return fig


def takeaway_sentence(template: str, **figures: AidFigure) -> str:
    """``template`` filled with each figure's label, after checking every figure with
    ``citable``: the one way aid figures enter a brief's takeaway."""
    return template.format(**{name: citable(fig).label() for name, fig in figures.items()})


def kit_soybean_shortfall(values: pd.DataFrame, annual_share: pd.DataFrame, years=(2018, 2019),
                          base_year: int = 2017) -> dict[str, float]:
    """The kit's own estimate of lost US soybean sales to China over ``years`` (USD bn, China's
    CIF import values), as in the soybean brief: the shortfall against the US ``base_year``
    monthly share (``frozen``) and against that share less Brazil's pre-war trend
    (``brazil_trend``). ``values``: monthly values with US and World columns (stated zeros
    written in); ``annual_share``: published annual shares by integer year. Every year must
    be complete."""
    frozen = soy.value_at_prewar_share(values["United States"], values["World"], (base_year,))
    trend = soy.value_at_rival_trend_share(values["United States"], values["World"], base_year,
                                           float(annual_share.loc[base_year, "United States"]),
                                           annual_share["Brazil"], fit_from=2005)
    out = {}
    for name, frame in (("frozen", frozen), ("brazil_trend", trend)):
        annual = trade.annual(frame["shortfall"]).reindex(list(years))
        if not annual["complete"].fillna(False).all():
            raise ValueError(f"the {name} shortfall is not complete in every year of {years}")
        out[name] = float(soy.usd_to_billions(annual["value"].sum()))
    return out


# --- farm income ----------------------------------------------------------------------------

INCOME_SERIES = {"net_farm_income": "net farm income",
                 "net_cash_farm_income": "net cash farm income",
                 "government_payments": "direct government payments, total",
                 "ad_hoc_payments": "direct government payments: supplemental and ad hoc "
                                    "(ERS key GPAUSAE--VAP)"}


def latest_full_release(income: pd.DataFrame) -> str:
    """The date (YYYY-MM-DD) of the newest ERS release that holds every series
    ``income_by_year`` reads; older vintages kept for single forecasts do not qualify."""
    dated = income.assign(release=income["vintage"].str.extract(r"(\d{4}-\d{2}-\d{2})")[0])
    wanted = set(INCOME_SERIES.values())
    full = [r for r, rows in dated.groupby("release") if wanted <= set(rows["series"])]
    if not full:
        raise ValueError("no ERS release holds every farm-income series the kit reads: "
                         f"{sorted(wanted)}")
    return max(full)


def income_by_year(income: pd.DataFrame, vintage: str | None = None) -> pd.DataFrame:
    """Net farm income, net cash farm income, direct government payments and their ad hoc
    part (USD bn, nominal) by year from one ERS release (``vintage`` in its text; by default
    the latest release holding them all), with the payments' share of net farm income (%),
    each row's ERS status and a trade-aid flag."""
    vintage = vintage or latest_full_release(income)
    rows = income[income["vintage"].str.contains(vintage, regex=False)
                  & income["series"].isin(INCOME_SERIES.values())]
    if rows.empty:
        raise ValueError(f"no farm-income rows of the {vintage} release")
    wide = rows.pivot_table(index="year", columns="series", values="value", aggfunc="first")
    out = pd.DataFrame({k: wide.get(v) for k, v in INCOME_SERIES.items()})
    out["payments_share_pct"] = 100 * out["government_payments"] / out["net_farm_income"]
    status = rows[rows["series"] == INCOME_SERIES["net_farm_income"]].set_index("year")["status"]
    out["ers_status"] = status.reindex(out.index)
    out["trade_aid"] = [TRADE_AID_YEARS.get(y, "") for y in out.index]
    return out


# --- the per-acre illustration --------------------------------------------------------------

@dataclass(frozen=True)
class Illustration:
    """Aid and market loss per planted acre, as ranges, with the assumptions behind them."""

    aid_low: float
    aid_high: float
    loss_low: float
    loss_high: float
    yields: tuple[float, float]
    price_gap: tuple[float, float]
    china_share: float
    rate: float

    def sentence(self) -> str:
        """The range in words, with which side is larger chosen from the numbers."""
        if self.aid_low > self.loss_high:
            verdict = "aid per acre exceeds the market loss across the whole range"
        elif self.aid_high < self.loss_low:
            verdict = "the market loss per acre exceeds the aid across the whole range"
        else:
            verdict = "the two ranges overlap, so the assumptions decide which is larger"
        return (f"Illustration, not an estimate: aid of USD {self.aid_low:.0f}-"
                f"{self.aid_high:.0f} per planted acre against a market loss of USD "
                f"{self.loss_low:.0f}-{self.loss_high:.0f} per acre; {verdict}.")

    def assumptions(self) -> pd.DataFrame:
        return pd.DataFrame([
            ("yield, bu per planted acre", f"{self.yields[0]:g} to {self.yields[1]:g}"),
            ("price gap, USD per bu", f"{self.price_gap[0]:.2f} to {self.price_gap[1]:.2f}"),
            ("share of the crop exported to China (low end: only those bushels lose the gap; "
             "high end: every bushel does)", f"{100 * self.china_share:.0f}% to 100%"),
            ("aid rate, USD per bu of production", f"{self.rate:.2f}"),
        ], columns=["assumption", "value"])


def per_acre_illustration(yields: tuple[float, float], price_gap: tuple[float, float],
                          china_share: float, rate: float) -> Illustration:
    """Aid = ``rate`` x yield; market loss = yield x price gap x the share of bushels that
    bear it, from ``china_share`` (only China-bound bushels lose the gap) to 1 (the whole
    crop's price falls). Every input a positive number; ranges given low, high."""
    for name, pair in (("yields", yields), ("price_gap", price_gap)):
        if len(pair) != 2 or not 0 < pair[0] <= pair[1]:
            raise ValueError(f"{name} must be (low, high) with 0 < low <= high, got {pair}")
    if not 0 < china_share <= 1 or rate <= 0:
        raise ValueError(f"china_share must be in (0, 1] and rate positive, got {china_share}, "
                         f"{rate}")
    return Illustration(aid_low=rate * yields[0], aid_high=rate * yields[1],
                        loss_low=yields[0] * price_gap[0] * china_share,
                        loss_high=yields[1] * price_gap[1], yields=tuple(yields),
                        price_gap=tuple(price_gap), china_share=china_share, rate=rate)


BUSHELS_PER_TONNE = 36.7437  # soybeans: 60 lb per bushel


def tonnes_to_bushels(tonnes):
    """Metric tonnes of soybeans to bushels (60 lb)."""
    return tonnes * BUSHELS_PER_TONNE
