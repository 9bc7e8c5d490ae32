"""The command line in Japanese: argparse's own words and ours, looked up by their English.

argparse says everything through ``gettext`` (its module-level ``_`` and ``ngettext``), as a
program with a message catalogue would; here the catalogue is a dictionary. The help texts of
our own options are translated the same way, by their English, after the parser is built, so
the parser reads in one language and a text left untranslated shows in English rather than not
at all (a test lists any that are).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence

from genesis_tui.i18n.catalogue import ui_lang_from_locale

JA: dict[str, str] = {
    # argparse's own words (Python 3.11-3.13)
    "usage: ": "使い方: ",
    "positional arguments": "位置引数",
    "options": "オプション",
    "subcommands": "コマンド",
    "show this help message and exit": "このヘルプを表示して終了します",
    "show program's version number and exit": "バージョンを表示して終了します",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r は選べません（選べるもの: %(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "%(type)s として無効な値です: %(value)r",
    "unrecognized arguments: %s": "認識できない引数です: %s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "expected one argument": "値が1つ必要です",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値が1つ以上必要です",
    "ambiguous option: %(option)s could match %(matches)s": (
        "あいまいなオプションです: %(option)s に当てはまるものが複数あります（%(matches)s）"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "ignored explicit argument %r": "値 %r は使われません",
    "unexpected option string: %s": "予期しないオプションです: %s",
    "one of the arguments %s is required": "引数 %s のどれかが必要です",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "%(parser_name)r というコマンドはありません（選べるもの: %(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' を開けません: %(error)s",
    "expected %s argument": "値が%s個必要です",
    "expected %s arguments": "値が%s個必要です",
    # genesis-tui's own
    "Japan becomes the first international partner of the US Genesis Mission: the article in "
    "Japanese and English, with a bilingual glossary. Without a command, opens the reader; "
    "when standard output is not a terminal (or TERM=dumb), prints the article as plain text.": (
        "日本、米国「ジェネシス・ミッション」初の国際パートナーに: 記事を日本語と英語で、"
        "日英の用語集とともに読みます。コマンドなしではリーダーを開き、標準出力が端末でない"
        "とき（または TERM=dumb のとき）は記事をテキストで出力します。"
    ),
    "read the article from DIR instead of the bundled content": (
        "同梱の内容の代わりに DIR から記事を読む"
    ),
    "start at / export section ID": "節 ID から始める・節 ID を書き出す",
    "languages to show (default: both)": "表示する言語（既定: both、日本語と英語）",
    "language of the interface (default: from LC_ALL, LC_MESSAGES or LANG; ja_* is ja)": (
        "画面の言語（既定: LC_ALL、LC_MESSAGES、LANG の順に見て、ja_* なら ja）"
    ),
    "ASCII borders and plain scrollbars, for terminals that draw East Asian Ambiguous "
    "characters two cells wide (also: GENESIS_TUI_ASCII=1)": (
        "罫線とスクロールバーを ASCII で描く。East Asian Ambiguous の文字を2セル幅で描く"
        "端末のため（GENESIS_TUI_ASCII=1 でも同じ）"
    ),
    "leave the mouse to the terminal, so that its own selection and copying work "
    "(also: GENESIS_TUI_NO_MOUSE=1)": (
        "マウスを端末に任せ、端末自身の選択とコピーを使えるようにする"
        "（GENESIS_TUI_NO_MOUSE=1 でも同じ）"
    ),
    "the colour theme, such as textual-light or nord (remembered; the palette's Theme "
    "command lists them all)": (
        "配色のテーマ。textual-light や nord など（次回も使われます。一覧はパレットの「テーマ」で）"
    ),
    "wrap plain text at N cells (default: the terminal's width, else 80)": (
        "テキストを N セルで折り返す（既定: 端末の幅、わからなければ 80）"
    ),
    "open the reader (the default)": "リーダーを開く（既定）",
    "validate a content directory and report every error": (
        "内容のディレクトリを検査し、誤りをすべて報告する"
    ),
    "write the article to standard output": "記事を標準出力に書き出す",
    "txt (the default): plain text wrapped at --width; md: Markdown; json: the article, "
    "glossary and timeline as data (schema 2); html: one page for browsers and screen readers, "
    "with ruby": (
        "txt（既定）: --width で折り返すテキスト、md: Markdown、json: 記事・用語集・年表のデータ"
        "（スキーマ 2）、html: ブラウザとスクリーンリーダーのための、ルビつきの 1 ページ"
    ),
    "serve the reader to web browsers (needs the web extra: pip install '.[web]' in the "
    "checkout)": (
        "リーダーをウェブブラウザに配信する（追加の依存 web が必要: チェックアウトで"
        " pip install '.[web]'）"
    ),
    "the address to listen on (default: 127.0.0.1, this machine only)": (
        "待ち受けるアドレス（既定: 127.0.0.1、このマシンのみ）"
    ),
    "the port (default: 8000)": "ポート（既定: 8000）",
    "draft the readings of the Japanese that DIR/readings.toml lacks, keeping every reading "
    "already there (needs the authoring extra: pip install '.[authoring]' in the checkout)": (
        "DIR/readings.toml にない日本語の読みを下書きする。すでにある読みはすべて残す"
        "（追加の依存 authoring が必要: チェックアウトで pip install '.[authoring]'）"
    ),
    "draft the words and entries that DIR/lexicon.toml lacks, keeping every entry already "
    "there (needs the authoring extra: pip install '.[authoring]' in the checkout)": (
        "DIR/lexicon.toml にない語と見出しを下書きする。すでにある見出しはすべて残す"
        "（追加の依存 authoring が必要: チェックアウトで pip install '.[authoring]'）"
    ),
    "md only: end each section with its words, their readings and glosses": (
        "md のみ: 各節の終わりに、その節の語と読みと語義を並べる"
    ),
    "Kanjium's accents.txt, for the pitch accents (without it none are drafted)": (
        "アクセントのための Kanjium の accents.txt（なければアクセントは下書きしない）"
    ),
    "readings over the Japanese: Aozora Bunko notation in txt (｜基《き》), HTML ruby in md "
    "(JSON always carries them)": (
        "日本語に読みをつける: txt では青空文庫の記法（｜基《き》）、md では HTML の ruby"
        "（JSON にはいつも含まれます）"
    ),
    "first remove what the content no longer has (readings of texts that are gone, words that "
    "no longer fit their text) and list it; for after editing the content": (
        "下書きの前に、内容からなくなったもの（消えた文の読みと、文に合わなくなった語）を"
        "取り除き、一覧を表示する。内容を編集した後に使う"
    ),
    "the address browsers use to reach the server, when it is not http://HOST:PORT (listening "
    "on 0.0.0.0, or behind a proxy); the page connects back to it, and only pages from it may "
    "open sessions": (
        "ブラウザがサーバーに接続するときのアドレス。http://HOST:PORT と異なるとき（0.0.0.0 で"
        "待ち受けるとき、プロキシの後ろにあるとき）に指定する。ページはこのアドレスに接続し直し、"
        "このアドレスのページだけがセッションを開けます"
    ),
    "also accept sessions from pages at ORIGIN (scheme://host:port), e.g. the address of a proxy "
    "in front of the server; repeatable (default: only the server's own address)": (
        "ORIGIN（scheme://host:port）のページからのセッションも受け付ける。サーバーの前の"
        "プロキシのアドレスなど。くり返し指定できます（既定: サーバー自身のアドレスのみ）"
    ),
    "at most N readers at once; more sessions are refused (default: 8)": (
        "同時に読めるのは N 人まで。それを超えるセッションは断ります（既定: 8）"
    ),
    "neither read nor save the reading position, for an account that many people share "
    "(also: GENESIS_TUI_STATE=off)": (
        "読んでいる位置を読み込みも保存もしない。多くの人が共有するアカウントのため"
        "（GENESIS_TUI_STATE=off でも同じ）"
    ),
    "keep the terminal's cursor shown, on the line being read, for braille displays and "
    "terminal screen readers; one language in one column, no box drawing (also: "
    "GENESIS_TUI_SCREEN_READER=1)": (
        "点字ディスプレーや端末のスクリーンリーダーのために、端末のカーソルを表示したまま"
        "読んでいる行に置く。一度に一つの言語を一段で、罫線なしで表示（"
        "GENESIS_TUI_SCREEN_READER=1 でも同じ）"
    ),
    "no theme {name!r} (themes: {names})": "{name!r} というテーマはありません（テーマ: {names}）",
}


class CellWidthFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by terminal cells (a kanji is two) and where Japanese may
    break, rather than by characters and at spaces alone."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from genesis_tui.text.typesetting import break_lines

        return break_lines(" ".join(text.split()), max(10, width))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = self._split_lines(text, width - len(indent))
        return "\n".join(indent + line for line in lines)


def translator(lang: str) -> Callable[[str], str]:
    """Japanese from ``JA`` for ``ja``, else the English as it is (argparse's own ``gettext``
    would look for message catalogues on disk at every word: a dozen file lookups per
    option, at every start)."""
    if lang != "ja":
        return _as_it_is
    return lambda text: JA.get(text, text)


def _as_it_is(text: str) -> str:
    return text


def install(lang: str) -> None:
    """Have argparse speak ``lang`` (its messages go through its module's ``_``)."""
    translate = translator(lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subcommand's parser."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from parsers(sub)


def localize(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """``parser`` with its description and help texts in ``lang``."""
    if lang != "ja":
        return parser
    translate = translator(lang)
    for each in parsers(parser):
        each.formatter_class = CellWidthFormatter
        if each.description:
            each.description = translate(each.description)
        for action in each._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = translate(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = translate(choice.help)
    return parser


_lang = "en"
"""The language the command line speaks in this run."""


def lang_of(argv: Sequence[str] | None) -> str:
    """The language the command line speaks: ``--ui-lang``'s, else the locale's."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    for index, argument in enumerate(arguments):
        if argument == "--ui-lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--ui-lang="):
            return argument.partition("=")[2]
    return ui_lang_from_locale(os.environ)


def parser_in(
    build: Callable[[], argparse.ArgumentParser], argv: Sequence[str] | None
) -> argparse.ArgumentParser:
    """The parser ``build`` makes, its words and argparse's own in the language ``argv`` asks
    for (argparse takes some of its words when the parser is made: it speaks it first)."""
    global _lang
    _lang = lang_of(argv)
    install(_lang)
    return localize(build(), _lang)


def say(message: str, **fields: object) -> str:
    """One of our messages (its English is its key), in the command line's language."""
    return translator(_lang)(message).format(**fields)


ERRORS_JA: tuple[tuple[str, str], ...] = (
    (r"no section (.+) \(sections: (.+)\)", r"\1 という節はありません（節: \2）"),
    (r"(\d+) content errors?:", r"内容の誤り \1 件:"),
    (
        r"serve needs textual-serve: (.+) in the checkout",
        r"serve には textual-serve が必要です: チェックアウトで \1",
    ),
    (
        r"--vocabulary is for md \(the JSON export always carries the lexicon\)",
        "--vocabulary は md のためのものです（JSON の書き出しにはいつも語彙が含まれます）",
    ),
    (
        r"--ruby is for txt and md: the JSON export always carries the readings",
        "--ruby は txt と md のためのものです（JSON の書き出しにはいつも読みが含まれます）",
    ),
    (
        r"(.+) has no readings \(readings.toml\): nothing to show",
        r"\1 には読み（readings.toml）がありません",
    ),
    (r"cannot write the readings: (.+)", r"読みを書き込めません: \1"),
    (
        r"not for check, which validates a directory and shows nothing: (.+)",
        r"check はディレクトリを検証するだけで、何も表示しません。使えないオプション: \1",
    ),
    (
        r"--lang is for txt and md: the JSON export always holds both languages",
        "--lang は txt と md のためのものです（JSON の書き出しはいつも両方の言語を含みます）",
    ),
    (
        r"--ruby is for txt and md: the HTML page always carries the readings \(a box on the "
        r"page hides them\)",
        "--ruby は txt と md のためのものです（HTML のページにはいつも読みが含まれ、"
        "ページのチェックボックスで隠せます）",
    ),
    (
        r"--width wraps plain text \(--format txt\); (\w+) is not wrapped",
        r"--width はテキスト（--format txt）の折り返し幅です。\1 は折り返しません",
    ),
)
"""Usage errors raised with their values in them, matched line by line (the first line of
each: a content error's details stay as the validator words them)."""


def error_text(message: str) -> str:
    """A usage error's message in the command line's language."""
    if _lang != "ja":
        return message
    lines = message.split("\n")
    for pattern, japanese in ERRORS_JA:  # compiled only here, when there is an error to say
        if re.fullmatch(pattern, lines[0]):
            lines[0] = re.sub(pattern, japanese, lines[0])
            break
    return "\n".join(lines)
