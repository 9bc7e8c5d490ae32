"""Help: every key, from one table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("1-9", "go to section N / N番目の節へ"),
    ("] / [", "next / previous section / 次・前の節"),
    ("v", "view: both, ja, en / 表示の切り替え"),
    ("tab / shift+tab", "next / previous glossary link / 次・前の用語リンク"),
    ("enter", "open the link's glossary entry / 用語を開く"),
    ("g", "glossary / 用語集"),
    ("/", "search; enter goes to the first match / 検索"),
    ("n / N", "next / previous match / 次・前の一致"),
    ("escape / backspace", "back to where you were / 戻る"),
    ("j k up down", "scroll a line / 1行スクロール"),
    ("space pgup pgdn", "scroll a page / 1画面スクロール"),
    ("home / end", "top / bottom / 先頭・末尾"),
    ("ctrl+p", "command palette: sections, terms, actions / コマンド"),
    ("?", "this help / このヘルプ"),
    ("q / ctrl+q", "quit / 終了"),
    (
        "In the glossary",
        "type to filter; up, down choose; enter opens; ctrl+s sorts; escape leaves",
    ),
)
"""The key contract, shown by help and listed in the README."""


class HelpScreen(ModalScreen[None]):
    """Every key of the reader."""

    BINDINGS = [Binding("escape,question_mark,q,backspace", "close", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in KEYS)
        lines = [f"{key.ljust(width)}  {what}" for key, what in KEYS]
        with VerticalScroll(id="help-body"):
            yield Static(Content("Keys / キー操作"), id="help-title")
            yield Static(Content("\n".join(lines)), id="help-keys")
            yield Static(Content("escape, ? or q closes this help"), id="help-hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
