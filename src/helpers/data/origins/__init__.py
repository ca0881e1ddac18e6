"""Clients for the official origins, one module per origin. Each returns tidy frames."""

from helpers import settings


def http_timeout() -> float:
    """Seconds a silent socket is waited for; ``TRADEWATCH_HTTP_TIMEOUT`` overrides 60."""
    return settings.number("TRADEWATCH_HTTP_TIMEOUT")
