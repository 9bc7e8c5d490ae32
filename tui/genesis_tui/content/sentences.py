"""Sentences of the article, aligned: the model of ``sentences.toml`` and the sentence lookup.

``sentences.toml`` is content, drafted by rule (``content.sentences_draft``) and reviewed by
hand. For each block of the article it lists the block's sentences as aligned pairs, in order:
each pair holds the Japanese sentences and the English sentences that say the same thing, one
to one, or several to one (either way) where the translation joins or splits sentences::

    [[blocks.overview-1]]
    ja = ["トランプ政権が…パートナーになりました。"]
    en = ["Japan has become the first international partner … at the end of 2025."]

The sentences are the block's text itself, so that an editor reads both languages side by side;
``check`` holds them to the text (``parse_sentences``): each language's sentences, in order,
are the block's text with nothing left out but the spaces between them, and none is empty.

A block the file does not list (or lists wrongly, in content that was not checked) is one
pair: its whole text in each language. Nothing here imports pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from genesis_tui.content.files import Unreadable, parse_toml, read_file, too_deep
from genesis_tui.content.model import Article, Block, Lang
from genesis_tui.text.control_chars import CONTROL

SENTENCES_FILE = "sentences.toml"

Span = tuple[int, int]
"""A sentence's place in its block's text: ``text[start:end]``."""


class Aligned(NamedTuple):
    """One pair of a block: its Japanese sentences and the English ones that say the same."""

    ja: tuple[Span, ...]
    en: tuple[Span, ...]

    def span(self, lang: Lang) -> Span:
        """Where the pair is in one language: from its first sentence to the end of its last."""
        spans = self.ja if lang == "ja" else self.en
        return spans[0][0], spans[-1][1]


class Flaw(NamedTuple):
    """Something wrong in ``sentences.toml``: the key it is at, and what."""

    key: str
    message: str


def whole(block: Block) -> tuple[Aligned, ...]:
    """A block as one pair: its whole text in each language."""
    return (Aligned(((0, len(block.ja)),), ((0, len(block.en)),)),)


class Sentences:
    """The aligned sentences of every block, by block id."""

    def __init__(self, blocks: Mapping[str, Block], pairs: Mapping[str, tuple[Aligned, ...]]):
        self._blocks = dict(blocks)
        self._pairs = dict(pairs)

    def __bool__(self) -> bool:
        """True when some block is divided by the file (not every block left whole)."""
        return bool(self._pairs)

    def of(self, block_id: str) -> tuple[Aligned, ...]:
        """The block's pairs, in order."""
        pairs = self._pairs.get(block_id)
        return pairs if pairs is not None else whole(self._blocks[block_id])

    def index_at(self, block_id: str, lang: Lang, offset: int) -> int:
        """The number of the pair that holds ``offset`` of the block's text in ``lang`` (the
        spaces between two pairs count with the one before; past the end, the last)."""
        pairs = self.of(block_id)
        for index, pair in enumerate(pairs[1:]):
            if offset < pair.span(lang)[0]:
                return index
        return len(pairs) - 1

    def text(self, block_id: str, index: int) -> tuple[str, str]:
        """A pair's text: (Japanese, English)."""
        block = self._blocks[block_id]
        pair = self.of(block_id)[index]
        (ja_start, ja_end), (en_start, en_end) = pair.span("ja"), pair.span("en")
        return block.ja[ja_start:ja_end], block.en[en_start:en_end]

    def sentence_at(self, block_id: str, offset: int, lang: Lang = "ja") -> tuple[str, str]:
        """The sentence at ``offset`` of the block's text in ``lang``, with its counterpart:
        (Japanese, English). For a Japanese sentence joined with others in one English one,
        the whole pair."""
        return self.text(block_id, self.index_at(block_id, lang, offset))


# ---------------------------------------------------------------------------- the file
def parse_sentences(
    data: Mapping[str, Any], blocks: Mapping[str, Block]
) -> tuple[dict[str, tuple[Aligned, ...]], list[Flaw]]:
    """The pairs of each block listed in parsed ``sentences.toml``, and what is wrong in it:
    its shape, a block it does not list or that does not exist, sentences that are not the
    block's text, several sentences aligned with several."""
    flaws: list[Flaw] = [Flaw(str(key), "unknown key") for key in data if key != "blocks"]
    listed = data.get("blocks", {})
    if not isinstance(listed, dict):
        return {}, [*flaws, Flaw("blocks", "must be a table of blocks")]
    found: dict[str, tuple[Aligned, ...]] = {}
    for block_id, value in listed.items():
        key = f"blocks.{block_id}"
        block = blocks.get(block_id)
        if block is None:
            flaws.append(Flaw(key, "no block of the article has this id"))
            continue
        pairs = _pairs(key, value, block, flaws)
        if pairs is not None:
            found[block_id] = pairs
    for block_id in blocks:
        if block_id not in listed:
            flaws.append(Flaw(f"blocks.{block_id}", "the block's sentences are missing"))
    return found, flaws


