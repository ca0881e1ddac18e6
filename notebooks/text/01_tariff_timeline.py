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
# # The tariff timeline: 2018 to today
#
# How the US and China raised, cut and suspended tariffs on each other since 2018, what
# China charged on US soybeans at each step, what changed after the US Supreme Court's
# IEEPA ruling in 2026, and where the export-control fight over rare earths fits. Every
# rate below is read from the kit's cited event table; averages come from PIIE and CRS and
# are kept as separate series.

# %% [markdown] tags=["learning-goals"]
# **Learning goals.** After this notebook you can:
#
# - read a tariff *step path* from a cited event table and say which rate held on any day;
# - explain how additional duties stack on the *MFN* rate, and why China's soybean rate has a statutory and a waiver basis (*exclusion/waiver*);
# - tell instrument rates (*Section 301*, *IEEPA*, *Section 232*, *Section 122*) apart from trade-weighted average tariffs;
# - place *retaliation* and export controls on the same timeline as the US measures.
#
# Terms in *italics* are defined in the [glossary](../docs/glossary.md).

# %% tags=["parameters"]
# Parameters (papermill convention)
start = "2018-01-01"        # window start (ISO date)
end = ""                    # window end (ISO date); empty means the last event in the table
as_of = ""                  # date the latest-year summary counts from (ISO date); empty means the build date
actor = "both"              # events to mark: "US", "China" or "both"
soybean_basis = "waiver"    # "waiver" (importers with exclusions) or "statutory"

# %% tags=["remove-cell"]
import pandas as pd
from IPython.display import Markdown, display

from helpers import charts, outlook, report, tariffs
from helpers.data import load

charts.use_house_style()
events = tariffs.with_short_labels(load("tariff_events"))
avg = load("average_tariffs")
facts = load("rare_earth_facts").set_index("fact_id")
phase_one = load("phase_one_facts").set_index("fact_id")
end = end or f"{tariffs.latest_event(events):%Y-%m-%d}"
count_from = outlook.default_as_of(as_of)
if pd.Timestamp(start) >= pd.Timestamp(end):
    raise ValueError(f"start {start} must be before end {end}")
if actor not in ("US", "China", "both"):
    raise ValueError(f"actor must be 'US', 'China' or 'both', not {actor!r}")
actors = ["US", "China", "US+China"] if actor == "both" else [actor, "US+China"]
shown = tariffs.filter_events(events, actor=actors, status="took effect", start=start, end=end)
shown = shown[~shown["instrument"].fillna("").str.startswith("Section 232")]  # global duties
soy = tariffs.soybean_tariff_path(events, start, end, basis=soybean_basis)
soy_other = tariffs.soybean_tariff_path(
    events, start, end, basis="statutory" if soybean_basis == "waiver" else "waiver")
us = tariffs.us_instrument_rates(events, start, end)
avg_in = avg[(avg["date"] >= start) & (avg["date"] <= end)]
piie_us = tariffs.average_tariff_points(avg_in, "PIIE", "us_on_china")
piie_cn = tariffs.average_tariff_points(avg_in, "PIIE", "china_on_us")
crs_us = tariffs.average_tariff_points(avg_in, "CRS", "us_on_china")
crs_cn = tariffs.average_tariff_points(avg_in, "CRS", "china_on_us")

# %% tags=["remove-input"]
steps = soy[soy.diff() != 0]
peak_day = soy.idxmax()
path_text = " → ".join(f"{v:g}%" for v in steps)
brief = report.Brief(title=f"The tariff timeline, {pd.Timestamp(start).year}-{pd.Timestamp(end).year}")
brief.set_takeaway(
    f"China's tariff on US soybeans ({soybean_basis} basis) went {path_text} between "
    f"{steps.index[0]:%B %Y} and {soy.index[-1]:%B %Y}, peaking at {soy.max():g}% on "
    f"{peak_day:%d %B %Y}; the US IEEPA duties on China peaked at "
    f"{us['IEEPA stack'].max():g}% and were "
    f"{'no longer collected' if us['IEEPA stack'].iloc[-1] == 0 else 'still in force'} at the "
    "window's end.",
    holds=soy.max() == steps.max() and steps.iloc[-1] == soy.iloc[-1],
    basis="daily step path from the event table's soybean column; IEEPA stack from its rates",
    datasets=["tariff_events"])
