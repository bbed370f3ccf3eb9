"""Run one pure function in a forked child while the caller works, for book-length comparisons."""

from __future__ import annotations

import os
import pickle
from typing import Any, Callable

# Below this many characters (both texts) the work takes a fraction of a second: forking costs more.
FORK_THRESHOLD = 300_000


class Deferred:
    """The result of `fn(*args)`, computed in a forked child when that is possible, else inline."""

    def __init__(self, fn: Callable[..., Any], *args: Any, fork: bool = True) -> None:
        self._fn, self._args = fn, args
        self._pid = None
        self._read = None
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
        if pid == 0:  # child: compute, send the pickled outcome, leave without cleanup handlers
            os.close(read)
            try:
                payload = pickle.dumps((True, self._fn(*self._args)), pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # noqa: BLE001 - the parent re-raises or recomputes
                payload = pickle.dumps((False, repr(exc)))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            os._exit(0)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        if self._pid is None:
            return self._fn(*self._args)
        with os.fdopen(self._read, "rb") as source:
            data = source.read()
        os.waitpid(self._pid, 0)
        self._pid = None
        try:
            ok, value = pickle.loads(data)
        except Exception:  # the child died before answering: compute here instead
            ok = False
        return value if ok else self._fn(*self._args)
