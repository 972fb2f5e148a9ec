"""``python -m claimcheck`` runs the command-line tool."""

import sys

from ._cli import main

sys.exit(main())