brief.add("China's tariff on US soybeans, start of window", soy.iloc[0], "%",
          f"{soy.index[0]:%Y-%m-%d}", ["tariff_events"], note=f"{soybean_basis} basis", key="soy_tariff_start")
brief.add("China's tariff on US soybeans, peak", soy.max(), "%", f"{peak_day:%Y-%m-%d}",
          ["tariff_events"], note=f"{soybean_basis} basis", key="soy_tariff_peak")
brief.add("China's tariff on US soybeans, end of window", soy.iloc[-1], "%",
          f"{soy.index[-1]:%Y-%m-%d}", ["tariff_events"], note=f"{soybean_basis} basis", key="soy_tariff_end")
brief.add("US IEEPA duties on China, peak (fentanyl + reciprocal)", us["IEEPA stack"].max(), "%",
          f"{us['IEEPA stack'].idxmax():%Y-%m-%d}", ["tariff_events"], note="instrument rate", key="ieepa_peak")
# The stack on the largest Section 301 list: its rate plus the IEEPA duties (NaN before an
# instrument existed: no duty under it then).
stack_end = us["Section 301 List 3"].fillna(0).iloc[-1] + us["IEEPA stack"].fillna(0).iloc[-1]
brief.add("US additional duties on Chinese goods of Section 301 List 3 (list rate plus IEEPA), "
          "end of window", stack_end, "%", f"{us.index[-1]:%Y-%m-%d}", ["tariff_events"],
          note="instrument rates; the 2024 Section 301 increases on selected products and global "
               "Section 232 and 122 duties not included", key="us_stack_end")
brief.add("US average tariff on China, PIIE peak", piie_us.max() if len(piie_us) else None, "%",
          f"{piie_us.idxmax():%Y-%m-%d}" if len(piie_us) else "n/a", ["average_tariffs"],
          note="trade-weighted", key="piie_us_avg_peak")
brief.add("Phase One purchase commitment achieved", phase_one.loc["p1_share_achieved", "value"],
          "%", "2020-2021", ["phase_one_facts"], note="PIIE; 58% in its revised post",
          decimals=0, key="phase_one_share_achieved")
brief.add("China's share of world rare-earth mine production",
          100 * facts.loc["re_mine_china_2024", "value"] / facts.loc["re_mine_world_2024", "value"],
          "%", "2024", ["rare_earth_facts"], note="USGS; China's quota", decimals=0, key="china_re_mine_share")
brief.show_as_of([events, avg, facts, phase_one])
brief.show()

# %% [markdown]
# ## Average tariffs in both directions
#
# PIIE (Chad Bown) and CRS publish trade-weighted averages at irregular dates with different
# methods (CRS counts no exemptions). The chart shows each published point inside the
# window; the thin steps between PIIE points assume the level held until the next
# publication and are labelled so.

# %% tags=["remove-input"]
if len(piie_us) + len(crs_us) == 0:
    display(Markdown(f"No published average falls between {start} and {end}; the kit's "
                     f"averages run {avg['date'].min():%Y-%m} to {avg['date'].max():%Y-%m}."))
else:
    fig, ax = charts.published_points(
        {"US on China (PIIE)": piie_us, "China on US (PIIE)": piie_cn,
         "US on China (CRS)": crs_us, "China on US (CRS)": crs_cn},
        "Trade-weighted average tariffs: PIIE (dots) and CRS (squares)", start, end,
        "2025-01-01", "average tariff, %")
    report.show_chart(fig, [avg, events], ax=ax,
                      note="Dotted steps between PIIE points are an assumption (level held until "
                           f"the next published point). Published averages end "
                           f"{avg['date'].max():%Y-%m}.",
                      alt=f"Published average tariffs between {start[:7]} and {end[:7]}: PIIE's US "
                          f"average on China peaks at {piie_us.max():.1f}% in "
                          f"{piie_us.idxmax():%B %Y}.")
    if len(crs_us) and len(piie_us):
        brief.claim(f"The two publishers differ in method and level: CRS's figure for "
                    f"{crs_us.index[-1]:%B %Y} puts the US average on China at {crs_us.iloc[-1]:.0f}%"
                    f", PIIE's peak is {piie_us.max():.1f}%; the kit keeps them as separate points.",
                    holds=abs(crs_us.iloc[-1] - piie_us.max()) > 0.5,
                    basis="published points, PIIE and CRS", datasets=["average_tariffs"])

