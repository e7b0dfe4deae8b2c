"""``python -m smart``: the command line (see smart.cli)."""

import sys

from .cli import main

sys.exit(main())
