"""Allow ``python -m genesis_tui``."""

from genesis_tui.cli import main

raise SystemExit(main())
