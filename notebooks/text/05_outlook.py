# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: kernelspec,tradewatch,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   tradewatch:
#     rebuild_daily: true
# ---

# %% [markdown]
# # Outlook: the truce deadlines and the soybean commitments
#
# The October–November 2025 arrangement suspended tariffs and export controls for a year
# and came with a claimed Chinese commitment to buy US soybeans. This brief lists every
# deadline the kit's event table records, tracks the claimed purchases against US export
# sales (USDA FAS weekly export sales, by marketing year) and against China's customs
# arrivals (calendar years), and says what the data cannot yet tell.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - read USDA export-sales data: total commitments, accumulated exports and outstanding sales by *marketing year*;
# - check an accounting identity in the data before using it;
# - compare a claim with data on the right basis (US sales vs China's arrivals, marketing vs calendar year, *CIF vs FAS values*);
# - count deadlines against a stated as-of date and say where the record ends.
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
as_of = ""              # date to count the deadlines from (ISO date); empty means the build date
history_start = 2005    # first year of China customs record shown

# %% tags=["remove-cell"]
import matplotlib.pyplot as plt
from IPython.display import display

from helpers import charts, outlook, report, soy, tariffs
from helpers.data import load, soybean_imports

charts.use_house_style()
events = tariffs.with_short_labels(load("tariff_events"))
long = load("china_soybean_imports")
sales = load("us_soybean_export_sales")
last_event = tariffs.latest_event(events)
count_from = outlook.default_as_of(as_of)
dl = outlook.deadline_table(events, count_from)
# The purchase claims, as the event rows that state them record them (million tonnes):
claims = outlook.purchase_claims(events)
late_2025 = outlook.claim_for(claims, "2025-11..2025-12")  # White House, 1 Nov 2025
for_2526 = outlook.claim_for(claims, "MY 2025/26")  # US President, 4 Feb 2026
yearly = outlook.claim_for(claims, "2026..2028")  # White House, a year in 2026-2028
annual_mt = soy.kg_to_million_tonnes(soybean_imports("quantity_kg", "year")["United States"])
annual_mt.index = annual_mt.index.year
annual_mt = annual_mt.loc[history_start:]
soy_rate = tariffs.soybean_tariff_path(events, "2025-01-01")
sales_end = sales["date"].max()
china = sales[sales["destination"] == "China"]

# %% tags=["remove-input"]
per_year, late_mt, feb_mt = yearly["quantity_mt"], late_2025["quantity_mt"], for_2526["quantity_mt"]
end_2025 = soy.sales_position(sales, late_2025["period_end"], "2025/26")
now_2526 = soy.sales_position(sales, sales_end, "2025/26")
sold_2026 = soy.sales_made(sales, yearly["period_start"], sales_end) / 1000  # first claimed year
passed = dl["state"].str.startswith("passed")
brief = report.Brief(title="Outlook: truce deadlines and soybean commitments")
brief.set_takeaway(
    f"US export sales of 2025/26 soybeans to China reached "
    f"{now_2526['total_commitments_kmt'] / 1000:.1f} Mt by {sales_end:%d %B %Y} "
    f"({now_2526['accumulated_exports_kmt'] / 1000:.1f} Mt shipped), against the {late_mt:.0f} Mt the White "
    f"House announced for late 2025 and the {feb_mt:.0f} Mt floated in February 2026; new sales in 2026 to "
    f"that date were {sold_2026:.1f} Mt against a claimed {per_year:.0f} Mt a year. The event "
    f"table ends {last_event:%d %B %Y}; {outlook.deadline_count_words(dl, count_from)}.",
    holds=now_2526["total_commitments_kmt"] < 1000 * feb_mt and sold_2026 < per_year
    and not ((dl["state"] == "ahead") & (dl["deadline"] > last_event) & (count_from > last_event)).any(),
    basis="USDA FAS ESR commitments and net sales; deadlines counted against as_of",
    datasets=["us_soybean_export_sales", "tariff_events"])
brief.add("US export sales of 2025/26 soybeans to China, total commitments",
          now_2526["total_commitments_kmt"] / 1000, "Mt", f"to {now_2526['date']:%Y-%m-%d}",
          ["us_soybean_export_sales"], note="USDA FAS ESR, marketing year Sep-Aug", key="esr_2526_commitments")
brief.add("Same, accumulated exports (shipped)", now_2526["accumulated_exports_kmt"] / 1000, "Mt",
          f"to {now_2526['date']:%Y-%m-%d}", ["us_soybean_export_sales"], note="USDA FAS ESR", key="esr_2526_shipped")
