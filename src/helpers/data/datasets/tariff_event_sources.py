"""The kit's citations for the event extracts' rows: an input of ``tariff_events`` (load that)."""

from __future__ import annotations

from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="tariff_event_sources",
    title=("Citations of the event extracts' rows, as the kit keeps them: full https:// addresses "
           "with outlet and date (load tariff_events, not this)"),
    role="cross-check",
    publisher="Compiled by the kit from the citations of the event extracts and their register",
    units="text",
    frequency="event",
    origin_url="see the sources column of each row",
    licence="facts compiled from cited public sources",
    source_line="US-China Trade Watch citations of the event extracts",
    caveats=(
        ("Each row replaces the short citations of one extract row (domain/path, repository paths) "
         "with 'Outlet (date): https://...' entries taken from the extracts and their source "
         "register; no address was added that the extracts do not give. A date the page does not "
         "show is written 'date not shown'."),
        ("Hosts the kit does not cite (test, demo and development hosts, social posts, forums, "
         "aggregators, repository paths; helpers.data.source_tiers.UNTRUSTED) were removed; what "
         "a removed citation had supported is said in a 'note:' element."),
        ("soybean_purchase_claims is the kit's reading of the quantities a row's measure claims "
         "(2025-11-01: 12 Mt in November-December 2025 and 25 Mt in each of 2026-2028; "
         "2026-02-04: 20 Mt for marketing year 2025/26 and 25 Mt 'next season', read as 2026/27); "
         "the 12 Mt that the 2026-02-04 text gives as the earlier figure is not a new claim."),
        ("confirmed is set here only for the rows of the 2026-06..09 extract (its own flags are "
         "not 'yes'/'partly'); tariff_events marks any row without a primary or wire citation "
         "'partly'."),
    ),
    files=(DataFile(
        "snapshot/facts/tariff_event_sources.csv",
        fields=(
            Field("effective_date", "string", "the extract row's effective_date, as written"),
            Field("actor", "string", "the extract row's actor, as written"),
            Field("measure_starts", "string", "the start of the extract row's measure text"),
            Field("sources", "string", "citations 'Outlet (date): https://...' joined by ' ; ', "
                  "then remarks starting 'note:'"),
            Field("confirmed", "string", "'partly' where the kit sets the flag; blank: the "
                  "extract's flag, subject to the primary-or-wire rule"),
            Field("soybean_purchase_claims", "string", "soybean purchases the row's measure "
                  "claims, '<million t> Mt[ a year] <period>' joined by ' ; '; blank: none"),
        ),
        copied_from=("Hand-compiled by the kit from tariffs/tariff_events*.csv and tariffs/SOURCES.md "
                     "(the citations and their register)",)),),
)
