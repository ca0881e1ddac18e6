"""The kit's HTTP client asks again after a 429 or 5xx answer, within the deadline, and
returns the last answer to the caller; other answers are never repeated."""

from __future__ import annotations

import pytest

from helpers.data.errors import DataError
from helpers.data.origins import http
from tests.data.refresh_origins import Reply, serve

pytestmark = pytest.mark.unit


@pytest.fixture(name="server")
def server_fixture(monkeypatch):
    """A local server answering each request with the next reply of ``server.replies``."""
    state, httpd = serve()
    state.replies = []
    state.find = lambda raw_path: state.replies.pop(0) if len(state.replies) > 1 else state.replies[0]
    monkeypatch.setenv("TRADEWATCH_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("TRADEWATCH_HTTP_TIMEOUT", "2")
    yield state
    httpd.shutdown()


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_a_passing_failure_is_asked_again(server, status):
    server.replies = [Reply(b"busy", status=status), Reply(b"ok")]
    answer = http.get("toy", server.base + "/x")
    assert answer.status == 200 and answer.body == b"ok" and len(server.requests) == 2


def test_retry_after_is_honoured_and_the_last_answer_returned(server, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_HTTP_RETRIES", "2")
    server.replies = [Reply(b"slow down", status=429, headers={"Retry-After": "0"})]
    answer = http.get("toy", server.base + "/x")
    assert answer.status == 429 and len(server.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 404])
def test_an_answer_that_will_not_change_is_not_repeated(server, status):
    server.replies = [Reply(b"no", status=status), Reply(b"ok")]
    assert http.get("toy", server.base + "/x").status == status and len(server.requests) == 1


def test_no_repeat_waits_past_the_deadline(server, monkeypatch):
    monkeypatch.setenv("TRADEWATCH_HTTP_DEADLINE", "1")
    server.replies = [Reply(b"busy", status=503, headers={"Retry-After": "30"})]
    assert http.get("toy", server.base + "/x").status == 503 and len(server.requests) == 1


def test_a_body_that_is_not_json_is_one_clear_error():
    with pytest.raises(DataError, match="not JSON"):
        http.json_body("toy", b"<html>maintenance</html>", "http://origin.invalid/x")
