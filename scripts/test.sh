#!/usr/bin/env bash
# Set up (once) and run the whole test suite, the generated-code check, ruff and mypy.
source "$(dirname "$0")/_setup.sh" dev
.venv/bin/ayon-gql generate --check
.venv/bin/ruff check ayon_gql tests scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest -q "$@"
