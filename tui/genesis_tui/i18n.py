"""The interface's own words, one catalogue per language (the article's words are content).

``--ui-lang ja|en`` chooses the catalogue; without it the locale does (LC_ALL, then LC_MESSAGES,
then LANG, as POSIX orders them: ``ja_*`` gives Japanese). Key bindings take their descriptions
from here by their id, so the footer and help speak the interface's language too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:  # the command line reads the locale without importing Textual
    from textual.binding import BindingsMap

UiLang = Literal["en", "ja"]
UI_LANGS: tuple[UiLang, ...] = get_args(UiLang)

EN: dict[str, str] = {
    # The reader
    "reader.subtitle": "{number} {title} | view: {view}",
    "view.both": "both",
    "view.ja": "Japanese",
    "view.en": "English",
    "reader.search_placeholder": "Search (enter: go, escape: close)",
    "reader.no_match": "/{query}  no match",
    "reader.match": "/{query}  {position}",
    "reader.no_links": "No glossary links in this view.",
    "copy.done": "Copied {count} characters to the clipboard.",
    "hint.linux_console": "The Linux console cannot draw Japanese: try --lang en --ascii",
    "copy.nothing": "Nothing here to copy.",
    "reader.no_readings": "This content has no readings (readings.toml).",
    "reader.readings_in_japanese": "Readings are shown over the Japanese: v shows it.",
    # The glossary and its entries
    "glossary.title": "Glossary",
    "glossary.filter_placeholder": "Filter: Japanese, English, reading, alias",
    "glossary.count": "{shown} of {total} terms | {order}",
    "glossary.sorted_by_en": "sorted by English",
    "glossary.sorted_by_reading": "sorted by reading (よみ)",
    "term.subtitle": "Glossary",
    "term.related": "Related terms",
    "term.appears_in": "Appears in",
    "term.since_note": "Since publication: {section}",
    # Labels on the pages and in the exports (in the language of the text they label)
    "page.key_points": "Key points",
    "page.note": "Translator's note",
    "page.since": "Since publication",
    "export.source": "Source",
    "category.organisation": "organisation",
    "category.programme": "programme",
    "category.agreement": "agreement",
    "category.event": "event",
    "category.policy": "policy",
    "category.technology": "technology",
    "category.place": "place",
    # The explainer pages
    "timeline.title": "Timeline",
    "timeline.in_article": "reported in the article",
    "timeline.outside": "from outside the article, with its source",
    "timeline.source": "source: {source}",
    "whos_who.title": "Who's who",
    "whos_who.hint": "tab goes from name to name; enter opens its glossary entry",
    "whos_who.japan": "JAPAN",
    "whos_who.united_states": "UNITED STATES",
    "whos_who.deals": "Who signed what, when",
    "whos_who.in_article": "in the article",
    "whos_who.outside": "from outside the article",
    "whos_who.signed": "signed",
    # Help and the small-terminal cover
    "help.title": "Help: keys",
    "help.hint": "escape, ? or q closes this help",
    "too_small": "Terminal too small ({width}x{height} at least).\nq: quit",
    "state.ignored": "Saved reading position ignored ({problem}): {path}. "
    "It is replaced when you quit.",
    "state.unreadable": "cannot be read",
    "state.not_regular": "not a regular file",
    "state.too_large": "larger than 1 MiB",
    "state.not_json": "not a state file",
    # The command palette
    "palette.section": "Section {number}: {title}",
    "palette.section_help": "Go to the section",
    "palette.term": "Term: {term}{reading}",
    "palette.term_help": "Open the glossary entry",
    "palette.next_section": "Next section",
    "palette.next_section_help": "Show the next section",
    "palette.previous_section": "Previous section",
    "palette.previous_section_help": "Show the previous section",
    "palette.cycle_view": "Cycle view (both, ja, en)",
    "palette.cycle_view_help": "Change the languages shown",
    "palette.glossary": "Glossary",
    "palette.glossary_help": "Open the glossary",
    "palette.timeline": "Timeline",
    "palette.timeline_help": "What happened when",
    "palette.whos_who": "Who's who",
    "palette.whos_who_help": "Who signed what with whom",
    "palette.search": "Search",
    "palette.search_help": "Open the search line",
    "palette.back": "Back",
    "palette.back_help": "Return to where you were",
    "palette.help": "Help: keys",
    "palette.help_help": "List every key",
    "palette.theme": "Theme",
    "palette.theme_help": "Change the colours",
    "palette.quit": "Quit",
    "palette.quit_help": "Leave genesis-tui",
    "palette.placeholder": "Search for sections, terms and actions",
    "palette.theme_placeholder": "Search for themes",
    "palette.no_matches": "No matches found",
    # Rows of the help table (the keys themselves are in help.KEYS)
    "help.section": "go to section N",
    "help.next_previous_section": "next / previous section",
    "help.view": "view: both, ja, en",
    "help.links": "next / previous glossary link",
    "help.open": "open the link's glossary entry",
    "help.glossary": "glossary",
    "help.timeline": "timeline: what happened when",
    "help.whos_who": "who's who: who signed what",
    "help.search": "search; enter goes to the first match",
    "help.search_step": "next / previous match",
    "help.back": "back to where you were",
    "help.scroll_line": "scroll a line",
    "help.scroll_page": "scroll a page",
    "help.top_bottom": "top / bottom",
    "help.copy": "copy the block at the top (or the link's address)",
    "help.palette": "command palette: sections, terms, actions",
    "help.help": "this help",
    "help.quit": "quit",
    "help.in_glossary_keys": "In the glossary",
    "help.in_glossary": "type to filter; up, down choose; enter opens; ctrl+s sorts; escape leaves",
    # Key bindings, by binding id (the footer shows those not hidden)
    "key.quit": "Quit",
    "key.help": "Help",
    "key.suspend": "Suspend",
    "key.section": "Section {n}",
    "key.next-section": "Next",
    "key.previous-section": "Previous",
    "key.cycle-view": "View",
    "key.toggle-readings": "Readings",
    "key.glossary": "Glossary",
    "key.timeline": "Timeline",
    "key.whos-who": "Who's who",
    "key.search": "Search",
    "key.search-next": "Next match",
    "key.search-previous": "Previous match",
    "key.link-next": "Next link",
    "key.link-previous": "Previous link",
    "key.open-link": "Open link",
    "key.back": "Back",
    "key.copy": "Copy",
    "key.explainer-copy": "Copy",
    "key.scroll-down": "Down",
    "key.scroll-up": "Up",
    "key.page-down": "Page down",
    "key.page-up": "Page up",
    "key.top": "Top",
    "key.bottom": "Bottom",
    "key.glossary-back": "Back",
    "key.glossary-down": "Down",
    "key.glossary-up": "Up",
    "key.glossary-sort": "Sort",
    "key.term-back": "Back",
    "key.term-search-next": "Next match",
    "key.term-search-previous": "Previous match",
    "key.help-close": "Close",
    "key.explainer-back": "Back",
    "key.explainer-link-next": "Next link",
    "key.explainer-link-previous": "Previous link",
    "key.explainer-open-link": "Open",
    "key.explainer-scroll-down": "Down",
    "key.explainer-scroll-up": "Up",
    "key.explainer-page-down": "Page down",
    "key.explainer-page-up": "Page up",
    "key.explainer-top": "Top",
    "key.explainer-bottom": "Bottom",
    "key.command-palette": "Palette",
}

JA: dict[str, str] = {
    "reader.subtitle": "{number} {title}・表示: {view}",
    "view.both": "日英",
    "view.ja": "日本語",
    "view.en": "英語",
    "reader.search_placeholder": "検索（enter: 移動、escape: 閉じる）",
    "reader.no_match": "/{query}  一致なし",
    "reader.match": "/{query}  {position}",
    "reader.no_links": "この表示には用語リンクがありません。",
    "copy.done": "{count}文字をクリップボードにコピーしました。",
    # Shown on the Linux console, which cannot draw kana or kanji: in Japanese it would be
    # unreadable exactly where it is shown, so it stays in ASCII.
    "hint.linux_console": "Linux console: no Japanese glyphs here; try --lang en --ascii",
    "copy.nothing": "コピーするものがありません。",
    "reader.no_readings": "この内容には読み（readings.toml）がありません。",
    "reader.readings_in_japanese": "読みは日本語の上に出ます。v で日本語を表示できます。",
    "glossary.title": "用語集",
    "glossary.filter_placeholder": "絞り込み: 日本語、英語、よみ、別名",
    "glossary.count": "全{total}語中{shown}語・{order}",
    "glossary.sorted_by_en": "英語順",
    "glossary.sorted_by_reading": "よみ順",
    "term.subtitle": "用語集",
    "term.related": "関連用語",
    "term.appears_in": "本文中の出現箇所",
    "term.since_note": "その後の注記: {section}",
    "page.key_points": "要点",
    "page.note": "訳注",
    "page.since": "その後",
    "export.source": "出典",
    "category.organisation": "組織",
    "category.programme": "計画",
    "category.agreement": "合意",
    "category.event": "出来事",
    "category.policy": "政策",
    "category.technology": "技術",
    "category.place": "地名",
    "timeline.title": "年表",
    "timeline.in_article": "記事にある出来事",
    "timeline.outside": "記事の外の出来事（出典つき）",
    "timeline.source": "出典: {source}",
    "whos_who.title": "関係者と合意",
    "whos_who.hint": "tabで名前から名前へ移り、enterで用語集の項目を開きます",
    "whos_who.japan": "日本",
    "whos_who.united_states": "米国",
    "whos_who.deals": "誰が、いつ、何に署名したか",
    "whos_who.in_article": "記事より",
    "whos_who.outside": "記事の外",
    "whos_who.signed": "署名",
    "help.title": "ヘルプ: キー操作",
    "help.hint": "escape、? または q でヘルプを閉じます",
    "too_small": "端末が小さすぎます（{width}x{height} 以上が必要です）。\nq: 終了",
    "state.ignored": "保存された読書位置を無視しました（{problem}）: {path}。"
    "終了時に置き換えます。",
    "state.unreadable": "読み込めません",
    "state.not_regular": "通常のファイルではありません",
    "state.too_large": "1 MiB を超えています",
    "state.not_json": "状態ファイルではありません",
    "palette.section": "第{number}節: {title}",
    "palette.section_help": "この節へ移動",
    "palette.term": "用語: {term}{reading}",
    "palette.term_help": "用語集の項目を開く",
    "palette.next_section": "次の節",
    "palette.next_section_help": "次の節を表示",
    "palette.previous_section": "前の節",
    "palette.previous_section_help": "前の節を表示",
    "palette.cycle_view": "表示の切り替え（両方・日本語・英語）",
    "palette.cycle_view_help": "表示する言語を変える",
    "palette.glossary": "用語集",
    "palette.glossary_help": "用語集を開く",
    "palette.timeline": "年表",
    "palette.timeline_help": "いつ何があったか",
    "palette.whos_who": "関係者と合意",
    "palette.whos_who_help": "誰が誰と何に署名したか",
    "palette.search": "検索",
    "palette.search_help": "検索欄を開く",
    "palette.back": "戻る",
    "palette.back_help": "前にいた場所へ戻る",
    "palette.help": "ヘルプ: キー操作",
    "palette.help_help": "すべてのキーを一覧する",
    "palette.theme": "テーマ",
    "palette.theme_help": "配色を変える",
    "palette.quit": "終了",
    "palette.quit_help": "genesis-tui を終了する",
    "palette.placeholder": "節・用語・操作を検索",
    "palette.theme_placeholder": "テーマを検索",
    "palette.no_matches": "一致するものがありません",
    "help.section": "N番目の節へ",
    "help.next_previous_section": "次・前の節",
    "help.view": "表示: 両方・日本語・英語",
    "help.links": "次・前の用語リンク",
    "help.open": "リンクの用語を開く",
    "help.glossary": "用語集",
    "help.timeline": "年表: いつ何があったか",
    "help.whos_who": "関係者と合意: 誰が何に署名したか",
    "help.search": "検索（enterで最初の一致へ）",
    "help.search_step": "次・前の一致",
    "help.back": "前にいた場所へ戻る",
    "help.scroll_line": "1行スクロール",
    "help.scroll_page": "1画面スクロール",
    "help.top_bottom": "先頭・末尾",
    "help.copy": "先頭の段落（またはリンクのアドレス）をコピー",
    "help.palette": "コマンドパレット: 節・用語・操作",
    "help.help": "このヘルプ",
    "help.quit": "終了",
    "help.in_glossary_keys": "用語集では",
    "help.in_glossary": "入力で絞り込み、上下で選択、enterで開く、ctrl+sで並べ替え、escapeで戻る",
    "key.quit": "終了",
    "key.help": "ヘルプ",
    "key.suspend": "一時停止",
    "key.section": "第{n}節",
    "key.next-section": "次の節",
    "key.previous-section": "前の節",
    "key.cycle-view": "表示",
    "key.toggle-readings": "読み",
    "key.glossary": "用語集",
    "key.timeline": "年表",
    "key.whos-who": "関係者と合意",
    "key.search": "検索",
    "key.search-next": "次の一致",
    "key.search-previous": "前の一致",
    "key.link-next": "次のリンク",
    "key.link-previous": "前のリンク",
    "key.open-link": "リンクを開く",
    "key.back": "戻る",
    "key.copy": "コピー",
    "key.explainer-copy": "コピー",
    "key.scroll-down": "下へ",
    "key.scroll-up": "上へ",
    "key.page-down": "次の画面",
    "key.page-up": "前の画面",
    "key.top": "先頭",
    "key.bottom": "末尾",
    "key.glossary-back": "戻る",
    "key.glossary-down": "下へ",
    "key.glossary-up": "上へ",
    "key.glossary-sort": "並べ替え",
    "key.term-back": "戻る",
    "key.term-search-next": "次の一致",
    "key.term-search-previous": "前の一致",
    "key.help-close": "閉じる",
    "key.explainer-back": "戻る",
    "key.explainer-link-next": "次のリンク",
    "key.explainer-link-previous": "前のリンク",
    "key.explainer-open-link": "開く",
    "key.explainer-scroll-down": "下へ",
    "key.explainer-scroll-up": "上へ",
    "key.explainer-page-down": "次の画面",
    "key.explainer-page-up": "前の画面",
    "key.explainer-top": "先頭",
    "key.explainer-bottom": "末尾",
    "key.command-palette": "パレット",
}

CATALOGUES: dict[UiLang, dict[str, str]] = {"en": EN, "ja": JA}


class Catalogue:
    """The interface strings of one language: ``ui("key", field=value)``."""

    def __init__(self, lang: UiLang = "en") -> None:
        self.lang: UiLang = lang
        self._strings = CATALOGUES[lang]

    def __call__(self, key: str, **fields: object) -> str:
        text = self._strings[key]
        return text.format(**fields) if fields else text

    def localize_bindings(self, bindings: BindingsMap) -> None:
        """Give every binding with an id its description in this language."""
        for key, entries in bindings.key_to_bindings.items():
            bindings.key_to_bindings[key] = [
                replace(binding, description=self.binding_description(binding.id, binding.action))
                if binding.id or binding.action == "command_palette"
                else binding
                for binding in entries
            ]

    def binding_description(self, binding_id: str | None, action: str = "") -> str:
        """The description of a binding, by its id (``section-N`` share one entry)."""
        if binding_id is None:
            return self("key.command-palette") if action == "command_palette" else ""
        if binding_id.startswith("section-"):
            return self("key.section", n=binding_id.removeprefix("section-"))
        return self(f"key.{binding_id}")


def catalogue_of(app: object) -> Catalogue:
    """The app's catalogue (English for an app that has none, as in some tests)."""
    ui = getattr(app, "ui", None)
    return ui if isinstance(ui, Catalogue) else Catalogue()


def ui_lang_from_locale(environ: Mapping[str, str]) -> UiLang:
    """The interface language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG set."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"
