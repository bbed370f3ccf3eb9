"""Fixtures for every test folder: an HTTP server on 127.0.0.1 that a test programs (no test
reaches any other host)."""

from __future__ import annotations

import pytest
from webpages import PageServer


@pytest.fixture
def server():
    with PageServer() as running:
        yield running