# %% [markdown]
# ## China's tariff on US soybeans

# %% tags=["remove-input"]
path = pd.DataFrame({f"{soybean_basis} basis": soy,
                     ("statutory" if soybean_basis == "waiver" else "waiver") + " basis": soy_other})
fig, ax = charts.lines(path, "China's total tariff on US soybeans (MFN 3% + additional duties)",
                       "tariff, %", step=True,
                       styles={path.columns[1]: {"ls": "--", "lw": 1.2,
                                                 "color": charts.PALETTE["sky"]}})
charts.add_zoom(fig, path, max(pd.Timestamp("2025-01-01"), pd.Timestamp(start)),
                "2025 on, in detail", step=True)
report.show_chart(fig, [events], ax=ax, events=tariffs.filter_events(shown, product="soybeans"),
                  events_note="Marked: steps of China's soybean tariff that took effect.",
                  note="Waiver basis: importers granted the 2020 market-based exclusions; "
                       "statutory basis keeps the waived 2018-19 duties.",
                  alt=f"Step chart of China's tariff on US soybeans: {soy.iloc[0]:g}% at the start, "
                      f"a peak of {soy.max():g}% in {peak_day:%B %Y}, {soy.iloc[-1]:g}% at the end "
                      "of the window.")
brief.claim(f"Each step of the soybean rate ({soybean_basis} basis): " + "; ".join(
    f"{d:%d %b %Y}: {v:g}%" for d, v in steps.items()) + ".",
    holds=len(steps) >= 2 and (steps.diff().dropna() != 0).all(),
    basis="changes of the daily step path", datasets=["tariff_events"])

# %% [markdown] tags=["method"]
# ### Method: the step path and the stacking rule
#
# China's total tariff on US soybeans on day $t$ is the MFN rate plus every additional duty in
# force that day:
#
# $$\tau_t = \tau^{\mathrm{MFN}} + \sum_{i} d_{i,t}, \qquad d_{i,t} = d_{i,e_i(t)}$$
#
# where $e_i(t)$ is the latest event on or before day $t$ that set measure $i$: a rate holds
# from its event date until the next event changes it (a step path, nothing interpolated).
# The event table records the total after each event, so the helper reads the totals' step
# path and, before the first event, uses the MFN rate $\tau^{\mathrm{MFN}}$ (`tariffs.MFN_SOYBEAN_PCT`).

# %% tags=["method"]
# The step rule through the helper: each event's total holds until the next event changes it.
method_path = tariffs.soybean_tariff_path(events, start, end, basis=soybean_basis)
method_steps = method_path[method_path.diff() != 0]
pd.DataFrame({"total tariff, %": method_steps,
              "additional duties on top of MFN, points": method_steps - tariffs.MFN_SOYBEAN_PCT})

# %% [markdown]
# ## Instruments in force
#
# The Gantt view shows each China-specific US instrument (Section 301 lists, IEEPA duties)
# and China's counter-measures, including its rare-earth export controls. Section 232
# duties and the 2026 Section 122 surcharge apply to every country and are left out.

# %% tags=["remove-input"]
spans = tariffs.instrument_spans(events, until=end)
spans = spans[spans["actor"].isin(actors)]
fig, ax = charts.gantt(spans, "Tariff instruments and export controls in force")
report.show_chart(fig, [events], data=spans[["actor", "instrument", "start", "end", "ongoing"]],
                  alt=f"Gantt chart of {len(spans)} instruments between "
                      f"{spans['start'].min():%Y} and {pd.Timestamp(end):%Y}, US measures and "
                      "China's counter-measures.")

