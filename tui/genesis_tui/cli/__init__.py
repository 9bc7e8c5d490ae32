"""The command line: the only layer that starts things (reader, serve, export, check, drafting)."""
