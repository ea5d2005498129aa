"""Diagram themes as data: colours (six-digit hex), a font and type sizes.

A theme is a small mapping of names to values; :data:`THEMES` holds the four
built-in ones and :func:`load_theme_file` reads a user's brand colours and font
from a YAML or JSON mapping on top of one of them (``base: dark``). Colours are
always ``#rrggbb``: older Graphviz releases reject the three-digit form, and
PowerPoint needs six digits.

>>> THEMES["print"].department_fill
'#ffffff'
>>> theme_from_mapping({"base": "slides", "accent": "#0055AA"}, "<brand>").accent
'#0055aa'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientchain.errors import UsageError
from clientchain.i18n import _

__all__ = [
    "THEMES",
    "Theme",
    "is_hex_colour",
    "load_theme_file",
    "luminance",
    "mix",
    "ramp",
    "theme_from_mapping",
]

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_FONT = re.compile(r"[\w][\w .,-]{0,63}")


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours, font and sizes of a diagram (every colour ``#rrggbb``).

    ``scale`` holds the utilization colours of a continuous scale: idle (0%), half
    busy (50%), near capacity (the file's ``near_capacity``) and full (100% and
    above), mixed linearly in between (:func:`ramp`). ``quality`` holds the edge
    colours for %C&A: good (95% and above), fair (90%), poor (80% and below), unknown.
    """

    name: str
    font: str
    font_size: float
    small_size: float
    background: str
    text: str
    muted: str
    department_fill: str
    department_line: str
    client_fill: str
    supplier_fill: str
    party_line: str
    edge: str
    feedback_edge: str
    cluster_fill: str
    cluster_line: str
    accent: str
    constraint: str
    scale: tuple[str, str, str, str]
    quality: tuple[str, str, str, str]


_LIGHT: dict[str, Any] = {
    "name": "light",
    "font": "DejaVu Sans",
    "font_size": 12,
    "small_size": 9,
    "background": "#ffffff",
    "text": "#1f2937",
    "muted": "#6b7280",
    "department_fill": "#eef2ff",
    "department_line": "#4f46e5",
    "client_fill": "#dcfce7",
    "supplier_fill": "#fef3c7",
    "party_line": "#374151",
    "edge": "#374151",
    "feedback_edge": "#9ca3af",
    "cluster_fill": "#f9fafb",
    "cluster_line": "#d1d5db",
    "accent": "#4f46e5",
    "constraint": "#b91c1c",
    "scale": ("#dbeafe", "#bbf7d0", "#fde68a", "#fca5a5"),
    "quality": ("#15803d", "#ca8a04", "#b91c1c", "#9ca3af"),
}

_DARK: dict[str, Any] = {
    **_LIGHT,
    "name": "dark",
    "background": "#111827",
    "text": "#f3f4f6",
    "muted": "#9ca3af",
    "department_fill": "#1e293b",
    "department_line": "#818cf8",
    "client_fill": "#14532d",
    "supplier_fill": "#713f12",
    "party_line": "#d1d5db",
    "edge": "#d1d5db",
    "feedback_edge": "#6b7280",
    "cluster_fill": "#1f2937",
    "cluster_line": "#374151",
    "accent": "#818cf8",
    "constraint": "#f87171",
    "scale": ("#1e3a8a", "#166534", "#a16207", "#991b1b"),
    "quality": ("#4ade80", "#facc15", "#f87171", "#6b7280"),
}

# Greyscale-safe: fills get darker as load grows, the constraint is a thick black line.
_PRINT: dict[str, Any] = {
    **_LIGHT,
    "name": "print",
    "text": "#000000",
    "muted": "#444444",
    "department_fill": "#ffffff",
    "department_line": "#000000",
    "client_fill": "#eeeeee",
    "supplier_fill": "#ffffff",
    "party_line": "#000000",
    "edge": "#000000",
    "feedback_edge": "#777777",
    "cluster_fill": "#ffffff",
    "cluster_line": "#999999",
    "accent": "#000000",
    "constraint": "#000000",
    "scale": ("#ffffff", "#e0e0e0", "#b0b0b0", "#808080"),
    "quality": ("#000000", "#555555", "#999999", "#bbbbbb"),
}

_SLIDES: dict[str, Any] = {**_LIGHT, "name": "slides", "font_size": 18, "small_size": 13}

THEMES: dict[str, Theme] = {
    data["name"]: Theme(**data) for data in (_LIGHT, _DARK, _PRINT, _SLIDES)
}
"""The built-in themes: ``light``, ``dark``, ``print`` (greyscale-safe), ``slides`` (16:9)."""

_COLOUR_FIELDS = {
    f.name
    for f in dataclasses.fields(Theme)
    if f.name not in {"name", "font", "font_size", "small_size", "scale", "quality"}
}


