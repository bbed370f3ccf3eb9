"""Errors the user can act on; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_NETWORK = 4
EXIT_OUTPUT = 5
EXIT_INTERRUPTED = 130


class DiptychError(Exception):
    """An error with a one-line message for the user and the exit code to leave with."""

    exit_code = EXIT_INPUT


class InputError(DiptychError):
    """The input cannot be read as a text: missing, a directory, binary, empty, too large..."""

    exit_code = EXIT_INPUT


class NetworkError(DiptychError):
    """A URL cannot be fetched as a page: name not found, refused, timed out, HTTP error..."""

    exit_code = EXIT_NETWORK


class UsageError(DiptychError):
    """The command cannot run as asked (the reader without a terminal...)."""

    exit_code = EXIT_USAGE


class OutputError(DiptychError):
    """An export would overwrite a file, or cannot be written."""

    exit_code = EXIT_OUTPUT
