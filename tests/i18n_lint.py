"""Find human-facing text in the source that bypasses the message catalog.

A sentence a person reads must reach them through ``_()`` (or ``ngettext``, ``pgettext``,
``plural`` templates, ``N_`` for import-time tables), so that it has a Spanish translation.
This walks the syntax tree of a module and reports every string literal or f-string that looks
like words (two words in a row, or a word beside an f-string's placeholder) and is not:

- a docstring;
- a direct argument of one of the catalog functions;
- on a line marked ``# i18n: <reason>`` (machine text: JSON keys, DOT or HTML syntax, SARIF
  structure, log lines, programmer errors). The reason is required.

It also reports ``_(f"...")`` (an f-string cannot be looked up in the catalog), a catalog call
inside an f-string (Babel does not extract it) and a catalog call whose message is not a
literal, unless that line is marked.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

CATALOG_CALLS = {
    "_": (0,),
    "N_": (0,),
    "NC_": (0, 1),
    "ngettext": (0, 1),
    "pgettext": (0, 1),
    "plural": (1, 2),
}
MARK = re.compile(r"#\s*i18n:\s*\S")
_MARKUP = re.compile(
    r"<[^<>]*>"  # HTML/XML tags
    r"|&#?\w+;"  # entities
    r"|\b[\w:-]+=(\"[^\"]*\"|'[^']*'|[^\s,\]]*)"  # attribute=value (DOT, HTML)
    r"|https?://\S+"  # addresses
    r"|%[-\w.]+"  # printf-style directives
    r"|\\[nt]"
)
_TWO_WORDS = re.compile(r"(?<![\w.{/#-])[A-Za-z][a-z]+[,;:!?]?\s+[A-Za-z][a-z]+(?![\w}(/])")
_WORD_BY_PLACEHOLDER = re.compile(r"\{\}\s+[A-Za-z][a-z]{1,}\b|\b[A-Za-z][a-z]{1,}\s+\{\}")


@dataclass(frozen=True)
class Bypass:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _words(text: str, *, formatted: bool) -> bool:
    plain = _MARKUP.sub(" ", text)
    if _TWO_WORDS.search(plain):
        return True
    return formatted and bool(_WORD_BY_PLACEHOLDER.search(plain))


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        if isinstance(node, ast.Assign | ast.AnnAssign):  # attribute docstrings follow
            pass
    # a string statement right after an assignment documents it (PEP 257 attribute docstring)
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            if isinstance(statements, list):
                for statement in statements:
                    if isinstance(statement, ast.Expr) and isinstance(
                        statement.value, ast.Constant
                    ):
                        found.add(id(statement.value))
    return found


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _flat(node: ast.JoinedStr) -> str:
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(value.value)
        else:
            parts.append("{}")
    return "".join(parts)


def bypasses(path: Path) -> list[Bypass]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip = _docstrings(tree)

    def marked(node: ast.AST) -> bool:
        first = getattr(node, "lineno", 1)
        last = getattr(node, "end_lineno", first) or first
        # the mark may sit on the node's lines or on the line just above it
        return any(MARK.search(lines[i - 1]) for i in range(max(first - 1, 1), last + 1))

    found: list[Bypass] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (name := _name(node)) in CATALOG_CALLS:
            for index in CATALOG_CALLS[name]:
                if index < len(node.args):
                    argument = node.args[index]
                    skip.add(id(argument))
                    if isinstance(argument, ast.JoinedStr):
                        found.append(Bypass(path, node.lineno, f"{name}(f-string)"))
                    elif (
                        name != "plural"
                        and not isinstance(argument, ast.Constant)
                        and not marked(node)
                    ):
                        found.append(Bypass(path, node.lineno, f"{name}(non-literal)"))
        if isinstance(node, ast.JoinedStr):
            for value in node.values:
                skip.add(id(value))
                # Babel does not look inside f-strings: a message there never reaches the catalog
                for inner in ast.walk(value):
                    if (
                        isinstance(inner, ast.Call)
                        and _name(inner) in CATALOG_CALLS
                        and any(isinstance(arg, ast.Constant) for arg in inner.args)
                    ):
                        found.append(Bypass(path, inner.lineno, f"{_name(inner)}() in an f-string"))
        if isinstance(node, ast.Assert) and node.msg is not None:
            skip.add(id(node.msg))
            for inner in ast.walk(node.msg):
                skip.add(id(inner))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text, formatted = node.value, False
        elif isinstance(node, ast.JoinedStr):
            text, formatted = _flat(node), True
        else:
            continue
        if _words(text, formatted=formatted) and not marked(node):
            found.append(Bypass(path, node.lineno, text))
    return sorted(found, key=lambda bypass: bypass.line)


def main() -> None:  # pragma: no cover - a developer's to-do list: python tests/i18n_lint.py
    import sys

    for name in sys.argv[1:]:
        for bypass in bypasses(Path(name)):
            print(bypass)


if __name__ == "__main__":  # pragma: no cover
    main()
