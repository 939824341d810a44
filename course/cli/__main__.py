"""``python -m course.cli`` runs the ``amiq`` command (useful before ``pip install -e .``)."""

import sys

from .main import main

sys.exit(main())