brief.add("US export sales to China at the end of 2025, total commitments",
          end_2025["total_commitments_kmt"] / 1000, "Mt", f"to {end_2025['date']:%Y-%m-%d}",
          ["us_soybean_export_sales"], note=f"against the {late_mt:.0f} Mt claim for Nov-Dec 2025", key="esr_end2025_commitments")
brief.add("New US export sales to China in 2026 (all marketing years)", sold_2026, "Mt",
          f"2026-01-01..{sales_end:%Y-%m-%d}", ["us_soybean_export_sales"],
          note=f"against the claimed {per_year:.0f} Mt a year", key="esr_sales_2026")
brief.add("Claimed Chinese purchases of US soybeans, per year 2026-2028", per_year, "Mt",
          f"{yearly['period_start']:%Y}-{yearly['period_end']:%Y}", ["tariff_events"], note="White House fact sheet; not confirmed by Beijing",
          decimals=0, key="claimed_per_year")
brief.add("China's customs imports of US soybeans, best calendar year since " + str(history_start),
          annual_mt.max(), "Mt", str(annual_mt.idxmax()), ["china_soybean_imports"],
          note="arrivals in China, calendar year", key="china_best_year")
brief.add("Deadlines passed by the as-of date", int(passed.sum()), "deadlines",
          f"{count_from:%Y-%m-%d}", ["tariff_events"], decimals=0,
          note=f"event table ends {last_event:%Y-%m-%d}", key="deadlines_passed")
brief.add("China's tariff on US soybeans at the table's last event", soy_rate.iloc[-1], "%",
          f"{soy_rate.index[-1]:%Y-%m-%d}", ["tariff_events"],
          note=f"Brazil and Argentina pay the {tariffs.MFN_SOYBEAN_PCT:.0f}% MFN rate", key="soy_tariff_last_event")
brief.show_as_of([sales, events, long])
brief.show()

# %% [markdown]
# ## The deadlines
#
# Each date below is named in the text of an event in the kit's table (suspensions "until",
# extensions "to", exclusions "through"), whether written as a date or in words ("Oct 30").
# Deadlines are counted against the brief's as-of date, by default the day the brief is built:
# before it a deadline has "passed", on or after it it lies "ahead". When the table ends before
# the as-of date, a later deadline is "unknown since" the table's last event: what happened
# on it is not in the data until an event records it.

# %% tags=["remove-input"]
report.show_table(dl[["deadline", "state", "days_from_as_of", "actor", "set_on", "measure"]].rename(
    columns={"days_from_as_of": "days from the as-of date", "set_on": "set on"}),
                  f"Deadlines named in the event table, counted from {count_from:%d %B %Y}",
                  decimals=0)
after_end = dl[dl["deadline"] > last_event]
brief.claim(f"The event table's last event is dated {last_event:%d %B %Y}. "
            + (f"{len(after_end)} deadline(s) fall after it ("
               + ", ".join(f"{d:%d %B %Y}" for d in after_end["deadline"])
               + "): the kit records no event saying whether those suspensions were renewed "
               "or lapsed." if len(after_end) else "Every recorded deadline falls on or before it."),
            holds=(after_end["deadline"] > last_event).all(),
            basis="deadlines parsed from event texts against the table's last date",
            datasets=["tariff_events"])

# %% [markdown]
# ## The soybean claims against US export sales
#
# What was claimed, and by whom:
#
# - **12 Mt in November–December 2025 and 25 Mt a year in 2026–2028**: White House fact sheet
#   of 1 November 2025 (in the event table, flagged “partly”: not confirmed by Beijing).
#   Traders told Reuters on 20 January 2026 that China had bought about 12 Mt, fulfilling
#   the pledge (bairdmaritime.com, Reuters, 2026-01-20; farmpolicynews.illinois.edu,
#   January 2026, quoting Bloomberg that export-sales data then showed just over 8 Mt).
#   Beijing did not publish tonnages.
# - **20 Mt for 2025/26**: President Trump after the 4 February 2026 call with Xi Jinping;
#   Beijing's account gave no confirmation (event table, 2026-02-04, “partly”).
#
# The US side of those purchases is USDA's weekly export sales (ESR): **total commitments**
# (sales reported, shipped or not) and **accumulated exports** (shipped), by marketing year
# (September–August), in thousand tonnes. The kit's copy is a processed public copy; weeks
# it flags (the October–November 2025 shutdown, repeated weeks in July–August 2026) are
# marked on the chart.

