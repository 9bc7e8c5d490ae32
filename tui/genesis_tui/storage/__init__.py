"""What the reader keeps on disk: the saved state, and where the bundled content lives."""
