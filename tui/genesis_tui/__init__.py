"""genesis-tui: Japan and the US Genesis Mission, one article explained in the terminal."""

__version__ = "0.1.0"
