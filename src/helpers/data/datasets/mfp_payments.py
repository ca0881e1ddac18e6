"""Market Facilitation Program 2018 and 2019 (and CFAP 2020 for context): authorisations,
rates, USDA estimates, payments by commodity and state, as published."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

COLUMNS = _farm.AID_COLUMNS

SPEC = DatasetSpec(
    id="mfp_payments",
    title="Market Facilitation Program 2018 and 2019: authorised, rates, estimates and payments",
    role="core",
    publisher=("USDA (FSA, OCE, OIG), Congressional Research Service, GAO; summaries by farmdoc "
               "daily, AFBF and EWG; one citation per row"),
    units="USD bn, USD mn, USD, USD per unit of output or acre, percent; unit column per row",
    frequency="facts",
    origin_url="see the source_url of each row",
    licence="figures quoted from public releases and reports",
    source_line="USDA FSA/OCE releases, CRS R45310/R45865/IF11289, GAO-20-700R, GAO-22-104259",
    caveats=(
        _farm.HAND_TRANSCRIBED + ".",
        _farm.VERIFIED_MEANS,
        ("Authorised ceilings, USDA estimates and payments made are different things: the series "
         "column says which; never add one kind to another."),
        ("The 2018 MFP ceiling is 'up to USD 10 bn' in CRS and 'up to USD 10.6 bn' in USDA OIG; "
         "both rows are kept."),
        ("2018 payments by commodity are AFBF's rounded count as of 13 May 2019; no official FSA "
         "table was found."),
        ("2019 payments were per planted acre at county rates (USD 15-150) not tied to the crop "
         "planted: there is no clean split by commodity. The USD 2.05/bu soybean figure for 2019 "
         "is derived (3.70 - 1.65, Adjemian et al.), not a USDA rate."),
        ("EWG state totals are by payment date (2018-2020) and mix both programme years."),
        ("ERS calendar-year accounting (MFP paid in calendar 2018: about 5.2 bn) differs from "
         "programme-year totals (2018 MFP: 8.59 bn paid)."),
    ),
    gaps=(
        "No official FSA table of MFP payments by commodity or by state.",
        "GAO-21-319, once cited for MFP, was not found; GAO-22-468 is the matching report.",
    ),
    files=(DataFile("snapshot/mfp_payments.csv", build=_farm.build_copy("mfp_payments"),
                    copied_from=(_farm.HAND_TRANSCRIBED + " (the extract farm/mfp_payments.csv)",)),),
    schema=_farm.schema_for(COLUMNS, numeric_value=True),
    usual_lag_days=None,  # facts compiled from releases: no release schedule
    plausibility=Plausibility(),  # facts: no bounds shared by their units; duplicates refused
)
