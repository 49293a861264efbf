#!/usr/bin/env bash
# Set up (once) and serve the documentation at http://127.0.0.1:8000, rebuilt on
# every change. Extra arguments go to `mkdocs serve` (e.g. -a 0.0.0.0:8000).
source "$(dirname "$0")/_setup.sh" dev
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve "$@"
