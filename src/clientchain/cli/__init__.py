"""The ``clientchain`` command line: a thin typer layer over the library.

``main`` is the console-script entry point (``clientchain = "clientchain.cli:main"``)
and what ``python -m clientchain`` runs. Only typer and the standard library are
imported at start-up; each command imports the loader, networkx and the analyses
it needs when it runs, so ``--help`` and ``--version`` stay fast.
"""

from clientchain.cli.root import app, main

__all__ = ["app", "main"]
