"""Allow ``python -m genesis_tui``."""

from genesis_tui.cli.main import main

raise SystemExit(main())
