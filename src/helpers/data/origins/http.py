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

An answer of HTTP 429 or 5xx (the origin is busy or failing for a moment) is asked again up
to ``TRADEWATCH_HTTP_RETRIES`` times (default 3), waiting the origin's ``Retry-After`` in
seconds or else ``TRADEWATCH_HTTP_BACKOFF`` seconds (default 2) doubled each time, never past
the deadline; the last answer is returned to the caller, who reports it.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

import requests
import urllib3

from helpers import settings
from helpers.data.errors import DataError
from helpers.data.origins import http_timeout
from helpers.data.origins.secrets import log_traceback, scrub

log = logging.getLogger(__name__)

CHUNK = 16 * 1024
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def deadline() -> float:
    """Total seconds allowed per request; ``TRADEWATCH_HTTP_DEADLINE`` overrides 300."""
    return settings.number("TRADEWATCH_HTTP_DEADLINE")


def max_bytes() -> int:
    """Largest decoded body accepted; ``TRADEWATCH_HTTP_MAX_BYTES`` overrides 64 MiB."""
    return settings.number("TRADEWATCH_HTTP_MAX_BYTES")


def retries() -> int:
    """How many times a 429/5xx answer is asked again; ``TRADEWATCH_HTTP_RETRIES`` overrides 3."""
    return settings.number("TRADEWATCH_HTTP_RETRIES")


def backoff() -> float:
    """Seconds before the first repeat (doubled each time); ``TRADEWATCH_HTTP_BACKOFF``
    overrides 2."""
    return settings.number("TRADEWATCH_HTTP_BACKOFF")


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
    """Let the next socket read wait at most ``seconds`` (the deadline's remainder): requests
    offers only a per-read timeout fixed at the start, so the socket of urllib3's public
    ``HTTPResponse.connection`` is given the remainder before each read."""
    sock = getattr(resp.raw.connection, "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def _pause(answer: Answer, attempt: int) -> float:
    """Seconds to wait before asking again: the origin's Retry-After (seconds) or the backoff."""
    stated = answer.headers.get("Retry-After", "")
    return float(stated) if stated.strip().isdigit() else backoff() * 2 ** attempt


def get(dataset_id: str, url: str, *, params: dict | None = None,
        headers: dict | None = None, what: str = "request") -> Answer:
    """GET ``url`` within the deadline and size cap, asking again after a 429/5xx answer; a
    DataError names what went wrong."""
    limit, started = deadline(), time.monotonic()
    answer = _get_once(dataset_id, url, params, headers, what, started)
    for attempt in range(retries()):
        if answer.status not in RETRY_STATUS:
            break
        pause = _pause(answer, attempt)
        if time.monotonic() - started + pause >= limit:
            break
        time.sleep(pause)
        answer = _get_once(dataset_id, url, params, headers, what, started)
    return answer


def json_body(dataset_id: str, body: bytes, where: str):
    """An answer's body parsed as JSON; a DataError says when it is not (an HTML page or a
    cut-off body)."""
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise DataError(dataset_id, where, "response is not JSON (an HTML page or a cut-off "
                        "body?)") from None


def _get_once(dataset_id: str, url: str, params: dict | None, headers: dict | None, what: str,
              started: float) -> Answer:
    """One GET within what is left of the deadline that started at ``started``."""
    limit, cap, wait = deadline(), max_bytes(), http_timeout()
    late = DataError(dataset_id, url, f"{what} gave no complete answer within the {limit:g} s "
                     "deadline (TRADEWATCH_HTTP_DEADLINE)")
    first_wait = max(min(wait, limit - (time.monotonic() - started)), 0.01)
    try:
        resp = requests.get(url, params=params, headers=headers, stream=True,
                            allow_redirects=False, timeout=(first_wait, first_wait))
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
        log_traceback(log, f"{what}: download from {scrub(url)} failed")
        if "timed out" in str(exc).lower():
            raise (late if time.monotonic() - started >= limit else DataError(
                dataset_id, url, f"{what}: the origin stopped sending for {min(wait, limit):g} s "
                "(TRADEWATCH_HTTP_TIMEOUT)")) from None
        raise DataError(dataset_id, url, scrub(f"{what}: the body was cut off or damaged "
                                               f"({type(exc).__name__})")) from None
    return Answer(resp.status_code, resp.headers, bytes(body))