# %% [markdown]
# ## The 2025 escalation, the truces and the deadlines

# %% tags=["remove-input"]
ieepa = us.loc["2025-01-01":end, ["IEEPA fentanyl", "IEEPA reciprocal", "IEEPA stack"]]
if ieepa.dropna(how="all").empty:
    display(Markdown("The window holds no IEEPA duty."))
else:
    fig, ax = charts.lines(ieepa, "US IEEPA duties on goods from China", "additional duty, %",
                           step=True)
    stack = ieepa["IEEPA stack"].dropna()
    report.show_chart(fig, [events], ax=ax, events=shown[shown["date"] >= "2025-01-01"],
                      max_labels=10,
                      note="Instrument rates, not averages; Section 301 duties (7.5-25%, up to "
                           "100% after the 2024 review) come on top.",
                      alt=f"Step chart of the IEEPA duties: the stack peaks at {stack.max():g}% in "
                          f"{stack.idxmax():%B %Y} and is {stack.iloc[-1]:g}% at the window's end.")
    brief.claim(f"The IEEPA stack peaked at {stack.max():g}% on {stack.idxmax():%d %B %Y} and was "
                f"{stack.iloc[-1]:g}% on {stack.index[-1]:%d %B %Y}.",
                holds=stack.max() >= stack.iloc[-1], basis="IEEPA instrument rates, daily",
                datasets=["tariff_events"])
events_2025 = tariffs.filter_events(events, start="2025-04-01", end="2025-12-31")
display({"text/html": f"<details class='tw-appendix'><summary>The {len(events_2025)} events of "
                      f"April-December 2025, with their sources</summary>"
                      f"{report.event_list_html(events_2025)}</details>" if len(events_2025) else
         "<p>No event in 2025 from April on.</p>", "text/plain": ""}, raw=True)

# %% [markdown]
# ## The latest year, in short
#
# The main events of the event table's latest year, each with a linked source; "partly
# confirmed" marks a row resting on a single or weak source. Every event, with all its
# sources, is in the appendix.

# %% tags=["remove-input"]
last_event = tariffs.latest_event(events)
story = tariffs.year_narrative(events, last_event.year)
display({"text/html": report.narrative_html(story, count_from, last_event), "text/plain": ""},
        raw=True)

# %% [markdown]
# ## Phase One: commitments and outcome

# %% tags=["remove-input"]
p1 = phase_one["value"]
brief.claim(
    f"The Phase One agreement committed China to buy USD {p1['p1_target_total']:.1f} bn of "
    f"covered US goods and services in 2020-21 (USD {p1['p1_target_2020']:.1f} bn and "
    f"{p1['p1_target_2021']:.1f} bn). It bought USD {p1['p1_actual_total']:.1f} bn: "
    f"{p1['p1_share_achieved']:.0f}% by PIIE's first estimate, {p1['p1_share_achieved_revised']:.0f}% "
    f"in its revised post. Agriculture came closer: China bought about "
    f"{p1['p1_ag_share_achieved']:.0f}% of the whole farm commitment (the 2017 baseline plus "
    f"USD {p1['p1_ag_extra_total']:.0f} bn of additional purchases) by Bloomberg's count; that "
    "share is of the whole commitment, not of the additional USD "
    f"{p1['p1_ag_extra_total']:.0f} bn.",
    holds=p1["p1_share_achieved"] < p1["p1_ag_share_achieved"] < 100
    and abs(100 * p1["p1_actual_total"] / p1["p1_target_total"] - p1["p1_share_achieved"]) < 1.5,
    basis="hand-compiled Phase One facts; total share recomputed from the dollar figures",
    datasets=["phase_one_facts"])

# %% [markdown]
# ## Rare earths: the other lever

