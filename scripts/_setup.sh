# Sourced by the other scripts: make .venv (once) and install the project into it.
# Usage: source scripts/_setup.sh EXTRA   (EXTRA: tools or dev)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ]; then
    echo "setting up .venv (first run only) ..." >&2
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
# pip and the build backend are chatty; show their output only when they fail.
if ! log=$(.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$1]" 2>&1); then
    printf '%s\n' "$log" >&2
    exit 1
fi