def mix(first: str, second: str, share: float) -> str:
    """The colour ``share`` of the way from ``first`` to ``second`` (both ``#rrggbb``).

    >>> mix("#000000", "#ffffff", 0.5), mix("#ff0000", "#0000ff", 0.0)
    ('#808080', '#ff0000')
    """
    share = min(max(share, 0.0), 1.0)
    a, b = _rgb(first), _rgb(second)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def ramp(colours: Sequence[str], stops: Sequence[float], value: float) -> str:
    """The colour of ``value`` on a continuous scale: ``colours[i]`` at ``stops[i]``,
    mixed linearly in between, the end colours beyond the ends (``stops`` ascending).

    >>> ramp(("#000000", "#ffffff"), (0.0, 1.0), 0.25), ramp(("#000000", "#ffffff"), (0.0, 1.0), 2)
    ('#404040', '#ffffff')
    """
    if value <= stops[0]:
        return colours[0]
    for index in range(1, len(stops)):
        low, high = stops[index - 1], stops[index]
        if value <= high:
            share = (value - low) / (high - low) if high > low else 1.0
            return mix(colours[index - 1], colours[index], share)
    return colours[-1]


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb`` (WCAG: 0 black … 1 white), what greyscale keeps.

    >>> luminance("#ffffff"), luminance("#000000")
    (1.0, 0.0)
    """

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return round(0.2126 * r + 0.7152 * g + 0.0722 * b, 6)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def is_hex_colour(value: object) -> bool:
    """Whether ``value`` is a six-digit hex colour such as ``'#1f2937'``."""
    return isinstance(value, str) and _HEX.fullmatch(value) is not None


def theme_from_mapping(
    data: Mapping[str, Any], source: str, positions: Mapping[str, tuple[int, int]] | None = None
) -> Theme:
    """A theme from a mapping of overrides on top of ``base`` (default ``light``).

    Parameters
    ----------
    data : mapping
        ``base`` (a built-in theme name) and any :class:`Theme` field except
        ``name``; colours as ``#rrggbb``; ``scale`` and ``quality`` as lists of four.
    source : str
        Where the mapping came from, for error messages.
    positions : mapping, optional
        Line and column of each key's value in ``source``, so messages point at it.

    Raises
    ------
    UsageError
        An unknown key or base, a colour that is not ``#rrggbb``, a size that is
        not a positive number.
    """
    place = _Places(source, positions or {})
    base_name = data.get("base", "light")
    if not isinstance(base_name, str):
        raise UsageError(
            _("{where}: base: expected the name of a built-in theme").format(where=place("base"))
        )
    if base_name not in THEMES:
        raise UsageError(
            _("{where}: unknown base theme {name} (use {themes})").format(
                where=place("base"), name=repr(base_name), themes=", ".join(THEMES)
            )
        )
    known = {f.name for f in dataclasses.fields(Theme)} - {"name"}
    unknown = [key for key in data if key not in known and key != "base"]
    if unknown:
        first = unknown[0]
        raise UsageError(
            _("{where}: unknown theme key {key} (known: {known})").format(
                where=place(first), key=repr(str(first)), known=sorted(known)
            )
        )
    values = dataclasses.asdict(THEMES[base_name])
    for key, value in data.items():
        if key != "base":
            values[key] = _checked(key, value, place(key))
    values["name"] = f"{base_name}+{Path(source).name}"
    return Theme(**values)


class _Places:
    """``file:line:column`` of a key's value when known, else just the file."""

    def __init__(self, source: str, positions: Mapping[str, tuple[int, int]]) -> None:
        self.source, self.positions = source, positions

    def __call__(self, key: object) -> str:
        found = self.positions.get(key) if isinstance(key, str) else None
        return self.source if found is None else f"{self.source}:{found[0]}:{found[1]}"


def _checked(key: str, value: Any, where: str) -> Any:
    if key in _COLOUR_FIELDS:
        return _colour(key, value, where)
    if key in ("scale", "quality"):
        if not isinstance(value, list | tuple) or len(value) != 4:
            raise UsageError(
                _("{where}: {key}: expected a list of four #rrggbb colours").format(
                    where=where, key=key
                )
            )
        return tuple(_colour(key, item, where) for item in value)
    if key == "font":
        if not isinstance(value, str) or not _FONT.fullmatch(value):
            raise UsageError(
                _("{where}: font: expected a font name such as 'Arial' or 'Fira Sans'").format(
                    where=where
                )
            )
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not 4 <= value <= 72:
        raise UsageError(
            _("{where}: {key}: expected a size in points between 4 and 72").format(
                where=where, key=key
            )
        )
    return float(value)


def _colour(key: str, value: Any, where: str) -> str:
    if not is_hex_colour(value):
        raise UsageError(
            _("{where}: {key}: expected a six-digit hex colour like '#1f2937'").format(
                where=where, key=key
            )
        )
    return str(value).lower()


def load_theme_file(path: str | Path) -> Theme:
    """Read a theme file (YAML or JSON mapping; see :func:`theme_from_mapping`).

    The file is read as org files are (:mod:`clientchain.loading.yaml_source`):
    at most :data:`~clientchain.loading.yaml_source.MAX_STREAM_BYTES` from a pipe
    or device, nesting and aliases bounded, duplicate keys reported.

    Raises
    ------
    UsageError
        The file cannot be read or parsed, or is not a valid theme.
    """
    from clientchain.errors import InputError
    from clientchain.loading.yaml_source import MapNode, compose, decode, read_limited, to_data

    source = str(path)
    try:
        with open(path, "rb") as stream:
            data = read_limited(stream, source)
    except OSError as exc:
        raise UsageError(
            _("cannot read the theme file {file}: {error}").format(
                file=source, error=exc.strerror or exc
            )
        ) from exc
    try:
        root = compose(decode(data, source), source)
    except InputError as exc:
        issues = "; ".join(str(issue) for issue in exc.issues)
        raise UsageError(_("not a valid theme file: {issues}").format(issues=issues)) from None
    if not isinstance(root, MapNode):
        raise UsageError(
            _("{file}: a theme file is a mapping such as 'accent: \"#0055aa\"'").format(file=source)
        )
    positions = {key.value: (value.line, value.column) for key, value in root.items}
    return theme_from_mapping(to_data(root), source, positions)
