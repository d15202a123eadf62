#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine and run all of it.
# README set-up command 2; .ci/run calls exactly this.
#   - a real redis-server from Debian's packages when none is on PATH
#   - .venv with redisdoctor and its test extra
#   - ruff, mypy --strict, then pytest (pytest's exit 5, "no tests ran", is a failure)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-server >/dev/null 2>&1; then
  echo "redisdoctor: installing redis-server from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    redis-server redis-tools >/dev/null
fi
bash scripts/venv.sh test
# Lint only the directories a checkout has: git does not keep an empty benchmarks/, and ruff
# fails on a path that does not exist.
lint_paths=()
for dir in redisdoctor tests benchmarks; do
  if [ -d "$dir" ]; then lint_paths+=("$dir"); fi
done
.venv/bin/ruff check "${lint_paths[@]}"
.venv/bin/ruff format --check "${lint_paths[@]}"
.venv/bin/mypy
status=0
.venv/bin/python -m pytest -p no:cacheprovider "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "redisdoctor: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
