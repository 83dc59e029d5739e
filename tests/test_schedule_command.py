"""``kiosk schedule``: a day's opening hours and what can play, in both languages and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commands import kiosk

SHEET = (
    "编号,类型,标题,星期,时段,节日,提前天数,占比,启用\n"
    "a1,格言,清白传家。,,,,,,\n"
    "jq1,格言,节前廉洁提醒,,,春节,10,1/3,\n"
    'wk,格言,周末晚间,"6,7",18:00-02:00,,,,\n'
    "moon,格言,中秋提醒,,,中秋节,5,,\n"
    "off,格言,停用,,,,,,否\n"
)
HOURS = """
[hours]
mon = "closed"
tue = "09:00-12:00, 14:00-17:30"
sat = "09:00-20:00"
closed = ["2027-02-09"]
closed_festivals = ["春节+0..2"]
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("data")
    (data / "kiosk.toml").write_text(HOURS, encoding="utf-8")
    sheet = data / "s.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    kiosk(data, "import", str(sheet), check=True)
    return data


def test_a_saturday_before_spring_festival_in_chinese(data_dir):
    out = kiosk(data_dir, "schedule", "--date", "2027-01-30").stdout
    assert out.splitlines() == [
        "2027-01-30 星期六",
        "开放时间：09:00-20:00（星期六的开放时间）",
        "可播放的条目（3）：",
        "  a1   格言“清白传家。”  每天",
        "  jq1  格言“节前廉洁提醒”  春节活动期 2027-01-27 至 2027-02-06；占比 1/3",
        "  wk   格言“周末晚间”  每周六、日；18:00-02:00；开放时间内 18:00-20:00",
    ]


def test_closed_days_say_why_in_english(data_dir):
    def lines(day: str) -> list[str]:
        return kiosk(data_dir, "schedule", "--date", day, "--lang", "en").stdout.splitlines()

    assert lines("2027-02-06")[:3] == [
        "2027-02-06 Saturday",
        "Opening hours: closed (closed for Spring Festival)",
        "Closed, nothing plays; items that can play when open (3):",
    ]
    assert lines("2027-02-09")[1] == "Opening hours: closed (a closed date)"
    assert lines("2027-02-01")[1] == "Opening hours: closed (closed every Monday)"
    assert lines("2027-02-02") == [
        "2027-02-02 Tuesday",
        "Opening hours: 09:00-12:00, 14:00-17:30 (Tuesday hours)",
        "Items that can play (2):",
        "  a1   aphorism '清白传家。'  every day",
        "  jq1  aphorism '节前廉洁提醒'  Spring Festival window from 2027-01-27 to 2027-02-06; "
        "share 1/3",
    ]


def test_json_for_mid_autumn_2027(data_dir):
    data = json.loads(kiosk(data_dir, "schedule", "--date", "2027-09-12", "--json").stdout)
    assert (data["date"], data["open"], data["hours"], data["hours_why"]) == (
        "2027-09-12",
        True,
        ["00:00-24:00"],
        "weekday",
    )
    by_key = {i["key"]: i for i in data["items"]}
    assert sorted(by_key) == ["a1", "moon", "wk"]  # disabled "off" and closed campaigns left out
    assert by_key["moon"]["why"] == "festival"
    assert by_key["moon"]["window"] == ["2027-09-10", "2027-09-15"]
    assert by_key["wk"]["bands"] == ["18:00-02:00"] and by_key["wk"]["weekdays"] == [6, 7]
    assert by_key["a1"]["why"] == "always" and by_key["a1"]["share"] is None
    # Sunday is open all day, but the band's last two hours fall on the closed Monday.
    assert by_key["wk"]["open_bands"] == ["18:00-24:00"]


def test_bands_are_cut_to_the_opening_hours_across_midnight(tmp_path):
    from datetime import date

    from kiosk.schedule.bands import parse_bands, within

    def bands(text: str):
        return parse_bands(text, "hours")[0]

    def cut(item: str, hall: str, before: str = "") -> list[str]:
        found = within(bands(item), bands(hall), bands(before) if before else (), date(2027, 3, 6))
        return [b.text() for b in found]

    assert cut("08:00-12:00", "09:00-17:30") == ["09:00-12:00"]
    assert cut("18:00-02:00", "09:00-20:00") == ["18:00-20:00"]
    assert cut("18:00-02:00", "19:00-01:00") == ["19:00-01:00"]
    assert cut("00:00-03:00", "09:00-17:00", before="20:00-02:00") == ["00:00-02:00"]
    assert cut("06:00-08:00", "09:00-17:00") == []
