"""Key bindings in the interface's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap

from genesis_tui.i18n.catalogue import Catalogue


def localize_bindings(ui: Catalogue, bindings: BindingsMap) -> None:
    """Give every binding with an id its description in the catalogue's language."""
    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(binding, description=ui.binding_description(binding.id, binding.action))
            if binding.id or binding.action == "command_palette"
            else binding
            for binding in entries
        ]
