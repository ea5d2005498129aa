"""The one module that runs a Graphviz engine.

Two engines take DOT on standard input and write the chosen format on standard output:

* ``graphviz-pure`` (default): the PyPI package of the same name, a Rust port of
  Graphviz's ``dot`` installed with clientchain, so a fresh ``pip install``
  renders SVG and PNG with no system package. It is looked for next to the
  running Python (the virtual environment's ``bin``), then on ``PATH``. It has
  no PDF output.
* ``dot``: Graphviz's own command (``apt-get install graphviz``, ``brew install
  graphviz``…), on ``PATH``; used with ``--engine dot`` and for PDF.

A missing engine, a failing engine and an engine that runs past the time limit
each become a :class:`RenderError` with a hint, never a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

from clientchain.errors import ClientchainError
from clientchain.i18n import N_, _
from clientchain.numbers import given
from clientchain.render.raster import svg_to_png

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "ENGINE_FORMATS",
    "INSTALL_HINTS",
    "Engine",
    "RenderError",
    "choose_engine",
    "find_engine",
    "run_engine",
]

Engine = Literal["graphviz-pure", "dot"]
ENGINES: tuple[Engine, ...] = ("graphviz-pure", "dot")
DEFAULT_ENGINE: Engine = "graphviz-pure"
ENGINE_FORMATS: dict[Engine, frozenset[str]] = {
    "graphviz-pure": frozenset({"svg", "png", "json", "plain"}),
    "dot": frozenset({"svg", "png", "json", "plain", "pdf"}),
}
INSTALL_HINTS: dict[Engine, str] = {
    "graphviz-pure": N_(
        "pip install graphviz-pure (it comes with clientchain: reinstall clientchain)"
    ),
    "dot": N_(
        "install Graphviz: apt-get install graphviz, brew install graphviz, "
        "or see https://graphviz.org/download/"
    ),
}
"""How to install each engine (English: the message ids; shown through the catalog)."""
TIMEOUT_SECONDS = 120.0


class RenderError(ClientchainError):
    """A diagram could not be rendered: no engine, the engine failed or took too long."""


def find_engine(engine: Engine) -> str:
    """The path of ``engine``'s executable.

    Raises
    ------
    RenderError
        The engine is not installed; the message says how to install it.
    """
    if engine == "graphviz-pure":
        beside = Path(sys.executable).with_name("graphviz-pure")
        for candidate in (beside, beside.with_suffix(".exe")):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(engine)
    if found is None:
        hint = _(INSTALL_HINTS[engine])  # i18n: N_ table
        raise RenderError(
            _("the {engine} engine is not installed ({hint})").format(engine=engine, hint=hint)
        )
    return found


def choose_engine(fmt: str, requested: Engine | None = None) -> Engine:
    """The engine for ``fmt``: ``requested`` if given, else graphviz-pure, else dot (PDF).

    >>> choose_engine("svg"), choose_engine("pdf"), choose_engine("png", "dot")
    ('graphviz-pure', 'dot', 'dot')
    """
    engine: Engine = requested or ("dot" if fmt == "pdf" else DEFAULT_ENGINE)
    if fmt not in ENGINE_FORMATS[engine]:
        if fmt == "pdf":
            message = _(
                "the {engine} engine cannot write {format} "
                "(use --engine dot: Graphviz's own dot writes PDF)"
            )
        else:
            message = _("the {engine} engine cannot write {format}")
        raise RenderError(message.format(engine=engine, format=fmt))
    return engine


def run_engine(
    dot_text: str,
    fmt: str,
    engine: Engine | None = None,
    *,
    timeout: float = TIMEOUT_SECONDS,
) -> bytes:
    """Lay out ``dot_text`` and return the ``fmt`` output (``svg``, ``png``, ``pdf``, ``json``…).

    Parameters
    ----------
    dot_text : str
        A whole DOT graph (from :func:`clientchain.render.dot.to_dot`).
    fmt : str
        A Graphviz output format the engine supports (:data:`ENGINE_FORMATS`).
    engine : {"graphviz-pure", "dot"} or None
        None chooses with :func:`choose_engine`.
    timeout : float
        Seconds before the engine is stopped.

    Raises
    ------
    RenderError
        The engine is missing, exits with an error, writes nothing or runs too long.
    """
    chosen = choose_engine(fmt, engine)
    if chosen == "graphviz-pure" and fmt == "png":
        # its own PNG knows only its 3 bundled fonts: draw its SVG with the system's fonts
        svg = run_engine(dot_text, "svg", chosen, timeout=timeout)
        try:
            return svg_to_png(svg)
        except ValueError as exc:
            raise RenderError(_("cannot draw the PNG: {error}").format(error=exc)) from exc
    command = [find_engine(chosen), f"-T{fmt}"]
    try:
        done = subprocess.run(
            command, input=dot_text.encode("utf-8"), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise RenderError(
            _("the {engine} engine took more than {seconds} s: try a smaller --view").format(
                engine=chosen, seconds=given(timeout)
            )
        ) from exc
    except OSError as exc:
        raise RenderError(
            _("cannot run the {engine} engine: {error}").format(
                engine=chosen, error=exc.strerror or exc
            )
        ) from exc
    if done.returncode != 0 or not done.stdout:
        raise RenderError(
            _("the {engine} engine failed: {problem}").format(
                engine=chosen, problem=_problem(done.stderr)
            )
        )
    return done.stdout


def _problem(stderr: bytes) -> str:
    """The engine's error lines, without its warnings about font metrics."""
    lines = [
        line.strip()
        for line in stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and "no value for width" not in line  # i18n: the engine's own words
    ]
    return "; ".join(lines[:3]) or _("no output and no message")
