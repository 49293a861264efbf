#!/usr/bin/env bash
# Set up on a fresh machine and tour the generated client on the embedded stand-in server.
source "$(dirname "$0")/_setup.sh" tools
exec .venv/bin/ayon-gql demo "$@"
