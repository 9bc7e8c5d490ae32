"""The content: the model of content/*.toml; loading, validating, readings, terms, search."""
