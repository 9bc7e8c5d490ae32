"""The driver of a reader that `serve` runs for a browser: Textual's web driver, with the
terminal driver's input (``input_decoder.InputDecoder``), sizes clamped, and only the changes
of rendition that change something sent (``sgr.SgrMinimizer``, as on a terminal without the wire
stage).

Textual's web driver parses what the browser types with the bare parser: ``ESC[99999999999u``
ended its input thread (the reader then answered nothing), and a size reported on stdin
(``ESC[48;5000;20000;0;0t``) went around serve's clamp (896 MB to 2.46 GB for one reader).
"""

from __future__ import annotations

from textual import events, log
from textual.drivers._byte_stream import ByteStream
from textual.drivers.web_driver import WebDriver, _ExitInput
from textual.geometry import Size
from textual.message import Message

from genesis_tui.terminal.driver import MAX_SIZE
from genesis_tui.terminal.input_decoder import InputDecoder
from genesis_tui.terminal.sgr import SgrMinimizer


def clamped(size: Size) -> Size:
    return Size(min(size.width, MAX_SIZE.width), min(size.height, MAX_SIZE.height))


class GenesisWebDriver(WebDriver):
    """Textual's web driver; its input read as the terminal driver reads it, sizes clamped,
    the style changes the browser's terminal already has left out of its output."""

    _sgr: SgrMinimizer | None = None

    def write(self, data: str) -> None:
        if self._sgr is None:  # the browser's terminal starts with the default rendition
            self._sgr = SgrMinimizer()
        super().write(self._sgr.feed(data))

    def stop_application_mode(self) -> None:
        """Send what the minimizer held back, then Textual's stop."""
        if self._sgr is not None:
            held, self._sgr = self._sgr.flush(), None
            if held:
                super().write(held)
        super().stop_application_mode()

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Resize):
            size = clamped(message.size)
            message = events.Resize(size, size, size, message.pixel_size)
        super().process_message(message)

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "resize":
            width, height = payload.get("width"), payload.get("height")
            if not (isinstance(width, int) and isinstance(height, int)):
                return
            payload = {**payload, "width": min(width, MAX_SIZE.width)}
            payload["height"] = min(height, MAX_SIZE.height)
        super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        """Textual's loop (Textual 8.2), decoding stdin with ``InputDecoder``. Its reader
        yields ``b""`` after each read and each quiet tenth of a second: two in a row are a
        quiet moment (a lone ESC is then the escape key)."""
        input_reader = self._input_reader
        decoder = InputDecoder()
        byte_stream = ByteStream()
        empty_before = False
        try:
            for data in input_reader:
                messages: list[Message] = []
                if data:
                    for packet_type, payload in byte_stream.feed(data):
                        if packet_type == "D":
                            messages += decoder.feed(payload)
                        else:
                            self._on_meta(packet_type, payload)
                elif empty_before:
                    messages += decoder.quiet()
                empty_before = not data
                for message in [*messages, *decoder.tick()]:
                    self.process_message(message)
        except _ExitInput:
            pass
        except Exception:
            from traceback import format_exc

            log(format_exc())
        finally:
            input_reader.close()
