"""The command-line interface (placeholder until the commands land)."""

import typer

app = typer.Typer()


@app.command()
def version() -> None:
    """Print the version."""


def main() -> None:
    app()
