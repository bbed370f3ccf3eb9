"""Writing the HTML report from the reader: beside the inputs, under a name no file has yet."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
MAX_TRIES = 1000


def report_name(sources: Sequence[str | None]) -> tuple[Path, str]:
    """The folder (the first input that is a local file's, else the working directory) and the
    stem of the report's name: 'left-vs-right.diptych'."""
    folder = next(
        (Path(s).resolve().parent for s in sources if s and os.path.isfile(s)), Path.cwd()
    )
    stems = [_UNSAFE_NAME.sub("_", Path(s).stem)[:40] if s else "stdin" for s in sources]
    return folder, f"{'-vs-'.join(stems)}.diptych"


def write_new(text: str, folder: Path, stem: str) -> Path:
    """Write `text` to folder/stem.html, or stem-2.html, ...: never over an existing file."""
    for n in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}.html" if n == 1 else f"{stem}-{n}.html")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
        return path
    raise FileExistsError(f"{folder / stem}.html and {MAX_TRIES - 1} numbered names all exist")
