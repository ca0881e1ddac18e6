"""Every brief opens in headless Chromium with the network blocked: no external or failed
request, no console error, every image decoded, headings and the key-figures table present."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    external, failed, errors = [], [], []

    def gate(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    return page, external, failed, errors


def test_every_brief_renders_offline_in_chromium(built_briefs, browser):
    reports = built_briefs["reports"]
    shots = paths.PROJECT_ROOT / "reports" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    names = [n for n, o in built_briefs["outcomes"].items() if o.status == "built"]
    assert names
    for name in names:
        page, external, failed, errors = _open(browser, (reports / f"{name}.html").as_uri())
        assert external == [] and failed == [] and errors == [], name
        images = page.evaluate("Array.from(document.images).map(i => "
                               "[i.complete && i.naturalWidth > 0 && i.naturalHeight > 0, i.alt])")
        assert images, f"{name} has no chart"
        assert all(ok for ok, _ in images), f"{name}: an image did not decode"
        assert all(alt and "no description" not in alt for _, alt in images), name
        assert page.locator("h1").count() == 1
        assert page.locator("table.tw-figures tbody tr").count() >= 1
        assert page.locator(".tw-asof").count() == 1
        page.screenshot(path=str(shots / f"{name}.png"), full_page=False)
        page.close()


def test_index_links_every_brief(built_briefs, browser):
    reports = built_briefs["reports"]
    page, external, failed, errors = _open(browser, (reports / "index.html").as_uri())
    assert external == [] and failed == [] and errors == []
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    for name in built_briefs["outcomes"]:
        assert f"{name}.html" in hrefs
    page.close()
