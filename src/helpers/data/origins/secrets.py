"""API keys: read from the environment only, and scrubbed from every text the kit shows.

``scrub`` removes each key in every form an origin or a library may echo it: as sent,
URL-encoded (``quote``, ``quote_plus``, every byte ``%XX``), in any letter case, and any
fragment of it at least ``MIN_FRAGMENT`` characters long (a message cut at a fixed length
may hold only the start or the end of a key). It runs before any refresh text is printed,
logged, stored or raised.
"""

from __future__ import annotations

import os
import re
import traceback
from urllib.parse import quote, quote_plus

# Environment variables holding keys, with where a free key is obtained.
KEY_VARS = {
    "CENSUS_API_KEY": "free key from the Census Bureau: https://api.census.gov/data/key_signup.html",
    "FAS_API_KEY": "free key from api.data.gov, used by USDA FAS OpenData "
                   "(https://apps.fas.usda.gov/opendataweb/home)",
    "COMTRADE_API_KEY": "UN Comtrade subscription key: https://comtradedeveloper.un.org",
}
MIN_FRAGMENT = 8
MASK = "***"


def key(var: str) -> str | None:
    """The key in environment variable ``var``, or None when unset or blank."""
    value = os.environ.get(var, "").strip()
    return value or None


def _forms(secret: str) -> set[str]:
    encoded = "".join(f"%{b:02X}" for b in secret.encode())
    forms = {secret, quote(secret, safe=""), quote_plus(secret), encoded, encoded.lower()}
    fragments = {s[i:i + n] for s in (secret, quote(secret, safe=""))
                 for n in range(MIN_FRAGMENT, len(s)) for i in range(len(s) - n + 1)}
    return forms | fragments


def scrub(text: str) -> str:
    """``text`` with every form of every configured key replaced by ``***``."""
    secrets = [k for k in (key(v) for v in KEY_VARS) if k]
    if not secrets or not text:
        return text
    forms = sorted({f for s in secrets for f in _forms(s)}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
    return pattern.sub(MASK, text)


def log_traceback(log, what: str) -> None:
    """Log the exception being handled, its traceback scrubbed of keys, at debug level
    (``--verbose``), where a fault becomes a one-line message for the user."""
    if log.isEnabledFor(10):  # logging.DEBUG
        log.debug("%s\n%s", what, scrub(traceback.format_exc()))
