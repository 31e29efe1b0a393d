"""The `talentflow` command: a thin shell over the library.

Each command group lives in its own module and registers itself on ``app``; every
command calls a library function that tests call too. Errors from the
``TalentflowError`` tree become exit code 1 (a failed item or run) or 2 (usage).
"""
from __future__ import annotations

import sys
from typing import Optional

import typer
from typer.core import TyperOption

from talentflow import __version__
from talentflow.core.errors import TalentflowError

app = typer.Typer(name="talentflow", no_args_is_help=True, add_completion=False,
                  help="Talent moves, foundings and investments from French and English news, "
                       "with the sentence that says so.")

_display_type = TyperOption.display_type_rich


def _flag_shows_no_type(self: TyperOption, ctx) -> str | None:
    # Typer labels on/off flags "<bool>" in the help's type column, which reads as if
    # they took a value; a flag takes none, so it gets no type.
    if self.is_flag and not self.count:
        return None
    return _display_type(self, ctx)


TyperOption.display_type_rich = _flag_shows_no_type


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"talentflow {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Optional[bool] = typer.Option(
        None, "--version", callback=_print_version, is_eager=True,
        help="Print talentflow's version and exit.")) -> None:
    """Talent moves, foundings and investments from French and English news, with the
    sentence that says so."""


def _register_commands() -> None:
    # Imported for their side effect of adding commands to ``app``.
    from talentflow.cli import extract_cmd  # noqa: F401
    from talentflow.cli import store_cmds  # noqa: F401
    from talentflow.cli import query_cmds  # noqa: F401
    from talentflow.cli import quote_cmds  # noqa: F401
    from talentflow.cli import web_cmds  # noqa: F401


def main() -> None:
    _register_commands()
    try:
        app()
    except TalentflowError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(error.exit_code)
