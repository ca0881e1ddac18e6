"""Published trade (Armington) elasticities for soybeans and oil crops, set beside the kit's
own estimate in brief 03 (hand-compiled, a source file and its commit per row)."""

from __future__ import annotations

from helpers.data.datasets import _farm
from helpers.data.plausibility import Plausibility
from helpers.data.registry import DataFile, DatasetSpec

SPEC = DatasetSpec(
    id="published_trade_elasticities",
    title="Published trade (Armington) elasticities for soybeans and oil crops, with their bases",
    role="core",
    publisher="the models and studies, cited per row (JGCRI's GCAM documentation and input data)",
    units="logit exponents (dimensionless); unit column per row",
    frequency="facts",
    origin_url="see the source_url of each row",
    licence="figures quoted from published model documentation and input files",
    source_line="JGCRI, GCAM v5.4 documentation (Trade in GCAM, Table 1) and gcam-core input data",
    caveats=(
        ("Hand-compiled by the kit from the repository files named per row (the URL pins the "
         "commit that was read); values as printed, signs included."),
        _farm.VERIFIED_MEANS,
        ("GCAM's exponents are model parameters calibrated to the Armington literature, not "
         "estimates: they carry no sample and no standard error. In GCAM's logit each source's "
         "quantity share moves with its price to the power of the exponent, the relation the kit "
         "fits, so an exponent of -6 reads as an elasticity of substitution of 6."),
        ("The international exponent governs exporting regions competing to supply one global "
         "pool, not China's purchases alone; the regional one, domestic production against "
         "imports."),
    ),
    gaps=("No published econometric estimate of the elasticity of substitution between US and "
          "Brazilian soybeans in China could be checked against its source: GTAP's oilseed "
          "parameters and the Chinese-language estimates were seen only as titles or opening "
          "pages.",),
    files=(DataFile("snapshot/facts/published_trade_elasticities.csv",
                    copied_from=("Hand-compiled by the kit from the GitHub files in each row's "
                                 "source_url (JGCRI/gcam-doc, JGCRI/gcam-core)",)),),
    schema=_farm.schema_for(_farm.PUBLISHED_FIGURE_COLUMNS, numeric_value=True),
    usual_lag_days=None,  # facts: no release schedule
    plausibility=Plausibility(),
)