def _pairs(key: str, value: Any, block: Block, flaws: list[Flaw]) -> tuple[Aligned, ...] | None:
    """A block's pairs, or None when they are malformed or are not its text (said in flaws)."""
    shape = f"must be a list of pairs, each [[{key}]] with ja = [...] and en = [...]"
    if not isinstance(value, list) or not value or not all(isinstance(p, dict) for p in value):
        flaws.append(Flaw(key, shape))
        return None
    before = len(flaws)
    sides: dict[str, list[tuple[int, str]]] = {"ja": [], "en": []}
    for number, pair in enumerate(value):
        where = f"{key}[{number}]"
        for name in pair.keys() - {"ja", "en"}:
            flaws.append(Flaw(f"{where}.{name}", "unknown key"))
        for lang in ("ja", "en"):
            items = pair.get(lang)
            if not isinstance(items, list) or not items:
                flaws.append(Flaw(f"{where}.{lang}", "must be a list of one or more sentences"))
                continue
            for item in items:
                problem = _sentence_flaw(item)
                if problem:
                    flaws.append(Flaw(f"{where}.{lang}", problem))
                else:
                    sides[lang].append((number, item))
        if all(isinstance(pair.get(lang), list) and len(pair[lang]) > 1 for lang in sides):
            message = (
                "several Japanese sentences aligned with several English ones: make pairs of"
                " one to one, or several to one"
            )
            flaws.append(Flaw(where, message))
    if len(flaws) > before:
        return None
    spans: dict[str, list[list[Span]]] = {}
    for lang, sentences in sides.items():
        text = block.ja if lang == "ja" else block.en
        located = _locate(f"{key}[{{}}].{lang}", text, sentences, flaws)
        if located is None:
            return None
        spans[lang] = [[] for _ in value]
        for (number, _), span in zip(sentences, located, strict=True):
            spans[lang][number].append(span)
    return tuple(
        Aligned(tuple(ja), tuple(en)) for ja, en in zip(spans["ja"], spans["en"], strict=True)
    )


def _sentence_flaw(item: Any) -> str:
    """What is wrong with one sentence of the file, or "" when nothing is."""
    if not isinstance(item, str):
        return "a sentence must be a string"
    if not item.strip():
        return "a sentence must not be empty"
    if item != item.strip():
        return f"the sentence {_quote(item)} must not begin or end with a space"
    if CONTROL.search(item):
        return f"the sentence {_quote(item)} holds a control character"
    return ""


def _locate(
    where: str, text: str, sentences: Iterable[tuple[int, str]], flaws: list[Flaw]
) -> list[Span] | None:
    """Each sentence's place in ``text``, each after the one before with only spaces between;
    None when they are not the text in order (said in flaws)."""
    spans: list[Span] = []
    position = number = 0
    for number, sentence in sentences:
        while position < len(text) and text[position].isspace():
            position += 1
        if not text.startswith(sentence, position):
            after = "" if not spans else f" (after {_quote(text[spans[-1][0] : spans[-1][1]])})"
            same = _common(sentence, text[position:])
            lo = max(0, same - 5)
            message = (
                f"the sentence {_quote(sentence)} is not the block's text in order{after}:"
                f" from its character {same + 1} it reads {_quote(sentence[lo : same + 20])},"
                f" the text {_quote(text[position + lo : position + same + 20])}"
            )
            flaws.append(Flaw(where.format(number), message))
            return None
        spans.append((position, position + len(sentence)))
        position += len(sentence)
    rest = text[position:].strip()
    if rest:
        message = f"no sentence holds the end of the block's text: {_quote(rest)}"
        flaws.append(Flaw(where.format(number), message))
        return None
    return spans


def _common(one: str, other: str) -> int:
    """How many characters two strings have in common at their start."""
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )


def _quote(text: str, limit: int = 30) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# ---------------------------------------------------------------------------- loading
def load_sentences(directory: Path, article: Article) -> Sentences:
    """The article's sentences from ``sentences.toml``; each block left whole where the file
    is missing, unreadable or wrong about it (``check`` says what is wrong)."""
    blocks = {block.id: block for _, block in article.blocks()}
    try:
        data = parse_toml(read_file(directory / SENTENCES_FILE))
    except (Unreadable, ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return Sentences(blocks, {})
    if too_deep(data):
        return Sentences(blocks, {})
    pairs, _ = parse_sentences(data, blocks)
    return Sentences(blocks, pairs)
