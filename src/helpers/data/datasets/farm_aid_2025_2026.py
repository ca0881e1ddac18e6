"""Trade and market aid of 2025-2026: Farmer Bridge Assistance (December 2025), ECAP (2024
crop) and the October 2025 soybean purchase commitments, as published."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

COLUMNS = _farm.AID_COLUMNS

SPEC = DatasetSpec(
    id="farm_aid_2025_2026",
    title="Farm aid 2025-2026: bridge payments, ECAP rates and China's purchase commitments",
    role="core",
    publisher=("USDA press releases (8, 10 and 31 Dec 2025; 23 Feb 2026; ECAP Mar 2025) as "
               "reprinted; House Agriculture Committee; farmdoc; one citation per row"),
    units="USD bn, USD mn, USD per planted acre, million metric tons, dates; unit column per row",
    frequency="facts",
    origin_url="see the source_url of each row",
    licence="figures quoted from public releases",
    source_line="USDA releases on Farmer Bridge Assistance and ECAP (reprints), House Agriculture "
                "Committee",
    caveats=(
        _farm.HAND_TRANSCRIBED + ".",
        _farm.VERIFIED_MEANS,
        ("Value is text: a few rows hold dates or a date range (deadlines, enrolment); money rows "
         "hold numbers."),
        ("FBA: USD 12 bn package, up to 11 bn for 20 row crops on 2025 planted acres, 1 bn for "
         "specialty crops and sugar; these are authorised amounts, not payments made."),
        ("ECAP sesame: Capital Press prints 27.23, the House/USDA list 16.83; the file keeps "
         "16.83."),
        ("Supplemental disaster aid (about USD 21 bn for 2023-2024) is for natural disasters, "
         "not trade, and is kept for context only."),
        ("China's purchase commitments (12 MMT by Jan 2026; 25 MMT a year 2026-2028) are "
         "statements by US officials, not a published agreement text."),
    ),
    gaps=(
        "No second (2026-crop) bridge tranche found up to about February 2026.",
        "No total of FBA payments made found.",
    ),
    files=(DataFile("snapshot/farm_aid_2025_2026.csv",
                    build=_farm.build_copy("farm_aid_2025_2026"),
                    copied_from=(_farm.HAND_TRANSCRIBED
                                 + " (the extract farm/farm_aid_2025_2026.csv)",)),),
    schema=_farm.schema_for(COLUMNS, numeric_value=False),
    usual_lag_days=None,  # facts compiled from releases: no release schedule
    plausibility=Plausibility(),  # facts: no bounds shared by their units; duplicates refused
)
