"""The interface's own words, one catalogue per language (the article's words are content)."""
