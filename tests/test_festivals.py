"""Festival dates from the lunar calendar, and windows around them."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.schedule import festivals
from kiosk.schedule.festivals import find, window

# Checked against lunar-python and published calendars (春节 2027-02-06 and 2028-01-26,
# 清明 2027-04-05 and 2028-04-04, 端午 2027-06-09 and 2028-05-28, 中秋 2027-09-15 and
# 2028-10-03, 重阳 2027-10-08 and 2028-10-26, 元宵 2027-02-20 and 2028-02-09).
DATES = {
    2027: {
        "元旦": "2027-01-01",
        "春节": "2027-02-06",
        "元宵节": "2027-02-20",
        "清明节": "2027-04-05",
        "劳动节": "2027-05-01",
        "端午节": "2027-06-09",
        "七一": "2027-07-01",
        "八一": "2027-08-01",
        "中秋节": "2027-09-15",
        "重阳节": "2027-10-08",
        "国庆节": "2027-10-01",
    },
    2028: {
        "元旦": "2028-01-01",
        "春节": "2028-01-26",
        "元宵节": "2028-02-09",
        "清明节": "2028-04-04",
        "劳动节": "2028-05-01",
        "端午节": "2028-05-28",
        "七一": "2028-07-01",
        "八一": "2028-08-01",
        "中秋节": "2028-10-03",
        "重阳节": "2028-10-26",
        "国庆节": "2028-10-01",
    },
}


@pytest.mark.parametrize("year", sorted(DATES))
def test_every_festival_of_2027_and_2028(year):
    got = {f.zh: f.date(year).isoformat() for f in festivals.FESTIVALS}
    assert got == DATES[year]


def test_names_in_chinese_english_and_common_forms():
    assert find("中秋") is find("Mid-Autumn Festival") is find("mid autumn festival")
    assert find("Mid-Autumn") is find("中秋节") is find("Moon Festival")
    assert find("Dragon Boat").zh == "端午节" and find("Double Ninth").zh == "重阳节"
    assert find("Spring Festival") is find("春节") is find("Chinese New Year")
    assert find("New Year's Day").zh == "元旦" and find("五一").zh == "劳动节"
    assert find("清明").en == "Qingming Festival" and find("建党节").zh == "七一"
    assert find("中秋月饼") is None
    assert festivals.closest("端五节").zh == "端午节"
    assert festivals.closest("Dragon Bote Festival").zh == "端午节"
    assert festivals.closest("xyzzy") is None


def test_qingming_is_the_solar_term_not_a_fixed_day():
    qingming = find("清明节")
    days = {qingming.date(y) for y in range(1900, 2101)}
    assert {(d.month, d.day) for d in days} >= {(4, 4), (4, 5)}
    assert all(d.month == 4 and 4 <= d.day <= 6 for d in days)
    assert qingming.date(2026) == date(2026, 4, 5) and qingming.date(2024) == date(2024, 4, 4)


def test_years_from_1900_to_2100_only():
    assert find("春节").date(1900) == date(1900, 1, 31)
    assert find("春节").date(2100) == date(2100, 2, 9)
    with pytest.raises(ValueError):
        find("春节").date(2101)


def test_window_before_and_after_the_festival():
    mid_autumn = find("中秋节")
    assert window(mid_autumn, date(2027, 9, 5), 10, 2) == (date(2027, 9, 5), date(2027, 9, 17))
    assert window(mid_autumn, date(2027, 9, 4), 10, 2) is None
    assert window(mid_autumn, date(2027, 9, 18), 10, 2) is None
    assert window(mid_autumn, date(2028, 10, 3), 0, 0) == (date(2028, 10, 3), date(2028, 10, 3))


def test_windows_across_the_new_year():
    spring = find("春节")
    # 2028's festival is on 26 January: 30 days before reaches back into December 2027.
    assert window(spring, date(2027, 12, 27), 30, 0) == (date(2027, 12, 27), date(2028, 1, 26))
    assert window(spring, date(2027, 12, 26), 30, 0) is None
    # 2027's is on 6 February: 20 days before opens on 17 January.
    assert window(spring, date(2027, 1, 17), 20, 3) == (date(2027, 1, 17), date(2027, 2, 9))
    new_year = find("元旦")
    assert window(new_year, date(2027, 12, 25), 7, 2) == (date(2027, 12, 25), date(2028, 1, 3))
    assert window(new_year, date(2028, 1, 3), 7, 2) == (date(2027, 12, 25), date(2028, 1, 3))
    assert window(new_year, date(2028, 1, 4), 7, 2) is None