# %% tags=["remove-input"]
f = facts["value"]
outside_china = f["re_mine_world_2024"] - f["re_mine_china_2024"]
brief.claim(
    f"China's export controls on rare earths (April and October 2025; the October measures "
    f"suspended from 10 November 2025 for a year) bear on processing more than on mining. The "
    f"US mines rare earths itself: {f['re_mine_us_2024'] / 1000:.0f} thousand t REO in 2024, "
    f"{100 * f['re_mine_us_2024'] / f['re_mine_world_2024']:.0f}% of the world's "
    f"{f['re_mine_world_2024'] / 1000:.0f} thousand t and "
    f"{100 * f['re_mine_us_2024'] / outside_china:.0f}% of all output outside China, whose "
    f"{f['re_mine_china_2024'] / 1000:.0f} thousand t (its quota) were "
    f"{100 * f['re_mine_china_2024'] / f['re_mine_world_2024']:.0f}%. Its dependence is on "
    f"compounds and metals: US net import reliance for them was {f['re_nir_2024']:.0f}% in 2024 "
    f"(estimated), and China supplied {f['re_imports_src_china']:.0f}% of US imports of them in "
    "2020-23.",
    holds=f["re_mine_china_2024"] > f["re_mine_world_2024"] / 2
    and 0 < f["re_mine_us_2024"] < outside_china and 0 < f["re_nir_2024"] < 100
    and f["re_imports_src_china"] > 50
    and "compounds and metals" in facts.loc["re_nir_2024", "measure"]
    and "compounds and metals" in facts.loc["re_imports_src_china", "measure"],
    basis="USGS Mineral Commodity Summaries 2025: mine production, net import reliance and "
          "import sources as the rows name them", datasets=["rare_earth_facts"])

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# Each exercise asks for a number, and some also for a reading (a choice among stated readings). Compute each in the cell below the question, then run `teach.check_answer(...)`: it says whether your answer matches the reference computed from the same data, without showing the reference. Exercises run from easy to hard.
#
# ### Exercise 1 (easy): How long did the peak last?
#
# For how many days did China's tariff on US soybeans (waiver basis) stand at its peak rate?
# Use the daily step path from 2018-01-01 to the event table's latest event.
#
# **Compute:** the number of days on which the path equals its maximum. **Unit:** days.

# %% tags=["solution"]
from helpers import teach

