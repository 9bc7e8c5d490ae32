"""Exports of the article: JSON, Markdown and plain text, with readings written into the text."""
