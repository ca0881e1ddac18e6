"""A local origin server on 127.0.0.1 for the refresh tests, able to misbehave like the
real origins: any status and headers (redirects, key-error headers, gzip), a slow start, a
drip of a few bytes per second, a body shorter than its declared length."""

from __future__ import annotations

import http.server
import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest


@dataclass
class Reply:
    """One canned HTTP answer. ``declared_length`` > len(body) imitates a cut-off transfer;
    ``drip`` sends the body one byte every ``drip`` seconds."""

    body: bytes
    status: int = 200
    content_type: str = "text/csv"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0
    declared_length: int | None = None


@dataclass
class Origins:
    """Routes by path and, optionally, query values; records each request's path and headers."""

    base: str = ""
    routes: list[tuple[str, dict[str, str], Reply]] = field(default_factory=list)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def route(self, path: str, reply: Reply, **query: str) -> None:
        """Answer ``path`` (with these query values) with ``reply``; later routes win."""
        self.routes.insert(0, (path, query, reply))

    def find(self, raw_path: str) -> Reply:
        parts = urlsplit(raw_path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        for path, want, reply in self.routes:
            if path == parts.path and all(query.get(k) == v for k, v in want.items()):
                return reply
        return Reply(b"not found", status=404, content_type="text/plain")


def serve() -> tuple[Origins, http.server.ThreadingHTTPServer]:
    state = Origins()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            state.requests.append((self.path, dict(self.headers)))
            reply = state.find(self.path)
            time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(reply.declared_length or len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if not reply.drip:
                    self.wfile.write(reply.body)
                for i in range(len(reply.body) if reply.drip else 0):
                    self.wfile.write(reply.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.drip)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    return state, httpd


# ---- answers in each origin's format, built from the kit's own snapshot ------------------

FRED_PATH = "/fred/graph.csv"
CENSUS_PATH = "/census/intltrade/exports/hs"
WB_PATH = "/worldbank/CMO-Historical-Data-Monthly.xlsx"
# SYNTHETIC keys shaped like real ones (Census: 40 hex; api.data.gov: 40 letters and digits;
# Comtrade: 32 hex); no origin knows them.
TEST_KEYS = {"CENSUS_API_KEY": "3f9c2a7e41b08d65c2e9f13a7b4d60e8a1c5f297",
             "FAS_API_KEY": "Tq7Xk2LmPw04RzN8vB3cY6hJ9sD1fG5aQ0eW4uIo",
             "COMTRADE_API_KEY": "9b1e4c7a2d5f80e3b6a9c2d4e7f01a38"}


def fred_ids() -> list[str]:
    """Every FRED series a declared dataset pulls."""
    from helpers.data import registry
    from helpers.data.datasets import commodity_prices

    ids = [*registry.spec("us_china_goods_trade").series_ids,
           *(s.id for s in commodity_prices.FRED_SERIES),
           *registry.spec("farm_input_prices").series_ids, *registry.spec("fx_cny_usd").series_ids,
           *registry.spec("diesel_retail_weekly").series_ids]
    return [sid for sid in ids if "COMPUTED" not in sid]  # computed by the kit, never pulled


def snapshot_series(sid: str):
    """One FRED series' real values as the snapshot holds them, indexed by date."""
    from helpers.data import load

    trade = load("us_china_goods_trade", use_cache=False).set_index("date")
    wide = {"EXPCH": "exports_usd_mn", "IMPCH": "imports_usd_mn",
            "IMPTOTUS": "imports_world_usd_mn"}
    if sid in wide:
        return trade[wide[sid]].dropna()
    for ds, col in (("commodity_prices", "value"), ("farm_input_prices", "value"),
                    ("fx_cny_usd", "cny_per_usd"), ("diesel_retail_weekly", "usd_per_gal")):
        df = load(ds, use_cache=False)
        if sid in set(df["series_id"]):
            s = df[df["series_id"] == sid].set_index("date")[col]
            return s.loc[s.first_valid_index():s.last_valid_index()]
    raise KeyError(sid)


def fred_csv(values, sid: str) -> bytes:
    """FRED's CSV layout: ``observation_date,<ID>`` then one row per date; blank = missing."""
    import pandas as pd

    lines = [f"observation_date,{sid}"]
    lines += [f"{d.date()},{'' if pd.isna(v) else v}" for d, v in values.items()]
    return ("\n".join(lines) + "\n").encode()


def pinksheet_workbook_from_snapshot() -> bytes:
    """A workbook in the Pink Sheet's layout (title rows, names, units, ``YYYYMmm`` rows)
    holding the snapshot's real Pink Sheet values."""
    import io

    import openpyxl

    from helpers.data import load
    from helpers.data.datasets import commodity_prices
    from helpers.data.origins import worldbank

    tail = load("commodity_prices", use_cache=False)
    tail = tail[tail["publisher"] == "World Bank"]
    names = {sid: name for name, (sid, _) in commodity_prices.PINK_SHEET.items()}
    units = {"USD/t": "($/mt)", "USD/bbl": "($/bbl)", "USD/MMBtu": "($/mmbtu)"}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = worldbank.SHEET
    for line in ("World Bank Commodity Price Data (The Pink Sheet)", "Nominal US dollars",
                 "Updated on May 04, 2026"):
        ws.append([line])
    ws.append([])
    sids = list(names)
    ws.append([None, *[names[s] for s in sids]])
    unit_of = tail.drop_duplicates("series_id").set_index("series_id")["unit"]
    ws.append([None, *[units[unit_of[s]] for s in sids]])
    wide = tail.pivot(index="date", columns="series_id", values="value")
    for date, row in wide.iterrows():
        ws.append([date.strftime("%YM%m"), *[float(row[s]) for s in sids]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def synthetic_census_hs1201_response() -> bytes:
    """SYNTHETIC: made-up values in the Census API's JSON layout (header row, then rows)."""

    import pandas as pd

    rows = [["CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "QTY_1_MO", "UNIT_QY1", "E_COMMODITY",
             "COMM_LVL", "time"]]
    for i, month in enumerate(pd.date_range("2013-01-01", "2013-04-01", freq="MS")):
        stamp = month.strftime("%Y-%m")
        rows.append(["5700", "CHINA", str(1000 * (i + 1)), str(10 * (i + 1)), "T", "1201",
                     "HS4", stamp])
        rows.append(["-", "TOTAL FOR ALL COUNTRIES", str(5000 * (i + 1)), str(50 * (i + 1)),
                     "T", "1201", "HS4", stamp])
        rows.append(["1220", "CANADA", "7", "1", "T", "1201", "HS4", stamp])
    return json.dumps(rows).encode()


def esr_records_from_snapshot(market_year: int) -> list[dict]:
    """ESR API records (metric tons) for China in one market year, from the snapshot's real
    values (thousand tons x 1000): the year's own rows, with the next year's forward book
    in the ``nextMY*`` fields, and, as ESR sends it, the week spanning 1 September at the
    end of the year (the overlap week: its ``nextMY*`` fields carry the new year's first
    row, which the new year's answer also holds). Fields the snapshot does not hold are
    SYNTHETIC: zeros for weekly exports, gross new sales, MY 2023/24's own sales, a net
    sales figure the snapshot leaves blank and ``nextMY*`` on weeks without a forward-book
    row; the old year's own fields in the overlap week repeat its last week with net 0."""
    import pandas as pd

    from helpers.data import load
    from helpers.data.origins import esr

    snap = load("us_soybean_export_sales", use_cache=False)
    snap = snap[snap["destination"] == "China"]
    own = snap[snap["marketing_year"] == esr.label(market_year)].set_index("date")
    ahead = snap[snap["marketing_year"] == esr.label(market_year + 1)].set_index("date")
    own = own[own.index >= pd.Timestamp(market_year - 1, 9, 1)]
    rollover = ahead.index[ahead.index >= pd.Timestamp(market_year, 9, 1)]
    overlap = rollover.min() if len(rollover) else None
    ahead = ahead[(ahead.index < pd.Timestamp(market_year, 9, 1)) | (ahead.index == overlap)]
    weeks = sorted(set(own.index) | set(ahead.index))
    records = []
    for week in weeks:
        this = own.loc[week] if week in own.index else None
        if week == overlap and len(own):
            this = own.iloc[-1].copy()
            this["net_sales_kmt"] = 0.0
        nxt = ahead.loc[week] if week in ahead.index else None

        def tons(row, col):
            return 0 if row is None or pd.isna(row[col]) else round(float(row[col]) * 1000)

        records.append({
            "commodityCode": 801, "countryCode": 5700, "weeklyExports": 0,
            "accumulatedExports": tons(this, "accumulated_exports_kmt"),
            "outstandingSales": tons(this, "outstanding_sales_kmt"), "grossNewSales": 0,
            "currentMYNetSales": tons(this, "net_sales_kmt"),
            "currentMYTotalCommitment": tons(this, "total_commitments_kmt"),
            "nextMYOutstandingSales": tons(nxt, "outstanding_sales_kmt"),
            "nextMYNetSales": tons(nxt, "net_sales_kmt"), "unitId": 1,
            "weekEndingDate": f"{week.date()}T00:00:00"})
    return records


ESR_ROOT = "/fas"
COMTRADE_ROOT = "/comtrade"
COMTRADE_PATH = f"{COMTRADE_ROOT}/data/v1/get/C/M/HS"
COMTRADE_YEARS = range(2017, 2026)


def comtrade_answer_from_snapshot(year: int) -> bytes:
    """China's HS 1201 imports in Comtrade's record layout, from the snapshot's real customs
    (GACC) values for ``year``; ``netWgt`` is null (the snapshot has no monthly tonnage for
    every partner), as Comtrade sends it where a weight is not reported."""
    from helpers.data import load
    from helpers.data.origins import comtrade

    snap = load("china_soybean_imports", use_cache=False)
    rows = snap[(snap["measure"] == "value_usd") & (snap["period"].dt.year == year)]
    codes = {name: code for code, name in comtrade.PARTNERS.items()}
    data = [{"typeCode": "C", "freqCode": "M", "refPeriodId": int(p.strftime("%Y%m01")),
             "period": p.strftime("%Y%m"), "reporterCode": 156, "reporterISO": "CHN",
             "flowCode": "M", "partnerCode": codes[partner], "partner2Code": 0,
             "cmdCode": "1201", "customsCode": "C00", "motCode": 0, "primaryValue": value,
             "netWgt": None}
            for p, partner, value in rows[["period", "partner", "value"]].itertuples(index=False)
            if partner in codes]
    return json.dumps({"elements": len(data), "count": len(data), "data": data,
                       "error": ""}).encode()


ESR_YEARS = range(2024, 2028)


def esr_path(market_year: int, country: int | None = 5700) -> str:
    who = f"countryCode/{country}" if country else "allCountries"
    return f"{ESR_ROOT}/api/esr/exports/commodityCode/801/{who}/marketYear/{market_year}"


def esr_answer(market_year: int) -> bytes:
    return json.dumps(esr_records_from_snapshot(market_year)).encode()


@pytest.fixture(name="good_bodies", scope="session")
def good_bodies_fixture() -> dict[str, bytes]:
    """The good answers, made once from the committed snapshot. The ESR all-countries answer
    is SYNTHETIC: it holds only the China records, so its World rows equal China's."""
    bodies = {sid: fred_csv(snapshot_series(sid), sid) for sid in fred_ids()}
    bodies["census"] = synthetic_census_hs1201_response()
    bodies["worldbank"] = pinksheet_workbook_from_snapshot()
    for year in ESR_YEARS:
        bodies[f"esr{year}"] = esr_answer(year)
    for year in COMTRADE_YEARS:
        bodies[f"comtrade{year}"] = comtrade_answer_from_snapshot(year)
    return bodies


@pytest.fixture(name="origins")
def origins_fixture(good_bodies, data_copy, monkeypatch):
    """Every origin served from 127.0.0.1 with good answers and test keys set; tests swap
    in failures with ``origins.route``."""
    state, httpd = serve()
    for var, value in {"TRADEWATCH_FRED_URL": state.base + FRED_PATH,
                       "TRADEWATCH_CENSUS_URL": state.base + CENSUS_PATH,
                       "TRADEWATCH_WORLDBANK_URL": state.base + WB_PATH,
                       "TRADEWATCH_FAS_URL": state.base + ESR_ROOT,
                       "TRADEWATCH_COMTRADE_URL": state.base + COMTRADE_ROOT,
                       "TRADEWATCH_HTTP_TIMEOUT": "1", "TRADEWATCH_HTTP_DEADLINE": "3",
                       "TRADEWATCH_HTTP_BACKOFF": "0.01",
                       **TEST_KEYS}.items():
        monkeypatch.setenv(var, value)
    for sid in fred_ids():
        state.route(FRED_PATH, Reply(good_bodies[sid]), id=sid)
    state.route(CENSUS_PATH, Reply(good_bodies["census"], content_type="application/json"))
    state.route(WB_PATH, Reply(good_bodies["worldbank"], content_type="application/vnd.ms-excel"))
    for year in ESR_YEARS:
        for country in (5700, None):
            state.route(esr_path(year, country), Reply(good_bodies[f"esr{year}"],
                                                       content_type="application/json"))
    state.route(COMTRADE_PATH, Reply(b'{"count": 0, "data": [], "error": ""}',
                                     content_type="application/json"))
    for year in COMTRADE_YEARS:
        state.route(COMTRADE_PATH, Reply(good_bodies[f"comtrade{year}"],
                                         content_type="application/json"),
                    period=",".join(f"{year}{m:02d}" for m in range(1, 13)))
    yield state
    httpd.shutdown()
    httpd.server_close()
