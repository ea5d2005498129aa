"""Issue 13 items 4 and 10 (discover's part): bounded XES text, a refused delimiter, Ctrl-C."""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli.cli_support import Invoke
from clientchain.discover import DiscoverError, discover_log
from clientchain.discover.xes import MAX_TEXT_RUN

from .support import write_csv

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
    "  <trace>\n"
)
EVENT = (
    '    <string key="concept:name" value="T1"/>\n'
    '    <event><string key="org:group" value="Ventas"/>'
    '<date key="time:timestamp" value="2024-01-01T09:00:00Z"/></event>\n'
)
TAIL = "  </trace>\n</log>\n"


def test_a_gzip_of_whitespace_is_refused_at_the_bound(tmp_path: Path) -> None:
    # After "<trace>" on line 3 the text run starts; 4 MiB of blanks compress to a few KiB.
    blanks = " " * (4 * 1024 * 1024)
    path = tmp_path / "bomb.xes.gz"
    path.write_bytes(gzip.compress((HEAD + blanks + EVENT + TAIL).encode("utf-8")))
    assert path.stat().st_size < 20_000
    with pytest.raises(DiscoverError) as refused:
        discover_log(path)
    assert str(refused.value) == (
        f"{path}:3: more than 1 MiB of text outside the tags (or in one attribute value); "
        "an XES log has none: refused"
    )


def test_the_bound_counts_across_lines_and_reads_below_it(tmp_path: Path) -> None:
    # Lines of blanks: the run is all the blank lines together, from line 3 on.
    near = ("\n" + " " * 1023) * (MAX_TEXT_RUN // 1024 - 1)  # just under the bound
    path = tmp_path / "ok.xes"
    path.write_text(HEAD + near + EVENT + TAIL, encoding="utf-8")
    assert discover_log(path).result.totals.events == 1
    over = ("\n" + " " * 1023) * (MAX_TEXT_RUN // 1024 + 1)
    path.write_text(HEAD + over + EVENT + TAIL, encoding="utf-8")
    with pytest.raises(DiscoverError, match=r"ok.xes:3: more than 1 MiB of text"):
        discover_log(path)


def test_a_huge_attribute_value_is_refused_too(tmp_path: Path) -> None:
    value = "x" * (MAX_TEXT_RUN + 10)
    path = tmp_path / "value.xes"
    path.write_text(
        HEAD + f'    <string key="concept:name" value="{value}"/>\n' + EVENT + TAIL,
        encoding="utf-8",
    )
    with pytest.raises(DiscoverError, match=r"value.xes:4: more than 1 MiB of text"):
        discover_log(path)


@pytest.mark.parametrize("delimiter", ['"', "\n", "\r"])
def test_the_quote_or_a_line_break_as_delimiter_is_refused(
    cli: Invoke, tmp_path: Path, delimiter: str
) -> None:
    log = write_csv(tmp_path / "log.csv", ["case", "department", "timestamp"], [])
    result = cli("discover", str(log), "--delimiter", delimiter)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"clientchain: error: --delimiter: {delimiter!r} cannot separate CSV fields "
        "(it is the quote or a line break); expected one character such as , ; | or tab"
    )


def test_ctrl_c_in_the_engine_is_an_interrupt_not_an_error() -> None:
    # A query that never ends on its own; a thread waits until DuckDB reports it running,
    # then sends SIGINT to the process, as Ctrl-C does. Run in a child process, so that the
    # signal never reaches the test runner.
    code = textwrap.dedent(
        """
        import os, signal, threading
        from clientchain.discover.engine import connect, execute

        con = connect()
        def interrupt():
            while con.query_progress() < 0:
                threading.Event().wait(0.01)
            os.kill(os.getpid(), signal.SIGINT)
        threading.Thread(target=interrupt, daemon=True).start()
        try:
            execute(con, "SELECT count(*) FROM range(1000000000000) t(x) WHERE x % 7 = 3")
        except KeyboardInterrupt:
            print("KeyboardInterrupt")
        except BaseException as exc:
            print(type(exc).__name__, exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout.strip() == "KeyboardInterrupt", done
