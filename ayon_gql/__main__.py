"""``python -m ayon_gql`` runs the command line."""

import sys

from ayon_gql.cli import main

sys.exit(main())
