"""``python -m grader``: the same as ``amiq grade``."""

import sys

from .cli import main

sys.exit(main())
