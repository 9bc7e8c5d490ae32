"""The smallest Textual app: a header, a footer and one Static. The start-up baseline."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    """Header, footer, one Static."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello from the smallest Textual app")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
