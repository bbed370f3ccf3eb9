"""Work in a forked child for book-length texts: `Background` computes a few results while the
caller works on; `Server` answers requests one after another, keeping its state between them."""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
import threading
from collections.abc import Callable
from typing import Any

# Below this many characters (both texts) the work takes a fraction of a second: a child costs more
# than it saves; above it, work on the reader's thread would stall its keys for seconds.
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


class ServerError(Exception):
    """The child failed; the message is its error, one line."""


Handler = Callable[[Any, Callable[[float], None]], Any]


def _serve(conn, handler: Handler) -> None:
    """Child: answer each request with `handler(request, progress)`, reporting progress between."""
    last = [-1.0]

    def progress(fraction: float) -> None:
        if fraction - last[0] >= 0.01:
            last[0] = fraction
            conn.send(("progress", fraction))

    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        last[0] = -1.0
        try:
            conn.send(("done", handler(request, progress)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _context():
    import multiprocessing  # only a book needs a child: kept off the path to a short text's start

    # fork: the child only computes and writes to its pipe, so the caller's threads do not matter,
    # and it avoids spawn's re-import (and its stderr checks, which Textual's capture upsets).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Server:
    """One child process that keeps `handler`'s state (say, a comparison's scores) between
    requests; started on the first request, again if it died."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._process = None
        self._conn = None
        self._pending = 0
        self._lock = threading.Lock()

    def _start(self) -> None:
        context = _context()
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._handler), daemon=True)
        self._process.start()
        child.close()
        self._pending = 0

    def ask(
        self, request: Any, progress: Callable[[float], None], cancelled: Callable[[], bool]
    ) -> Any:
        """The answer to `request`, or None once `cancelled()` is true.

        A cancelled request is left running, not killed: the next request needs the child's state
        anyway, so it waits for the abandoned answer, drops it, and gets its own.
        """
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._start()
            assert self._conn is not None and self._process is not None
            self._conn.send(request)
            self._pending += 1
            while True:
                if cancelled():
                    return None
                if not self._conn.poll(0.1):
                    if not self._process.is_alive():
                        code = self._process.exitcode
                        self.close()
                        raise ServerError(f"the child process ended (exit code {code})")
                    continue
                kind, value = self._conn.recv()
                if kind == "progress":
                    if self._pending == 1:
                        progress(value)
                    continue
                self._pending -= 1
                if self._pending:
                    continue  # the answer to an abandoned request
                if kind == "error":
                    raise ServerError(value)
                return value

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(1)
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
