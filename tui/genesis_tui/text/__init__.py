"""Japanese text, pure: cells, kana, control characters, phrases, line breaking, ruby."""
