"""Shared fixtures: a scratch copy of the data folder, the extracts folder, a local origin server."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import paths
from helpers.data import catalog

SHARED = paths.PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def private_frame_cache(tmp_path_factory):
    """Validated frames go to a cache of the test session's own, never the user's."""
    import os

    os.environ["TRADEWATCH_FRAME_CACHE"] = str(tmp_path_factory.mktemp("frames"))


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ (catalog + snapshot) that the test may damage or refresh into."""
    dst = tmp_path / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", dst, ignore=shutil.ignore_patterns("cache"))
    monkeypatch.setenv("TRADEWATCH_DATA_DIR", str(dst))
    return dst


@pytest.fixture
def tamper(data_copy) -> Callable[[str, Callable[[str], str], bool], Path]:
    """Edit a snapshot file's text; by default re-record its checksum so only the content
    check (not the sha256 check) can catch the damage."""

    def edit(rel: str, change: Callable[[str], str], keep_checksum_valid: bool = True) -> Path:
        path = data_copy / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        if keep_checksum_valid:
            catalog.write_checksums(data_copy / "catalog.toml")
        return path

    return edit


@pytest.fixture
def shared_sources() -> Path:
    path = SHARED / "sources"
    if not (path / "MANIFEST.md").is_file():
        pytest.skip("the official-statistics extracts folder is not beside the project")
    return path


@pytest.fixture
def shared_reference() -> Path:
    path = SHARED / "reference"
    if not path.is_dir():
        pytest.skip("the reference folder is not beside the project")
    return path


@dataclass
class Reply:
    """One canned HTTP answer. ``declared_length`` > len(body) imitates a cut-off transfer."""

    body: bytes
    status: int = 200
    content_type: str = "text/csv"
    delay: float = 0.0
    declared_length: int | None = None


@dataclass
class OriginServer:
    """A tiny HTTP server on 127.0.0.1 answering by path and (optionally) the ``id`` query."""

    base: str = ""
    routes: dict[str, Reply] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def route(self, path: str, reply: Reply, series: str | None = None) -> None:
        self.routes[f"{path}?id={series}" if series else path] = reply


@pytest.fixture
def origin_server():
    server_state = OriginServer()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            parts = urlsplit(self.path)
            server_state.requests.append(self.path)
            ids = parse_qs(parts.query).get("id")
            key = f"{parts.path}?id={ids[0]}" if ids else parts.path
            reply = server_state.routes.get(key) or server_state.routes.get(parts.path)
            if reply is None:
                reply = Reply(b"not found", status=404, content_type="text/plain")
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length",
                                 str(reply.declared_length or len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    server_state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield server_state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def built_briefs(tmp_path_factory):
    """Every notebook executed from a clean kernel and rendered once, into a scratch reports/."""
    import os

    from helpers import briefs

    reports = tmp_path_factory.mktemp("reports")
    old = os.environ.get("TRADEWATCH_REPORTS_DIR")
    os.environ["TRADEWATCH_REPORTS_DIR"] = str(reports)
    try:
        outcomes = briefs.build(force=True, progress=False)
    finally:
        if old is None:
            os.environ.pop("TRADEWATCH_REPORTS_DIR")
        else:
            os.environ["TRADEWATCH_REPORTS_DIR"] = old
    return {"reports": reports, "outcomes": {o.name: o for o in outcomes}}
