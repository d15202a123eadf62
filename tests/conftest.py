"""Shared test configuration. Real-server fixtures live in tests/fixtures/ (see tests/README.md)."""

from __future__ import annotations

import contextlib
import os
import signal

import pytest

from tests.fixtures import processes

# Pin what rich sees so rendered output is stable across terminals.
os.environ.setdefault("COLUMNS", "120")
os.environ["NO_COLOR"] = "1"
os.environ.pop("REDIS_URL", None)

pytest_plugins = [
    "tests.fixtures.redis_server",
    "tests.fixtures.dns_server",
    "tests.fixtures.faults",
]


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked `redis_server` fails under CI=true (skips elsewhere) without redis-server."""
    if item.get_closest_marker("redis_server") is not None:
        # Imported here: a module imported by conftest before pytest_plugins loads it would not
        # get pytest's assertion rewriting.
        from tests.fixtures.redis_server import require_redis_server

        require_redis_server()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a process a fixture started, or any other child, outlived teardown."""
    leftovers = processes.kill_all()
    children = processes.live_children()
    for pid, _name in children:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    if leftovers or children:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = (
            f"redisdoctor tests left processes running: tracked PIDs {leftovers}, "
            f"children {children} (now killed)"
        )
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
