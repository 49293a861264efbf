#!/usr/bin/env bash
# Build the wheel, install it with the tools extra into a fresh virtual
# environment in a temporary folder outside the checkout, and use it there the
# way a studio does: demo, a validating client, a pytest test with the
# ayon_server fixture, and `init` + `generate` of a studio package.
# Catches package data missing from the wheel, which editable installs hide.
# Needs PyPI (or pip's cache) for the build backend and the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)
builder=${PYTHON:-python3}
[ -x .venv/bin/python ] && builder=.venv/bin/python

work=$(mktemp -d "${TMPDIR:-/tmp}/ayon-gql-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
quiet=(--quiet --disable-pip-version-check)

step() { printf 'wheel smoke: %s\n' "$*" >&2; }

# pip and the build backend are chatty; show their output only when they fail.
pip_quietly() {
    if ! log=$("$@" 2>&1); then
        printf '%s\n' "$log" >&2
        return 1
    fi
}

step "building the wheel"
pip_quietly "$builder" -m pip wheel "${quiet[@]}" --no-deps --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/ayon_gql-*.whl)

step "installing $(basename "$wheel")[tools] into a fresh environment"
python3 -m venv "$work/venv"
pip_quietly "$work/venv/bin/python" -m pip install "${quiet[@]}" "$wheel[tools]" pytest
bin="$work/venv/bin"

# Work outside the checkout, with nothing of it on the path.
mkdir "$work/studio"
cd "$work/studio"
unset PYTHONPATH AYON_SERVER_URL AYON_API_KEY

step "the installed package, not the checkout"
"$bin/python" - "$checkout" <<'EOF'
import sys
from pathlib import Path

import ayon_gql
import ayon_gql_generated

checkout = Path(sys.argv[1]).resolve()
for module in (ayon_gql, ayon_gql_generated):
    path = Path(module.__file__).resolve()
    assert checkout not in path.parents, f"{module.__name__} imported from the checkout: {path}"
EOF

step "ayon-gql demo"
"$bin/ayon-gql" demo >"$work/demo.txt"
grep -q "demo_Commercial" "$work/demo.txt" || { cat "$work/demo.txt"; exit 1; }

step "AyonClient(validate=True) rejects an invalid query locally"
"$bin/python" - <<'EOF'
from ayon_gql import AyonClient, QueryValidationError

with AyonClient("http://127.0.0.1:9", api_key="unused", validate=True) as client:
    try:
        client.execute("query { projects { edges { node { noSuchField } } } }")
    except QueryValidationError as exc:
        assert "noSuchField" in str(exc), exc
    else:
        raise SystemExit("an invalid query was not rejected")
EOF

step "pytest with the ayon_server fixture"
cat >test_smoke.py <<'EOF'
from ayon_gql import AyonClient


def test_stand_in_answers_the_generated_client(ayon_server):
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key, validate=True) as client:
        assert client.get_me().me.name == "service"
EOF
"$bin/python" -m pytest -q -p no:cacheprovider test_smoke.py
rm test_smoke.py

step "ayon-gql init + generate a studio package"
snapshot=$("$bin/python" -c "from importlib import resources; \
print(resources.files('ayon_gql_generated') / 'ayon.graphql')")
"$bin/ayon-gql" init studio_ayon --schema "$snapshot" --stock
echo "# hand-written" >studio_ayon/helpers.py
"$bin/ayon-gql" generate
"$bin/ayon-gql" generate --check
test -f studio_ayon/helpers.py
"$bin/ayon-gql" check >/dev/null
"$bin/python" -c "from studio_ayon.client import Operations; assert hasattr(Operations, 'iter_versions')"
step "ok"
