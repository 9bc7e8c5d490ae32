"""Web addresses as the reader shows them: a short label (the site's name) for a whole URL."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_name(url: str) -> str:
    """The site a URL points to, as a person would name it: ``mext.go.jp`` for
    ``https://www.mext.go.jp/a_menu/...``; the URL itself if it names no host."""
    host = urlsplit(url).hostname or ""
    for prefix in ("www.", "www2.", "www3.", "www8."):
        if host.startswith(prefix):
            host = host.removeprefix(prefix)
            break
    return host or url
