"""Repository-wide rule defaults: the ``[tool.clientchain]`` table of a ``pyproject.toml``.

The table is looked for by walking up from the org file's folder (from the
current folder for standard input): the nearest ``pyproject.toml`` that has a
``[tool.clientchain]`` table wins, like ruff and mypy find theirs. Its keys are
those of the org file's ``checks:`` section plus ``fail_on``; ``-`` and ``_``
are the same in key names (``fail-on`` = ``fail_on``; writing both is an error)::

    [tool.clientchain]
    select = []                       # when not empty, only these rules run
    ignore = ["single-point-of-failure"]
    fail-on = "error"                 # error | warning | info
    near_capacity = "90%"
    min_satisfaction = 3.5
    min_rolled_quality = 0.75
    severity = { missing-deliverable = "warning" }

A ``tool`` or ``tool.clientchain`` that is not a table (``tool = 1``,
``[[tool]]``) is an error naming its line, never an internal error.
Everything is checked here except rule ids (the rule registry lives above this
layer: :func:`clientchain.checks.config.with_project` checks them). Problems are
an :class:`~clientchain.errors.InputError` naming the ``pyproject.toml`` and the
line of the key.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "pyproject.toml").write_text('[tool.clientchain]\\nfail-on = "error"\\n')
>>> (folder / "team").mkdir()
>>> config = find_project_config(folder / "team")
>>> config.fail_on, config.line, config.path == str(folder / "pyproject.toml")
('error', 1, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clientchain.errors import InputError, Issue
from clientchain.i18n import N_, _
from clientchain.loading import fields as F
from clientchain.loading.fields import SEVERITIES
from clientchain.terms import english, term
from clientchain.units import parse_percentage, suggest_percentage

__all__ = ["PROJECT_FILE", "ProjectConfig", "find_project_config", "read_project_config"]

PROJECT_FILE = "pyproject.toml"
_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*clientchain\s*\]\s*(#.*)?$")
_FIELDS = {
    f.key: f
    for f in (
        *(
            F.CHECKS.by_key[key] for key in ("select", "ignore", "severity")
        ),  # as the hint lists them
        F.FAIL_ON,
        *F.THRESHOLDS,
    )
}
"""The keys of ``[tool.clientchain]``: those of the org file's ``checks:`` and ``fail_on``."""


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """The ``[tool.clientchain]`` table: ``None`` (or empty) where a key is not given.

    ``path`` is the ``pyproject.toml`` it comes from, ``line`` the line of the
    table's header and ``lines`` the line of each key given (for messages).
    """

    path: str
    line: int = 0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    near_capacity: float | None = None
    min_satisfaction: float | None = None
    min_rolled_quality: float | None = None
    lines: Mapping[str, int] = field(default_factory=dict)

    def issue(self, key: str, message: str, hint: str = "") -> Issue:
        """An :class:`Issue` at ``key`` of the table (the header when not found)."""
        line = self.lines.get(key, self.line)
        return Issue(self.path, line, 1 if line else 0, message, f"tool.clientchain.{key}", hint)


def find_project_config(start: str | Path) -> ProjectConfig | None:
    """The nearest ``[tool.clientchain]`` table from ``start`` (a folder) upwards, or ``None``.

    Raises
    ------
    InputError
        A ``pyproject.toml`` on the way is not valid TOML, or the table has
        unknown keys or values of the wrong kind.
    """
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / PROJECT_FILE
        if path.is_file():
            config = read_project_config(path)
            if config is not None:
                return config
    return None


def read_project_config(path: str | Path) -> ProjectConfig | None:
    """The ``[tool.clientchain]`` table of the ``pyproject.toml`` at ``path``, or ``None``."""
    import tomllib  # only when a pyproject.toml is found

    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        # TRANSLATORS: {file} is pyproject.toml; {reason} the system's or decoder's own words
        message = _("cannot read {file}: {reason}").format(file=PROJECT_FILE, reason=exc)
        raise InputError([Issue(name, 1, 1, message)]) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _position(str(exc), text)
        # TRANSLATORS: {reason} is the TOML reader's own words
        message = _("invalid TOML: {reason}").format(reason=exc)
        raise InputError([Issue(name, line, column, message)]) from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        line = _line_of(text, _TOOL) or 1
        # TRANSLATORS: {got} is a TOML type such as "an array"
        message = _("'tool' must be a table, got {got}").format(got=_toml_type(tool))
        hint = _("tools keep their settings under [tool.NAME]")
        raise InputError([Issue(name, line, 1, message, "tool", hint)])
    table = tool.get("clientchain")
    if table is None:
        return None
    header, raw_lines = _lines(text)
    if not isinstance(table, dict):
        line = header or _line_of(text, _CLIENTCHAIN) or _line_of(text, _TOOL) or 1
        message = _("expected a table, got {got}").format(got=_toml_type(table))
        hint = _("write [tool.clientchain] and its keys below it")
        raise InputError([Issue(name, line, 1, message, "tool.clientchain", hint)])
    lines: dict[str, int] = {}
    for raw, number in raw_lines.items():
        lines.setdefault(raw.replace("-", "_"), number)
    config = ProjectConfig(name, header, lines=lines)
    return _parse(table, config, raw_lines)


