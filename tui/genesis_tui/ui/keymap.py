"""The key map: every key of every screen, written once.

Each ``Key`` is one binding with an id of its own, so that Textual's keymap
(``App.set_keymap``) can rebind it and leave its siblings alone (``q`` and ``ctrl+q`` both quit,
and are two keys). A key names the screens it works on (its *scopes*) and its action on each,
whether the footer offers it there, the catalogue entry of its footer label, and the row of help
it belongs to. From this table come every screen's ``BINDINGS`` (``bindings``), the rows of
help (``help_rows``), the keys the palette shows beside its commands (``palette_key``), and a
test holds the README's key table to it.

Scopes: ``app`` (every screen that does not take the key itself), ``reader``, ``page`` (every
screen that shows a page: the reader, a glossary entry, the timeline and who's who), ``term``,
``explainer`` (the timeline and who's who), ``glossary``, ``help`` (a modal: the app's keys do
not reach it, so it has its own), ``search-line`` and ``words`` (the word cursor's panel).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

from textual.binding import Binding, BindingsMap, BindingType

from genesis_tui.i18n.catalogue import Catalogue


class Key(NamedTuple):
    """One binding: its id, its keys (Textual's names, comma-separated) and what it does."""

    id: str
    keys: str
    actions: Mapping[str, str]
    """The action in each scope the key works in."""
    label: str
    """The catalogue entry of its footer label (``key.<label>``)."""
    help: str
    """The catalogue entry of its row in help (``help.<help>``); keys sharing one share a row."""
    shown: frozenset[str] = frozenset()
    """The scopes whose footer offers it."""
    priority: bool = False
    footer: str = ""
    """How the footer writes the key, when not as help does (``1-5`` for the first of five)."""


def _key(
    id: str,
    keys: str,
    actions: Mapping[str, str],
    help: str,
    *,
    label: str = "",
    shown: tuple[str, ...] = (),
    priority: bool = False,
    footer: str = "",
) -> Key:
    return Key(id, keys, actions, label or id, help, frozenset(shown), priority, footer)


def _everywhere(action: str) -> dict[str, str]:
    """One of the reader's actions, from the reader and (closing what is over it) elsewhere."""
    return {"reader": action, "app": f"reader('{action}')", "help": f"app.reader('{action}')"}


PAGE = ("reader", "term", "explainer", "help")
"""The screens the scroll keys scroll."""


def _same(action: str, scopes: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(scopes, action)


KEYS: tuple[Key, ...] = (
    *(
        _key(f"section-{n}", str(n), {"reader": f"section({n})"}, "section", label="section")
        for n in range(1, 10)
    ),
    _key("next-section", "]", {"reader": "next_section"}, "next_previous_section"),
    _key("previous-section", "[", {"reader": "previous_section"}, "next_previous_section"),
    _key("cycle-view", "v", {"reader": "cycle_view"}, "view", shown=("reader",)),
    _key(
        "toggle-readings",
        "r",
        _same("toggle_readings", PAGE[:3]),
        "readings",
        shown=("reader", "term", "explainer"),
    ),
    _key("words", "e", {"reader": "words"}, "words", shown=("reader",)),
    _key("mark-new", "m", {"reader": "toggle_new_words"}, "mark_new"),
    _key("toggle-sections", "s", {"reader": "toggle_sections"}, "toggle_sections"),
    _key("back", "escape,backspace", _same("back", PAGE[:3]), "back", shown=("term", "explainer")),
    _key("link-next", "tab", _same("link(1)", PAGE[:3]), "links", priority=True),
    _key("link-previous", "shift+tab", _same("link(-1)", PAGE[:3]), "links", priority=True),
    _key("hints", "f", _same("hints", PAGE[:3]), "hints"),
    _key("open-link", "enter", _same("open_link", PAGE[:3]), "open", shown=("term", "explainer")),
    _key("glossary", "g", _everywhere("glossary"), "glossary", shown=("reader",)),
    _key("timeline", "t", _everywhere("timeline"), "timeline", shown=("reader",)),
    _key("whos-who", "w", _everywhere("whos_who"), "whos_who", shown=("reader",)),
    _key("about", "a", {"app": "about", "help": "app.about"}, "about"),
    _key("search", "slash", _everywhere("search"), "search", shown=("reader",)),
    _key("search-earlier", "up", {"search-line": "recall(-1)"}, "search_recall"),
    _key("search-later", "down", {"search-line": "recall(1)"}, "search_recall"),
    _key("search-next", "n", _same("search_step(1)", PAGE[:3]), "search_step"),
    _key("search-previous", "N", _same("search_step(-1)", PAGE[:3]), "search_step"),
    _key("scroll-down", "j,down", _same("scroll(1)", PAGE), "scroll_line"),
    _key("scroll-up", "k,up", _same("scroll(-1)", PAGE), "scroll_line"),
    _key("page-down", "space,pagedown", _same("page(1)", PAGE), "scroll_page"),
    _key("page-up", "pageup,shift+space", _same("page(-1)", PAGE), "scroll_page"),
    _key("top", "home", _same("edge(0)", PAGE), "top_bottom"),
    _key("bottom", "end", _same("edge(1)", PAGE), "top_bottom"),
    _key("copy", "y", _same("copy", ("reader", "explainer")), "copy"),
    _key("sentence-next", "right_parenthesis", {"reader": "sentence(1)"}, "sentences"),
    _key("sentence-back", "left_parenthesis", {"reader": "sentence(-1)"}, "sentences"),
    _key("english-hidden", "E", {"reader": "toggle_english"}, "english_hidden"),
    _key("reveal", "full_stop", {"reader": "reveal"}, "reveal"),
    _key("glossary-back", "escape", {"glossary": "back"}, "in_glossary", shown=("glossary",)),
    _key(
        "glossary-down",
        "down",
        {"glossary": "move(1)"},
        "in_glossary",
        label="scroll-down",
        priority=True,
    ),
    _key(
        "glossary-up",
        "up",
        {"glossary": "move(-1)"},
        "in_glossary",
        label="scroll-up",
        priority=True,
    ),
    _key(
        "glossary-sort", "ctrl+s", {"glossary": "toggle_sort"}, "in_glossary", shown=("glossary",)
    ),
    _key("word-next", "right,l", {"words": "word(1)"}, "in_words", shown=("words",)),
    _key("word-previous", "left,h", {"words": "word(-1)"}, "in_words"),
    _key("word-line-down", "down,j", {"words": "line(1)"}, "in_words"),
    _key("word-line-up", "up,k", {"words": "line(-1)"}, "in_words"),
    _key("word-sentence-next", "right_parenthesis", {"words": "sentence(1)"}, "in_words"),
    _key("word-sentence-back", "left_parenthesis", {"words": "sentence(-1)"}, "in_words"),
    _key("word-occurrence", "o", {"words": "occurrence(1)"}, "in_words", shown=("words",)),
    _key("word-open-term", "enter", {"words": "open_term"}, "in_words"),
    _key("word-leave", "escape,backspace", {"words": "leave"}, "in_words", shown=("words",)),
    # In the word cursor the digits give the word a status (as in Lute): they are section keys
    # only outside it, and the footer and help say so.
    *(
        _key(
            f"word-learning-{n}",
            str(n),
            {"words": f"status('{n}')"},
            "word_learning",
            label="word-learning",
            shown=("words",) if n == 1 else (),
            footer="1-5" if n == 1 else "",
        )
        for n in range(1, 6)
    ),
    _key("word-known", "K", {"words": "status('known')"}, "word_known", shown=("words",)),
    _key("word-ignored", "i", {"words": "status('ignored')"}, "word_known"),
    _key("word-new", "0", {"words": "status('new')"}, "word_known"),
    _key("command-palette", "ctrl+p", {"app": "command_palette"}, "palette"),
    _key("help", "question_mark", {"app": "help"}, "help", shown=("app",)),
    _key("help-f1", "f1", {"app": "help"}, "help", label="help"),
    _key(
        "help-close",
        "escape,question_mark,backspace",
        {"help": "close"},
        "help_close",
        shown=("help",),
    ),
    _key("quit", "q", {"app": "quit", "help": "app.quit"}, "quit", shown=("app", "help")),
    # Textual's own ctrl+q, with an id of its own: the footer shows it where a text field takes q.
    _key("quit-ctrl-q", "ctrl+q", {"app": "quit"}, "quit", label="quit", priority=True),
    _key("help-quit", "ctrl+c", {"app": "help_quit"}, "ctrl_c", label="quit"),
    # A terminal program stops on ctrl+z, as the shell's job control expects.
    _key("suspend", "ctrl+z", {"app": "suspend_process"}, "suspend"),
)

OPENS_A_FIELD = ("search", "glossary", "command-palette")
"""The keys that open a text field (the search line, the glossary's filter, the palette's
input): the keys typed after them in a burst are the field's (``ui.typeahead``)."""


def field_openers() -> frozenset[str]:
    """The actions, in every scope, of the keys that open a text field."""
    return frozenset(
        action for key in KEYS if key.id in OPENS_A_FIELD for action in key.actions.values()
    )


_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "right_parenthesis": ")",
    "left_parenthesis": "(",
    "full_stop": ".",
}


def display(keys: str) -> str:
    """Keys as help and the README write them: ``j down``, ``?``."""
    return " ".join(_NAMES.get(key, key) for key in keys.split(","))


def bindings(scope: str) -> list[BindingType]:
    """The bindings of a scope, in the table's order (the footer's order too)."""
    return [
        Binding(
            key.keys,
            key.actions[scope],
            key.label,
            show=scope in key.shown,
            key_display=key.footer or _NAMES.get(key.keys),
            priority=key.priority,
            id=key.id,
        )
        for key in KEYS
        if scope in key.actions
    ]


def help_rows() -> list[tuple[str, str]]:
    """(keys, the catalogue entry of what they do) for each row of help, in the table's order:
    keys sharing a row are joined (``n / N``), and a run of digits is a range (``1-9``)."""
    rows: dict[str, list[str]] = {}
    for key in KEYS:
        rows.setdefault(key.help, []).append(display(key.keys))
    return [(_joined(keys), f"help.{help}") for help, keys in rows.items()]


def _joined(keys: list[str]) -> str:
    if len(keys) > 2 and all(key.isdigit() for key in keys):
        return f"{keys[0]}-{keys[-1]}"
    return " / ".join(keys)


def palette_key(action: str) -> str:
    """The keys that run one of the reader's actions, as the palette shows them beside it."""
    return " / ".join(
        display(key.keys)
        for key in KEYS
        if key.actions.get("reader", key.actions.get("app")) == action
    )


def localize_bindings(ui: Catalogue, bindings: BindingsMap) -> None:
    """Give every binding of the key map its footer label in the catalogue's language (a
    binding's description is its label in the key map, ``Key.label``)."""
    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(binding, description=ui.binding_description(binding.description, binding.id))
            if binding.id
            else binding
            for binding in entries
        ]
