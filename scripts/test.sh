#!/usr/bin/env bash
# Set up (once) and run the whole test suite, the generated-code check, ruff, mypy
# and the smoke test of the built wheel in a fresh environment (scripts/wheel_smoke.sh).
source "$(dirname "$0")/_setup.sh" dev
.venv/bin/ayon-gql generate --check
.venv/bin/ruff check ayon_gql tests scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
exec bash scripts/wheel_smoke.sh
