"""Clients for the official origins, one module per origin. Each returns tidy frames."""

import os


def http_timeout() -> float:
    """Seconds to wait for an origin; ``TRADEWATCH_HTTP_TIMEOUT`` overrides the default 60."""
    return float(os.environ.get("TRADEWATCH_HTTP_TIMEOUT", "60"))
