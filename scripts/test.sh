#!/usr/bin/env bash
# Set up (once) and run the whole test suite (with every documentation example),
# the generated-code check, ruff, mypy, the strict documentation build and the
# smoke test of the built wheel in a fresh environment (scripts/wheel_smoke.sh).
source "$(dirname "$0")/_setup.sh" dev
.venv/bin/ayon-gql generate --check
.venv/bin/ruff check ayon_gql tests scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
site=$(mktemp -d "${TMPDIR:-/tmp}/ayon-gql-site.XXXXXX")
trap 'rm -rf "$site"' EXIT
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --site-dir "$site"
echo "docs: mkdocs build --strict ok"
bash scripts/wheel_smoke.sh
