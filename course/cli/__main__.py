"""``python -m course.cli`` runs the ``amiq`` command (useful before ``pip install -e .``)."""

import sys

from .main import main

if __name__ == "__main__":  # importable without running (multiprocessing's spawn imports it)
    sys.exit(main())
