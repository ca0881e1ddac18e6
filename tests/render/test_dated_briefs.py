"""Briefs that know what day it is: deadlines counted from the build date, every series' age
in the as-of block, the latest year in a few linked lines shared by 01 and 05, and the
rare-earth sentence on mining against processing."""

from __future__ import annotations

import datetime as dt
import json
import re

from helpers import outlook, tariffs
from helpers.data import load


def _payload(built_briefs, name):
    return json.loads((built_briefs["reports"] / f"{name}.figures.json").read_text())


def _html(built_briefs, name):
    return (built_briefs["reports"] / f"{name}.html").read_text()


def test_no_deadline_after_the_event_table_is_called_ahead_when_the_table_ends_before_today(
        built_briefs):
    events = load("tariff_events")
    end = tariffs.latest_event(events)
    takeaway = _payload(built_briefs, "05_outlook")["takeaway"]
    table = outlook.deadline_table(events, dt.date.today())
    assert outlook.deadline_count_words(table, dt.date.today()) in takeaway
    if end.date() < dt.date.today():
        later = table[table["deadline"] > end]
        assert not (later["state"] == "ahead").any()
    assert f"{dt.date.today():%d %B %Y}" in takeaway


def test_every_brief_lists_each_series_age_against_the_build_date(built_briefs):
    for name in ("01_tariff_timeline", "02_decoupling", "03_soybean_collapse",
                 "04_input_costs", "05_outlook"):
        payload = _payload(built_briefs, name)
        assert payload["series"], name
        page = _html(built_briefs, name)
        assert f"the build date {dt.date.today():%d %B %Y}" in page
        assert "days before the build date" in page
        assert "the date of the copy, not of the data" in page
        assert "data as of" not in page and f"main data ({payload['main_dataset']})" in page
        assert all(f["period"] for f in payload["figures"]), name


def test_01_and_05_tell_the_latest_year_in_the_same_few_linked_lines(built_briefs):
    lists = []
    for name in ("01_tariff_timeline", "05_outlook"):
        page = _html(built_briefs, name)
        found = re.search(r"<ul class=\"?'?tw-narrative\"?'?>(.*?)</ul>", page, re.S)
        assert found, name
        items = re.findall(r"<li>(.*?)</li>", found[1], re.S)
        assert 0 < len(items) <= 12 and all("<a href=" in i for i in items)
        lists.append(items)
    assert lists[0] == lists[1]
    partly = tariffs.year_narrative(load("tariff_events"),
                                    tariffs.latest_event(load("tariff_events")).year)["partly"]
    assert sum("partly confirmed" in i for i in lists[0]) == int(partly.sum())


def test_the_rare_earth_sentence_tells_mining_from_processing(built_briefs):
    text = " ".join(c["text"] for c in _payload(built_briefs, "01_tariff_timeline")["claims"])
    assert "barely has" not in text
    assert "US mines rare earths itself: 45 thousand t REO in 2024" in text
    assert "net import reliance for them was 80% in 2024" in text and "compounds and metals" in text


def test_the_index_shows_each_brief_s_oldest_series_and_when_its_data_changed(built_briefs):
    page = (built_briefs["reports"] / "index.html").read_text()
    assert "Data to Oct 2025" not in page
    assert page.count("oldest series:") >= 5 and "Data last changed" in page
    inputs = _payload(built_briefs, "04_input_costs")
    oldest = min(s["last_observation"] for s in inputs["series"])
    assert oldest[:4] in page[page.index("04_input_costs.html"):]