### BEGIN SOLUTION
path = tariffs.soybean_tariff_path(events, "2018-01-01", basis="waiver")
answer = int((path == path.max()).sum())
print(f"peak {path.max():g}% from {path.idxmax():%d %b %Y}")
### END SOLUTION
teach.check_answer("01_peak_days", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 2 (medium): The average rate of 2025
#
# A step path that spends a few weeks at its peak has a peak that few shipments paid. Compute
# the day-weighted average of China's tariff on US soybeans over calendar year 2025 (waiver
# basis, `tariffs.soybean_tariff_path` on the loaded `events` table) and compare it with the
# year's peak and with its rate on 1 January 2025.
#
# **Compute:** the mean of the daily path from 2025-01-01 to 2025-12-31. **Unit:** %.
#
# **Then choose** (second cell, `answer = "peak"` or `"start"`): the 2025 average is closer to
# the year's peak ("peak") or to the rate on 1 January ("start"). What does your reading say
# about the tariff US soybeans actually paid in 2025, and what can it not say?

# %% tags=["solution"]
### BEGIN SOLUTION
path_2025 = tariffs.soybean_tariff_path(events, "2025-01-01", "2025-12-31", basis="waiver")
answer = mean_2025 = path_2025.mean()
print(f"2025 average {mean_2025:.1f}%: from {path_2025.iloc[0]:g}% on 1 January to a peak of {path_2025.max():g}%")
### END SOLUTION
teach.check_answer("01_mean_2025", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: a day-weighted average counts each rate by its days, so a peak of a few
# weeks moves it little; few cargoes paid the highest rates, and exclusions and clearance
# dates decide what shipments paid.
answer = "peak" if path_2025.max() - mean_2025 < mean_2025 - path_2025.iloc[0] else "start"
### END SOLUTION
teach.check_answer("01_mean_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 3 (medium): Stacking US duties, against the average
#
# A good on Section 301 List 3 arrived in the US from China on 12 April 2025. Apply the
# stacking rule to the China-specific US instruments: what additional duty did it face
# (Section 301 List 3 plus the IEEPA fentanyl and reciprocal duties)? Section 232 and MFN
# duties are left out.
#
# **Compute:** the sum of the instrument rates in force that day (`tariffs.in_force_on`).
# **Unit:** %.
#
# **Then choose** (second cell, `answer = "above"` or `"below"`): start from the loaded table
# `avg` (`load("average_tariffs")`: one row per `publisher`, `direction` and `date`, with
# `avg_tariff_pct`) and take PIIE's latest average US tariff on Chinese goods (`direction`
# `us_on_china`) dated on or before 12 April 2025. Is your good's additional duty above it
# ("above") or at or below it ("below")? Why can one good's duty differ so much from the
# average?

# %% tags=["solution"]
### BEGIN SOLUTION
rates = tariffs.in_force_on(events, "2025-04-12")
answer = stack_list3 = rates["Section 301 List 3"] + rates["IEEPA stack"]
print({k: v for k, v in rates.items() if v})
### END SOLUTION
teach.check_answer("01_stack_list3", answer)

# %% tags=["solution"]
### BEGIN SOLUTION
# Model answer: the average weights every good by its pre-duty trade, and goods on no
# list or exempted pull it down; a List 3 good pays the whole stack. One answers what the
# typical import dollar faced, the other what one importer paid.
piie_rows = avg[(avg["publisher"] == "PIIE") & (avg["direction"] == "us_on_china")
                & (avg["date"] <= "2025-04-12")]
piie_latest = piie_rows.sort_values("date")["avg_tariff_pct"].iloc[-1]
print(f"PIIE average {piie_latest:g}% against the List 3 stack {stack_list3:g}%")
answer = "above" if stack_list3 > piie_latest else "below"
### END SOLUTION
teach.check_answer("01_stack_vs_average_reading", answer)

# %% [markdown] tags=["exercise"]
# ### Exercise 4 (hard): What the waiver was worth
#
# From 2 March 2020 importers could apply for exclusions from China's 2018-19 retaliatory
# duties on soybeans. Over 2020-2021 (the Phase One years), how many percentage points
# lower was the day-weighted average tariff on the waiver basis than on the statutory basis?
# Why does the answer fall short of the waived duty itself?
#
# **Compute:** the mean over 2020-01-01..2021-12-31 of (statutory path minus waiver path).
# **Unit:** percentage points.

# %% tags=["solution"]
### BEGIN SOLUTION
statutory = tariffs.soybean_tariff_path(events, "2020-01-01", "2021-12-31", basis="statutory")
waiver = tariffs.soybean_tariff_path(events, "2020-01-01", "2021-12-31", basis="waiver")
answer = (statutory - waiver).mean()
# Less than the waived duty itself: the first two months of 2020 precede the waiver.
### END SOLUTION
teach.check_answer("01_waiver_gap_2020_21", answer)

# %% [markdown]
# ## What this does and doesn't show
# - Instrument rates are statutory additional duties on the goods each instrument covers;
#   they are not what the average shipment paid. For that, read the PIIE and CRS averages,
#   which differ in method and never form one line here.
# - The soybean path on the waiver basis assumes importers held exclusion waivers from
#   March 2020; whether they lapsed in September 2025 is not settled by the sources.
# - Events marked “partly” in the table rest on a derived figure or a single weak source.

# %% [markdown]
# ## Appendix: reference tables

# %% tags=["remove-input"]
report.show_table(phase_one[["measure", "period", "value", "unit", "citation"]],
                  "Phase One commitments and outcome (hand-compiled, cited)", appendix=True)
report.show_table(facts[["subject", "measure", "period", "as_printed", "unit", "estimated"]],
                  "Rare earths: USGS Mineral Commodity Summaries 2025", appendix=True)
report.show_table(events[["date", "actor", "measure", "status", "confirmed", "sources"]],
                  f"Every event in the kit's table ({len(events)} events)", appendix=True)
