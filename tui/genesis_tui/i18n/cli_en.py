"""The command line's words in English (``cli_ja`` has the same keys, in Japanese): the help of
each command and option, the usage errors, and what ``check`` and the drafting commands say."""

CLI_EN: dict[str, str] = {
    # The help: the program, its commands, their options
    "cli.description": (
        "Japan becomes the first international partner of the US Genesis Mission: the article "
        "in Japanese and English, with a bilingual glossary. Without a command, opens the "
        "reader; when standard output is not a terminal (or TERM=dumb), prints the article as "
        "plain text."
    ),
    "cli.commands": "commands",
    "cli.help.read": "open the reader (the default)",
    "cli.help.check": "validate a content directory and report every error",
    "cli.help.export": "write the article to standard output",
    "cli.help.readings": (
        "draft the readings of the Japanese that DIR/readings.toml lacks, keeping every reading "
        "already there (needs the authoring extra: pip install '.[authoring]' in the checkout)"
    ),
    "cli.help.lexicon": (
        "draft the words and entries that DIR/lexicon.toml lacks, keeping every entry already "
        "there (needs the authoring extra: pip install '.[authoring]' in the checkout)"
    ),
    "cli.help.serve": (
        "serve the reader to web browsers (needs the web extra: pip install '.[web]' in the "
        "checkout)"
    ),
    "cli.help.version": "show the version and exit",
    "cli.help.content": "read the article from DIR instead of the bundled content",
    "cli.help.directory": "the content directory (default: --content's, else the bundled one)",
    "cli.help.ui_lang": (
        "language of the interface (default: from LC_ALL, LC_MESSAGES or LANG; ja_* is ja)"
    ),
    "cli.help.section": "the section, by its ID or number: where to start, or what to export",
    "cli.help.lang": "languages to show (default: both)",
    "cli.help.width": "wrap plain text at N cells (default: the terminal's width, else 80)",
    "cli.help.ascii": (
        "ASCII borders and plain scrollbars, for terminals that draw East Asian Ambiguous "
        "characters two cells wide (also: GENESIS_TUI_ASCII=1)"
    ),
    "cli.help.no_state": (
        "neither read nor save the reading position, for an account that many people share "
        "(also: GENESIS_TUI_STATE=off)"
    ),
    "cli.help.screen_reader": (
        "keep the terminal's cursor shown, on the line being read, for braille displays and "
        "terminal screen readers; one language in one column, no box drawing (also: "
        "GENESIS_TUI_SCREEN_READER=1)"
    ),
    "cli.help.no_mouse": (
        "leave the mouse to the terminal, so that its own selection and copying work "
        "(also: GENESIS_TUI_NO_MOUSE=1)"
    ),
    "cli.help.theme": (
        "the colour theme, such as textual-light or nord (remembered; the palette's Theme "
        "command lists them all)"
    ),
    "cli.help.format": (
        "one of:\n"
        "txt (the default): plain text wrapped at --width\n"
        "md: Markdown\n"
        "json: the article, glossary and timeline as data (schema 3)\n"
        "html: one page for browsers and screen readers, with ruby\n"
        "apkg: the words as Anki cards, a package Anki opens (--words, --output)\n"
        "tsv: the same cards as text, for Anki's import (--words)"
    ),
    "cli.help.ruby": (
        "readings over the Japanese: Aozora Bunko notation in txt (｜基《き》), HTML ruby in md "
        "(JSON always carries them)"
    ),
    "cli.help.vocabulary": "md only: end each section with its words, their readings and glosses",
    "cli.help.prune": (
        "first remove what the content no longer has (readings of texts that are gone, words "
        "that no longer fit their text) and list it; for after editing the content"
    ),
    "cli.help.accents": (
        "Kanjium's accents.txt, for the pitch accents (without it none are drafted)"
    ),
    "cli.help.host": "the address to listen on (default: 127.0.0.1, this machine only)",
    "cli.help.port": "the port (default: 8000)",
    "cli.help.public_url": (
        "the address browsers use to reach the server, when it is not http://HOST:PORT "
        "(listening on 0.0.0.0, or behind a proxy); the page connects back to it, and only "
        "pages from it may open sessions"
    ),
    "cli.help.allow_origin": (
        "also accept sessions from pages at ORIGIN (scheme://host:port), e.g. the address of a "
        "proxy in front of the server; repeatable (default: only the server's own address)"
    ),
    "cli.help.max_sessions": "at most N readers at once; more sessions are refused (default: 8)",
    # Usage errors: one line each, after "genesis-tui: "
    "cli.error.not_a_number": "not a number: {value!r}",
    "cli.error.out_of_range": "must be between {low} and {high}, not {number}",
    "cli.error.help_hint": "Help: {command} --help",
    "cli.error.not_for_command": "for the reader, not for {command}: {options}",
    "cli.error.no_section": "no section {section!r} (sections: {ids}, or 1-{count})",
    "cli.error.no_theme": "no theme {name!r} (themes: {names})",
    "cli.error.ruby_json": "--ruby is for txt and md: the JSON export always carries the readings",
    "cli.error.ruby_html": (
        "--ruby is for txt and md: the HTML page always carries the readings (a box on the "
        "page hides them)"
    ),
    "cli.error.vocabulary": "--vocabulary is for md (the JSON export always carries the lexicon)",
    "cli.error.lang_json": "--lang is for txt and md: the JSON export always holds both languages",
    "cli.error.width": "--width wraps plain text (--format txt); {format} is not wrapped",
    "cli.error.no_readings": "{directory} has no readings (readings.toml): nothing to show",
    "cli.error.content_error": "{count} content error:",
    "cli.error.content_errors": "{count} content errors:",
    "cli.error.serve_needs_web": (
        "serve needs textual-serve: pip install '.[web]' in the checkout"
    ),
    "cli.error.cannot_write_readings": "cannot write the readings: {error}",
    "cli.error.cannot_write_lexicon": "cannot write the lexicon: {error}",
    "cli.error.stdout_closed": "standard output is closed",
    "cli.error.stdout_unwritable": "cannot write to standard output: {error}",
    # What check and the drafting commands say
    "cli.check.ok": (
        "{directory}: OK — {sections} sections, {blocks} blocks, {terms} glossary terms, "
        "{events} timeline events"
    ),
    "cli.readings.removed_gone": "removed {key} (no such text any more): {words}",
    "cli.readings.removed_misfit": "removed {key} (no longer fit the text): {words}",
    "cli.readings.summary": (
        "{path}: {drafted} readings drafted in {texts} texts, {kept} kept as they were."
    ),
    "cli.readings.summary_pruned": (
        "{path}: {drafted} readings drafted in {texts} texts, {kept} kept as they were, "
        "{removed} removed."
    ),
    "cli.lexicon.summary": (
        "{path}: {entries} entries drafted for {texts} texts, {kept_entries} entries and "
        "{kept_texts} texts kept as they were."
    ),
    "cli.lexicon.no_accents": (
        "No pitch accents drafted (give --accents FILE, Kanjium's accents.txt)."
    ),
    "cli.lexicon.no_glosses": "No gloss found for: {words}.",
    "cli.review": "Review the drafted ones, then run `genesis-tui check`.",
    # Why drafting cannot go on (content.drafting's AuthoringError)
    "authoring.needs_sudachi_readings": (
        "drafting readings needs the analyser: pip install '.[authoring]' in the checkout"
    ),
    "authoring.needs_sudachi_lexicon": (
        "drafting the lexicon needs the analyser: pip install '.[authoring]' in the checkout"
    ),
    "authoring.broken_dictionary": (
        "the analyser's dictionary cannot be loaded ({error}): pip install '.[authoring]' in "
        "the checkout"
    ),
    "authoring.needs_jmdict": (
        "drafting the lexicon needs JMdict: pip install '.[authoring]' in the checkout"
    ),
    "authoring.no_jmdict_data": "JMdict's database is missing: pip install jamdict-data",
    "authoring.unreadable": "{path}: cannot be read, so it is left as it is ({error})",
    "authoring.flaw": "{path}: {key}: {message} (fix it first: drafting would lose it)",
    "authoring.no_accents": "{path}: cannot read the pitch accents ({error})",
    "cli.help.words": (
        "apkg and tsv: which words become cards: new (the default: those you gave no status in "
        "the reader's word cursor), learning (at a step 1-5) or all (every word but the ignored)"
    ),
    "cli.help.output": (
        "apkg and tsv: the file to write (apkg: genesis-tui-words.apkg by default; tsv: standard "
        "output)"
    ),
    "cli.error.cards_only": "--words and --output are for the cards (apkg, tsv), not {format}",
    "cli.error.not_for_cards": (
        "--ruby, --vocabulary, --lang and --width are for the article's formats, not {format}"
    ),
    "cli.error.no_lexicon": "{directory} has no lexicon (lexicon.toml): no words to make cards of",
    "cli.error.no_cards": "no words to make cards of (--words {words})",
    "cli.error.no_genanki": (
        "--format apkg needs genanki, the anki extra: pip install 'genesis-tui[anki]' (in a "
        "checkout: pip install '.[anki]'); --format tsv needs nothing"
    ),
    "cli.error.cannot_write_cards": "cannot write {path}: {error}",
    "cli.warning.statuses": "the word statuses file {path} {problem}; it is left as it is",
    "cli.cards.written_one": "{path}: {count} note ({words} words)",
    "cli.cards.written": "{path}: {count} notes ({words} words)",
}
