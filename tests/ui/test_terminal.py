"""The reader in a real pseudo-terminal: a SIGTERM or SIGHUP leaves the terminal as it found it."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "forkpty"), reason="needs a pseudo-terminal")


def read_until(fd: int, done, timeout: float) -> bytes:
    """Output of the child until `done(output)` or the timeout (or the end of output)."""
    out = b""
    end = time.monotonic() + timeout
    while not done(out) and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal(number) -> None:
    pid, fd = os.forkpty()
    if pid == 0:  # the child: the reader on the seed pair, in the pseudo-terminal
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "tui"])
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        shown = read_until(fd, lambda out: b"matches" in out, 60)
        assert b"\x1b[?1049h" in shown and b"matches" in shown  # the reader is up
        os.kill(pid, number)
        rest = read_until(fd, lambda out: b"\x1b[?1049l" in out, 20)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert b"\x1b[?1000l" in rest and b"\x1b[?1003l" in rest  # mouse tracking off
    assert b"\x1b[?1049l" in rest  # back from the alternate screen
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + number
