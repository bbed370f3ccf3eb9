"""The `diptych` command: arguments, subcommands; every error becomes one line on stderr."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from .core.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    DiptychError,
    InputError,
    OutputError,
    UsageError,
)
from .core.model import SIDES
from .core.text.controls import IN_LINE_RE
from .core.text.document import NOT_ENGLISH, Document, load_document, load_pair
from .core.text.fetch import Limits, is_url
from .ui.model.threshold import grid, label

USAGE = """\
diptych [LEFT RIGHT] [--json | --html] [--threshold T] [--timeout S] [-o FILE [--force]]
       diptych entities TEXT [--json] [--timeout S] [-o FILE [--force]]"""


def seed_paths() -> tuple[str, str]:
    """The two sample articles: inside the package
    once installed (tui/seeds), beside it in a clone."""
    package = Path(__file__).resolve().parent
    for folder in (package / "seeds", package.parent / "seeds"):
        left, right = sorted(folder.glob("rferl-*.txt")), sorted(folder.glob("moscowtimes-*.txt"))
        if left and right:
            return str(left[0]), str(right[0])
    raise InputError("the sample articles are missing from this installation; give two files")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit code 2, no usage dump
        raise SystemExit(_fail(f"{message} (see diptych --help)", EXIT_USAGE))

    def format_help(self) -> str:
        # The threshold's figures come from the aligner, loaded only when help is asked for.
        steps = grid()
        return (
            super()
            .format_help()
            .replace("{default}", label(steps.default))
            .replace("{lowest}", label(steps.lowest))
        )


def _say(message: str) -> None:
    """One line on stderr, with controls and undecodable path bytes shown as escapes."""
    safe = IN_LINE_RE.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), message
    )
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(
            f"diptych: {safe}\n".encode(stream.encoding or "utf-8", "backslashreplace").decode(
                stream.encoding or "utf-8"
            )
        )
        stream.flush()
    except (OSError, ValueError):
        pass


def _fail(message: str, code: int) -> int:
    _say(message)
    return code


def _notes(*docs: Document) -> None:
    for doc in docs:
        for note in doc.notes:
            _say(f"note: {doc.source or doc.name}: {note}")
        if not doc.likely_english:
            _say(f"note: {doc.source or doc.name}: {NOT_ENGLISH}")


def _timeout(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < number <= 600.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 600 seconds, got {value}")
    return number


def _add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=Limits().timeout,
        metavar="S",
        help=f"seconds to wait for a web server to connect or send (default {Limits().timeout:g});"
        " a whole page may take four times that",
    )


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    steps = grid()  # the reader's keys step within the same range
    if not steps.accepts(number):
        raise argparse.ArgumentTypeError(
            f"must be between {label(steps.lowest)} and {label(steps.highest)}, got {value}"
            f" (pairs scoring below {label(steps.lowest)} are never kept)"
        )
    return number


def _compare_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="diptych", usage=USAGE, description="Compare two texts side by side.")
    parser.add_argument(
        "files",
        nargs="*",
        metavar="TEXT",
        help="two texts: files (plain, HTML or Markdown), http(s) URLs, or '-' for stdin;"
        " none opens the sample articles",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the comparison as JSON instead of opening the reader",
    )
    parser.add_argument(
        "--html",
        action="store_true",
        help="write a self-contained HTML report instead of opening the reader",
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        help="match score threshold, from {lowest} to 1 (default {default})",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the JSON or HTML to FILE instead of stdout"
    )
    parser.add_argument(
        "--force", action="store_true", help="let --output overwrite an existing file"
    )
    _add_timeout(parser)
    parser.add_argument(
        "--version", action="version", version=f"diptych {__import__('tui').__version__}"
    )
    return parser


def _entities_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="diptych entities", description="List the entities of one text.")
    parser.add_argument("file", metavar="TEXT", help="a file, an http(s) URL, or '-' for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (the default is a table)")
    _add_timeout(parser)
    parser.add_argument("-o", "--output", metavar="FILE")
    parser.add_argument("--force", action="store_true")
    return parser


def write_output(text: str | bytes, output: str | None, force: bool) -> None:
    """Print, or write to a new file; never overwrite unless forced, never write to an input.
    Bytes are UTF-8 already (JSON from orjson) and are written as they are."""
    if output is None:
        # JSON is UTF-8 whatever the locale says; a replaced stdout may have no byte layer. An
        # undecodable byte of a file name becomes a JSON escape ("\udcff"), so the JSON stays valid.
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:
            sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
            return
        sys.stdout.flush()
        binary.write(text if isinstance(text, bytes) else text.encode("utf-8", "backslashreplace"))
        binary.flush()
        return
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(output, flags, 0o644)
    except FileExistsError:
        raise OutputError(f"{output}: already exists (use --force to overwrite)") from None
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    if isinstance(text, bytes):
        with os.fdopen(fd, "wb") as binary_handle:
            binary_handle.write(text)
        return
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(text)


def _guard_inputs(paths: list[str], output: str | None) -> None:
    if output is None or not os.path.exists(output):
        return
    for path in paths:
        if path != "-" and os.path.exists(path) and os.path.samefile(path, output):
            raise OutputError(f"{output}: is one of the inputs; refusing to write over it")


def _run_entities(argv: list[str]) -> int:
    args = _entities_parser().parse_args(argv)
    _guard_inputs([args.file], args.output)
    from .core.comparison import JSON_VERSION, document_json, dump
    from .core.entities.linking import extract_entities

    doc = load_document(args.file, limits=Limits(timeout=args.timeout))
    _notes(doc)
    entities = extract_entities(doc)
    if args.json:
        document = document_json(doc, sentences=False)
        entities_json = [e.json_fields() for e in entities]
        text = dump({"version": JSON_VERSION, "document": document, "entities": entities_json})
        text += "\n"
    else:
        text = "".join(f"{e.type:<7} {len(e.on('left')):>3}  {e.label}\n" for e in entities)
    write_output(text, args.output, args.force)
    return 0


def _keyboard() -> bool:
    """Keys come from stdin; after reading a text from a pipe, take them from the terminal, as less
    does."""
    if sys.stdin.isatty():
        return True
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(tty, sys.stdin.fileno())
    os.close(tty)
    return True


def _load_for_reader(paths: list[str], limits: Limits) -> tuple[Document, Document]:
    """The two texts for the reader; pages from the web load with their progress on screen.

    Standard input is read first: the reader then takes its keys from the terminal."""
    needs_terminal = UsageError(
        "the reader needs a terminal; use --json for machine-readable output"
    )
    if not any(map(is_url, paths)):
        left, right = load_pair(*paths, limits=limits)
        if not sys.stdout.isatty() or not _keyboard():
            raise needs_terminal
        return left, right
    if not sys.stdout.isatty():
        raise needs_terminal
    ready = {side: load_document(p, limits=limits) for side, p in zip(SIDES, paths) if p == "-"}
    if not _keyboard():
        raise needs_terminal
    from .ui.loading import load_in_reader

    return load_in_reader(dict(zip(SIDES, paths)), limits, ready)


def _run_compare(argv: list[str]) -> int:
    args = _compare_parser().parse_args(argv)
    if len(args.files) not in (0, 2):
        return _fail(
            "give two files or URLs to compare, or none for the sample articles", EXIT_USAGE
        )
    if args.files.count("-") > 1:
        return _fail("only one of the two files can be '-' (stdin)", EXIT_USAGE)
    paths = args.files or list(seed_paths())
    if args.json and args.html:
        return _fail("choose one of --json and --html", EXIT_USAGE)
    _guard_inputs(paths, args.output)
    batch = args.json or args.html
    if batch:
        # A batch run of few cycles and millions of objects: the collector would only rescan them.
        gc.disable()
    limits = Limits(timeout=args.timeout)
    if not batch:
        if args.output:
            return _fail("--output needs --json or --html", EXIT_USAGE)
        left, right = _load_for_reader(paths, limits)
        from .ui.app import run_app

        return run_app(left, right, args.threshold)  # None: the aligner's default
    left, right = load_pair(*paths, limits=limits)
    _notes(left, right)
    from .core.comparison import compare

    threshold = grid().default if args.threshold is None else args.threshold
    comparison = compare(left, right, threshold)
    if args.html:
        from .core.report import render_report

        write_output(render_report(comparison), args.output, args.force)
    else:
        write_output(comparison.json_bytes() + b"\n", args.output, args.force)
    _LAST[:] = [comparison]  # freed by the exit in `run`, not object by object on return
    if not comparison.matches:
        english = left.likely_english and right.likely_english
        why = "the texts may be unrelated" if english else "one text is not English"
        _say(f"warning: no shared passages found ({why})")
    return 0


_LAST: list = []


def run() -> None:
    """The `diptych` command: `main`, then a quick exit for batch runs.

    A book's comparison is millions of objects; freeing them one by one at interpreter exit takes
    a noticeable share of a `--json` run, and the operating system reclaims them at once. The
    reader (which may leave cleanup to exit handlers) takes the normal way out.
    """
    code = main()
    if "tui.ui.app" in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader of a pipe went away, or the stream is closed
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command; every failure ends as one line on stderr and a documented exit code."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] == "entities":
            return _run_entities(argv[1:])
        return _run_compare(argv)
    except DiptychError as exc:
        return _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`diptych --json | head`): stop quietly, and keep the
        # interpreter's final flush from complaining about the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MemoryError:
        return _fail("out of memory (try smaller texts)", EXIT_INTERNAL)
    except Exception as exc:  # a bug: still one line, with the type, so it can be reported
        if os.environ.get("DIPTYCH_DEBUG"):
            raise
        return _fail(
            f"internal error: {type(exc).__name__}: {exc} (set DIPTYCH_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
