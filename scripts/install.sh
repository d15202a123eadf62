#!/usr/bin/env bash
# Install redisdoctor into .venv (no Redis needed). README set-up command 1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
echo "redisdoctor installed: $(.venv/bin/redisdoctor --version)" >&2
