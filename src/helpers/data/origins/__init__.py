"""Clients for the official origins, one module per origin. Each returns tidy frames."""

import os


def http_timeout() -> float:
    """Seconds a silent socket is waited for; ``TRADEWATCH_HTTP_TIMEOUT`` overrides 60."""
    return float(os.environ.get("TRADEWATCH_HTTP_TIMEOUT", "60"))
