"""Helpers for the CLI tests: sample org files and running the installed script."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = Path(sys.executable).with_name("clientchain")

# A small valid organization: three departments in a line, one feedback edge,
# Spanish names. Its only findings are single-point-of-failure infos.
TALLER = """\
version: 1
organization: Taller Núñez
period: week
departments:
  ventas: {name: Ventas, kind: commercial, group: Frente}
  taller: {name: Taller de diseño, group: Producción}
  envios: {name: Envíos}
clients:
  tiendas: {name: Tiendas, segment: loyal}
suppliers:
  papel: {name: Papelera}
handoffs:
  - {from: papel, to: ventas, deliverable: Papel}
  - {from: ventas, to: taller, deliverable: Pedido, quality: 95%, satisfaction: 4}
  - {from: taller, to: envios, deliverable: Piezas}
  - {from: envios, to: tiendas, deliverable: Entregas}
  - {from: envios, to: ventas, type: feedback, deliverable: Reclamaciones}
chains:
  pedido:
    name: Pedido estándar
    client: tiendas
    supplier: papel
    demand: 10
    steps:
      - {department: ventas, effort: 30m}
      - {department: taller, effort: 2h}
      - {department: envios, effort: 15m}
"""

# TALLER plus an isolated department: one `isolated` warning (line 8).
WARNING_ORG = TALLER.replace(
    "  envios: {name: Envíos}\n", "  envios: {name: Envíos}\n  archivo: {name: Archivo}\n"
)

# WARNING_ORG with `isolated` raised to an error in the file's checks section.
ERROR_ORG = WARNING_ORG + "checks:\n  severity: {isolated: error}\n"

ANSI = "\x1b["


class RunResult:
    """What a command did: exit code, stdout, stderr (from CliRunner or a subprocess)."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return f"RunResult({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


Invoke = Callable[..., RunResult]


def run_script(
    *args: str, input: str | bytes | None = None, module: bool = False, cwd: Path | None = None
) -> RunResult:
    """Run the installed ``clientchain`` script (or ``python -m clientchain``) for real."""
    command = [sys.executable, "-m", "clientchain"] if module else [str(SCRIPT)]
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    data = input.encode("utf-8") if isinstance(input, str) else input
    done = subprocess.run(
        [*command, *args], input=data, capture_output=True, env=env, cwd=cwd, timeout=60
    )
    return RunResult(
        done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    )
