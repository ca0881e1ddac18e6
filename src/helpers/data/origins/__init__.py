"""Clients for the official origins, one module per origin. Each returns tidy frames."""

import os

# Per dataset: its live origin and the environment variables holding keys it needs
# ("optional" where the origin also answers without one). Kept import-free so that
# ``status`` can show it without loading the network clients.
LIVE_SOURCES = {
    "us_china_goods_trade": ("FRED", ()),
    "commodity_prices": ("FRED + World Bank Pink Sheet", ()),
    "farm_input_prices": ("FRED", ()),
    "fx_cny_usd": ("FRED", ()),
    "us_soybean_exports": ("Census international trade API", ("CENSUS_API_KEY",)),
    "us_soybean_export_sales": ("USDA FAS OpenData ESR", ("FAS_API_KEY",)),
    "china_soybean_imports": ("UN Comtrade", ("COMTRADE_API_KEY (optional)",)),
}


def http_timeout() -> float:
    """Seconds a silent socket is waited for; ``TRADEWATCH_HTTP_TIMEOUT`` overrides 60."""
    return float(os.environ.get("TRADEWATCH_HTTP_TIMEOUT", "60"))