# %% [markdown] tags=["method"]
# ### Method: the export-sales identity
#
# For marketing year $y$ and report week $w$, USDA's total commitments are what has been
# shipped plus what is sold but not yet shipped:
#
# $$C_{y,w} = X_{y,w} + O_{y,w}$$
#
# with $C$ total commitments, $X$ accumulated exports and $O$ outstanding sales, in thousand
# tonnes. Net sales in a week add to $C$; shipments move tonnes from $O$ to $X$ and leave $C$
# unchanged. The kit reads a position with `soy.sales_position` and checks the identity on
# every row before using it.

# %% tags=["method"]
# The identity in the data, every week and marketing year (thousand tonnes):
method_gap = china["total_commitments_kmt"] - (china["accumulated_exports_kmt"]
                                               + china["outstanding_sales_kmt"])
print(f"largest |C - (X + O)| over {len(china)} rows: {method_gap.abs().max():.1f} thousand t")
soy.sales_position(sales, sales_end, "2025/26")

# %% tags=["remove-input"]
track = china[china["marketing_year"].isin(["2025/26", "2026/27"])].pivot(
    index="date", columns="marketing_year", values=["total_commitments_kmt",
                                                    "accumulated_exports_kmt"]) / 1000
track.columns = [f"{my} {'commitments' if c.startswith('total') else 'shipped'}"
                 for c, my in track.columns]
track = track.loc[for_2526["period_start"]:]
fig, ax = charts.lines(track, "US soybean export sales to China, by marketing "
                       "year (USDA FAS)", "million tonnes, cumulative")
for level, label in [(late_mt, f"{late_mt:.0f} Mt (late-2025 claim)"),
                     (feb_mt, f"{feb_mt:.0f} Mt (Feb 2026 claim)"),
                     (per_year, f"{per_year:.0f} Mt a year (2026-2028 claim)")]:
    ax.axhline(level, color=charts.PALETTE["vermillion"], ls=":", lw=1)
    ax.text(track.index.min(), level, f" {label}", fontsize=7.5, va="bottom",
            color=charts.PALETTE["vermillion"])
flagged = china[china["note"].notna() & (china["marketing_year"] == "2025/26")]
ax.plot(flagged["date"], flagged["total_commitments_kmt"] / 1000, "x", color="#444444", ms=6)
ax.axvline(sales_end, color="#666666", lw=0.8)
report.show_chart(fig, [sales, events],
                  note=f"Data end {sales_end:%Y-%m-%d} (grey line). x: weeks the source copy flags "
                       "as unconfirmed. Claims from the event table (White House, US President); "
                       "Beijing did not confirm tonnages.",
                  alt=f"Cumulative US export sales of soybeans to China: 2025/26 commitments reach "
                      f"{now_2526['total_commitments_kmt'] / 1000:.1f} Mt by {sales_end:%B %Y}, "
                      f"with dotted lines at {late_mt:.0f}, {feb_mt:.0f} and {per_year:.0f} Mt.")
brief.claim(f"At the end of 2025 (week ending {end_2025['date']:%d %B %Y}) ESR showed "
            f"{end_2025['total_commitments_kmt'] / 1000:.1f} Mt of 2025/26 sales to China, "
            f"{'short of' if end_2025['total_commitments_kmt'] < 1000 * late_mt else 'at or above'} the {late_mt:.0f} Mt "
            f"claim; commitments reached {late_mt:.0f} Mt only in the week ending "
            f"{china.loc[(china['marketing_year'] == '2025/26') & (china['total_commitments_kmt'] >= 1000 * late_mt), 'date'].min():%d %B %Y}. "
            "Traders' January 2026 report of 12 Mt bought and the ESR figures differ in timing "
            "(purchases agreed vs sales reported); both are recorded here.",
            holds=end_2025["total_commitments_kmt"] < 1000 * late_mt <= now_2526["total_commitments_kmt"],
            basis="ESR total commitments, marketing year 2025/26",
            datasets=["us_soybean_export_sales"])
brief.claim(f"The {feb_mt:.0f} Mt floated for 2025/26 was not reached in the sales data: "
            f"{now_2526['total_commitments_kmt'] / 1000:.1f} Mt committed by {sales_end:%d %B %Y}, "
            f"days before the marketing year ended.",
            holds=now_2526["total_commitments_kmt"] < 1000 * feb_mt,
            basis="ESR total commitments, marketing year 2025/26, last week in the data",
            datasets=["us_soybean_export_sales"])
