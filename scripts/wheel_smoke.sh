#!/usr/bin/env bash
# Build the wheel, install it with the tools extra into a fresh virtual
# environment in a temporary folder outside the checkout, and run
# scripts/wheel_smoke_test.py there with that environment's pytest: the demo,
# a validating client and the studio workflow of the docs page "A studio's client"
# (docs/your-own-operations.md: init from a stand-in serving a studio schema, generate, typed
# custom attributes, a hand-written module surviving generate, check against
# an older schema, pytest with the ayon_server fixture), each step a test.
# Catches package data missing from the wheel, which editable installs hide.
# Needs PyPI (or pip's cache, which it reuses) for the build backend and the
# dependencies. Extra arguments go to pytest (e.g. -x, -k init).
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)
builder=${PYTHON:-python3}
[ -x .venv/bin/python ] && builder=.venv/bin/python

work=$(mktemp -d "${TMPDIR:-/tmp}/ayon-gql-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
quiet=(--quiet --disable-pip-version-check)

step() { printf 'wheel smoke: %s (%ss)\n' "$*" "$SECONDS" >&2; }

# pip and the build backend are chatty; show their output only when they fail.
pip_quietly() {
    if ! log=$("$@" 2>&1); then
        printf '%s\n' "$log" >&2
        return 1
    fi
}

SECONDS=0
step "building the wheel"
pip_quietly "$builder" -m pip wheel "${quiet[@]}" --no-deps --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/ayon_gql-*.whl)

step "installing $(basename "$wheel")[tools] into a fresh environment"
"$builder" -m venv "$work/venv" 2>/dev/null || python3 -m venv "$work/venv"
pip_quietly "$work/venv/bin/python" -m pip install "${quiet[@]}" "$wheel[tools]" pytest

# Run outside the checkout, with nothing of it on the path: the test file is
# copied into an empty folder that has no pytest configuration of its own.
step "the studio workflow from the installed wheel"
mkdir "$work/run"
cp scripts/wheel_smoke_test.py "$work/run/test_wheel_smoke.py"
cd "$work/run"
unset PYTHONPATH AYON_SERVER_URL AYON_API_KEY
WHEEL_SMOKE_CHECKOUT=$checkout "$work/venv/bin/python" -m pytest -q -p no:cacheprovider \
    --rootdir "$work/run" --basetemp "$work/tmp" test_wheel_smoke.py "$@"
step "ok"
