"""``python -m tracker``: the command line (no command opens the window)."""

import sys

from tracker.cli import main

sys.exit(main())
