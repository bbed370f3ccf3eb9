"""Run pure functions in a forked child while the caller works, for book-length comparisons."""

from __future__ import annotations

import os
import pickle
import struct
import threading
from typing import Any, Callable

# Below this many characters (both texts) the work takes a fraction of a second: forking costs more.
FORK_THRESHOLD = 300_000

Task = tuple[Callable[..., Any], tuple[Any, ...]]
_HEADER = struct.Struct("<Q")


class Background:
    """The results of `fn(*args)` for each task, computed one after another in one forked child.

    Each result is sent as soon as it is ready, so the caller can take the first while the child
    works on the next. Without fork, or when the child fails to answer, a result is computed
    inline when asked for; an exception raised by a task is raised again in the caller.
    """

    def __init__(self, tasks: list[Task], fork: bool = True) -> None:
        self._tasks = tasks
        self._frames: list[bytes] = []
        self._finished = True
        self._pid: int | None = None
        self._ready = threading.Condition()
        if fork and hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # child: compute each task, send it, leave without cleanup handlers
            os.close(read)
            try:
                with os.fdopen(write, "wb") as out:
                    for fn, args in self._tasks:
                        out.write(_frame(fn, args))
                        out.flush()
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._finished = pid, False
        # Drain the pipe as frames arrive, so the child never waits for the caller to ask.
        threading.Thread(target=self._drain, args=(read,), daemon=True).start()

    def _drain(self, read: int) -> None:
        with os.fdopen(read, "rb") as source:
            while len(self._frames) < len(self._tasks):
                head = source.read(_HEADER.size)
                if len(head) < _HEADER.size:
                    break
                data = source.read(_HEADER.unpack(head)[0])
                with self._ready:
                    self._frames.append(data)
                    self._ready.notify_all()
        with self._ready:
            self._finished = True
            self._ready.notify_all()
        os.waitpid(self._pid, 0)

    def result(self, index: int) -> Any:
        """The result of task `index`, waiting for the child if it is still at work."""
        with self._ready:
            self._ready.wait_for(lambda: self._finished or len(self._frames) > index)
            data = self._frames[index] if index < len(self._frames) else None
        try:
            ok, value = pickle.loads(data) if data is not None else (False, None)
        except Exception:  # noqa: BLE001 - a truncated answer: compute here instead
            ok = False
        if ok:
            return value
        fn, args = self._tasks[index]
        return fn(*args)


class Deferred(Background):
    """The result of one `fn(*args)`, computed in a forked child when that is possible."""

    def __init__(self, fn: Callable[..., Any], *args: Any, fork: bool = True) -> None:
        super().__init__([(fn, args)], fork=fork)

    def result(self) -> Any:  # type: ignore[override]
        return super().result(0)


def _frame(fn: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    try:
        payload = pickle.dumps((True, fn(*args)), pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - the caller re-raises by recomputing
        payload = pickle.dumps((False, repr(exc)))
    return _HEADER.pack(len(payload)) + payload
