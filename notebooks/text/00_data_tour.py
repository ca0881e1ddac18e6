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
# # Data tour: what US–China Trade Watch holds
#
# Every notebook and brief in the kit runs on the datasets below. They are official
# statistics (Census, China Customs, BLS, EIA, IMF, World Bank, USGS, the Federal Reserve)
# and a cited event table, committed as a checksummed snapshot and validated on every load.
# A refresh (`make data-refresh`, online) pulls newer vintages into a cache that the loaders
# prefer. USDA's weekly export sales (the commitments the outlook brief tracks)
# refresh only with a FAS API key; the briefs say what the next data update will show.

# %% tags=["parameters"]
# Parameters (papermill convention): show the cross-check extracts in the status table too?
include_crosschecks = False

# %% tags=["remove-cell"]
from IPython.display import Markdown, display

from helpers import charts, report
from helpers.data import catalog, load, status
from helpers.data.inventory import coverage

charts.use_house_style()
table = status(include_crosschecks=include_crosschecks)
loaded = table[table["origin"].isin(["snapshot", "cache"])]
frames = [load(ds_id) for ds_id in loaded["id"]]
cov = coverage()

# %% tags=["remove-input"]
brief = report.Brief(
    title="Data tour: what the kit holds",
    takeaway=(f"{len(frames)} datasets load offline and validated, from "
              f"{cov['start'].min():%B %Y} to {cov['end'].max():%B %Y}; "
              f"{int((cov['missing'] > 0).sum())} series have documented missing months."),
)
brief.add("Datasets loaded and validated", len(frames), "datasets", "snapshot", loaded["id"],
          decimals=0, key="datasets_loaded")
brief.add("Series tracked", len(cov), "series", "all", cov["dataset"].unique(), decimals=0, key="series_tracked")
brief.add("Observations", int(cov["observations"].sum()), "values", "all", cov["dataset"].unique(),
          decimals=0, key="observations")
brief.add("Datasets a refresh can update", int(catalog.summary()["refresh"].ne("-").sum()),
          "datasets", "online", loaded["id"], decimals=0, key="datasets_refreshable")
brief.show_as_of(frames)
brief.show()

# %% [markdown]
# ## Status: coverage, vintage and origin of each dataset
#
# "Read from" says whether a dataset came from the committed snapshot or a newer refresh
# cache; "freshness" compares the newest observation with today's date (monthly trade and
# price series are published with a lag of one to three months). Dates on the first of a
# month stand for the month; facts quoted from publications are not dated.

# %% tags=["remove-input"]
from helpers import tour

report.show_table(tour.status_table(table), decimals=0)

# %% [markdown]
# ## Coverage of every series

# %% tags=["remove-input"]
fig = charts.coverage_chart(cov)
report.show_chart(fig, frames, data=cov.rename(columns={"observations": "observations [n]",
                                                      "missing": "missing months [n]"}),
                  alt="Horizontal bars showing, for each series in the kit, the span from its "
                      f"first to its last observation; the spans run from {cov['start'].min():%Y} "
                      f"to {cov['end'].max():%Y-%m}.")

# %% [markdown]
# ## Units, publishers and licences

# %% tags=["remove-input"]
report.show_table(tour.catalog_table(catalog.summary()))

# %% [markdown]
# ## Known gaps and caveats
#
# Missing is never zero in this kit: a month without data stays empty unless a source
# states a zero (China's imports of US soybeans in September 2025 are such a stated zero).

# %% tags=["remove-input"]
entries = catalog.read_catalog()
lines = []
for ds_id in loaded["id"]:
    ds = entries[ds_id]
    lines.append(f"**{ds.title}** (`{ds_id}`)")
    lines += [f"- gap: {g}" for g in ds.gaps] + [f"- caveat: {c}" for c in ds.caveats]
display(Markdown("\n".join(lines)))

# %% [markdown]
# ## Series with missing months inside their span

# %% tags=["remove-input"]
report.show_table(tour.gaps_table(cov), decimals=0)
