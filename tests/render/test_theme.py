"""Themes are data; a theme file overrides a base theme with checked brand colours and font."""

from __future__ import annotations

import dataclasses

import pytest

from clientchain.errors import UsageError
from clientchain.render.theme import THEMES, is_hex_colour, load_theme_file


def test_built_in_themes_use_six_digit_hex_colours_only() -> None:
    assert set(THEMES) == {"light", "dark", "print", "slides"}
    for theme in THEMES.values():
        for field in dataclasses.fields(theme):
            value = getattr(theme, field.name)
            values = value if isinstance(value, tuple) else (value,)
            for item in values:
                if isinstance(item, str) and item.startswith("#"):
                    assert is_hex_colour(item), (theme.name, field.name, item)


def test_print_theme_is_greyscale() -> None:
    theme = THEMES["print"]
    colours = [v for f in dataclasses.fields(theme) for v in _colours(getattr(theme, f.name))]
    for colour in colours:
        red, green, blue = colour[1:3], colour[3:5], colour[5:7]
        assert red == green == blue, colour
    # the utilization scale darkens from idle to overloaded, so it reads without colour
    levels = [int(c[1:3], 16) for c in theme.scale]
    assert levels == sorted(levels, reverse=True)


def _colours(value):
    values = value if isinstance(value, tuple) else (value,)
    return [v for v in values if isinstance(v, str) and v.startswith("#")]


def test_slides_theme_has_large_type() -> None:
    assert THEMES["slides"].font_size >= 1.5 * THEMES["light"].font_size


def test_theme_file_yaml_and_json(tmp_path) -> None:
    yaml_file = tmp_path / "brand.yaml"
    yaml_file.write_text(
        "base: dark\nfont: Fira Sans\naccent: '#FF6600'\n"
        "scale: ['#000001', '#000002', '#000003', '#000004']\n",
        encoding="utf-8",
    )
    theme = load_theme_file(yaml_file)
    assert (theme.font, theme.accent, theme.background) == ("Fira Sans", "#ff6600", "#111827")
    assert theme.scale == ("#000001", "#000002", "#000003", "#000004")
    json_file = tmp_path / "brand.json"
    json_file.write_text('{"font_size": 20, "text": "#000000"}', encoding="utf-8")
    assert load_theme_file(json_file).font_size == 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("accent: '#f60'\n", "accent: expected a six-digit hex colour"),
        ("accent: red\n", "accent: expected a six-digit hex colour"),
        ("colour: '#ffffff'\n", "unknown theme key 'colour'"),
        ("base: neon\n", "unknown base theme 'neon'"),
        ('font: "Evil\\" ] ; x"\n', "font: expected a font name"),
        ("font_size: 0\n", "font_size: expected a size in points"),
        ("scale: ['#000000']\n", "scale: expected a list of four"),
        ("- a\n- b\n", "a theme file is a mapping"),
        ("a: [\n", "not a valid theme file"),
        # hostile shapes (issue 13 item 10): each was an internal error
        ("accent: ['#000000']\n", "bad.yaml:1:9: accent: expected a six-digit hex colour"),
        ("accent: {a: '#000000'}\n", "bad.yaml:1:9: accent: expected a six-digit hex colour"),
        ("base: [dark]\n", "bad.yaml:1:7: base: expected the name of a built-in theme"),
        ("base: {dark: 1}\n", "bad.yaml:1:7: base: expected the name of a built-in theme"),
        ("1: '#000000'\nfoo: '#000000'\n", "bad.yaml:1:4: unknown theme key '1'"),
        ("? [a]\n: '#000000'\n", "bad.yaml:1:3: a key must be plain text"),
        ("accent: " + "[" * 20_000 + "]" * 20_000 + "\n", "nests deeper than 64 levels"),
        (
            "accent: '#000000'\naccent: '#ffffff'\n",
            "bad.yaml:2:1: duplicate key 'accent' (first at line 1)",
        ),
    ],
)
def test_bad_theme_files_are_usage_errors(tmp_path, text, message) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        load_theme_file(path)
    assert message in str(raised.value)


def test_a_missing_theme_file_is_a_usage_error(tmp_path) -> None:
    with pytest.raises(UsageError, match="cannot read the theme file"):
        load_theme_file(tmp_path / "nope.yaml")


def test_a_deeply_nested_json_theme_is_refused(tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"accent": ' + "[" * 20_000 + "]" * 20_000 + "}", encoding="utf-8")
    with pytest.raises(UsageError, match="nests deeper than 64 levels"):
        load_theme_file(path)