forward = soy.sales_position(sales, sales_end, "2026/27")
brief.claim(f"For the {per_year:.0f} Mt a year claimed for 2026: new sales to China reported in 2026 "
            f"to {sales_end:%d %B %Y} were {sold_2026:.1f} Mt across marketing years, including "
            f"{forward['total_commitments_kmt'] / 1000:.1f} Mt of 2026/27 sales booked before "
            "the harvest.",
            holds=sold_2026 < per_year and forward["total_commitments_kmt"] > 0,
            basis="sum of ESR net sales in weeks ending in 2026; 2026/27 commitments",
            datasets=["us_soybean_export_sales"])

# %% [markdown]
# ## The claims against China's customs record
#
# China's customs count arrivals by calendar year (quantities from China Customs via Trade
# Data Monitor; the chart names the years the kit holds). That is a different basis from US sales: a cargo sold in
# one marketing year can arrive in China in the next calendar year.

# %% tags=["remove-input"]
years_at_or_above = int((annual_mt >= per_year).sum())
fig, ax = plt.subplots()
ax.bar(annual_mt.index, annual_mt.values, color=charts.PALETTE["blue"], width=0.7)
ax.axhline(per_year, color=charts.PALETTE["vermillion"], ls="--", lw=1.2)
ax.set_ylim(0, max(annual_mt.max(), per_year) * 1.25)
ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
ax.set_title("China's customs imports of US soybeans (arrivals), million tonnes a year")
ax.set_ylabel("million tonnes")
report.show_chart(fig, [long, events],
                  data=annual_mt.rename_axis("year").to_frame("China's imports from the US [Mt]"),
                  note=f"Dashed line: claimed {per_year:.0f} Mt a year, 2026-2028 (White House fact "
                       "sheet, not confirmed by Beijing).",
                  alt=f"Bars of China's annual customs imports of US soybeans {history_start}-"
                      f"{annual_mt.index.max()}, peaking at {annual_mt.max():.1f} Mt in "
                      f"{annual_mt.idxmax()}; a dashed line marks the claimed {per_year:.0f} Mt a "
                      f"year, reached in {years_at_or_above} of these years.")
brief.claim(f"On China's arrival data, {per_year:.0f} Mt or more came from the US in "
            f"{years_at_or_above} of the {len(annual_mt)} calendar years {history_start}-"
            f"{annual_mt.index.max()} (best: {annual_mt.max():.1f} Mt in {annual_mt.idxmax()}).",
            holds=0 <= years_at_or_above < len(annual_mt),
            basis="TDM annual quantities, calendar years", datasets=["china_soybean_imports"])
report.show_table(claims[["date", "actor", "quantity_mt", "per_year", "period", "confirmed"]],
                  "Purchase quantities claimed in the event table (million tonnes)", decimals=0)

# %% [markdown]
# ## The latest year, in short
#
# The main events of the event table's latest year, each with a linked source; "partly
# confirmed" marks a row resting on a single or weak source. Every event, with all its
# sources, is in the appendix.

# %% tags=["remove-input"]
story = tariffs.year_narrative(events, last_event.year)
display({"text/html": report.narrative_html(story, count_from, last_event), "text/plain": ""},
        raw=True)

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): What is still to ship?
#
# In the last week of the export-sales data, how much 2025/26 soybean sold to China had not
# yet been shipped?
#
# **Compute:** outstanding sales of marketing year 2025/26 to China in the last week
# (`soy.sales_position`). **Unit:** Mt (million tonnes).

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
position = soy.sales_position(sales, sales_end, "2025/26")
answer = position["outstanding_sales_kmt"] / 1000
### END SOLUTION
teach.check_answer("05_outstanding_2526", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): Sold or shipped?
#
# A sale is not a shipment. What share of 2025/26 commitments to China had been shipped by
# the last week of the data?
#
# **Compute:** 100 × accumulated exports / total commitments, marketing year 2025/26, last
# week. **Unit:** %.

