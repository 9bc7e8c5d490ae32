"""genesis-tui: Japan and the US Genesis Mission, one article explained in the terminal."""

import os

__version__ = "0.1.0"

# pydantic looks for plugins through every installed distribution's entry points at import:
# about 10 ms of start-up for nothing here.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
