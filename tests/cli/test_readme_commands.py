"""Every `talentflow ...` command line shown in README.md exists, with the options it uses,
according to the CLI's own --help (so the README cannot drift from the code)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from talentflow.cli.app import _register_commands, app

README = Path(__file__).resolve().parents[2] / "README.md"
_register_commands()
runner = CliRunner()


def documented_command_lines() -> list[str]:
    """`talentflow ...` lines of README code: indented blocks and fenced blocks."""
    found, fenced = [], False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if not (fenced or line.startswith("    ")):
            continue
        code = line.strip().removeprefix("$ ")
        if code.startswith("talentflow ") or code == "talentflow":
            found.append(code.split(" #")[0].strip())
    return found


def resolve(tokens: list[str]) -> list[str]:
    """The command path the tokens name, e.g. ``["alias", "add"]``."""
    command = typer.main.get_command(app)
    path = []
    for token in tokens:
        # Groups hold their subcommands in ``commands`` (Typer vendors its own click).
        sub = getattr(command, "commands", {}).get(token)
        if token.startswith("-") or sub is None:
            break
        path.append(token)
        command = sub
    return path


COMMAND_LINES = documented_command_lines()


def test_the_readme_documents_commands():
    assert any(line.startswith("talentflow extract ") for line in COMMAND_LINES)


@pytest.mark.parametrize("line", COMMAND_LINES)
def test_documented_command_and_options_exist_in_help(line):
    tokens = shlex.split(line)[1:]
    path = resolve(tokens)
    parent_help = runner.invoke(app, [*path[:-1], "--help"], terminal_width=200).stdout
    if path:
        assert re.search(rf"\b{re.escape(path[-1])}\b", parent_help), (
            f"{line!r}: `talentflow {' '.join(path[:-1])} --help` does not list {path[-1]}")
    else:
        pytest.fail(f"{line!r} names no talentflow command")
    help_text = runner.invoke(app, [*path, "--help"], terminal_width=200).stdout
    options = [t.split("=")[0] for t in tokens if t.startswith("-")]
    for option in options:
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", help_text), (
            f"{line!r}: {option} is not in `talentflow {' '.join(path)} --help`")
