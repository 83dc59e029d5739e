"""Settings: one TOML file, defaults where absent, one line per problem."""

from __future__ import annotations

import tomllib

from kiosk.settings import Settings, example_toml, load


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
    assert all("\n" not in p for p in problems)


def test_broken_toml_is_one_line_and_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("[touch\nidle = ", encoding="utf-8")
    settings, problems = load(path)
    assert settings == Settings()
    assert len(problems) == 1 and "cannot read" in problems[0]


def test_example_file_parses_back_to_the_defaults(tmp_path):
    text = example_toml()
    tomllib.loads(text)
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path) == (Settings(), [])
