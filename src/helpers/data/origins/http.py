"""One bounded HTTP GET for every origin: a total deadline, a size cap, no redirects.

``get`` streams the body and stops with a DataError when

- the whole request (connect, headers, body) takes longer than the deadline
  (``TRADEWATCH_HTTP_DEADLINE`` seconds, default 300); a silent socket is given up after
  ``TRADEWATCH_HTTP_TIMEOUT`` seconds (default 60), whichever comes first;
- the body, after gzip/deflate decoding, passes ``TRADEWATCH_HTTP_MAX_BYTES`` (default
  64 MiB), so a huge answer or a compression bomb costs at most that much memory;
- the body is shorter than its declared length (a cut-off transfer).

Redirects are not followed: an origin that redirects (the Census API does so for a missing
key) is reported with its target, and the caller decides. Every message is scrubbed of
API keys (``secrets.scrub``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import requests
import urllib3

from helpers.data.errors import DataError
from helpers.data.origins import http_timeout
from helpers.data.origins.secrets import scrub

CHUNK = 16 * 1024


def deadline() -> float:
    """Total seconds allowed per request; ``TRADEWATCH_HTTP_DEADLINE`` overrides 300."""
    return float(os.environ.get("TRADEWATCH_HTTP_DEADLINE", "300"))


def max_bytes() -> int:
    """Largest decoded body accepted; ``TRADEWATCH_HTTP_MAX_BYTES`` overrides 64 MiB."""
    return int(os.environ.get("TRADEWATCH_HTTP_MAX_BYTES", str(64 * 1024 * 1024)))


@dataclass(frozen=True)
class Answer:
    """A complete HTTP answer: status, headers (case-insensitive) and the decoded body."""

    status: int
    headers: requests.structures.CaseInsensitiveDict
    body: bytes

    @property
    def text(self) -> str:
        """The body as text, scrubbed of API keys (for messages)."""
        return scrub(self.body.decode("utf-8", errors="replace"))


def _limit_socket_wait(resp: requests.Response, seconds: float) -> None:
    """Let the next socket read wait at most ``seconds`` (the deadline's remainder)."""
    sock = getattr(getattr(resp.raw, "_connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def get(dataset_id: str, url: str, *, params: dict | None = None,
        headers: dict | None = None, what: str = "request") -> Answer:
    """GET ``url`` within the deadline and size cap; a DataError names what went wrong."""
    limit, cap, wait = deadline(), max_bytes(), http_timeout()
    started = time.monotonic()
    late = DataError(dataset_id, url, f"{what} gave no complete answer within the {limit:g} s "
                     "deadline (TRADEWATCH_HTTP_DEADLINE)")
    try:
        resp = requests.get(url, params=params, headers=headers, stream=True,
                            allow_redirects=False, timeout=(min(wait, limit), min(wait, limit)))
    except requests.Timeout:
        raise (late if time.monotonic() - started >= limit else DataError(
            dataset_id, url, f"{what} timed out: no answer within {min(wait, limit):g} s "
            "(TRADEWATCH_HTTP_TIMEOUT)")) from None
    except requests.RequestException as exc:
        raise DataError(dataset_id, url, scrub(f"{what} failed: {type(exc).__name__}: "
                                               f"{exc}")) from None
    body = bytearray()
    try:
        with resp:
            while True:
                left = limit - (time.monotonic() - started)
                if left <= 0:
                    raise late
                _limit_socket_wait(resp, min(wait, left))
                chunk = resp.raw.read1(CHUNK, decode_content=True)
                if not chunk:
                    break
                body += chunk
                if len(body) > cap:
                    raise DataError(dataset_id, url, f"{what} answer is larger than {cap:,} "
                                    "bytes once decoded (TRADEWATCH_HTTP_MAX_BYTES); refused")
    except DataError:
        raise
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
        if "timed out" in str(exc).lower():
            raise (late if time.monotonic() - started >= limit else DataError(
                dataset_id, url, f"{what}: the origin stopped sending for {min(wait, limit):g} s "
                "(TRADEWATCH_HTTP_TIMEOUT)")) from None
        raise DataError(dataset_id, url, scrub(f"{what}: the body was cut off or damaged "
                                               f"({type(exc).__name__})")) from None
    return Answer(resp.status_code, resp.headers, bytes(body))
