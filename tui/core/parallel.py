"""Run pure functions in a forked child while the caller works, for book-length comparisons."""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
from collections.abc import Callable
from typing import Any

# Below this many characters (both texts) the work takes a fraction of a second: forking costs more.
FORK_THRESHOLD = 300_000

Task = tuple[Callable[..., Any], tuple[Any, ...]]
# Where a result lies in the shared file: offset, length.
_PLACE = struct.Struct("<QQ")


class Background:
    """The results of `fn(*args)` for each task, computed one after another in one forked child.

    The child writes each result to an unnamed temporary file as soon as it is ready and tells
    where through a pipe, so it never waits for the caller, and the caller reads a result (in one
    piece) only when it asks for it. Without fork, or when the child fails to answer, a result is
    computed inline when asked for; an exception raised by a task is raised again in the caller.
    """

    def __init__(self, tasks: list[Task], fork: bool = True) -> None:
        self._tasks = tasks
        self._places: list[tuple[int, int]] = []
        self._pid: int | None = None
        if fork and hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        try:
            store = tempfile.TemporaryFile()
        except OSError:
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (read, write):
                os.close(fd)
            store.close()
            return
        if (
            pid == 0
        ):  # child: compute each task, store it, say where; leave without cleanup handlers
            try:
                os.close(read)
                offset = 0
                for fn, args in self._tasks:
                    payload = _outcome(fn, args)
                    _write_all(store.fileno(), payload)
                    _write_all(write, _PLACE.pack(offset, len(payload)))
                    offset += len(payload)
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._pipe, self._store = pid, read, store

    def result(self, index: int) -> Any:
        """The result of task `index`, waiting for the child if it is still at work."""
        data = self._stored(index) if self._pid is not None else None
        try:
            ok, value = pickle.loads(data) if data is not None else (False, None)
        except Exception:  # noqa: BLE001 - a damaged answer: compute here instead
            ok = False
        if ok:
            return value
        fn, args = self._tasks[index]
        return fn(*args)

    def _stored(self, index: int) -> bytes | None:
        while len(self._places) <= index:
            head = _read_exactly(self._pipe, _PLACE.size) if self._pipe >= 0 else None
            if head is None:  # the child ended early: what it did not store is computed here
                self._finish()
                return None
            self._places.append(_PLACE.unpack(head))
            if len(self._places) == len(self._tasks):
                self._finish()
        offset, length = self._places[index]
        return _read_exactly(self._store.fileno(), length, offset)

    def _finish(self) -> None:
        """Reap the child; the stored results stay readable until this object goes."""
        if self._pid is not None and self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1
            os.waitpid(self._pid, 0)


def _outcome(fn: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    try:
        return pickle.dumps((True, fn(*args)), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - the caller re-raises by recomputing
        return pickle.dumps((False, repr(exc)))  # (Ctrl-C ends the child instead)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int, offset: int | None = None) -> bytes | None:
    """`size` bytes from the pipe `fd`, or from the
    file `fd` at `offset`; None if they end first."""
    data = b""
    while len(data) < size:
        want = size - len(data)
        more = os.read(fd, want) if offset is None else os.pread(fd, want, offset + len(data))
        if not more:
            return None
        data += more
    return data
