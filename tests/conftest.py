"""Shared test configuration. Real-server fixtures live in tests/fixtures/ (see tests/README.md)."""

from __future__ import annotations

import os

# Pin what rich sees so rendered output is stable across terminals.
os.environ.setdefault("COLUMNS", "120")
os.environ["NO_COLOR"] = "1"
os.environ.pop("REDIS_URL", None)
