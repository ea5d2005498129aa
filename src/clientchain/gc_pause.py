"""One place that pauses Python's cyclic garbage collector.

A command builds one large model and ends: at 10,000 departments that is about a
million small objects, none of them in a reference cycle, and the collector's
repeated scans of the growing heap make loading and every command superlinear.
Loading and the command line both pause it with :func:`gc_paused`; the measured
effect is in ``docs/performance.md`` ("Large organizations").
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the ``with`` block.

    The caller's setting is restored afterwards, so that a program that loads
    files or runs commands in-process (tests, ``CliRunner``) keeps its own; a
    pause inside a pause leaves collection off until the outer one ends.

    >>> import gc
    >>> with gc_paused():
    ...     inside = gc.isenabled()
    >>> inside, gc.isenabled()
    (False, True)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
