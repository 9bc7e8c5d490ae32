"""Draw the README's pictures of the article's web page, in Chromium, light and dark: the
first section, with its key points, blocks and a note.

python docs/page_screenshots.py   # writes docs/page-light.png and docs/page-dark.png

Needs Debian's chromium and a Japanese font (fonts-noto-cjk); without the font the kanji are
drawn as boxes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from genesis_tui.content.load import load_content
from genesis_tui.export.html import to_html
from genesis_tui.storage.paths import content_dir

DOCS = Path(__file__).parent
SIZE = "1200,1500"
"""Tall enough for the header and the first section (a URL fragment would leave headless
Chromium's screenshot blank)."""


def draw() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no chromium here (Debian: apt-get install chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "article.html"
        page.write_text(to_html(load_content(content_dir())), encoding="utf-8")
        for scheme, flags in (("light", []), ("dark", ["--force-dark-mode"])):
            target = DOCS / f"page-{scheme}.png"
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--user-data-dir={Path(work) / 'profile'}",
                    f"--window-size={SIZE}",
                    f"--screenshot={target}",
                    *flags,
                    page.as_uri(),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=120,
            )
            print(f"wrote {target}")


if __name__ == "__main__":
    draw()
