"""Settings: one TOML file, defaults where absent, one line per problem."""

from __future__ import annotations

import tomllib

import pytest

from kiosk.settings import Settings, auto_picture_cache_mb, example_toml, load


def test_missing_file_means_defaults(tmp_path):
    settings, problems = load(tmp_path / "kiosk.toml")
    assert settings == Settings() and problems == []


def test_values_are_read_and_typed(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[exhibition]\nname_zh = "某某县廉政教育基地"\ndefault_language = "en"\n'
        "[touch]\nidle_timeout_s = 30\n[attract]\naudio = true\n"
        '[playback]\nvlc_options = ["--vout=gl"]\n',
        encoding="utf-8",
    )
    settings, problems = load(path)
    assert problems == []
    assert settings.exhibition.name_zh == "某某县廉政教育基地"
    assert settings.exhibition.default_language == "en"
    assert settings.touch.idle_timeout_s == 30.0 and isinstance(
        settings.touch.idle_timeout_s, float
    )
    assert settings.attract.audio is True
    assert settings.playback.vlc_options == ("--vout=gl",)


def test_mistakes_are_reported_and_defaults_kept(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[touch]\nidle_timeout_s = "soon"\ntypo = 1\n[display]\nrotate = 45\n[nonsense]\na = 1\n',
        encoding="utf-8",
    )
    settings, problems = load(path)
    assert settings.touch.idle_timeout_s == Settings().touch.idle_timeout_s
    assert settings.display.rotate == 0
    assert len(problems) == 4
    assert all("\n" not in p.render(lang) for p in problems for lang in ("zh", "en"))
    said = [p.render("zh") for p in problems]
    assert said[0] == "kiosk.toml [touch] idle_timeout_s：应为数字，写的是 'soon'；使用默认值"
    assert said[3] == "kiosk.toml：没有 [nonsense] 这一部分，已忽略"
    assert problems[2].render("en") == (
        "kiosk.toml [display] rotate: must be one of 0, 90, 180, 270; using the default"
    )


def test_broken_toml_is_one_line_and_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("[touch\nidle = ", encoding="utf-8")
    settings, problems = load(path)
    assert settings == Settings()
    assert len(problems) == 1 and "cannot read" in problems[0].render("en")
    assert problems[0].render("zh").startswith("kiosk.toml：无法读取")


def test_example_file_parses_back_to_the_defaults(tmp_path):
    text = example_toml()
    tomllib.loads(text)
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path) == (Settings(), [])


def test_picture_cache_is_a_size_or_automatic(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("[display]\npicture_cache_mb = 96\n", encoding="utf-8")
    settings, problems = load(path)
    assert problems == []
    assert settings.display.picture_cache_bytes() == 96 * 1024 * 1024
    # 0, or no line at all: sized from the machine's memory.
    path.write_text("[display]\npicture_cache_mb = 0\n", encoding="utf-8")
    settings, problems = load(path)
    assert problems == [] and settings == Settings()
    assert settings.display.picture_cache_bytes() == auto_picture_cache_mb() * 1024 * 1024


def test_automatic_picture_cache_fits_small_machines():
    gb = 1024**3
    assert auto_picture_cache_mb(1 * gb) == 48
    assert auto_picture_cache_mb(2 * gb) == 48
    assert auto_picture_cache_mb(4 * gb) == 85
    assert auto_picture_cache_mb(8 * gb) == 170
    assert auto_picture_cache_mb(12 * gb) == 256
    assert auto_picture_cache_mb(64 * gb) == 256
    assert 48 <= auto_picture_cache_mb() <= 256  # this machine's


@pytest.mark.parametrize("value", ["-5", '"lots"', "100000", "64.5"])
def test_a_wrong_picture_cache_is_one_line_and_automatic(tmp_path, value):
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[display]\npicture_cache_mb = {value}\n", encoding="utf-8")
    settings, problems = load(path)
    assert settings.display.picture_cache_mb == 0
    assert len(problems) == 1 and "picture_cache_mb" in problems[0].render("zh")
    assert "\n" not in problems[0].render("en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_setting_is_explained_in_the_example_file(lang):
    from dataclasses import fields

    from kiosk.strings import STRINGS

    for section in fields(Settings()):
        assert f"set_help_{section.name}" in STRINGS, section.name
        for f in fields(getattr(Settings(), section.name)):
            assert f"set_help_{section.name}_{f.name}" in STRINGS, f"[{section.name}] {f.name}"
    text = example_toml(lang)
    assert tomllib.loads(text) == tomllib.loads(example_toml("en" if lang == "zh" else "zh"))
    assert ("# 每张海报展示的秒数\nposter_s = 10.0" in text) == (lang == "zh")