# %% tags=["solution"]
### BEGIN SOLUTION
position = soy.sales_position(sales, sales_end, "2025/26")
answer = 100 * position["accumulated_exports_kmt"] / position["total_commitments_kmt"]
### END SOLUTION
teach.check_answer("05_shipped_share_2526", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): The late-2025 pledge, from the weekly table
#
# Start from the loaded weekly table `sales` (`load("us_soybean_export_sales")`: one row per
# ESR week (`date`, the week's last day), `marketing_year` and `destination`, in thousand
# tonnes). The quantity the White House said China would buy in November–December 2025 is
# `late_2025["quantity_mt"]` (Mt, read from the event table above). Add up the new net sales
# to China (`net_sales_kmt`) in the weeks ending 1 November to 31 December 2025, all marketing
# years (the weeks the source flags included).
#
# **Compute:** that sum. **Unit:** Mt.
#
# **Then choose** (second cell, `answer = "met"` or `"short"`): ESR recorded at least the quantity
# pledged for those weeks ("met"), or less ("short"). Why might traders' and press reports of
# purchases differ from ESR, in either direction?

# %% tags=["solution"]
### BEGIN SOLUTION
weeks = sales[(sales["destination"] == "China") & (sales["date"] >= "2025-11-01")
              & (sales["date"] <= "2025-12-31")]
answer = pledge_weeks_mt = weeks["net_sales_kmt"].sum() / 1000
print(f"{len(weeks)} weeks, {pledge_weeks_mt:.2f} Mt")
### END SOLUTION
teach.check_answer("05_sales_nov_dec_2025", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: ESR counts sales when exporters report them; announced purchases show only
# once contracts are signed and reported, sales to unknown destinations count for China
# only when switched, and cancellations net out.
answer = "met" if pledge_weeks_mt >= late_2025["quantity_mt"] else "short"
### END SOLUTION
teach.check_answer("05_pledge_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): Two bases, one marketing year
#
# For marketing year 2024/25 (September 2024 to August 2025), compare China's arrivals of US
# soybeans with US exports to China. Start from two loaded tables: `long`
# (`load("china_soybean_imports")`: the rows with `partner` "United States", `measure`
# `quantity_kg` and `freq` `month`, kg, China Customs via TDM) and `sales`
# (`load("us_soybean_export_sales")`: ESR's `accumulated_exports_kmt` for marketing year
# 2024/25 in the last week ending on or before 31 August 2025).
#
# **Compute:** arrivals minus accumulated exports. **Unit:** Mt.
#
# **Then choose** (second cell, `answer = "arrivals"`, `"esr"` or `"same"`): China's arrivals
# are larger by more than 1 Mt ("arrivals"), ESR's accumulated exports are larger by more than
# 1 Mt ("esr"), or the two are within 1 Mt ("same"). Which months of the US season explain the
# gap?

# %% tags=["solution"]
### BEGIN SOLUTION
us_tonnes = long[(long["partner"] == "United States") & (long["measure"] == "quantity_kg")
                 & (long["freq"] == "month")].set_index("period")["value"]
arrived = us_tonnes.loc["2024-09-01":"2025-08-01"]
assert arrived.count() == 12
esr = sales[(sales["destination"] == "China") & (sales["marketing_year"] == "2024/25")
            & (sales["date"] <= "2025-08-31")].sort_values("date")
exported = esr["accumulated_exports_kmt"].iloc[-1] / 1000
answer = bases_gap = arrived.sum() / 1e9 - exported
print(f"arrivals {arrived.sum() / 1e9:.1f} Mt, ESR exported {exported:.1f} Mt")
### END SOLUTION
teach.check_answer("05_basis_gap_2425", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the bases count the same beans at different moments, ESR at export and
# China's customs on arrival a month or more later: arrivals early in the year come from
# the previous year's shipments, and July-August shipments arrive after it ends.
answer = "same" if abs(bases_gap) <= 1 else "arrivals" if bases_gap > 0 else "esr"
### END SOLUTION
teach.check_answer("05_bases_reading", answer)

# %% [markdown]
# ## What to watch, and what the next data update will show
#
# - US export sales (USDA FAS weekly export sales): the 2026/27 book and
#   whether shipments keep pace with the claimed 25 Mt a year.
# - US exports to China by month (Census, HS 1201): the shipment-month view of the same trade.
# - Farm machinery prices (BLS producer price index): whether the 2025 rare-earth controls, and their
#   suspension, show up in US farm machinery prices.
# - Updates of the event table: each deadline after the table's last event needs a new
#   event recording what happened on that date.

# %% [markdown]
# ## Appendix: the event table

# %% tags=["remove-input"]
report.show_table(events[["date", "actor", "measure", "status", "confirmed", "sources"]],
                  f"Every event in the kit's table ({len(events)} events)", appendix=True)
