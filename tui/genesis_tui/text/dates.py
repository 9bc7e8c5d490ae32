"""Dates as the interface's language writes them: ISO in English (``2025-11``, ``2026-06-04``,
sortable and unambiguous), ``2025年11月`` and ``2026年6月4日`` in Japanese."""

from __future__ import annotations


def shown_date(date: str, ui_lang: str) -> str:
    """A content date (``YYYY-MM`` or ``YYYY-MM-DD``) in the interface's language."""
    if ui_lang != "ja":
        return date
    parts = [int(part) for part in date.split("-")]
    return "".join(f"{value}{unit}" for value, unit in zip(parts, "年月日", strict=False))
