"""US soybean prices received: marketing-year averages, WASDE projection vintages, the ERS
harvest-period price and a few monthly points, USD per bushel."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

COLUMNS = ["year", "date", "series", "geography", "value", "unit", "vintage", "status", "source",
           "source_url", "source_repo", "source_path", "source_commit", "verified", "note"]

SPEC = DatasetSpec(
    id="soybean_prices",
    title="US soybean prices received by farmers: marketing-year averages and projections",
    role="core",
    publisher="USDA NASS via the ERS Oil Crops Yearbook; USDA WASDE; USDA ERS",
    units="USD per bushel",
    frequency="marketing year (September-August), with projection vintages and monthly points",
    origin_url="https://www.ers.usda.gov/data-products/oil-crops-yearbook",
    licence="U.S. government work, public domain",
    source_line="USDA NASS season-average price via ERS Oil Crops Yearbook; USDA WASDE",
    caveats=(
        ("The year column is the first year of the marketing year (2018 = MY 2018/19, September "
         "2018 to August 2019)."),
        ("The ERS harvest-period price (from costs and returns) is a different price: 8.61 in "
         "2018 against the marketing-year average 8.48; it is kept for comparison only."),
        ("Marketing-year averages 2010-2023 equal the ERS Season-Average Price Forecasts file "
         "(JensenJudkins/soybean-forecast outputfc.csv); 2022-2025 equal WASDE as quoted by "
         "Farm Credit East (Feb 2026)."),
        "The monthly points are isolated press quotes of NASS Agricultural Prices, not a series.",
        _farm.VERIFIED_MEANS,
    ),
    gaps=("The national monthly NASS price-received series 2015-2026 was not found.",),
    files=(DataFile("snapshot/soybean_prices.csv", build=_farm.build_copy("soybean_prices"),
                    copied_from=(
                        ("Marketing-year averages: kernlai/agents-vs-wall-street-starter "
                         "data/deere/drv_farm_economy.csv @e4b6aa6b9031011dc2827b428d7c6bd60e25683d"),
                        ("Projections and monthly points: " + _farm.HAND_TRANSCRIBED
                         + "; OCS-25i via JensenJudkins/soybean-forecast "
                         "@305db0997fa809135db8b18a061b95307dc6cc62"),
                    )),),
    schema=_farm.schema_for(COLUMNS, numeric_value=True, years=(2010, 2026)),
    usual_lag_days=35,  # NASS publishes the final marketing-year average about a month
    # after August ends
    plausibility=Plausibility(
        bounds={"value": (1, 100)}),  # USD per bushel; history 8.44..14.40
)
