"""The Textual layer: the app shell, messages, palette, themes, screens and widgets."""
