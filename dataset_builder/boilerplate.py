"""Body/boilerplate separation: every line or fragment labelled, with the rule that decided it.

Minimal first version; the rule table and decision are deepened by issue 5.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .langid import LangResult
from .segment import CYRILLIC, NONE, split_fragments, split_lines

BODY, BOILERPLATE, BLANK = "body", "boilerplate", "blank"


@dataclass(frozen=True)
class Rule:
    """A named rule: its id (stable, recorded in every span it decides) and why it removes text."""

    id: str
    label: str
    reason: str
    pattern: re.Pattern | None = None


RULES: tuple[Rule, ...] = (
    Rule("blank", BLANK, "whitespace only"),
    Rule("script.cyrillic_in_english", BOILERPLATE, "Cyrillic-script fragment in an English document"),
    Rule("ui.share_login", BOILERPLATE, "share / subscribe / log-in prompt",
         re.compile(r"^(to participate in the discussion|log in or register|share|subscribe|print)\b", re.I)),
    Rule("credit.photo", BOILERPLATE, "photo credit", re.compile(r"^\s*(©|photo:|credit:)", re.I)),
    Rule("structure.short_no_punct", BOILERPLATE, "short line without terminal punctuation"),
    Rule("body.prose", BODY, "prose line"),
)
RULES_VERSION = "0"
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


@dataclass(frozen=True)
class Span:
    """A labelled [start, end) range of the raw text with the language and rule behind it."""

    start: int
    end: int
    label: str
    lang: str | None
    score: float
    rule: str
    reason: str


@dataclass(frozen=True)
class Separation:
    """The partition of a document into spans, and its headline."""

    spans: tuple[Span, ...]
    title: str | None


@dataclass(frozen=True)
class CorpusStats:
    """Corpus-level counts from the first pass: in how many documents of a site each line occurs."""

    line_docs: Mapping[tuple[str, str], int] = field(default_factory=dict)
    site_docs: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, counts: Iterable[tuple[str, Iterable[str]]]) -> "CorpusStats":
        """Merge per-document line sets (site, lines) into corpus statistics."""
        line_docs: Counter = Counter()
        site_docs: Counter = Counter()
        for site, keys in counts:
            site_docs[site] += 1
            line_docs.update((site, k) for k in set(keys))
        return cls(dict(line_docs), dict(site_docs))


def line_keys(text: str) -> set[str]:
    """The normalized non-blank lines of a document: what the counting pass counts."""
    return {normalize_line(text[ln.start:ln.end]) for ln in split_lines(text) if text[ln.start:ln.end].strip()}


def normalize_line(line: str) -> str:
    """Case- and whitespace-folded line, the key used for corpus repetition."""
    return " ".join(line.split()).casefold()


def rules_fingerprint() -> str:
    """A hash of the rule table, recorded in the build manifest so rule changes show in changelogs."""
    import hashlib

    blob = "\n".join(f"{r.id}\t{r.label}\t{r.reason}\t{r.pattern.pattern if r.pattern else ''}" for r in RULES)
    return hashlib.sha256(f"{RULES_VERSION}\n{blob}".encode()).hexdigest()


def separate(text: str, identify, stats: CorpusStats | None = None, site: str = "",
             doc_lang: str = "en") -> Separation:
    """Label every line/fragment of ``text``; spans partition the text in order."""
    spans: list[Span] = []
    title = None
    for ln in split_lines(text):
        line = text[ln.start:ln.end]
        if not line.strip():
            spans.append(_span(ln.start, ln.stop, None, LangResult(None, 0.0)))
            continue
        line_rule = _line_rule(line)
        label_of_line = BODY if line_rule.label == BODY else BOILERPLATE
        for fr in split_fragments(text, ln.start, ln.end):
            res = identify(text[fr.start:fr.end]) if fr.script != NONE else LangResult(None, 0.0)
            rule = line_rule
            if fr.script == CYRILLIC and doc_lang != "ru":
                rule = RULES_BY_ID["script.cyrillic_in_english"]
            spans.append(_span(fr.start, fr.end, rule, res))
        if label_of_line == BODY and title is None:
            title = line.strip()
        spans.append(Span(ln.end, ln.stop, spans[-1].label, None, 0.0, spans[-1].rule, spans[-1].reason)) if ln.stop > ln.end else None
    return Separation(tuple(s for s in spans if s.end > s.start), title)


def _line_rule(line: str) -> Rule:
    for rule in RULES:
        if rule.pattern is not None and rule.pattern.search(line):
            return rule
    if len(line.split()) < 5 and not line.rstrip().endswith((".", "!", "?", "\"", "”", "»")):
        return RULES_BY_ID["structure.short_no_punct"]
    return RULES_BY_ID["body.prose"]


def _span(start: int, end: int, rule: Rule | None, res: LangResult) -> Span:
    rule = rule or RULES_BY_ID["blank"]
    return Span(start, end, rule.label, res.lang, res.score, rule.id, rule.reason)
