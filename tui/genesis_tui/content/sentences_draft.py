"""Drafting ``sentences.toml``: each block divided by rule and its two languages aligned.

The division is ``text.sentences``'s; the alignment pairs the sentences by length, the way
Gale and Church did: a dynamic programme over one-to-one, two-to-one and one-to-two pairs that
keeps the English length of each pair closest to its Japanese length times the text's own
ratio. A draft, for review by hand: the reviewed file is the content. (No command drafts it:
the article's file was drafted once, with ``format_sentences``, and is edited by hand since.)
"""

from __future__ import annotations

import json

from genesis_tui.content.model import Article, Block
from genesis_tui.text.sentences import Span, split_en, split_ja

HEADER = """\
# The sentences of each block of the article (article.toml), the Japanese aligned with the
# English. Each [[blocks.ID]] is one pair: the Japanese sentences and the English ones that say
# the same, one to one or several to one. The sentences are the block's text, in order (only
# the spaces between them are left out); `genesis-tui check` says where they are not. Drafted by
# rule (genesis_tui.content.sentences_draft), then reviewed by hand.
"""

_STEPS = ((1, 1), (2, 1), (1, 2))
"""The pairs the alignment tries: (Japanese sentences, English sentences)."""
_JOIN_COST = 0.3
"""What joining two sentences into one pair costs beyond its length mismatch: one to one wins
unless the lengths say otherwise."""


def align(ja: list[int], en: list[int]) -> list[tuple[int, int]]:
    """The pairs of two texts' sentences, given their lengths: how many sentences of each
    language each pair takes, in order. Many to many only where nothing else fits."""
    ratio = sum(en) / max(1, sum(ja))
    inf = float("inf")
    cost = [[inf] * (len(en) + 1) for _ in range(len(ja) + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (len(en) + 1) for _ in range(len(ja) + 1)]
    cost[0][0] = 0.0
    for i in range(len(ja) + 1):
        for j in range(len(en) + 1):
            for di, dj in _STEPS:
                if i < di or j < dj or cost[i - di][j - dj] == inf:
                    continue
                want, got = sum(ja[i - di : i]) * ratio, sum(en[j - dj : j])
                here = abs(want - got) / max(want, got, 1) + (_JOIN_COST if di + dj > 2 else 0)
                if cost[i - di][j - dj] + here < cost[i][j]:
                    cost[i][j] = cost[i - di][j - dj] + here
                    step[i][j] = (di, dj)
    if cost[len(ja)][len(en)] == inf:
        return [(len(ja), len(en))]
    pairs: list[tuple[int, int]] = []
    i, j = len(ja), len(en)
    while i or j:
        di, dj = step[i][j]
        pairs.append((di, dj))
        i, j = i - di, j - dj
    return pairs[::-1]


def draft_block(block: Block) -> list[tuple[list[str], list[str]]]:
    """A block's pairs, drafted: (Japanese sentences, English sentences) each."""
    ja, en = split_ja(block.ja), split_en(block.en)
    pairs: list[tuple[list[str], list[str]]] = []
    i = j = 0
    for di, dj in align(_lengths(ja), _lengths(en)):
        pairs.append(
            ([block.ja[a:b] for a, b in ja[i : i + di]], [block.en[a:b] for a, b in en[j : j + dj]])
        )
        i, j = i + di, j + dj
    return pairs


def _lengths(spans: list[Span]) -> list[int]:
    return [end - start for start, end in spans]


def format_sentences(article: Article) -> str:
    """The drafted ``sentences.toml`` of an article."""
    out = [HEADER]
    for section in article.sections:
        out.append(f"\n# {'-' * 60} {section.id}\n")
        for block in section.blocks:
            for ja, en in draft_block(block):
                out.append(f"\n[[blocks.{block.id}]]\n")
                out.append(f"ja = {_strings(ja)}\nen = {_strings(en)}\n")
    return "".join(out)


def _strings(items: list[str]) -> str:
    if len(items) == 1:
        return f"[{json.dumps(items[0], ensure_ascii=False)}]"
    inner = "".join(f"  {json.dumps(item, ensure_ascii=False)},\n" for item in items)
    return f"[\n{inner}]"
