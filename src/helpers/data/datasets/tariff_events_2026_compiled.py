"""The kit's hand-compiled 2026 tariff events: an input of ``tariff_events`` (load that)."""

from __future__ import annotations

from helpers.data.registry import DataFile, DatasetSpec, Field

SPEC = DatasetSpec(
    id="tariff_events_2026_compiled",
    title=("Tariff events of 2026 compiled by the kit: the rows tariff_events adds after the extracts "
           "(load tariff_events, not this)"),
    role="cross-check",
    publisher=("Compiled by the kit from court records as reported by law firms, USTR and CBP notices "
               "as reported, MOFCOM statements, wire reports (Reuters, AP, BBC, Bloomberg) and trade "
               "press; a citation with publication date per row"),
    units=("same columns as the event extracts: rates in percent / percentage points as stated; trade "
           "values USD billions as stated"),
    frequency="event",
    origin_url="see the source column of each row",
    licence="facts compiled from cited public sources",
    source_line="US-China Trade Watch compiled 2026 events (citations per row)",
    caveats=(
        ("Hand-compiled: each row restates, in the kit's words, what its cited pages report; each "
         "citation is 'Outlet (date): https://...' (a month where the page shows only a month), and "
         "remarks start 'note:'. Citations on test, demo or repost hosts, aggregators and a podcast "
         "transcript endpoint were removed (helpers.data.source_tiers); what they had supported was "
         "dropped from the rows or is named in a note. The 2026-05-20 row has no citable page left "
         "and says so."),
        ("Same 11 columns as tariffs/tariff_events.csv so the builder can concatenate the three files; "
         "derived columns (event id, status, date precision) are computed by the builder, not written "
         "here."),
        ("Weak or single sources are named in the row and the row is marked 'partly': the USD 85bn of "
         "IEEPA refunds accepted for processing (one source; not refunds paid), China's 12.5% in the "
         "Section 301 forced-labor proposal (summaries no longer cited). The 2026-03-04 row adds the "
         "suspension of 2026-03-06 and the 2026-04-20 row the USD 24bn sent for payment by "
         "2026-06-10, both from reports not among the stored sources (said in the rows' notes)."),
        ("Pages judged unreliable (contradicted by AP and BBC, or plainly wrong on facts) were not "
         "cited."),
    ),
    gaps=(
        "Stored sources end in July 2026: see the tariff_events gaps for the open questions.",
    ),
    files=(DataFile(
        "snapshot/facts/tariff_events_2026_compiled.csv",
        fields=(
            Field("effective_date", "string", "the day (YYYY-MM-DD) or month (YYYY-MM) the "
                  "action took or takes effect"),
            Field("actor", "string", "who acted: US, China or US+China"),
            Field("measure", "string", "what was done, in a few words"),
            Field("instrument", "string", "the legal instrument"),
            Field("scope", "string", "the goods or trade covered"),
            Field("trade_value_usd_bn", "string", "trade covered, as stated", "USD billions"),
            Field("rate_change_pp", "string", "rate change, as stated", "percentage points"),
            Field("rate_after", "string", "the instrument's rate after the event, as stated",
                  "percent"),
            Field("soybean_rate_after", "string", "China's total tariff on US soybeans after "
                  "the event, a number or 'number (note)'", "percent"),
            Field("source", "string", "every citation, with publisher and publication date"),
            Field("confirmed", "string", "'yes', or 'partly' where a field is derived, "
                  "approximate, single-sourced or conflicting"),
        ),
        copied_from=(
            "Hand-compiled by the kit from the cited public pages (URL and publication date per row)",
        )),),
)