def _parse(
    table: Mapping[str, Any], base: ProjectConfig, raw_lines: Mapping[str, int]
) -> ProjectConfig:
    issues: list[Issue] = []
    values: dict[str, Any] = {}
    spelled: dict[str, str] = {}  # key → how the table wrote it first
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key in spelled:
            issues.append(_conflict(base, key, spelled[key], raw_key, raw_lines))
            continue
        spelled[key] = raw_key
        f = _FIELDS.get(key)
        if f is None:
            known = ", ".join(k.replace("_", "-") if k == "fail_on" else k for k in _FIELDS)
            message = _("unknown key '{key}'").format(key=raw_key)
            issues.append(base.issue(key, message, _("known keys: {keys}").format(keys=known)))
            continue
        try:
            values[f.attr] = _CONVERT[f.kind](value)
        except (TypeError, ValueError) as exc:
            meant = suggest_percentage(value) if f.kind == "percent" else None
            hint = _("did you mean '{word}'?").format(word=meant) if meant else ""
            issues.append(base.issue(key, str(exc), hint))
    if issues:
        raise InputError(issues)
    return ProjectConfig(**{**_fields(base), **values})


def _conflict(
    base: ProjectConfig, key: str, first: str, second: str, raw_lines: Mapping[str, int]
) -> Issue:
    """Both spellings of one key (``fail_on`` and ``fail-on``): an error at the later one."""
    one, other = sorted((first, second), key=lambda k: k.count("-"))
    line = max(raw_lines.get(first, base.line), raw_lines.get(second, base.line))
    message = _("'{one}' and '{other}' are the same key; keep one").format(one=one, other=other)
    return Issue(base.path, line, 1 if line else 0, message, f"tool.clientchain.{key}")


def _fields(config: ProjectConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in ProjectConfig.__dataclass_fields__}


def _rule_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise TypeError(_("expected a list of rule ids, got {value}").format(value=repr(value)))


def _level(value: Any) -> str:
    """A severity: English in any case, or a Spanish spelling (``aviso`` is ``warning``)."""
    if isinstance(value, str):
        level = value.strip().lower()
        if level in SEVERITIES:
            return level
        alias = english("severity", value)
        if alias is not None:
            return alias
    shown = ", ".join(term("severity", level) for level in SEVERITIES)
    # TRANSLATORS: {choices} lists the severities, in the current language
    message = _("expected one of {choices}, got {value}")
    raise ValueError(message.format(choices=shown, value=repr(value)))


def _severity(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        message = _("expected a table of rule = severity, got {value}")
        raise TypeError(message.format(value=repr(value)))
    return {str(rule): _level(level) for rule, level in value.items()}


def _percent(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        # TRANSLATORS: keep '85%' and 0.85 as written: TOML values, with a decimal point
        message = _("expected a percentage like '85%' or 0.85, got {value}")
        raise TypeError(message.format(value=repr(value)))
    return parse_percentage(value)


def _rating(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 5:
        raise ValueError(_("expected a rating from 1 to 5, got {value}").format(value=repr(value)))
    return float(value)


_CONVERT: dict[F.FieldKind, Callable[[Any], Any]] = {
    "texts": _rule_list,
    "severities": _severity,
    "choice": _level,  # the one choice is fail_on, among SEVERITIES
    "percent": _percent,
    "rating": _rating,
}
"""A TOML value of each kind (TOML has types of its own: not the org file's converters)."""


def _lines(text: str) -> tuple[int, dict[str, int]]:
    """The header's line and each key's line, as written, inside ``[tool.clientchain]``."""
    header = 0
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not header:
            header = number if _TABLE.match(line) else 0
            continue
        if line.lstrip().startswith("["):
            break
        key = re.match(r"^\s*([A-Za-z0-9_-]+)\s*=", line)
        if key:
            lines.setdefault(key.group(1), number)
    return header, lines


_TOOL = re.compile(r"^\s*(\[\[?\s*tool\s*[\].]|tool\s*[=.])")
_CLIENTCHAIN = re.compile(r"^\s*(\[\[?\s*tool\s*\.\s*clientchain\b|(tool\s*\.\s*)?clientchain\s*=)")


def _line_of(text: str, pattern: re.Pattern[str]) -> int:
    """The first line (1-based) that ``pattern`` matches; 0 when none does."""
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 0


def _toml_type(value: object) -> str:
    """What a TOML value is, in TOML's words: ``an integer``, ``an array of tables`` …"""
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return _("an array of tables")
        return _("an array")
    return _(_TOML_TYPES.get(type(value), _A_DATE))  # i18n: N_ table


_TOML_TYPES = {
    bool: N_("a boolean"),
    int: N_("an integer"),
    float: N_("a float"),
    str: N_("a string"),
}
_A_DATE = N_("a date or time")


def _position(message: str, text: str) -> tuple[int, int]:
    """Where tomllib's message says the problem is (its last line at the end of the text)."""
    found = re.search(r"line (\d+), column (\d+)", message)
    if found:
        return int(found.group(1)), int(found.group(2))
    if "end of document" in message:  # i18n: tomllib's words
        return max(1, len(text.splitlines())), 1
    return 1, 1
