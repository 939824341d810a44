"""``python -m grader``: the same as ``amiq grade``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
