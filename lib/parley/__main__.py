"""``python -m parley``: the command line."""
from .cli import main

raise SystemExit(main())
