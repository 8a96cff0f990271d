"""Indonesian help pages and usage errors for the `lkj` command, in place of the CLI framework's English.

Typer 0.28 vendors Click without gettext, so its strings cannot be translated; instead the
command classes below write the help page themselves and the top-level group prints usage
errors itself. Only the parameter objects' public attributes (opts, help, metavar, required)
and the exception classes are used, so the typer pin in pyproject.toml guards the rest.
"""

from __future__ import annotations

import re
import sys
from difflib import get_close_matches
from typing import Any

import typer
from typer import _click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."
_EXTRA_ARGS = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.S)


def _is_help(param: Any, ctx: Any) -> bool:
    return param is ctx.command.get_help_option(ctx)


def _metavar(param: Any) -> str:
    return param.metavar or (param.name or "NILAI").upper()


def _usage(ctx: Any) -> str:
    pieces = ["[PILIHAN]"]
    if isinstance(ctx.command, TyperGroup):
        pieces.append("PERINTAH [ARGUMEN]")
    else:
        pieces += [_metavar(p) for p in ctx.command.params if isinstance(p, TyperArgument)]
    return f"Pemakaian: {ctx.command_path} {' '.join(pieces)}"


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


def _option_row(param: Any, ctx: Any) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts + param.secondary_opts, key=len))
    if not getattr(param, "is_flag", False) and not _is_help(param, ctx):
        names += f" {_metavar(param)}"
    text = HELP_TEXT if _is_help(param, ctx) else _first_paragraph(param.help)
    return names, text + ("  [wajib]" if param.required else "")


def write_help(ctx: Any, formatter: Any) -> None:
    """The whole help page of a command or group, in Indonesian."""
    command = ctx.command
    formatter.write(_usage(ctx) + "\n")
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(command.help)
    arguments = [(_metavar(p), _first_paragraph(getattr(p, "help", "")) +
                  ("  [wajib]" if p.required else ""))
                 for p in command.params if isinstance(p, TyperArgument)]
    options = [_option_row(p, ctx) for p in command.get_params(ctx)
               if isinstance(p, TyperOption) and not p.hidden]
    for heading, rows in (("Argumen", arguments), ("Pilihan", options)):
        if rows:
            with formatter.section(heading):
                formatter.write_dl(rows)
    if isinstance(command, TyperGroup):
        rows = [(name, _first_paragraph(cmd.help)) for name, cmd in command.commands.items()
                if not cmd.hidden]
        with formatter.section("Perintah"):
            formatter.write_dl(rows)


def describe(exc: Any) -> str:
    """The Indonesian sentence for one of the framework's usage errors."""
    ex = _click.exceptions
    if isinstance(exc, ex.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, TyperArgument):
            return f"argumen {_metavar(exc.param)} belum diisi"
        return f"pilihan {'/'.join(exc.param.opts)} belum diisi"
    if isinstance(exc, ex.BadParameter):
        hint = "/".join(exc.param.opts) if exc.param is not None else "masukan"
        return f"nilai untuk {hint} tidak dapat dipakai"
    if isinstance(exc, ex.NoSuchOption):
        text = f"pilihan {exc.option_name} tidak dikenal"
        if exc.possibilities:
            text += f"; mungkin maksud Anda {' atau '.join(sorted(exc.possibilities))}?"
        return text
    if isinstance(exc, ex.BadOptionUsage):
        if "does not take" in exc.message:
            return f"pilihan {exc.option_name} tidak memakai nilai"
        return f"pilihan {exc.option_name} harus diikuti nilai"
    if exc.message.startswith("perintah '"):
        return exc.message
    if match := _EXTRA_ARGS.match(exc.message):
        return (f"argumen berlebih: {match['args']} (nama berkas yang memuat spasi harus diapit "
                "tanda kutip, mis. \"Laporan 2025.xlsx\")")
    return f"perintah tidak dapat dibaca ({exc.message})"


def show_usage_error(exc: Any) -> None:
    ctx = exc.ctx
    if ctx is not None:
        typer.echo(_usage(ctx), err=True)
        typer.echo(f"Coba '{ctx.command_path} --help' untuk bantuan.\n", err=True)
    typer.echo(f"Galat: {describe(exc)}", err=True)


class LkjCommand(TyperCommand):
    """A command whose help page is Indonesian."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(ctx, formatter)


class LkjGroup(TyperGroup):
    """A command group with Indonesian help, unknown-command and usage-error messages."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(ctx, formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            matches = get_close_matches(name, list(self.commands))
            hint = (f"; mungkin maksud Anda {' atau '.join(matches)}?" if matches else
                    f"; perintah yang ada: {', '.join(self.commands)}")
            raise _click.exceptions.UsageError(f"perintah '{name}' tidak dikenal{hint}", ctx)
        return super().resolve_command(ctx, args)

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except _click.exceptions.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help())
            sys.exit(2)
        except _click.exceptions.UsageError as exc:
            show_usage_error(exc)
            sys.exit(2)
        except _click.exceptions.ClickException as exc:
            typer.echo(f"Galat: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Dibatalkan.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)
