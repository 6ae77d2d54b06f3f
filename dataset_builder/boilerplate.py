"""Body/boilerplate separation: every line or fragment labelled, with the rule that decided it.

Why: the dataset's ``text`` must hold the article's own prose (headline and subheads included)
and nothing else, and every removal must say why. The decision for one document
(``separate``), in order (details and figures in the README, "Body/boilerplate separation"):

1. **Layout.** A markdown scrape (``# domain`` / ``## Metadata`` / ``## Page Structure`` /
   ``## Content`` / ``## Links``) is reduced to its ``## Content`` section; the other sections
   are ``scrape.wrapper``. Its page-structure headings (H1 = headline, H2+ = subheads) and the
   anchor texts of its link list are kept as signals.
2. **Sub-line cuts.** Head and tail rules of the table cut photo credits, tweet attributions,
   widgets, Cyrillic dates and captions glued to a sentence off the line; a line that carried a
   photo credit is a caption.
   Cyrillic-script fragments are never body in an English document (``script.*``).
3. **Line rules.** The pattern rules of the table (``data/boilerplate_rules.json``), first match.
4. **Structure.** Words, terminal punctuation (curly quotes included), English stopword
   density, title case, link-anchor text, date-only, letters at all: GOOD (prose), NEAR (short
   sentence), SHORT, CAPTION (long and unpunctuated), DATE, HEADING (listed by the scrape).
5. **Headline.** The scrape's H1 where the page repeats it just before prose, else the first
   plain line of a flat text. Lines before it are navigation; the lines between it and the
   first prose line are the header (standfirst, byline, dateline) and are body.
6. **Repetition.** Short lines repeated inside the document (duplicated menus), lines that
   repeat one just above them (pull quotes, caption duplicates, poll widgets), lines recurring
   across documents of the same site (``CorpusStats``, counted before classification), and
   attribution suffixes (" - Site Name") that recur.
7. **Context**, as jusText smooths by neighbours: a line that continues an open sentence is
   body; a short line between prose is body; one between boilerplate is boilerplate; a short
   sentence-case line between boilerplate and prose is a subhead; tweet text above its
   attribution is body; unpunctuated lines under a body line ending in ":" are list items;
   short lines under a tag label are tags; in a flat text, prose whose last sentence has no
   end mark, before a new paragraph or a photo credit, is a multi-sentence caption.
8. **Language.** A short fragment the identifier confidently places in another language than
   the document's is boilerplate (``lang.foreign``).
9. **Sign-offs** (found before the per-line decision, so neighbours see them): a prose line
   that a "last" rule matches and that only boilerplate follows (author bio, outlet blurb).

The spans partition the text; line terminators and whitespace-only lines between body lines
are body, so ``text`` (the body spans concatenated) keeps paragraph breaks.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from itertools import product
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple

try:  # the regex parser, used to derive the rules' pre-check strings
    from re import _parser
except ImportError:  # Python 3.10
    import sre_parse as _parser

from .langid import LangResult
from .segment import CYRILLIC, LATIN, NONE, Fragment, script_of_char, split_fragments, split_lines

BODY, BOILERPLATE, BLANK = "body", "boilerplate", "blank"

#: Structural classes of a line (see module docstring, step 4).
GOOD, NEAR, SHORT, CAPTION, DATE, HEADING, LINK, BAD = "good", "near", "short", "caption", "date", "heading", "link", "bad"


@dataclass(frozen=True, eq=False)
class Rule:
    """A named rule: its id (stable, recorded in every span it decides) and why it removes text.

    Pattern rules carry ``pattern`` and ``match`` ("line", "search", "head", "tail", or "last": a
    search tried only on the page's last prose line, e.g. an author bio) and may be limited to
    lines of at most ``max_words`` words; structural rules have no pattern. Rules are compared by
    identity (each is one object of the table), which keeps ``rule in (...)`` tests cheap.
    """

    id: str
    label: str
    reason: str
    pattern: re.Pattern | None = None
    match: str = ""
    max_words: int | None = None
    weak: bool = False
    inline: bool = False
    requires: tuple[str, ...] = ()
    @cached_property
    def hints(self) -> frozenset[str] | None:
        """Pre-check strings derived from the pattern (``_hints``), on first use."""
        return _hints(self.pattern.pattern, self.match) if self.pattern is not None else None

    @cached_property
    def required(self) -> frozenset[str]:
        """``requires`` as a set (for ``holds``)."""
        return frozenset(self.requires)

    def holds(self, present: frozenset[str] | set[str]) -> bool:
        """The pre-checks, given the set of pre-check strings a line's folded form contains."""
        if self.requires and present.isdisjoint(self.required):
            return False
        return self.hints is None or not present.isdisjoint(self.hints)

    def may_apply(self, line: str, lowered: str) -> bool:
        """Cheap pre-checks on ``lowered`` (= ``fold_for_rules(line)``): ``requires`` and ``hints``.

        ``requires`` come from the table, ``hints`` are derived from the pattern
        (``_required_strings``): every match contains one of them, lowercased, so a line whose
        folded form holds none of them cannot match.
        """
        if self.requires and not any(map(lowered.__contains__, self.requires)):
            return False
        return self.hints is None or any(map(lowered.__contains__, self.hints))

    def matches(self, line: str) -> bool:
        """Whether the pattern matches ``line``: the whole of it for a "line" rule, anywhere otherwise."""
        if self.match == "line":
            return self.pattern.fullmatch(line) is not None
        return self.pattern.search(line) is not None

    def applies(self, line: str, lowered: str) -> bool:
        """Pre-checks, then ``matches`` (``lowered`` = ``fold_for_rules(line)``)."""
        return self.may_apply(line, lowered) and self.matches(line)


@lru_cache(maxsize=None)
def _rule_index(*matches: str) -> "_RuleIndex":
    """The index of the table's rules of these match kinds, built on first use (not at import)."""
    return _RuleIndex(tuple(r for r in RULES if r.match in matches))


class _RuleIndex:
    """Rules of the table with their pre-check strings in one Aho-Corasick automaton.

    ``candidates`` finds every pre-check string a folded line contains in one C-level pass
    (pyahocorasick) and returns, in table order, only the rules whose pre-checks hold: a line
    is no longer tested string by string, rule by rule, in Python, so adding rules stays cheap.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        import ahocorasick

        self.rules = rules
        self._always = [i for i, r in enumerate(rules) if not r.requires and r.hints is None]
        self._rules_of: dict[str, list[int]] = {}
        for i, rule in enumerate(rules):
            for string in rule.required | (rule.hints or frozenset()):
                self._rules_of.setdefault(string, []).append(i)
        self._automaton = ahocorasick.Automaton()
        for string in self._rules_of:
            self._automaton.add_word(string, string)
        if self._rules_of:
            self._automaton.make_automaton()

    def candidates(self, lowered: str) -> list[Rule]:
        """The rules whose pre-checks hold on ``lowered`` (= ``fold_for_rules(line)``), in table order."""
        present = {s for _, s in self._automaton.iter(lowered)} if self._rules_of else set()
        found = set(self._always)
        for string in present:
            found.update(self._rules_of[string])
        rules = self.rules
        return [rules[i] for i in sorted(found) if rules[i].holds(present)]


_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", _parser.MAX_REPEAT))


def _required_strings(items: list) -> frozenset[str] | None:
    """Lowercase strings of which every match of a parsed regex sequence contains one (None: unknown).

    Runs of literals are required as they stand (unless they hold a non-ASCII cased letter,
    which could match an ASCII one case-insensitively); a group, an alternation (the union of its
    branches' strings) or a repeat of at least one requires what its body requires. Of the
    requirements of a sequence, the one whose shortest string is longest is kept. Anything
    else (classes, anchors, look-arounds, optional parts) requires nothing.
    """
    best: frozenset[str] | None = None
    run: list[str] = []

    def keep(cands: frozenset[str] | None) -> None:
        nonlocal best
        if cands and all(cands) and (best is None or min(map(len, cands)) > min(map(len, best))):
            best = cands

    for op, av in list(items) + [(None, None)]:
        if op is _parser.LITERAL:
            run.append(chr(av))
            continue
        if run and all(c.isascii() or c.lower() == c == c.upper() for c in run):
            keep(frozenset(["".join(run).lower()]))
        run = []
        if op is _parser.SUBPATTERN:
            keep(_required_strings(av[3]))
        elif op is _parser.ATOMIC_GROUP:
            keep(_required_strings(av))
        elif op is _parser.BRANCH:
            branches = [_required_strings(b) for b in av[1]]
            if all(b is not None for b in branches):
                keep(frozenset().union(*branches))
        elif op in _REPEATS and av[0] >= 1:
            keep(_required_strings(av[2]))
    return best


def _hints(pattern: str, match: str) -> frozenset[str] | None:
    """Pre-check strings of a rule whose pattern scans the whole line (unanchored search or tail).

    Anchored patterns (``line``/``head`` rules, searches starting with ``^``) fail fast on
    their own and get none.
    """
    parsed = _parser.parse(pattern, re.IGNORECASE)
    if match not in ("search", "tail") or (parsed and parsed[0] == (_parser.AT, _parser.AT_BEGINNING)):
        return None
    return _required_strings(parsed)


class RuleTable(NamedTuple):
    """The parsed ``data/boilerplate_rules.json``: version, thresholds, word lists and rules."""

    version: str
    thresholds: dict
    stopwords: frozenset[str]
    byline_roles: frozenset[str]
    standfirst_cues: frozenset[str]
    finite_verb_cues: frozenset[str]
    open_end_words: frozenset[str]
    rules: tuple[Rule, ...]


def _load_table() -> RuleTable:
    raw = json.loads(resources.files(__package__).joinpath("data/boilerplate_rules.json").read_text("utf-8"))
    rules = tuple(
        Rule(r["id"], r["label"], r["reason"],
             re.compile(r["pattern"], re.IGNORECASE) if r.get("pattern") else None,
             r.get("match", ""), r.get("max_words"), bool(r.get("weak")),
             bool(r.get("inline")), tuple(r.get("requires", ())))
        for r in raw["rules"])
    return RuleTable(raw["version"], raw["thresholds"], frozenset(raw["stopwords_en"].split()),
                     frozenset(raw["byline_roles"].split()), frozenset(raw["standfirst_cues"].split()),
                     frozenset(raw["finite_verb_cues"].split()), frozenset(raw["open_end_words"].split()), rules)


TABLE = _load_table()
RULES_VERSION, THRESHOLDS, STOPWORDS, BYLINE_ROLES, STANDFIRST_CUES, FINITE_VERB_CUES, OPEN_END_WORDS, RULES = TABLE
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
_CREDIT_TAIL, _GLUED_CAPTION = RULES_BY_ID["credit.photo_tail"], RULES_BY_ID["caption.glued_tail"]
_SPLICED_CAPTION, _STAMP_HEAD = RULES_BY_ID["caption.spliced"], RULES_BY_ID["date.stamp_head"]
_LAST_RULES = tuple(r for r in RULES if r.match == "last")
T = THRESHOLDS


class Span(NamedTuple):
    """A labelled [start, end) range of the raw text with the language and rule behind it (a tuple: cheap to make)."""

    start: int
    end: int
    label: str
    lang: str | None
    score: float
    rule: str
    reason: str


@dataclass(frozen=True)
class Separation:
    """The partition of a document into spans, its headline, and (when asked for) per-line signal summaries."""

    spans: tuple[Span, ...]
    title: str | None
    signals: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class CorpusStats:
    """Corpus-level counts from the first pass: in how many documents of a site each key occurs."""

    line_docs: Mapping[tuple[str, str], int] = field(default_factory=dict)
    site_docs: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, counts: Iterable[tuple[str, Iterable[str]]]) -> "CorpusStats":
        """Merge per-document key sets (site, keys) into corpus statistics (order-independent)."""
        line_docs: Counter = Counter()
        site_docs: Counter = Counter()
        for site, keys in counts:
            site_docs[site] += 1
            line_docs.update((site, k) for k in set(keys))
        return cls(dict(line_docs), dict(site_docs))

    def docs_with(self, site: str, key: str) -> int:
        """Number of documents of ``site`` that contain ``key``."""
        return self.line_docs.get((site, key), 0)


_CYRILLIC_CHAR = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_NON_LATIN_LETTER = re.compile("[^\\W\\d_\u0041-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff5a]")
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                         "\u00a0": " "})
_SUFFIX = re.compile(r"^(.*\S)\s+[-–—|]\s+((?:[A-Z0-9][\w.'&]*\s?){1,5}|(?<=\|\s)[\w.'&]+(?:\s[\w.'&]+){0,4})$")
"""A trailing attribution or site name: " - Site Name" (capitalised), or any " | site name"."""
_SUFFIX_SEPARATORS = "-–—|"


def _attribution_suffix(line: str) -> str | None:
    """The attribution suffix of ``line`` (" - Site Name": group 2 of ``_SUFFIX``), or None.

    A name has a letter: " — 1.95" closing a results row is a figure, not a site.

    The suffix holds no separator, so the separator is the last one in the line, followed by
    whitespace and at most five words: checking that first skips the backtracking regex on
    ordinary lines.
    """
    cut = max(map(line.rfind, _SUFFIX_SEPARATORS))
    rest = line[cut + 1:]
    if cut < 1 or not rest[:1].isspace() or len(rest.split()) > 5:
        return None
    m = _SUFFIX.match(line)
    return m.group(2) if m and _LETTER.search(m.group(2)) else None


#: The non-ASCII characters that case-insensitive ``re`` matching equates with an ASCII letter
#: (found by testing every code point; a test repeats the search), folded to that letter.
_RE_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})  # İ ı ſ K(elvin)


def fold_for_rules(line: str) -> str:
    """``line`` case-folded as the rules' pre-checks see it.

    A case-insensitive match of an ASCII literal can only hit that letter in either case or one
    of the four characters of ``_RE_ASCII_FOLD``; folding those first and then case-folding
    keeps every such literal intact, so the pre-check strings hold on any line, ASCII or not.
    """
    return (line if line.isascii() else line.translate(_RE_ASCII_FOLD)).casefold()


_MD_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")


def normalize_line(line: str) -> str:
    """Case-, quote- and whitespace-folded line without a markdown heading mark: the key used for repetition.

    A scraper that keeps markdown prints the H1 as "# Headline"; the page structure lists it as
    "Headline", and so do scrapers that drop the marks.
    """
    if not line.isascii():  # every character ``_QUOTES`` folds is non-ASCII
        line = line.translate(_QUOTES)
    if "#" in line:
        line = _MD_HEADING_MARK.sub("", line)
    return " ".join(line.split()).casefold()


def line_keys(text: str) -> set[str]:
    """What the counting pass counts for one document: its normalized lines and their suffixes."""
    keys = set()
    for ln in split_lines(text):
        line = text[ln.start:ln.end].strip()
        if line:
            keys.add(normalize_line(line))
            suffix = _attribution_suffix(line)
            if suffix is not None:
                keys.add("suffix:" + normalize_line(suffix))
    return keys


def rules_fingerprint() -> str:
    """A hash of the rule table and thresholds, recorded in the build manifest."""
    blob = "\n".join(f"{r.id}\t{r.label}\t{r.reason}\t{r.match}\t{r.max_words}\t{r.weak}\t{r.inline}\t{'|'.join(r.requires)}\t{r.pattern.pattern if r.pattern else ''}"
                     for r in RULES)
    thresholds = json.dumps(THRESHOLDS, sort_keys=True)
    return hashlib.sha256(f"{RULES_VERSION}\n{thresholds}\n{blob}".encode()).hexdigest()


# --- features -------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TERMINAL_MARKS = (".", "!", "?", "…", ":")
_CLOSING_QUOTES = "\"'”’»)]"
_OPENING_QUOTES = "\"'“‘«„"
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}"  # two or three capitalised words
_BYLINE = re.compile(r"^By\s+[A-Z][\w./'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"  # By Name[, role][ • date]
                     r"(?:,|\s*$|\s+(?:[•|·–—-]|(?i:published|updated|posted|on)\b|\d))"
                     rf"|^{_NAME} in [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$"  # Name in City
                     rf"|^(?:{_NAME}, )*{_NAME} and {_NAME}$")  # Name, Name and Name
_READER = re.compile(r"\b(?:you|your|yours|you['’](?:re|ll|ve|d)|(?:help|support|join) us)\b", re.IGNORECASE)
#: Widgets whose lead-in line addresses the reader ("Think your friends would be interested?").
#: Words of a plug for a book or a shop, right above an order button ("… from the ZeroHedge Store." / "Shop Now").
_PLUG_WORDS = frozenset({"book", "store", "shop"})
_APPEAL_RULES = frozenset({"ui.share_follow", "ui.share_prompt", "ui.subscribe", "ui.support", "ui.donate"})
_DONATION_RULES = frozenset({"ui.support", "ui.donate"})
_TAG_RUN = (RULES_BY_ID["ui.tag_label"], RULES_BY_ID["context.tag_item"])  # a tag list goes on under these
_OPEN_END = re.compile(r"(?:[,;(\[–—-]|\w['’]s)\s*$")  # a possessive cannot end a sentence
_LOWER_END = re.compile(r"(?:^|\s)[a-z][^\s]*\s*$")
_SENTENCE_INSIDE = re.compile(r"(?:[a-z)]|[a-z0-9]\d)[.!?][\"'”’]?\s+[\"“‘]?[A-Z]")  # "2. Foo" is a list number
_SPEECH_END = re.compile(r"(?:[,\"”’]|\b\w+)\s+(?:\w+\s+){0,3}(?:said|says|warns|warned|reads|read|told \w+|added|adds|"
                         r"claims|claimed|wrote|writes|reports|reported|insists|insisted|stressed|noted|emphasi[sz]ed|"
                         r"stated|explained|pointed out|announced|recalled|underlined)\s*$", re.IGNORECASE)
_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
           "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_PART = re.compile(r"[^\s,|/–—•·-]+")
_DATE_TOKEN = re.compile(r"(?:\d{1,4}(?:[:./-]\d{1,4})*(?:st|nd|rd|th|h|am|pm)?|1\d{9}(?:\d{3})?|" + _MONTHS + r"|mon(?:day)?|tue(?:s(?:day)?)?|"
                         r"wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|utc|gmt|"
                         r"(?:utc|gmt)[+-]\d{1,2}(?::?\d\d)?|et|pt|ct|bst|cest|eest|est|edt|pst|pdt|cst|cdt|cet|eet|msk|"
                         r"updated?|published|posted|first|originally|last|on|at|of|the|ago|just|now|today|yesterday|"
                         r"(?:hour|hr|minute|min|second|sec|day|week)s?)$", re.IGNORECASE)
_KEY_LABEL = r"key (?:points|developments|takeaways|facts|findings|figures|dates|numbers|stats|statistics)"
_SUMMARY_LABEL = re.compile(r"\W*(?:" + _KEY_LABEL + r"|"
                            r"summary|highlights|at a glance|in brief|what we know(?: so far)?|main points|"
                            r"(?:by|in) (?:the )?numbers|timeline|fact ?box)\s*:?", re.IGNORECASE)
_KEY_SUMMARY_LABEL = re.compile(r"\W*" + _KEY_LABEL + r"\s*:?", re.IGNORECASE)
"""The "Key …" labels of ``_SUMMARY_LABEL``, which go with their box (labellers drop a "Summary" or "Timeline")."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a dateline's year; "1872" under one is a view count
_ZONED_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:gmt|bst|utc|cet|cest|eet|eest|msk|et|est|edt|pt|pst|pdt)", re.IGNORECASE)
_BARE_CLOCK = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?",
                         re.IGNORECASE)
_SPEAKER = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?:\s")  # "Barr: No." in a transcript
_AGENCY_CREDIT = re.compile(r"\(\s*[\w .&'’-]{1,30}:\s*[^()]{1,40}\)\s*$")  # "(AAP: Jane Doe)" closes a caption
_DATELINE_LEAD = re.compile(r"(?:posted|published|issued(?: on)?|updated|modified)\b[^.!?]{0,20}\d", re.IGNORECASE)
_NUMBERED = re.compile(r"\d{1,2}[.)]\s+\S")
_FULLY_QUOTED = re.compile(rf"[{_OPENING_QUOTES}][^\"“”«»]+[\"”»’']")
#: number shapes that are counters, never dates: "3 / 12" (spaced; "1/12" may be a date), "1 245",
#: "7 min" (to read; "7 min ago" is a time stamp), "0:00 / 7:31" (a player's position)
_COUNTER_SHAPE = re.compile(r"\d{1,3}\s+/\s+\d{1,3}|\d{1,3}(?:[\s\u00a0]\d{3})+|\d{1,3}\s*min(?:ute)?s?|"
                            r"(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}", re.IGNORECASE)
_GROUPED_NUMBER = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")  # "23,151" counts; no date has it
_FIELD = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: \S")  # "Running time: 104 min", a fact box's field
_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: "1x" and "👁 1.4M" have none
_GALLERY_COUNTER = re.compile(r"\W*(?:\d{1,3}\s*/\s*\d{1,3}|(?:item|photo|image|slide|picture) \d+ of \d+)\W*", re.I)
_NO_LANG = LangResult(None, 0.0)


def _stopword_forms(stopwords: frozenset[str]) -> frozenset[str]:
    """Token spellings that count as stopwords: those whose quote-folded form is one.

    A token holds letters, digits and straight or curly apostrophes, so folding only turns
    ``’`` into ``'``: a stopword counts with each apostrophe in either form (one holding any
    other quote character can never be a folded token).
    """
    forms = set()
    for word in stopwords:
        if word.translate(_QUOTES) != word:
            continue
        parts = word.split("'")
        for marks in product("'’", repeat=len(parts) - 1):
            forms.add(parts[0] + "".join(m + p for m, p in zip(marks, parts[1:])))
    return frozenset(forms)


_STOPWORD_FORMS = _stopword_forms(STOPWORDS)


@dataclass(slots=True)
class _Line:
    """Working state of one line during the decision; the features are computed once (``_features``)."""

    number: int
    start: int
    end: int
    stop: int
    core_start: int = 0
    core_end: int = 0
    head: Rule | None = None
    tail: Rule | None = None
    text: str = ""
    surface: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    token_set: frozenset[str] = frozenset()
    key: str = ""
    words: int = 0
    stop_density: float = 0.0
    terminal: bool = False
    first_alnum: str = ""
    suffix: str | None = None
    cls: str = ""
    rule: Rule | None = None
    label: str = ""
    cyrillic: bool = False
    mostly_cyrillic: bool = False  # more Cyrillic letters than Latin ones
    original: str = ""  # the stripped core with its Cyrillic, for lines that have some
    unended: bool = False  # prose only by a sentence break inside: its last sentence has no end mark
    tail_glued: bool = False  # the tail cut starts right after a character, no space between (see _AGENCY_CREDIT)
    head_glued: bool = False  # the head cut ends at a word glued to the core ("… / hromadskeToday, …")
    figures: bool = False  # a line of a box of figures or its heading (``_mark_figure_boxes``)
    notes: list[str] = field(default_factory=list)


def _split_lines(text: str) -> tuple[list[_Line], list[str]]:
    """The lines of ``text`` (``segment.split_lines``) as working state, and their contents."""
    return [_Line(ln.number, ln.start, ln.end, ln.stop) for ln in split_lines(text)], text.splitlines()


def _latin_view(text: str) -> str:
    """The line with Cyrillic letters blanked: features describe what could be English body."""
    if not _CYRILLIC_CHAR.search(text):
        return text
    return "".join(" " if c.isalpha() and script_of_char(c) == CYRILLIC else c for c in text)


def _cut_subline(raw: str, ln: _Line) -> str:
    """Apply head and tail rules: narrow the line's core, remember the rules that cut it, return the core."""
    lo, hi = 0, len(raw)
    lowered = fold_for_rules(raw)
    cut_rules = _rule_index("head", "tail").candidates(lowered)
    for rule in cut_rules:
        if rule.match != "head":
            continue
        m = rule.pattern.match(raw)
        if m and m.end() > 0 and raw[:m.end()].strip():
            ln.head, lo = rule, m.end()
            ln.head_glued = raw[lo - 1].islower() and raw[lo:lo + 1].isupper()
            break
    for rule in cut_rules:
        if rule.match != "tail":
            continue
        m = rule.pattern.search(raw, lo)
        if m and m.start() < hi and raw[m.start():].strip():
            ln.tail, hi = rule, m.start()
            break
    if ln.tail is _CREDIT_TAIL and _date_only(raw[lo:hi]):  # "Updated on: March 5, 2026 / 11:48 AM EST / CBS News":
        ln.tail, hi = None, len(raw)  # a dateline naming its outlet, not a caption
    if ln.tail is _CREDIT_TAIL:  # "sentence.Caption glued on Credit: AFP": the caption goes with its credit
        end = len(raw[:hi].rstrip())
        end -= raw[end - 1:end] in (".", "!", "?")  # the caption's own full stop before the credit
        m = _GLUED_CAPTION.pattern.search(raw, lo, end)
        if m and m.start() > lo:
            ln.tail, hi = _GLUED_CAPTION, m.start()
        else:
            cut = _spliced_caption_start(raw, lo, end)
            if cut:
                ln.tail, hi = _SPLICED_CAPTION, cut
    ln.core_start, ln.core_end = ln.start + lo, ln.start + hi
    ln.tail_glued = ln.tail is not None and lo < hi and not (raw[hi - 1].isspace() or raw[hi].isspace()
                                                               or _AGENCY_CREDIT.match(raw, hi))
    return raw[lo:hi]


_SENTENCE_BREAK = re.compile(r"(?<=[\w)][.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])|(?<=[.!?][\"”’])\s+(?=[A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]|Adm|Capt|Col|Cpl|Det|Dr|Ft|Gen|Gov|Insp|Jr|Lt|Maj|Mr|Mrs|Ms|Mt|No|Prof|Rep|Rev|"
                           r"Sen|Sgt|Sr|St|Supt)\.|\.\.\.)[\"”’]?\s+$")
"""A word before a full stop that ends no sentence: an initial, a title ("Gov. Ralph Northam") or an ellipsis."""


def _sentence_breaks(text: str, lo: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The sentence breaks of ``text[lo:end]`` (``_SENTENCE_BREAK`` matches) that follow no abbreviation's full stop."""
    for brk in _SENTENCE_BREAK.finditer(text, lo, len(text) if end is None else end):
        if not _ABBREVIATION.search(text, max(0, brk.start() - 8), brk.end()):
            yield brk


def _spliced_caption_start(raw: str, lo: int, end: int) -> int:
    """Where a photo's caption starts after a paragraph's last sentence, both ahead of the credit; 0 if none.

    "… left 12 people dead. Gov. Ralph Northam speaks during a press conference. (Photo by …)":
    the scraper spliced the caption onto the paragraph with a space. The caption is the first
    sentence of ``scene_min_words`` words or more after a break that shows a scene
    (``_shows_a_scene``), or the last one when it has no end mark (tabloid captions carry none).
    The paragraph before it must report (``_reports``) in ``spliced_paragraph_min_words`` words or
    more and not talk about a photo, so a caption of several sentences stays whole; a line of more
    than ``spliced_line_max_words`` words is no paragraph and caption.
    """
    words = len(_TOKEN.findall(raw, lo, end))
    if not T["spliced_paragraph_min_words"] + T["scene_min_words"] <= words <= T["spliced_line_max_words"] \
            or _shows_a_scene(raw[lo:end]) or _PHOTO_TALK.search(raw, lo, end):
        return 0
    breaks = [m.end() for m in _sentence_breaks(raw, lo, end)]
    unended = raw[lo:end].rstrip().rstrip("\"”’'")[-1:] not in (".", "!", "?") and raw[end:end + 1] not in (".", "!", "?")
    for k, cut in enumerate(breaks):
        head = raw[lo:cut]
        if len(_TOKEN.findall(head)) < T["spliced_paragraph_min_words"] or not _reports(head):
            continue
        if len(_TOKEN.findall(raw, cut, end)) < T["scene_min_words"]:
            return 0
        if _shows_a_scene(raw[cut:end]) or unended and k == len(breaks) - 1:
            return cut
    return 0


def _first_sentence(text: str) -> str:
    """``text`` up to its first sentence break that is no abbreviation's full stop ("Gov. Ralph Northam speaks …")."""
    brk = next(_sentence_breaks(text), None)
    return text if brk is None else text[:brk.start()]


_PHOTO_TALK = re.compile(r"\b(?:in (?:this|a) (?:file |handout |undated )?(?:photo(?:graph)?|picture|image)|pictured|"
                         r"(?:is|are|was|were) (?:seen|shown))\b", re.I)


def _reports(text: str) -> bool:
    """Whether ``text`` has a finite verb of a report: a ``finite_verb_cues`` word or a finite "-ed" past.

    A participle (``_finite_past``: "a substation damaged by a drone") is the verb-less style of a caption.
    """
    return _report_verb([w.casefold() for w in _HYPHENATED_TOKEN.findall(text)])


def _features(ln: _Line, raw: str) -> None:
    """Step 4's measurements of the core ``raw`` of a content line."""
    view = _latin_view(raw)
    stripped = raw.strip()
    core = stripped if view is raw else view.strip()
    ln.cyrillic = core != stripped
    if ln.cyrillic:
        ln.original = stripped
        ln.mostly_cyrillic = sum(map(str.__ne__, raw, view)) > sum(map(str.isalpha, view))
    ln.text = core
    ln.surface = _TOKEN.findall(core)
    ln.tokens = tokens = tuple(map(str.casefold, ln.surface))
    ln.words = len(tokens)
    if ln.words >= T["duplicate_min_tokens"]:
        ln.token_set = frozenset(tokens)
    ln.key = normalize_line(core)
    if tokens:
        ln.stop_density = sum(map(_STOPWORD_FORMS.__contains__, tokens)) / ln.words
    ln.terminal = _ends_sentence(core) or core[:1] in _OPENING_QUOTES and bool(_ATTRIBUTED_QUOTE.match(core))
    alnum = _ALNUM.search(core)
    ln.first_alnum = alnum.group() if alnum else ""
    ln.suffix = _attribution_suffix(core)


_OPENING_QUOTES = "\"“‘«"
_ATTRIBUTED_QUOTE = re.compile(r"[\"“‘«][^\n]*[.!?…][\"”’»]\s*[—–]\s*[A-Z][^.!?\"“”]{0,100}$")
"""A quotation that ends its sentence, then who said it: "“The honest answer is …” — Andrew Selee, MPI"."""


def _ends_sentence(core: str) -> bool:
    """Terminal punctuation (``. ! ? … :``) followed only by closing quotes/brackets (``core`` is stripped).

    A bare trailing ellipsis does not count: it marks a truncated teaser ("… as migrant..."),
    while prose that trails off inside a quotation still ends with the closing quote.
    """
    if core.endswith(("...", "…")):
        return False
    return core.rstrip(_CLOSING_QUOTES).endswith(_TERMINAL_MARKS)


def _starts_lower(ln: _Line) -> bool:
    """The line's first letter or digit is a lowercase letter."""
    return ln.first_alnum.islower()


def _short_subhead(ln: _Line) -> bool:
    """A short subhead that title case would take for a teaser headline.

    Capitals ("WHO GETS CUFFED": tabloids' subheads; longer ones are ``ui.caps_teaser``), or a title-case line
    with a function word and no digit ("What Comes Next", "A Growing Toll"; names and counters have neither).
    """
    if ln.words > T["caps_subhead_max_words"]:
        return False
    return ln.text.isupper() or (any(t in STOPWORDS for t in ln.tokens) and not _DIGIT.search(ln.text))


def _full_sentence(ln: _Line) -> bool:
    """A capitalised line with an end mark other than a colon: a sentence, not a label ("Sources:") or a menu item.

    An ellipsis is no end mark (``_ends_sentence``): "Key developments on Feb. 27: ..." is a teaser.
    """
    return ln.terminal and ln.first_alnum.isupper() and not ln.text.rstrip(_CLOSING_QUOTES).endswith(":")


def _capitalised(ln: _Line) -> bool:
    """Every word of the line starts with a capital (a name, a link's text)."""
    return all(w[:1].isupper() for w in ln.surface)


def _is_name(ln: _Line) -> bool:
    """A person's name on a line of its own: two to ``name_max_words`` capitalised words."""
    return ln.cls == SHORT and 2 <= ln.words <= T["name_max_words"] and _capitalised(ln)


def _title_case(ln: _Line) -> bool:
    """Most content words capitalized (teaser and menu headlines; subheads are in sentence case)."""
    words = [w for w in ln.surface if w[0].isalpha() and w.casefold() not in STOPWORDS]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= T["title_case_share"]


def _date_only(core: str) -> bool:
    """Only date/time tokens (and at least one digit): a time stamp or dateline.

    A bare number of one to three digits is not one, nor four digits that are no year: it is a
    gallery, comment or view counter ("9", "1262", "1 245"); nor a line with a thousands-grouped
    number ("October: 23,151", a figure); nor "3 / 12", a gallery's photo counter;
    nor "7 min", a reading time; nor "0:00 / 7:31", a player's position.
    Unix time stamps (ten or thirteen digits, as live blogs print them) are.
    """
    bare = core.strip()
    if bare.isdigit() and (len(bare) <= 3 or len(bare) == 4 and not _YEAR.fullmatch(bare)):
        return False
    if _COUNTER_SHAPE.fullmatch(bare) or _GROUPED_NUMBER.search(bare):
        return False
    return _DIGIT.search(core) is not None and all(
        _DATE_TOKEN.match(m.group().strip(".()[]:")) for m in _DATE_PART.finditer(core) if m.group().strip(".()[]:"))


@lru_cache(maxsize=1 << 16)
def _line_rule_of(text: str, words: int) -> Rule | None:
    """First line/search rule of the table that applies (memoized: template lines recur)."""
    lowered = fold_for_rules(text)
    for rule in _rule_index("line", "search").candidates(lowered):
        if rule.max_words is not None and words > rule.max_words:
            continue
        if rule.matches(text):
            return rule
    return None


def _last_rule_of(text: str) -> Rule | None:
    """First "last" rule of the table whose pattern occurs in ``text`` (a prose line that ends the prose)."""
    return next((rule for rule in _LAST_RULES if rule.pattern.search(text)), None)


def _mark_sign_offs(body: list[_Line]) -> None:
    """Give class BAD to the sign-offs: prose lines a "last" rule matches that only boilerplate follows.

    A short one counts ("Jane Doe is the Example's political editor.").

    An author bio or the outlet's self-description ends the article's prose, but feed teasers or
    an outlet footer may still follow it, so "last" means: the next line that is not short is not
    prose. Done before the decision, so that the lines around a sign-off see it as boilerplate.
    """
    for i in range(len(body) - 1, -1, -1):  # bottom up: a bio above another bio ends the prose too
        ln = body[i]
        if ln.cls in (GOOD, NEAR) and _next_context(body, i) == BAD:
            rule = _last_rule_of(ln.text)
            if rule is not None:
                ln.cls, ln.rule = BAD, rule
                ln.notes.append("ends the prose")


def _mark_polls(body: list[_Line]) -> None:
    """Give class BAD to a poll's question and answer options: the lines above its vote button.

    A poll is a question (a line ending in "?"), two to ``poll_max_options`` short answer lines
    without an end mark ("Yes", "Hard to say"), then a line of ``ui.poll_button`` ("Vote",
    "Total votes: 1 342"). A question right under a poll's label ("Vote in our poll below") is
    its question too. Done before the decision, like the sign-offs, so that a question and its
    answers are not read as a subhead and short body lines.
    """
    button, poll = RULES_BY_ID["ui.poll_button"], RULES_BY_ID["ui.poll"]
    for i, ln in enumerate(body):
        if ln.rule is poll and i + 1 < len(body) and body[i + 1].cls != BAD and body[i + 1].text.endswith("?"):
            question = body[i + 1]
            question.cls, question.rule = BAD, poll
            question.notes.append("the question under a poll's label")
        if ln.rule is not button:
            continue
        j = i - 1
        while j >= 0 and i - j <= T["poll_max_options"] and _poll_option(body[j]):
            j -= 1
        if i - j - 1 >= 2 and j >= 0 and body[j].text.endswith("?") and body[j].cls != BAD:
            for opt in body[j:i]:
                opt.cls, opt.rule = BAD, RULES_BY_ID["ui.poll"]
                opt.notes.append("above a poll's vote button")


_FIGURE_ITEM = re.compile(r"(?P<label>[^:\d][^:]{0,39}|(?:19|20)\d\d(?: \([^()]{1,20}\))?):\s+[-+]?[£$€]?\s?\d[\d,.]*"
                          r"\s*(?:%|[km]|bn|million|billion|tonnes|people)?\W*")
_COUNTER_LABEL = re.compile(r"\W*(?:total )?(?:views?|comments?|likes?|shares?|votes?|reads?|followers?|subscribers?|"
                            r"replies|reposts?|retweets?)\W*", re.IGNORECASE)


def _mark_figure_boxes(body: list[_Line]) -> None:
    """Mark a run of ``figure_box_min_lines`` or more "label: figure" lines, and its heading, as a box of figures.

    "2019: 1,843" / "2020: 8,466" / "2021: 28,526", "April 2022: £1,971": the article's own data
    box, which would otherwise read as dates, lines without letters or short widget lines. A run
    of counters ("Views: 3,421" / "Comments: 12") or of lines a ``ui.*`` rule removed (a video
    player's "Loaded: 0%") is a widget, not a box. The line right above the run is the box's
    heading when it is short and asks a question or has no end mark ("How many people have
    crossed the Channel?", "HOW THE PRICE CAP HAS RISEN"). Done before the decision, like the
    polls, so that each line's class does not decide it.
    """
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and ":" in body[j].text and not (body[j].cls == BAD and body[j].rule.id.startswith("ui.")) \
                and (m := _FIGURE_ITEM.fullmatch(body[j].text)) and not _COUNTER_LABEL.fullmatch(m["label"]):
            j += 1
        if j - i >= T["figure_box_min_lines"]:
            for ln in body[i:j]:
                ln.figures = True
            head = body[i - 1] if i else None
            if head is not None and 0 < head.words <= T["figure_box_heading_max_words"] \
                    and (head.text.endswith("?") or not head.terminal) \
                    and (head.cls != BAD or head.rule is RULES_BY_ID["ui.caps_teaser"]):
                head.figures = True
        i = max(j, i + 1)


def _figure_box(c: _LineContext) -> _Decision | None:
    """A line of a box of figures, or its heading, is body (``_mark_figure_boxes``)."""
    if c.ln.figures:
        return _Decision(BODY, RULES_BY_ID["body.list_item"], "a line of a box of figures")
    return None


def _poll_option(ln: _Line) -> bool:
    """A poll answer: a short line without an end mark, or one that ``ui.poll_option`` removed."""
    if ln.cls == BAD:
        return ln.rule is RULES_BY_ID["ui.poll_option"]
    return ln.cls in (SHORT, CAPTION) and not ln.terminal and 0 < ln.words <= T["poll_option_max_words"]


def clear_memos() -> None:
    """Forget the memoized rule matches (for cold-path measurements)."""
    _line_rule_of.cache_clear()


def _within_line_repeat(tokens: tuple[str, ...]) -> bool:
    n = len(tokens)
    return n >= 4 and n % 2 == 0 and tokens[: n // 2] == tokens[n // 2:]


def _near_duplicate(ln: _Line, earlier: _Line) -> bool:
    """True when ``ln`` repeats a long run of ``earlier`` (pull quote, caption or poll copy)."""
    if ln.words < T["duplicate_min_tokens"] or earlier.words < T["duplicate_min_tokens"] or not _covers(ln, earlier):
        return False
    tokens = ln.tokens
    m = difflib.SequenceMatcher(None, tokens, earlier.tokens, autojunk=False).find_longest_match(
        0, len(tokens), 0, len(earlier.tokens))
    return m.size >= T["duplicate_min_tokens"] and m.size >= T["duplicate_share"] * len(tokens)


def _covers(ln: _Line, other: _Line) -> bool:
    """At least ``duplicate_share`` of ``ln``'s words (counted with repeats) are words of ``other``."""
    return sum(map(other.token_set.__contains__, ln.tokens)) >= T["duplicate_share"] * ln.words


# --- layout of markdown scrapes ---------------------------------------------------------------

_WRAPPER = re.compile(r"^##\s+(Metadata|Page Structure|Content|Links)\s*$")
_HEADING_ITEM = re.compile(r"^\s*[-*]\s+(#{1,6})\s+(.+?)\s*$")
_LINK_ITEM = re.compile(r"^\s*[-*]\s+\[((?:[^\]\\]|\\.)*)\]\(")


@dataclass
class _Layout:
    """A markdown scrape's content range and the signals its other sections give."""

    content: range
    h1: list[str]
    headings: set[str]
    anchors: set[str]


def _layout(text: str, contents: list[str]) -> _Layout | None:
    """The layout of a markdown scrape (``contents``: its lines), None for a flat text."""
    if "Content" not in text:
        return None
    sections: dict[str, list[int]] = {}
    current = None
    for i, line in enumerate(contents):
        m = _WRAPPER.match(line) if line.startswith("##") else None
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
            continue
        if current:
            sections[current].append(i)
    first = next((line for line in contents if line.strip()), "")
    if "Content" not in sections or not first.startswith("# ") or len(sections) < 2:
        return None
    content = sections["Content"]
    h1, headings, anchors = [], set(), set()
    for i in sections.get("Page Structure", []):
        m = _HEADING_ITEM.match(contents[i])
        if m and len(m.group(1)) == 1:
            h1.append(normalize_line(m.group(2)))
        elif m:
            headings.add(normalize_line(m.group(2)))
    for i in sections.get("Links", []):
        m = _LINK_ITEM.match(contents[i])
        if m:
            anchors.add(normalize_line(re.sub(r"\\(.)", r"\1", m.group(1))))
    if not any(normalize_line(contents[i]) in h1 for i in content):
        h1 += _split_headline(contents, content, h1) or _title_headline([contents[i] for i in content])
    return _Layout(range(content[0], content[-1] + 1) if content else range(0), h1, headings, anchors)


def _split_headline(contents: list[str], content: list[int], h1: list[str]) -> list[str]:
    """The first line of an H1 the content prints over two lines, if any.

    Either a kicker above the title, or a title whose H1 ran on into the standfirst below
    ("‘I taught children to sing’" / "Music teacher jailed for … message. Live updates …" under
    the H1 "‘I taught children to sing’ Music teacher jailed for … message").
    """
    lines = [i for i in content if contents[i].strip()]
    for a, b in zip(lines, lines[1:]):
        first, joined = normalize_line(contents[a]), normalize_line(contents[a] + " " + contents[b])
        if first and any(h == joined or len(h) > len(first) and joined.startswith(h) and h.startswith(first)
                         for h in h1):
            return [first]
    return []


def _title_headline(lines: list[str]) -> list[str]:
    """The headline inside a scrape's page title (its first content line, "Headline - Site").

    Used when the page structure lists no H1 that the content repeats: many templates style the
    headline without an H1 tag, but the page title still carries it, before the site name if
    there is one. What looks like a site name may belong to the headline ("… – IAEA"): when the
    whole title recurs in the content, it is a candidate too. The headline search then picks the
    copy that prose follows.
    """
    stripped = [line.strip() for line in lines if line.strip()]
    if not stripped:
        return []
    whole = normalize_line(stripped[0])
    m = _SUFFIX.match(stripped[0])
    if not m:
        return [whole]
    recurs = any(normalize_line(line) == whole for line in stripped[1:])
    return [normalize_line(m.group(1))] + ([whole] if recurs else [])


# --- the decision ---------------------------------------------------------------------------

def _classify(ln: _Line, layout: _Layout | None, next_lower: bool) -> None:
    """Structural class of a non-blank line (step 4), or BAD with the pattern rule that hit."""
    if ln.head is not None and ln.head.id.startswith("credit") and not (
            ln.head_glued and ln.terminal and ln.words >= T["good_min_words"]):
        ln.cls, ln.rule = BAD, RULES_BY_ID["caption.credited"]  # a credit heads its caption, but one
        return  # glued onto a paragraph's first word ("Photo: Name / hromadskeToday, around …") is the photo's above
    if ln.tail is _CREDIT_TAIL and not (ln.tail_glued and ln.terminal and not _shows_a_scene(ln.text)):
        ln.cls, ln.rule = BAD, RULES_BY_ID["caption.credited"]  # a caption carries its credit ...
        return  # ... a sentence the scraper glued one to ("… on a schedule.Photo: Name / Telegram") does not,
        # unless it shows a scene ("Jane Doe with her family as she claims victory.Credit: Name");
        # an "(Agency: Name)" credit is the caption's own, glued or not ("… may be required.(AAP: Name)"),
        # where a glued "(Name / Outlet)" is a photo's credit glued to the paragraph above it
    if ln.mostly_cyrillic and 0 < ln.words <= T["cyrillic_line_max_latin_words"]:
        ln.cls = BAD  # "Подписывайтесь на наш Telegram-канал": a UI string, whatever rule names it
        ln.rule = _line_rule_of(ln.original, 0) or RULES_BY_ID["script.cyrillic_line"]
        return
    if not ln.first_alnum:
        ln.cls = BAD
        if ln.tail or ln.head:
            ln.rule = ln.tail or ln.head
        elif ln.cyrillic:  # a rule may name what the string is ("Читайте также" is a teaser label)
            ln.rule = _line_rule_of(ln.original, 0) or RULES_BY_ID["script.cyrillic_in_english"]
        else:
            ln.rule = RULES_BY_ID["structure.no_letters"]
        return
    if _date_only(ln.text):
        ln.cls = DATE
        return
    rule = _line_rule_of(ln.text, ln.words)
    if rule is not None:
        ln.cls, ln.rule = BAD, rule
        return
    if not _LETTER.search(ln.text):
        ln.cls, ln.rule = BAD, RULES_BY_ID["structure.no_letters"]
        return
    if _within_line_repeat(ln.tokens):
        ln.cls, ln.rule = BAD, RULES_BY_ID["repeat.within_line"]
        return
    if layout is not None and ln.key in layout.headings:
        ln.cls = HEADING
        return
    long_enough = ln.words >= T["good_min_words"] and ln.stop_density >= T["good_min_stopword_density"]
    if layout is not None and ln.key in layout.anchors and ln.words >= T["good_min_words"]:
        ln.cls = LINK
    elif ln.terminal and long_enough:
        ln.cls = GOOD
    elif ln.terminal and ln.words >= T["near_min_words"]:
        ln.cls = NEAR
    elif ln.words >= T["caption_min_words"] and long_enough and (
            _OPEN_END.search(ln.text) or _SPEECH_END.search(ln.text) and not _title_case(ln)):
        ln.cls = GOOD  # "…, Ministry Says" (title case) is a teaser, not a sentence
    elif ln.words >= T["caption_min_words"] and long_enough and _SENTENCE_INSIDE.search(ln.text):
        ln.cls, ln.unended = GOOD, True
    elif ln.words >= T["caption_min_words"]:
        open_end = ln.tokens[-1] in STOPWORDS or next_lower or _starts_lower(ln)
        ln.cls = SHORT if open_end or (_title_case(ln) and ln.words <= T["heading_max_words"]) else CAPTION
    else:
        ln.cls = SHORT


def _find_headline(body: list[_Line], layout: _Layout | None) -> int | None:
    """Index in ``body`` of the headline line (step 5), or None.

    In a scrape, the first copy of the page's h1 with prose soon under it and few removable lines
    between; a copy next to a bare time of day that the page prints again before any prose is a
    news feed's item listing the article itself ("20:58" / title), not the one.
    """
    if layout is not None and layout.h1:
        title = RULES_BY_ID["scrape.page_title"]
        cands = [i for i, ln in enumerate(body) if ln.key in layout.h1 and ln.rule is not title]
        for i in cands:
            bad, box = 0, False
            feed = any(0 <= j < len(body) and body[j].cls == DATE and _clock_time(body[j].text) for j in (i - 1, i + 1))
            for ln in body[i + 1: i + 1 + T["headline_search_lines"]]:
                if feed and ln.key == body[i].key:
                    break  # a news feed's item (next to its time of day) listing the article printed below
                if ln.cls == GOOD:
                    if bad <= 3:
                        return i
                    break
                box = box or bool(_SUMMARY_LABEL.fullmatch(ln.text))  # "Key points" items are no teasers
                bad += ln.cls in (BAD, LINK) or ln.cls == CAPTION and not box
        if cands:
            return cands[-1]
        return None
    if body and body[0].rule is RULES_BY_ID["scrape.page_title"]:
        return _flat_title_copy(body)
    for i, ln in enumerate(body):
        if ln.cls == GOOD and (i or ln.terminal or ln.words > T["headline_max_words"]):
            return None  # a first line that reads as prose without an end mark is still the title
        if ln.cls in (BAD, DATE) or not T["headline_min_words"] <= ln.words <= T["headline_max_words"]:
            continue
        return i
    return None


_TITLE_SEPARATOR = re.compile(r"\s*[-–—|:·•]")


def _flat_title_copy(body: list[_Line]) -> int | None:
    """Index of the headline a flat scrape prints again under its page title, or None.

    A text dump of a page often starts with the page's HTML title, "Headline | Site" (or the
    headline alone), then the site's menus, then the article with its headline again. The first
    line is the page title and the later copy the headline when the copy is the first line's part
    before a separator (" | AP News", " - Economics - BelTA") with at most
    ``title_copy_max_prose`` prose lines between the two (a cookie notice, a notifications
    prompt), or the whole first line with no prose between and prose under it
    (``_first_prose``). A headline the page prints again under its own prose ("Most read") is
    no such copy.
    """
    first, prose = body[0].key, 0
    for j in range(1, len(body)):
        ln = body[j]
        prose += ln.cls == GOOD
        if prose > T["title_copy_max_prose"]:
            break
        if ln.words < T["headline_min_words"] or not first.startswith(ln.key):
            continue
        if _TITLE_SEPARATOR.match(first, len(ln.key)):
            return j
        if len(first) == len(ln.key):
            return j if not prose and _first_prose(body, j) is not None else None
    return None


class _Decision(NamedTuple):
    """A step's verdict on one line: its label, the rule recorded for it, and a note for ``inspect``."""

    label: str
    rule: Rule
    note: str = ""


@dataclass(slots=True)
class _DocFacts:
    """What the steps know about the whole document, computed once before its first line (``_doc_facts``)."""

    body: list[_Line]
    layout: _Layout | None
    stats: CorpusStats | None
    site: str
    identify: Callable[[str], LangResult]
    doc_lang: str
    head: int | None  # the headline's index (step 5), None when the document has none
    first_good: int | None  # the first prose line within reach of the headline
    header_end: int  # the header zone is head < i < header_end, the first prose line excepted
    byline: int | None  # the last "By Name" line of the header zone
    doc_counts: Counter[str]  # occurrences of each normalised line in the document
    suffix_counts: Counter[str]  # distinct lines carrying each (casefolded) attribution suffix in the document
    site_docs: int  # documents of the site in the corpus statistics


@dataclass(slots=True)
class _LineContext:
    """One line as the steps see it: itself, its neighbours, and the document's facts.

    Built when the line's turn comes (``_line_context``): ``continues`` reads the label the
    line above has just been given.
    """

    doc: _DocFacts
    i: int
    ln: _Line
    prev: _Line | None
    nxt: _Line | None
    in_header: bool  # inside the header zone (standfirst, byline, dateline)
    continues: bool  # the line above is body and left its sentence open


def _doc_facts(body: list[_Line], layout: _Layout | None, stats: CorpusStats | None, site: str,
               identify: Callable[[str], LangResult], doc_lang: str) -> _DocFacts:
    """Headline, header zone, byline, in-document counts and site size of a classified ``body``."""
    head = _find_headline(body, layout)
    first_good = _first_prose(body, head) if head is not None else None
    header_end = _header_end(body, head, first_good)
    byline = max((j for j in range(head + 1, header_end) if _BYLINE.match(body[j].text)), default=None) \
        if head is not None else None
    return _DocFacts(
        body=body, layout=layout, stats=stats, site=site, identify=identify, doc_lang=doc_lang,
        head=head, first_good=first_good, header_end=header_end, byline=byline,
        doc_counts=Counter(ln.key for ln in body),
        suffix_counts=Counter(suffix for _, suffix in {(ln.key, ln.suffix.casefold())
                                                       for ln in body if ln.suffix is not None}),
        site_docs=stats.site_docs.get(site, 0) if stats else 0)


def _first_prose(body: list[_Line], head: int) -> int | None:
    """Index of the first prose line within ``headline_search_lines`` lines under the headline, or None.

    Lines of ``name_max_words`` words or fewer (a menu's items, labels, a byline name) do not count
    towards the distance: a site menu printed under the headline does not push the article's first
    paragraph out of the header's reach.
    """
    budget = T["headline_search_lines"]
    for i in range(head + 1, len(body)):
        if body[i].cls == GOOD:
            return i
        if body[i].words > T["name_max_words"]:
            budget -= 1
        if budget <= 0 or i - head >= T["header_max_lines"]:
            return None
    return None


def _line_context(doc: _DocFacts, i: int) -> _LineContext:
    """The context of line ``i``, once the lines above it are decided."""
    body, head = doc.body, doc.head
    ln = body[i]
    prev = body[i - 1] if i else None
    nxt = body[i + 1] if i + 1 < len(body) else None
    in_header = head is not None and head < i < doc.header_end and i != doc.first_good
    continues = (prev is not None and prev.label == BODY and not prev.terminal and prev.words > 0
                 and prev.cls != DATE and i - 1 != head  # a dateline or the headline opens no sentence
                 and not _DATELINE_LEAD.match(prev.text)  # nor does "Published: … | Updated: … e-mail"
                 and prev.rule is not RULES_BY_ID["body.fact_box"]  # nor does "Language: Ukrainian, with subtitles"
                 and (bool(_OPEN_END.search(prev.text)) or bool(_LOWER_END.search(prev.text))
                      or _starts_lower(ln)))
    return _LineContext(doc, i, ln, prev, nxt, in_header, continues)


# The steps of the per-line decision, in the order ``_STEPS`` runs them. Each returns None when it
# does not decide the line; the first decision wins, so a step may rely on the ones before it
# having passed (e.g. only SHORT, NEAR and HEADING lines reach ``_context``).

def _before_headline(c: _LineContext) -> _Decision | None:
    """Lines above the headline are navigation; a line a rule removed keeps that rule."""
    head = c.doc.head
    if head is None or c.i >= head:
        return None
    rule = c.ln.rule if c.ln.cls == BAD else RULES_BY_ID["structure.before_headline"]
    return _Decision(BOILERPLATE, rule, "before headline")


def _headline(c: _LineContext) -> _Decision | None:
    """The headline is body (``separate`` also returns it as the title)."""
    if c.i != c.doc.head:
        return None
    return _Decision(BODY, RULES_BY_ID["body.headline"], "headline")


def _rule_hit(c: _LineContext) -> _Decision | None:
    """A line a pattern or structural rule removed (class BAD) is decided by that rule.

    Three exceptions: a ``weak`` rule yields to a sentence the line above left open (lifted link
    text), a short author box in the header zone is the article's byline, and a role ("Editor")
    under an author's name there is the byline's role, not a label.
    """
    ln = c.ln
    if ln.cls != BAD:
        return None
    if ln.rule.weak and c.continues and not ln.text.endswith(":"):  # "Author:" is a label, whatever is above
        return _Decision(BODY, RULES_BY_ID["body.continuation"],
                         f"{ln.rule.id} overridden: previous line left the sentence open")
    if ln.rule is RULES_BY_ID["nav.bullet_list"] and _in_list(c.prev):
        return _Decision(BODY, RULES_BY_ID["body.list_item"], "bulleted item of the list introduced above")
    if c.in_header and ln.rule is RULES_BY_ID["ui.byline_box"] and ln.words <= T["name_max_words"] + 1:
        return _Decision(BODY, RULES_BY_ID["body.header"], "the byline under the headline")
    if c.in_header and _role_label(ln) and c.prev is not None and c.prev.rule is RULES_BY_ID["body.header"] \
            and _is_name(c.prev):
        return _Decision(BODY, RULES_BY_ID["body.header"], "the role under an author's name")
    return _Decision(BOILERPLATE, ln.rule)


def _role_label(ln: _Line) -> bool:
    """A ``ui.label`` line that is a byline role ("Editor", "News Editor"), not a label ("Editor:")."""
    return ln.rule is RULES_BY_ID["ui.label"] and bool(ln.tokens) and ln.tokens[-1] in BYLINE_ROLES \
        and not ln.text.endswith(":")


def _widget_label(c: _LineContext) -> _Decision | None:
    """A short line ending in ":" right above a ``ui.*`` line is that widget's label ("Share this:").

    Not above an embedded video's card: "Here's video of the scene:" is the author's lead-in.
    """
    ln, nxt = c.ln, c.nxt
    if ln.cls in (SHORT, NEAR) and ln.words <= T["widget_label_max_words"] and ln.text.endswith(":") \
            and nxt is not None and nxt.cls == BAD and nxt.rule.id.startswith("ui.") \
            and nxt.rule is not RULES_BY_ID["ui.embed_note"]:
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_label"], f"introduces the {nxt.rule.id} line below")
    return None


def _widget_lead(c: _LineContext) -> _Decision | None:
    """A short line addressing the reader above a share/support widget (or glued to one) is its pitch.

    The reader is addressed as "you" or asked for help ("Help us stay where the story is.");
    the widget may be a bare donate button ("DONATE NOW"). The pitch may take two such lines, and
    an unpunctuated one right under the widget is its button ("Help us stay on the ground"). A short title-case line right above
    the widget or its pitch is the banner's title ("On the Frontline of Truth", "Stories That
    Matter"): subheads are in sentence case and have prose, not a widget, under them. Under a
    sentence left open, a name of capitalised words is the link's text ("according" / "Mykolaiv
    City Council"), not a title, and a line starting lowercase ("… signed with" / "the Defense
    Ministry") is never one. A line naming a book, a store or a shop right above a short order
    button ("Order it today.", "Get the book.", "Shop Now") is the plug that button closes, and one right under a book's promotion
    ("… is now available on Amazon." / "It's the book the left does not want you to read.") goes on with it.
    """
    ln, nxt = c.ln, c.nxt
    if _pitch(ln) and (_appeal_widget(nxt) or ln.tail is RULES_BY_ID["widget.glued"]
                       or _pitch_above_widget(c.doc.body, c.i + 1)):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_lead"],
                         "addresses the reader, next to a share/support widget")
    if _pitch(ln) and ln.cls == SHORT and not ln.terminal and _appeal_widget(c.prev):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_lead"], "the appeal's button under it")
    if ln.cls == SHORT and not ln.terminal and ln.words <= T["widget_label_max_words"] and _title_case(ln) \
            and not _starts_lower(ln) and not (c.continues and _capitalised(ln)) and nxt is not None and (
                _appeal_widget(nxt) or _pitch_above_widget(c.doc.body, c.i + 1)):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_lead"], "title of the appeal below")
    if nxt is not None and nxt.cls == BAD and nxt.rule is RULES_BY_ID["ui.promo"] \
            and nxt.words <= T["promo_button_max_words"] and not _PLUG_WORDS.isdisjoint(ln.token_set):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_lead"], "the book or shop plug above its order button")
    prev = c.prev
    if prev is not None and prev.cls == BAD and prev.rule is RULES_BY_ID["ui.promo"] and "book" in prev.tokens \
            and "book" in ln.tokens and ln.cls in (GOOD, NEAR):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.widget_lead"], "the book plug under its promotion")
    return None


def _pitch(ln: _Line) -> bool:
    """A short line addressing the reader ("Think your friends would be interested?", "Help us stay …").

    Up to ``widget_lead_max_words`` words, full sentences included: "We've been covering this war
    since day one. Help us stay there." is one appeal in two sentences.
    """
    return ln.cls in (SHORT, NEAR, GOOD) and ln.words <= T["widget_lead_max_words"] and bool(_READER.search(ln.text))


def _pitch_above_widget(body: list[_Line], j: int) -> bool:
    """``body[j]`` is a pitch (``_pitch``) right above an appeal widget (``_appeal_widget``)."""
    return j + 1 < len(body) and _pitch(body[j]) and _appeal_widget(body[j + 1])


def _appeal_widget(ln: _Line | None) -> bool:
    """A share, subscribe or support widget line, or a bare donate button ("DONATE NOW", a ``ui.label``)."""
    return ln is not None and ln.cls == BAD and (
        ln.rule.id in _APPEAL_RULES or ln.rule is RULES_BY_ID["ui.label"] and RULES_BY_ID["ui.donate"].matches(ln.text))


def _teaser_item(c: _LineContext) -> _Decision | None:
    """The line under a list marker, or under a short teaser label it does not continue, is a teaser's headline.

    A label ending in a full stop ("Read more.") is the link closing the paragraph above, not a
    label of the line below. Prose under the label is body, unless its last sentence has no end
    mark (a headline of two sentences: "'Nobody is coming for your guns,' they said. Here is a
    list …"), it is a single question (``_question_headline``) or it is in title case ("Texas Is
    Busing Migrants Again. This Time, the Buses Are Going to Chicago."). The list goes on through
    headline-like lines (short, caption class, such two-sentence headlines or questions) while
    no prose or short sentence follows.
    """
    prev, ln, nxt = c.prev, c.ln, c.nxt
    if _BYLINE.match(ln.text):
        return None  # "By Name" under a gallery's last "Read More" is the article's byline
    if prev is not None and (prev.rule is RULES_BY_ID["ui.list_marker"] or prev.rule is RULES_BY_ID["ui.teaser"] and (
            prev.words <= T["teaser_label_max_words"] and not prev.text.endswith(".")
            and (ln.cls != GOOD or ln.unended or _question_headline(ln) or _title_case(ln)) and not c.continues)):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.teaser_headline"], "announced by the teaser label above")
    if prev is not None and prev.rule is RULES_BY_ID["context.teaser_headline"] \
            and (ln.cls in (SHORT, CAPTION) or ln.unended or _question_headline(ln) or _title_case(ln)) \
            and not c.continues and (nxt is None or nxt.cls not in (GOOD, NEAR) and not _starts_lower(nxt)):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.teaser_headline"], "next item of the teaser list above")
    return None


def _question_headline(ln: _Line) -> bool:
    """One sentence, a question: an explainer's headline ("COP27: What is loss and damage and why does it matter?").

    Prose does not ask one question and stop; under a teaser label such a line is a teaser.
    """
    return ln.text.rstrip(_CLOSING_QUOTES).endswith("?") and not _SENTENCE_INSIDE.search(ln.text)


def _tag_item(c: _LineContext) -> _Decision | None:
    """An unpunctuated line of short tags (one, or several separated by commas) under a tag-list label or another tag.

    Under a table of contents an entry may be longer and end in "?" ("What changes from March
    1?"): a heading-length line the page prints again further down (as the section's subhead)
    is an entry too. A line repeating an item of the list above ends it: that is the first
    subhead under a table of contents.
    """
    ln, prev = c.ln, c.prev
    if prev is None or prev.rule not in _TAG_RUN:
        return None
    tags = ln.cls in (SHORT, HEADING, CAPTION) and not ln.terminal \
        and all(len(tag.split()) <= T["tag_max_words"] for tag in ln.text.split(","))
    entry = ln.cls in (SHORT, HEADING, NEAR) and ln.words <= T["heading_max_words"] and c.doc.doc_counts[ln.key] >= 2
    if tags or entry:
        if not _repeats_list_item(c.doc.body, c.i):
            return _Decision(BOILERPLATE, RULES_BY_ID["context.tag_item"], f"under {prev.rule.id}")
        if c.nxt is not None and c.nxt.cls == GOOD:
            return _Decision(BODY, RULES_BY_ID["body.subhead"], "first subhead under the contents list naming it")
    return None


def _repeats_list_item(body: list[_Line], i: int) -> bool:
    """Line ``i`` repeats an item of the tag or contents list right above it."""
    j = i - 1
    while j >= 0 and body[j].rule in _TAG_RUN:
        if body[j].key == body[i].key:
            return True
        j -= 1
    return False


def _headline_repeat(c: _LineContext) -> _Decision | None:
    """A header line that repeats the headline stays body (before the repetition steps remove it).

    So does the headline a template prints again under the lead photo, one line past the header
    (the photo's caption between them read as prose); that caption is removed (``_lead_caption``).
    """
    doc = c.doc
    if doc.head is None or c.ln.key != doc.body[doc.head].key:
        return None
    if c.in_header or c.i == doc.header_end + 1 and _headline_under_photo(doc):
        return _Decision(BODY, RULES_BY_ID["body.header"], "repeats the headline")
    return None


def _lead_caption(c: _LineContext) -> _Decision | None:
    """The prose line right after the header, above the headline printed again, is the lead photo's caption."""
    if c.i != c.doc.header_end or not _headline_under_photo(c.doc):
        return None
    return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "above the headline printed again under the photo")


def _headline_under_photo(doc: _DocFacts) -> bool:
    """The line after the header is prose (the lead photo's caption) and the line after it repeats the headline."""
    body, end = doc.body, doc.header_end
    return doc.head is not None and end + 1 < len(body) and body[end].cls == GOOD \
        and body[end + 1].key == body[doc.head].key


def _nearby_repeat(c: _LineContext) -> _Decision | None:
    """A line repeating a long run of one just above it is a copy (pull quote, caption duplicate, poll).

    Not a heading right above prose that repeats a removed line: that copy was the link to it in a
    "Key events" list or a contents box, and this is the entry's or section's own heading. Not
    prose repeating a removed caption or quote card either: the card printed before its paragraph
    ("“We are not building a gadget …”" / "– Name, CEO" / the paragraph), the caption quoting a
    sentence below it; the paragraph is the original.
    """
    ln, body, i = c.ln, c.doc.body, c.i
    heading = ln.cls != GOOD and c.nxt is not None and c.nxt.cls == GOOD
    prose = ln.cls == GOOD
    if ln.cls != DATE and ln.token_set and any(
            _near_duplicate(ln, w) for w in body[max(0, i - T["duplicate_window"]):i]
            if w.token_set and not (heading and w.label == BOILERPLATE)
            and not (prose and w.label == BOILERPLATE and (w.rule in _QUOTE_CARDS or w.rule in _CAPTIONS))):
        return _Decision(BOILERPLATE, RULES_BY_ID["repeat.nearby"], "repeats a line above")
    return None


_QUOTE_CARDS = (RULES_BY_ID["repeat.nearby"], RULES_BY_ID["repeat.pull_quote"])
_DASHES = "–—-―"


def _pull_quote(c: _LineContext) -> _Decision | None:
    """A whole line in quotation marks whose words are nearly all in one longer prose line nearby is a card.

    Pull-quote cards shorten or reword the sentence they repeat ("I think it is important …"
    becomes "It is important …") and sit anywhere within ``pull_quote_window`` lines of it, above
    or below, so the test is the share of the card's words found in that line, not a copied run
    as for ``repeat.nearby``. A card printed above its paragraph, with its dash-led attribution
    under it, repeats the paragraph below (which may itself be a whole quotation).
    """
    ln, body, i = c.ln, c.doc.body, c.i
    if ln.cls not in (GOOD, NEAR) or not ln.token_set or not _FULLY_QUOTED.fullmatch(ln.text):
        return None
    if c.nxt is not None and _dash_attribution(c.nxt) and any(
            _near_duplicate(other, ln) for other in body[i + 2:i + 2 + T["pull_quote_window"]] if other.token_set):
        return _Decision(BOILERPLATE, RULES_BY_ID["repeat.pull_quote"], "a quoted card with its attribution, "
                                                                        "above the paragraph it repeats")
    for j in range(max(0, i - T["pull_quote_window"]), min(len(body), i + T["pull_quote_window"] + 1)):
        other = body[j]
        if other.cls == GOOD and other.words > ln.words and not _FULLY_QUOTED.fullmatch(other.text) \
                and _covers(ln, other):
            return _Decision(BOILERPLATE, RULES_BY_ID["repeat.pull_quote"], f"a quoted card of line {other.number}")
    return None


def _card_attribution(c: _LineContext) -> _Decision | None:
    """A dash-led name right under a removed pull-quote card ("– Ukrzaliznytsia press service", "– Jane Doe,
    co-founder of Example AI") is the card's."""
    ln, prev = c.ln, c.prev
    if prev is None or prev.rule not in _QUOTE_CARDS or not _dash_attribution(ln):
        return None
    return _Decision(BOILERPLATE, RULES_BY_ID["repeat.pull_quote"], "attribution of the quoted card above")


def _dash_attribution(ln: _Line) -> bool:
    """A short dash-led line without an end mark: who said a quote ("– Jane Doe, CEO of Example AI")."""
    return ln.cls in (SHORT, CAPTION) and not ln.terminal and ln.text[:1] in _DASHES \
        and ln.words <= T["card_attribution_max_words"]


def _suffix_repeat(c: _LineContext) -> _Decision | None:
    """A non-prose line whose attribution suffix (" - Site Name") recurs in the document or the site is a teaser."""
    ln, doc = c.ln, c.doc
    if ln.suffix is None or ln.cls == GOOD:
        return None
    sk = ln.suffix.casefold()
    if doc.suffix_counts[sk] >= 2 or (
            doc.stats and doc.stats.docs_with(doc.site, "suffix:" + normalize_line(sk)) >= T["site_min_docs"]):
        return _Decision(BOILERPLATE, RULES_BY_ID["repeat.suffix"], f"suffix '{ln.suffix}' recurs")
    return None


def _unended_caption(c: _LineContext) -> _Decision | None:
    """Prose whose last sentence has no end mark, above a credit or (flat text) a new paragraph, is a caption.

    Photo captions of several sentences often drop the final full stop ("… as they marched towards
    the EU delegation"); body paragraphs keep it. Above a short line the page prints three times
    or more (the photographer's credit under every photo) this holds in any text, except right
    under the headline (a standfirst above the author's name, which the author box repeats), and
    so does a bare credit line below it ("Photo: FC Shakhtar"; no link cuts a sentence there;
    right under the headline the credit is the lead photo's, under the standfirst).
    The other cases are for flat texts only, not scrapes, where a link's text cuts a sentence
    over several lines (a new paragraph, another caption below or above); never above a tweet
    attribution (tweet text ends as it likes), nor when the next line continues the sentence. The last line of a flat text counts as above a new
    paragraph (the article's own last paragraph keeps its full stop).
    """
    ln, nxt, doc = c.ln, c.nxt, c.doc
    if not ln.unended or ln.tail is not None:
        return None
    if nxt is None:
        if doc.layout is None:
            return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                             "several sentences, the last without an end mark, ending the text")
        return None
    if _above_repeated_credit(c):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                         "several sentences, the last without an end mark, above a credit the page repeats")
    if _bare_credit(nxt) and not _under_headline(c):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                         "several sentences, the last without an end mark, above a photo credit")
    if doc.layout is not None:
        return None
    if nxt.cls == GOOD and not _starts_lower(nxt) and not nxt.unended:
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                         "several sentences, the last without an end mark, before a new paragraph")
    if nxt.cls == CAPTION or nxt.cls == BAD and nxt.rule is RULES_BY_ID["caption.credited"]:
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                         "several sentences, the last without an end mark, above another caption")
    if nxt.cls == BAD and c.prev is not None and c.prev.label == BOILERPLATE:
        return _Decision(BOILERPLATE, RULES_BY_ID["context.boilerplate"],
                         "several sentences, the last without an end mark, between boilerplate lines")
    if c.prev is not None and c.prev.label == BOILERPLATE and c.prev.rule in _CAPTIONS:
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"],
                         "several sentences, the last without an end mark, under another caption")
    return None


def _between_appeals(c: _LineContext) -> _Decision | None:
    """Prose inside an appeal: the letter under "A Message from …" / "Dear readers," up to its next appeal line.

    A single prose line between two lines of any support, subscribe or share appeal is part of
    it. A longer letter (up to ``appeal_max_lines`` prose lines) counts only when it opens with a
    donation appeal (``ui.support``, ``ui.donate``): a share button above the article's first
    paragraphs and a newsletter box below them must not take the paragraphs with them.
    """
    ln, prev, doc = c.ln, c.prev, c.doc
    if ln.cls != GOOD or prev is None or prev.label != BOILERPLATE:
        return None
    letter = prev.rule.id in _DONATION_RULES or prev.rule is RULES_BY_ID["context.appeal"]
    if not letter and prev.rule.id not in _APPEAL_RULES:
        return None
    reach = T["appeal_max_lines"] if letter else 1
    for j in range(c.i + 1, min(len(doc.body), c.i + 1 + reach)):
        nxt = doc.body[j]
        if nxt.cls == BAD and nxt.rule.id in _APPEAL_RULES:
            return _Decision(BOILERPLATE, RULES_BY_ID["context.appeal"], "inside an appeal: an appeal line follows")
        if nxt.cls != GOOD:
            break
    return None


def _scene_caption(c: _LineContext) -> _Decision | None:
    """Prose next to a bare photo credit whose first sentence shows a scene is the photo's caption.

    Captions describe the picture in the present tense or without a verb ("Rescuers work at the
    site of the strike in Kharkiv.", "A roadside sign on the R-56 highway."); the paragraphs a
    template prints next to a lead photo's credit report in the past or perfect ("… signed",
    "has agreed", "said"). Only next to a bare credit line, and only up to
    ``scene_caption_max_words``: elsewhere a present-tense scene is as often a feature's prose.
    Not below a credit whose photo has its caption above it (a photo has one caption): there
    the line below is the story going on ("Just after midnight, the phone … lights up"). Prose
    between two copies of the same credit (a template printing it above and below the photo) is
    the caption whatever its verbs.
    """
    ln, body, i = c.ln, c.doc.body, c.i
    if ln.cls != GOOD or ln.words > T["scene_caption_max_words"] or c.in_header:
        return None
    if 0 < i < len(body) - 1 and _short_credit(body[i - 1]) and body[i - 1].key == body[i + 1].key \
            and _short_credit(body[i + 1]):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.scene_caption"], "between two copies of a photo's credit")
    below = i and _photo_credit(body[i - 1]) and not (i > 1 and body[i - 2].rule in _CAPTIONS)
    if not (below or i + 1 < len(body) and _photo_credit(body[i + 1])):
        return None
    if not _shows_a_scene(ln.text):
        return None
    return _Decision(BOILERPLATE, RULES_BY_ID["structure.scene_caption"], "a scene next to a photo credit")


#: rules that remove a photo's caption: a credit under one such line is that photo's, not the next line's
_CAPTIONS = frozenset(RULES_BY_ID[r] for r in (
    "structure.caption", "structure.scene_caption", "caption.credited", "caption.glued", "caption.screenshot",
    "caption.dated"))


def _short_credit(ln: _Line) -> bool:
    """A credit line of at most ``name_max_words`` words left after its cut ("Jane Doe/" of "Jane Doe/Getty Images")."""
    return ln.cls == BAD and ln.rule is RULES_BY_ID["caption.credited"] and ln.words <= T["name_max_words"]


def _photo_credit(ln: _Line) -> bool:
    """A bare credit line that credits a picture (not a chart's "Source: Bloomberg").

    "Libkos/Getty Images" is bare too, though the tail cut leaves the photographer's "Libkos/".
    """
    return (_bare_credit(ln) or _short_credit(ln) and ln.text.rstrip().endswith("/")) \
        and ln.head is not RULES_BY_ID["credit.source"]


_BEFORE_PARTICIPLE = frozenset({"a", "an", "the", "be", "being"})
"""Words after which an "-ed" word is no finite past: an adjective ("a damaged building") or a
passive infinitive ("ready to be shipped"; "will be shipped" has its modal in the cue list)."""


def _shows_a_scene(text: str) -> bool:
    """The first sentence has ``scene_min_words`` words and no finite verb of a report.

    No auxiliary, modal, reporting verb, common irregular past or first/second person
    (``finite_verb_cues``), no quoted speech (``_quotes_speech``), no question anywhere in the
    line (an interviewer's "PJM: Let's start … Is this a …?"), and no finite "-ed" past
    (``_finite_past``).
    """
    first = _first_sentence(text)
    if "?" in text or _quotes_speech(first):
        return False
    words = [w.casefold() for w in _HYPHENATED_TOKEN.findall(first)]
    return len(words) >= T["scene_min_words"] and not _report_verb(words, before_by=True)


_HYPHENATED_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _report_verb(words: list[str], before_by: bool = False) -> bool:
    """``words`` (casefolded) hold a ``finite_verb_cues`` word or a finite "-ed" past (``_finite_past``)."""
    return not FINITE_VERB_CUES.isdisjoint(words) or any(_finite_past(words, j, before_by) for j in range(1, len(words)))


def _finite_past(words: list[str], j: int, before_by: bool = False) -> bool:
    """``words[j]`` is an "-ed" verb in the past tense, not a participle or an adjective.

    Not right after an article or "be" ("a damaged building", "to be shipped") and not hyphenated
    ("self-propelled", "Russian-backed"). Before "by" it is a participle ("a substation damaged
    by a drone") unless ``before_by``: a scene caption must have no past at all, where body prose
    has present-tense sentences with such participles too ("These teams, typically staffed by …,
    invite students …").
    """
    w = words[j]
    return w.endswith("ed") and "-" not in w and words[j - 1] not in _BEFORE_PARTICIPLE \
        and (before_by or words[j + 1:j + 2] != ["by"])


_QUOTED = re.compile(r"[\"“«]([^\"“”«»]*)[\"”»]")


def _quotes_speech(text: str) -> bool:
    """Whether ``text`` quotes somebody: a quotation of more than ``name_max_words`` words, or an unclosed quote.

    A short quoted name is no speech: a call sign (Operator “Lys”), a ship's or a film's name.
    """
    quotes = _QUOTED.findall(text)
    if len(quotes) * 2 != sum(text.count(q) for q in "\"“”«»"):
        return True
    return any(len(q.split()) > T["name_max_words"] for q in quotes)


def _prose(c: _LineContext) -> _Decision | None:
    """A prose line is body, unless it is template prose: it recurs in a large share of the site's documents."""
    ln, doc = c.ln, c.doc
    if ln.cls != GOOD:
        return None
    if doc.site_docs >= T["site_prose_min_docs"]:
        template = _site_template(doc, ln.key, max(T["site_prose_min_docs"], T["site_prose_share"] * doc.site_docs))
        if template is not None:
            return template
    return _Decision(BODY, RULES_BY_ID["body.prose"])


def _link(c: _LineContext) -> _Decision | None:
    """A line that is wholly a listed link's text is a link teaser, unless it continues an open sentence."""
    if c.ln.cls != LINK:
        return None
    if c.continues:
        return _Decision(BODY, RULES_BY_ID["body.continuation"], "link text continuing a sentence")
    return _Decision(BOILERPLATE, RULES_BY_ID["structure.link_teaser"], "whole line is a link's text")


def _header(c: _LineContext) -> _Decision | None:
    """A line of the header zone (standfirst, byline, dateline) is body, with six exceptions.

    It is boilerplate when it sits between two widget lines, repeats another line of the page
    (a menu item; a byline name of a few title-case words is kept, as the author box repeats it),
    is in another language (never said of a byline name), is a long unpunctuated line right above
    a bare photo credit (the lead photo's caption), or, in a flat text, is a long
    unpunctuated line not above a "By Name" byline (a photo caption), unless it opens with
    "Posted", "Published", "Issued on" or "Updated" and a figure (a dateline whose parts the
    template glued together: "Posted Tue 6 Jun 2023 at 2:30pmTuesday …"). A clock time alone
    (``_live_time``) is a live blog's first entry time, and the line under it the entry's heading.
    In a scrape, one capitalised word between the headline and the dateline is the page's section
    ("World"), which a menu does not always repeat.
    """
    if not c.in_header:
        return None
    ln, doc = c.ln, c.doc
    name = ln.words <= T["name_max_words"] and _title_case(ln)
    if ln.cls == SHORT and _between_widgets(c.prev, c.nxt) and not _role_label(c.nxt):  # "Authors" / name / role
        return _Decision(BOILERPLATE, RULES_BY_ID["context.boilerplate"], "between two widget lines")
    if ln.cls == DATE and _live_time(ln, doc):
        return _Decision(BOILERPLATE, RULES_BY_ID["date.only"], "a live-blog entry's time, not a dateline")
    if c.prev is not None and c.prev.rule is RULES_BY_ID["date.only"] and (heading := _stamped_heading(c)):
        return heading
    if not name and ln.key != doc.body[doc.head].key and not _left_open(c.prev) \
            and (repeat := _document_repeat(c)) is not None:
        return repeat
    if not name and ln.cls != NEAR and (foreign := _other_language(c)) is not None:
        return foreign
    if doc.layout is not None and c.i == doc.head + 1 and ln.cls == SHORT and ln.words == 1 \
            and ln.first_alnum.isupper() and c.nxt is not None and c.nxt.cls == DATE:
        return _Decision(BOILERPLATE, RULES_BY_ID["context.boilerplate"], "a section label between headline and date")
    if ln.cls == CAPTION and c.nxt is not None and _bare_credit(c.nxt):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "above its photo credit")
    if ln.cls in (SHORT, NEAR) and _in_menu(c):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.menu"], "item of a menu printed under the headline")
    if ln.cls == CAPTION and doc.layout is None and (doc.byline is None or c.i > doc.byline):
        if _in_list(c.prev):  # a summary box under the headline ("Summary" / its items)
            return _Decision(BODY, RULES_BY_ID["body.list_item"], "item of the list introduced above")
        if (why := _standfirst(c)) is not None:
            return _Decision(BODY, RULES_BY_ID["body.header"], why)
        if _DATELINE_LEAD.match(ln.text):
            return _Decision(BODY, RULES_BY_ID["body.header"], "a dateline the template glued together")
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "header zone of a flat text")
    return _Decision(BODY, RULES_BY_ID["body.header"], "between headline and first paragraph")


def _in_menu(c: _LineContext) -> bool:
    """The line is one of a run of ``menu_min_lines`` or more short lines, some of them menu lines.

    A page's menu printed between headline and article ("Meduza" / "News" / "Features" /
    "На русском") is a run of lines of a few words each (or rows of items without a function
    word: "ENG DEU POL FRA ESP"), ``menu_min_widgets`` of which a rule removed (a ``ui.*``
    label, a language switcher, a Cyrillic UI string), or one of which a rule removed and
    ``menu_min_widgets`` the page repeats. A byline block ("Share" / "Save" / name / "BBC News,
    Tallinn") has one button at most. A byline name under an
    "Authors" label or above its role ("News Writer") is not a menu item, nor is a "By …" line.
    """
    body, i = c.doc.body, c.i
    if _BYLINE.match(c.ln.text) or c.prev is not None and c.prev.rule is RULES_BY_ID["ui.byline_box"] \
            or c.nxt is not None and _role_label(c.nxt):
        return False

    def short(ln: _Line) -> bool:  # an item, or a row of items without a function word ("ENG DEU POL FRA ESP")
        return ln.cls in (SHORT, NEAR, BAD) and (ln.words <= T["menu_item_max_words"] or not ln.terminal
                                                  and ln.stop_density == 0 and ln.words <= 2 * T["menu_item_max_words"])

    if not short(c.ln):
        return False
    lo = i
    while lo > c.doc.head + 1 and short(body[lo - 1]):
        lo -= 1
    hi = i + 1
    while hi < len(body) and short(body[hi]):
        hi += 1
    run = body[lo:hi]
    labels = sum(ln.cls == BAD and ln.rule.id.startswith(("ui.", "nav.", "script.")) for ln in run)
    repeats = sum(ln.cls != BAD and c.doc.doc_counts[ln.key] >= 2 for ln in run)
    return len(run) >= T["menu_min_lines"] and (labels >= T["menu_min_widgets"] or labels and repeats >= T["menu_min_widgets"])


def _live_time(ln: _Line, doc: _DocFacts) -> bool:
    """A clock time alone on its line in the header is a live blog's first entry time, not the dateline.

    A dateline has a day; a bare time with a zone ("08.12 GMT") has none. In a flat text, which
    keeps no byline or dateline, a bare "09:12", "11:55 a.m." or "Fri 19:05" is an entry's time as well.
    """
    return bool(_ZONED_CLOCK.fullmatch(ln.text.strip())) or doc.layout is None and _clock_time(ln.text)


def _clock_time(text: str) -> bool:
    """``text`` is a time of day alone: with a zone ("08.12 GMT") or without ("09:12", "11:55 a.m.", "Fri 19:05")."""
    text = text.strip()
    return bool(_ZONED_CLOCK.fullmatch(text) or _BARE_CLOCK.fullmatch(text))


def _standfirst(c: _LineContext) -> str | None:
    """Why an unpunctuated line right under a flat headline is a standfirst or summary bullet, not a caption.

    A photo caption shows a scene ("Fireworks exploded overhead as revelers welcomed the New
    Year"); a standfirst reports or claims ("Budapest says …", "… will fail if …", a line opening
    with a quotation): ``STANDFIRST_CUES`` are the reporting verbs and modals. Two or more
    unpunctuated lines in a row, starting right under the headline (past the date and lines
    already removed there, such as a menu), are the page's summary
    bullets, as a photo has one caption, unless the first shows a scene and carries a year:
    that is a wire photo's caption run over two lines ("Protesters celebrate inside the compound
    … on July 9, 2022, after storming …"). Neither holds below a byline or a widget line.
    """
    ln, doc = c.ln, c.doc
    if doc.byline is not None:
        return None
    first = doc.head + 1
    while first < c.i and (doc.body[first].label == BOILERPLATE or doc.body[first].cls == DATE):  # a menu, the date
        first += 1
    run = doc.body[first:doc.header_end]
    top = 0
    while top < len(run) and run[top].cls == CAPTION and run[top].tail is None:
        top += 1
    at = c.i - first
    if at >= top:
        return None
    if at == 0 and (ln.text[:1] in _OPENING_QUOTES or not STANDFIRST_CUES.isdisjoint(ln.tokens)):
        return "standfirst under the headline: it reports or claims"
    if top >= 2 and not (_YEAR.search(run[0].text) and _shows_a_scene(run[0].text)):
        return "summary bullet under the headline: one of several unpunctuated lines"
    return None


def _date(c: _LineContext) -> _Decision | None:
    """A date-only line outside the header zone is a time stamp, unless it is a link's text.

    A scrape lifts a link's text out of its sentence: "… hit the station on" / "14 January"; a
    date under a body line left open (``_left_open``) is that text, and so is one that starts
    lowercase under body ("reported" / "on March 5.").
    """
    if c.ln.cls != DATE or _left_open(c.prev) or _starts_lower(c.ln) and c.prev is not None and c.prev.label == BODY:
        return None
    return _Decision(BOILERPLATE, RULES_BY_ID["date.only"])


def _ends_open(ln: _Line) -> bool:
    """The line ends, without an end mark, in a word no sentence ends with (``open_end_words``: "the", "of" …)."""
    return not ln.terminal and bool(ln.surface) and ln.surface[-1] in OPEN_END_WORDS


def _sentence_start(c: _LineContext) -> _Decision | None:
    """In a scrape, a capitalised line that starts a sentence the scraper cut at a link is body (three shapes).

    "Russia launched more than 4,200 drones in February, according to the" / "Ukrainian Air
    Force": the scraper lifted the link's text onto the next line and dropped the rest. Such a
    line of ``link_cut_min_words`` words or more is body wherever it stands (an inline widget may
    sit above it); headlines, menu items and captions do not end in "the" or "of". Under prose, a
    short capitalised line whose next line starts with a lowercase verb ("Energoatom" / "has
    repeatedly warned") is that sentence's subject, even if a tag list repeats it. A line of
    prose length (``good_min_words``) whose next line starts lowercase is a sentence cut at a
    link wherever it stands, even right under a photo's caption.
    """
    ln, nxt, prev = c.ln, c.nxt, c.prev
    if c.doc.layout is None or c.in_header or ln.cls not in (SHORT, NEAR, CAPTION) or not ln.first_alnum.isupper() \
            or nxt is None or nxt.cls == BAD:
        return None
    if ln.words >= T["link_cut_min_words"] and _ends_open(ln):
        return _Decision(BODY, RULES_BY_ID["body.continuation"], "a sentence cut at a link: it ends in "
                         f"'{ln.surface[-1]}'")
    if ln.cls == SHORT and prev is not None and prev.label == BODY and prev.cls == GOOD and _starts_lower(nxt) \
            and nxt.tokens[0] in FINITE_VERB_CUES:
        return _Decision(BODY, RULES_BY_ID["body.continuation"], "a link's text opening a sentence: "
                         f"its verb '{nxt.surface[0]}' goes on below")
    if ln.words >= T["good_min_words"] and ln.stop_density >= T["good_min_stopword_density"] and _starts_lower(nxt):
        return _Decision(BODY, RULES_BY_ID["body.continuation"], "a sentence cut at a link: it goes on lowercase below")
    return None


_POST_ATTRIBUTIONS = frozenset(RULES_BY_ID[r] for r in ("tweet.attribution", "tweet.post_attribution"))
"""Rules that remove an embedded post's attribution (a tweet's, an Instagram post's)."""


def _tweet_text(c: _LineContext) -> _Decision | None:
    """A short or caption-like line cut off its tweet attribution, after a body line, is the tweet's text."""
    ln, prev = c.ln, c.prev
    if ln.tail in _POST_ATTRIBUTIONS and ln.cls in (CAPTION, SHORT) and prev is not None \
            and prev.label == BODY:
        return _Decision(BODY, RULES_BY_ID["body.tweet_text"], "tweet text before its attribution")
    return None


def _list_item(c: _LineContext) -> _Decision | None:
    """An unpunctuated line under a body line ending in ":" or ";" (or under such an item) is a list item.

    List items often drop the full stop ("Kent County Council said it would:" / "Keep Bell Lane
    closed for three weeks"), which would otherwise make them captions or short widget lines. A
    short question ("Who has to pay?") opens a list too when ``question_list_min_items`` or more
    such lines, none in title case, follow it and then prose: one line there is a photo's caption.
    """
    if c.ln.cls in (CAPTION, SHORT) and _in_list(c.prev):
        return _Decision(BODY, RULES_BY_ID["body.list_item"], "item of the list introduced above")
    prev = c.prev
    if c.ln.cls in (CAPTION, SHORT) and prev is not None and prev.label == BODY and prev.text.endswith("?") \
            and prev.words <= T["heading_max_words"] \
            and _items_then_prose(c.doc.body, c.i, marked=False) >= T["question_list_min_items"]:
        return _Decision(BODY, RULES_BY_ID["body.list_item"], "first item of the list answering the question above")
    if c.ln.cls in (CAPTION, SHORT) and _FIELD.match(c.ln.text) and c.prev is not None:
        if c.prev.rule is RULES_BY_ID["body.fact_box"]:
            return _Decision(BODY, RULES_BY_ID["body.fact_box"], "next field of the fact box")
        if _opens_fact_box(c):
            return _Decision(BODY, RULES_BY_ID["body.fact_box"], "first field of a fact box under a subhead")
    return None


_LIST_MARK = re.compile(r"\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+\S")
"""The marker of a list item: a dash, a bullet or a number ("- Families …", "• Detention …", "2) Returns …")."""


def _list_lead_in(c: _LineContext) -> _Decision | None:
    """A sentence ending in ":" above ``list_lead_min_items`` marked items and then prose opens the article's list.

    "Key points of the deal:" under a removed teaser block would go by context (its neighbours
    are boilerplate), and its items with it, as captions. Marked items in sentence case with prose
    after them are the article's; a site's teaser list is caught by its label's rule first, and
    its title-case items stop the run here.
    """
    ln = c.ln
    if ln.cls not in (NEAR, SHORT, CAPTION) or not ln.text.endswith(":") or ln.words < T["near_min_words"] \
            or _title_case(ln):
        return None
    if _items_then_prose(c.doc.body, c.i + 1, marked=True) >= T["list_lead_min_items"]:
        return _Decision(BODY, RULES_BY_ID["body.list_lead"], "introduces the marked list below, prose after it")
    return None


def _items_then_prose(body: list[_Line], j: int, marked: bool) -> int:
    """The number of list items from ``j`` on when a sentence (class GOOD or NEAR) follows them, else 0.

    An item is a line no rule removed, not in title case (a teaser's), and either marked with a
    dash, bullet or number (``marked``) or without an end mark (class CAPTION or SHORT).
    """
    k = j
    while k < len(body) and body[k].cls != BAD and not _title_case(body[k]) and (
            _LIST_MARK.match(body[k].text) if marked else body[k].cls in (CAPTION, SHORT)):
        k += 1
    return k - j if k < len(body) and body[k].cls in (GOOD, NEAR) else 0


def _summary_label(c: _LineContext) -> _Decision | None:
    """A summary box's "Key …" label ("Key points", "Key figures") right above a line of the box is its heading.

    It opens the list of the article's own summary lines (``_in_list``), which stay body, so it goes
    with them, as a subhead goes with its section. A "Summary" or "Timeline" label is left to
    context: the rounds' labellers removed those, where they kept "Key points" 13 times of 18.
    """
    ln, nxt = c.ln, c.nxt
    if ln.cls in (SHORT, HEADING) and nxt is not None and nxt.cls in (CAPTION, SHORT, GOOD, NEAR) \
            and _KEY_SUMMARY_LABEL.fullmatch(ln.text):
        return _Decision(BODY, RULES_BY_ID["body.subhead"], "label of the summary list below")
    return None


def _opens_fact_box(c: _LineContext) -> bool:
    """``c.ln`` starts a run of ``fact_box_min_fields`` "Label: value" lines right under a body subhead.

    A review's "Details" (Director: …, Running time: …) or a match report's "Match facts"
    (Referee: …, Venue: …) is the article's own data. The box ends at its last field. A site
    footer's "Editor: …, Phone: …" follows the last paragraph or a widget, never a subhead.
    """
    prev, body = c.prev, c.doc.body
    if prev is None or prev.label != BODY or prev.terminal or prev.cls not in (SHORT, HEADING, NEAR):
        return False
    run = body[c.i: c.i + T["fact_box_min_fields"]]
    return len(run) == T["fact_box_min_fields"] and all(_FIELD.match(ln.text) and ln.cls != BAD for ln in run)


def _in_list(prev: _Line | None) -> bool:
    """``prev`` opens or continues a list: a body line ending in ":" or ";", an item, or a summary label.

    A summary box's label ("Key points", "Key findings", "At a glance") opens the list of the
    article's own summary lines (and is body with them: ``_summary_label``).
    """
    if prev is None:
        return False
    if prev.cls in (SHORT, HEADING) and _SUMMARY_LABEL.fullmatch(prev.text):
        return True
    return prev.label == BODY and (prev.rule is RULES_BY_ID["body.list_item"] or prev.text.endswith((":", ";")))


def _link_split(c: _LineContext) -> _Decision | None:
    """In a scrape, a long line ending in a lowercase word above a short name, then prose, continues into it.

    The scraper puts a link's text on a line of its own ("… staged by director" / "Oleksandr
    Bilous" / rest of the paragraph): the first part is the body sentence, not a caption.
    """
    ln, nxt = c.ln, c.nxt
    if c.doc.layout is None or ln.cls != CAPTION or nxt is None or not ln.tokens or not ln.surface[-1].islower():
        return None
    after = c.doc.body[c.i + 2] if c.i + 2 < len(c.doc.body) else None
    if ln.text[-1:].isalpha() and nxt.cls in (SHORT, LINK) and nxt.words <= T["name_max_words"] + 1 \
            and _capitalised(nxt) and c.prev is not None and c.prev.label == BODY \
            and after is not None and (after.cls == GOOD or _starts_lower(after)):
        return _Decision(BODY, RULES_BY_ID["body.continuation"], "sentence continues into the link text below")
    return None


def _photo_story_caption(c: _LineContext) -> _Decision | None:
    """Prose right above a "Name / Outlet" credit that the page prints three times or more is a caption.

    A photo story puts the same photographer's credit under every photo, and the caption above
    each credit reads like prose, full stop included. A single credit under a paragraph proves
    nothing (templates put one under the body text too), so the credit must recur.
    """
    if c.ln.cls == GOOD and c.nxt is not None and "/" in c.nxt.text and _above_repeated_credit(c):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "above a photo credit the page repeats")
    return None


def _above_repeated_credit(c: _LineContext) -> bool:
    """The next line is a credit the page repeats (``_credit_like``), and this line is not right under the headline.

    Right under the headline such a pair is a standfirst above the author's name, which the
    author box repeats.
    """
    return c.nxt is not None and _credit_like(c.nxt, c.doc) and not _under_headline(c)


def _under_headline(c: _LineContext) -> bool:
    """The line is the one right under the headline (where a standfirst sits)."""
    return c.doc.head is not None and c.i == c.doc.head + 1


def _entry_text_at(body: list[_Line], j: int, labelled: bool = False) -> bool:
    """A live-blog entry's text starts at ``j``: prose, or a "By …" byline then prose or a sentence cut at a link.

    With ``labelled``, a short section label of a summary entry ("Fighting") may come before the prose.
    """
    if j < len(body) and body[j].cls == SHORT and _BYLINE.match(body[j].text):
        j += 1
        return j < len(body) and (body[j].cls == GOOD or body[j].cls == CAPTION and body[j].text[-1:].islower())
    if labelled and j + 1 < len(body) and body[j].cls in (SHORT, HEADING) and not body[j].terminal \
            and body[j].words <= T["entry_label_max_words"]:
        j += 1
    return j < len(body) and body[j].cls == GOOD


def _entry_byline(c: _LineContext) -> _Decision | None:
    """A "By …" line right under a live-blog entry's heading is the entry's byline."""
    prev = c.prev
    if c.ln.cls == SHORT and prev is not None and prev.label == BODY and prev.rule is RULES_BY_ID["body.subhead"] \
            and _BYLINE.match(c.ln.text) and c.i >= 2 and c.doc.body[c.i - 2].cls == DATE:
        return _Decision(BODY, RULES_BY_ID["body.header"], "byline of the entry above")
    return None


def _numbered_subhead(c: _LineContext) -> _Decision | None:
    """A numbered line without an end mark ("2. The grain did not go to the poorest") above prose is a subhead.

    Listicles number their subheads; a numbered teaser list is followed by its next item or a
    widget, not by a paragraph.
    """
    ln, nxt = c.ln, c.nxt
    if ln.cls in (CAPTION, SHORT) and not ln.terminal and nxt is not None and nxt.cls == GOOD \
            and _NUMBERED.match(ln.text):
        return _Decision(BODY, RULES_BY_ID["body.subhead"], "numbered subhead above prose")
    return None


def _gallery_caption(c: _LineContext) -> _Decision | None:
    """The line right under a gallery counter ("3 / 12", "Photo 3 of 14") is a caption when a credit or counter follows.

    A gallery prints counter, caption and credit for every photo; a body paragraph the template
    puts under a counter is followed by more prose, not by a credit.
    """
    prev, nxt = c.prev, c.nxt
    if c.ln.cls == BAD or prev is None or nxt is None or not _GALLERY_COUNTER.fullmatch(prev.text):
        return None
    if _bare_credit(nxt) or _GALLERY_COUNTER.fullmatch(nxt.text):
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "under a gallery counter, above a credit")
    return None


def _labelled_caption(c: _LineContext) -> _Decision | None:
    """The line under a photo widget's label (``ui.photo_label``), or under the credit below it, is the caption.

    "Open this photo in gallery:" / caption (its credit glued on); "Enlarge this image" / "toggle
    caption" / "Name/Getty Images" / caption: the label announces a photo, whose caption comes next.
    """
    body, j = c.doc.body, c.i - 1
    if c.ln.cls == BAD or j < 0:
        return None
    if _photo_credit(body[j]) and j > 0:
        j -= 1
    if body[j].cls == BAD and body[j].rule is RULES_BY_ID["ui.photo_label"]:
        return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"], "under a photo's label")
    return None


def _stamped_heading(c: _LineContext) -> _Decision | None:
    """A caption-like or short line of three words or more between a time stamp and prose is a live-blog entry's heading.

    The stamp may be the line above or glued before the heading ("14:55 GMT Belarus says …", ``date.stamp_head``).
    Under a bare time of day (not a full date, as a related story's card has) the heading may have
    two words ("Polls Closing"), and a summary entry's short section label may come between the
    heading and the prose. Under a full date with a removed section label above it ("Africa" /
    "21 November, 16:22 GMT" / title) the line is the title of a related story's card.
    """
    prev, ln = c.prev, c.ln
    clock = ln.head is _STAMP_HEAD or prev is not None and prev.cls == DATE and _clock_time(prev.text)
    stamped = clock or prev is not None and prev.cls == DATE
    if stamped and not clock and c.i >= 2 and _card_label(c.doc.body[c.i - 2]) and ln.cls in (SHORT, HEADING, CAPTION):
        return _Decision(BOILERPLATE, RULES_BY_ID["context.teaser_headline"],
                         "title of a related story's card: section label, date, title")
    if (ln.cls == CAPTION or ln.cls in (SHORT, HEADING) and ln.words >= (2 if clock else 3)) and stamped \
            and _entry_text_at(c.doc.body, c.i + 1, labelled=bool(clock)):
        return _Decision(BODY, RULES_BY_ID["body.subhead"], "entry heading under a time stamp")
    return None


def _card_label(ln: _Line) -> bool:
    """A removed label of a few words ("Africa", "Analysis"): the section label of a related story's card."""
    return ln.label == BOILERPLATE and ln.cls in (SHORT, BAD) and 0 < ln.words <= T["name_max_words"]


def _caption(c: _LineContext) -> _Decision | None:
    """A long unpunctuated line (class CAPTION) is a caption, unless it is the rest of a sentence cut open above."""
    if c.ln.cls != CAPTION or _left_open(c.prev):
        return None
    return _Decision(BOILERPLATE, RULES_BY_ID["structure.caption"])


def _left_open(prev: _Line | None) -> bool:
    """``prev`` is body and cannot end its sentence: it ends in a comma or dash, a possessive, or "the", "of" ….

    The line under it is the rest of that sentence (a link's text the scraper put on a line of
    its own), whatever it looks like: "Earlier, on the night of March 16," / "Russian drones
    attacked port infrastructure in Odesa Oblast".
    """
    return prev is not None and prev.label == BODY and prev.cls != DATE and (
        bool(_OPEN_END.search(prev.text)) or _ends_open(prev))


def _continuation(c: _LineContext) -> _Decision | None:
    """A short line continuing the sentence the body line above left open is body.

    Not a line the page prints again and again (``_credit_like``): a photographer's credit
    under every photo continues no sentence, even under a caption without an end mark.
    """
    if not c.continues or _credit_like(c.ln, c.doc):
        return None
    return _Decision(BODY, RULES_BY_ID["body.continuation"], "previous line left the sentence open")


def _tweet_above(c: _LineContext) -> _Decision | None:
    """A short line right above a tweet attribution, with body above it or prose below, is the tweet's text.

    So is the first of two such lines under body (a tweet whose text the page breaks in two).
    """
    nxt, prev, body = c.nxt, c.prev, c.doc.body
    if _attribution(nxt) and (prev is not None and prev.label == BODY or _next_context(body, c.i + 1) == GOOD):
        return _Decision(BODY, RULES_BY_ID["body.tweet_text"], "followed by a tweet attribution")
    if c.ln.cls in (CAPTION, SHORT) and prev is not None and prev.label == BODY and nxt is not None \
            and nxt.cls in (CAPTION, SHORT, NEAR) and c.i + 2 < len(body) and _attribution(body[c.i + 2]):
        return _Decision(BODY, RULES_BY_ID["body.tweet_text"], "first line of a tweet above its attribution")
    return None


def _attribution(ln: _Line | None) -> bool:
    """``ln`` is an embedded post's attribution line alone (after the post's link, if any: "http://… pic.twitter.com/… — …")."""
    return ln is not None and ln.cls == BAD and (ln.rule in _POST_ATTRIBUTIONS or ln.tail in _POST_ATTRIBUTIONS)


def _document_repeat(c: _LineContext) -> _Decision | None:
    """A short line that occurs more than once in the document is a menu or widget item.

    Not a speaker's answer in a transcript ("Barr: No."), which an interview may repeat.
    """
    ln, counts = c.ln, c.doc.doc_counts
    if ln.cls == SHORT and counts[ln.key] >= 2 and not (ln.terminal and _SPEAKER.match(ln.text)):
        return _Decision(BOILERPLATE, RULES_BY_ID["repeat.document"], f"{counts[ln.key]}x in document")
    return None


def _site_repeat(c: _LineContext) -> _Decision | None:
    """A short line recurring in enough documents of the site is template text."""
    ln, doc = c.ln, c.doc
    if ln.cls in (SHORT, NEAR, HEADING) and doc.site_docs >= T["site_min_docs"] \
            and ln.words <= T["repeat_short_max_words"]:
        return _site_template(doc, ln.key, T["site_min_docs"])
    return None


def _site_template(doc: _DocFacts, key: str, min_docs: float) -> _Decision | None:
    """``repeat.site`` when the line ``key`` occurs in at least ``min_docs`` documents of the site."""
    n = doc.stats.docs_with(doc.site, key)
    if n >= min_docs:
        return _Decision(BOILERPLATE, RULES_BY_ID["repeat.site"], f"in {n}/{doc.site_docs} site docs")
    return None


def _other_language(c: _LineContext) -> _Decision | None:
    """A short line the identifier confidently places in another language than the document's.

    Not one word with an end mark: "Aschaffenburg." in a list of attacks is a place, where a
    language switcher's "Deutsch" has no full stop.
    """
    ln, doc = c.ln, c.doc
    if ln.cls in (SHORT, HEADING, NEAR) and not (ln.words == 1 and ln.terminal) \
            and _foreign(ln, doc.identify, doc.doc_lang):
        return _Decision(BOILERPLATE, RULES_BY_ID["lang.foreign"], "other language")
    return None


#: a line after one of these may open a sentence: a cut sentence goes on, or the article resumes under an inline teaser
_RESUMES = frozenset(RULES_BY_ID[r] for r in ("body.continuation", "context.teaser_headline"))


def _context(c: _LineContext) -> _Decision:
    """The last step, for the SHORT, NEAR and HEADING lines no other step decided: the neighbours decide.

    A short sentence or subhead next to prose is body; a short line between prose is body (but a
    title-case one of ``teaser_min_words`` or more, ending in a capitalised word and without a
    "Label:", is a related story's headline, unless it opens a sentence), one
    after prose that opens a sentence (it ends in a lowercase function word or a comma, a
    headline's "… With All" does not; or it has three words and the next line starts lowercase,
    "Earlier, President Volodymyr Zelensky" / "warned") is body, also after a cut sentence or
    an inline teaser's headline (``_RESUMES``: the article goes on), a sentence-case one before prose is a subhead
    if it has a word ("1x", a player's speed control, and "👁 1.4M · 17.07.2023", a view count, have none);
    a sentence of its own after prose ("Silence.", ``_full_sentence``) is body whatever follows;
    anything else sits among boilerplate. The note records the neighbours' labels.
    """
    ln, body, i = c.ln, c.doc.body, c.i
    p = _prev_context(body, i)
    n = _next_context(body, i, skip=(SHORT, HEADING, NEAR) if ln.cls == NEAR else (SHORT, HEADING))
    note = f"prev={p} next={n}"
    if ln.cls in (NEAR, HEADING):
        if p == GOOD or n == GOOD:
            return _Decision(BODY, RULES_BY_ID["body.near_prose"], note)
        return _Decision(BOILERPLATE, RULES_BY_ID["context.boilerplate"], note)
    in_run = p == GOOD or c.prev is not None and c.prev.rule in _RESUMES
    opens = in_run and (ln.tokens[-1] in STOPWORDS and ln.surface[-1][0].islower() or _OPEN_END.search(ln.text)
                        or ln.words >= 3 and c.nxt is not None and c.nxt.cls != BAD and _starts_lower(c.nxt))
    if p == GOOD and n == GOOD:
        if not opens and ln.words >= T["teaser_min_words"] and _title_case(ln) and ln.surface[-1][0].isupper() \
                and ":" not in ln.text:
            return _Decision(BOILERPLATE, RULES_BY_ID["context.teaser_headline"], note + "; a title-case headline")
        return _Decision(BODY, RULES_BY_ID["body.context"], note)
    if opens:
        return _Decision(BODY, RULES_BY_ID["body.continuation"], note + "; opens a sentence continued below")
    if p == GOOD and _full_sentence(ln):
        return _Decision(BODY, RULES_BY_ID["body.context"], note + "; a sentence of its own after prose")
    if n == GOOD and (not _title_case(ln) or _short_subhead(ln)) and _WORD.search(ln.text):
        return _Decision(BODY, RULES_BY_ID["body.subhead"], note)
    return _Decision(BOILERPLATE, RULES_BY_ID["context.boilerplate"], note)


#: The per-line decision, in order; the first step that returns a decision wins, and ``_context``
#: decides what none of them did. The order is part of the behaviour: e.g. rule hits come before
#: every context step, a headline repeat is kept before the repetition steps see it, and the
#: header zone is settled before dates, captions and short-line context.
_STEPS: tuple[Callable[[_LineContext], _Decision | None], ...] = (
    _before_headline, _headline, _figure_box, _rule_hit, _widget_label, _widget_lead, _teaser_item, _tag_item, _headline_repeat,
    _nearby_repeat, _pull_quote, _card_attribution, _suffix_repeat, _sentence_start, _unended_caption, _gallery_caption, _labelled_caption, _photo_story_caption, _between_appeals,
    _scene_caption, _lead_caption, _prose, _link, _header, _date, _tweet_text, _tweet_above, _summary_label, _list_lead_in, _list_item, _link_split, _stamped_heading,
    _entry_byline, _numbered_subhead, _caption, _continuation, _document_repeat, _site_repeat, _other_language,
)


def _decide(body: list[_Line], layout: _Layout | None, stats: CorpusStats | None, site: str,
            identify: Callable[[str], LangResult], doc_lang: str) -> int | None:
    """Give every non-blank line of the content a label and a rule; return the headline index.

    Each line is decided by the first of ``_STEPS`` that decides it, else by ``_context``.
    """
    _mark_sign_offs(body)
    _mark_polls(body)
    _mark_figure_boxes(body)
    doc = _doc_facts(body, layout, stats, site, identify, doc_lang)
    for i, ln in enumerate(body):
        c = _line_context(doc, i)
        for step in _STEPS:
            decision = step(c)
            if decision is not None:
                break
        else:
            decision = _context(c)
        ln.label, ln.rule = decision.label, decision.rule
        if decision.note:
            ln.notes.append(decision.note)
    _move_pull_quotes(body)
    _drop_trailing_islands(body, doc.head)
    return doc.head


def _move_pull_quotes(body: list[_Line]) -> None:
    """When a copy removed as ``repeat.nearby`` is the plain sentence and its original a quoted card, swap them.

    A pull quote repeats a sentence of the article in quotation marks, after it or before it;
    ``repeat.nearby`` removes the later copy. When the earlier copy is the whole line in
    quotation marks and the later one is not, the earlier is the card and the later the body.
    """
    nearby = RULES_BY_ID["repeat.nearby"]
    for i, ln in enumerate(body):
        if ln.rule is not nearby or _FULLY_QUOTED.fullmatch(ln.text):
            continue
        for w in body[max(0, i - T["duplicate_window"]):i]:
            if w.label == BODY and w.token_set and _FULLY_QUOTED.fullmatch(w.text) and _near_duplicate(ln, w):
                w.label, w.rule, ln.label, ln.rule = BOILERPLATE, nearby, BODY, RULES_BY_ID["body.prose"]
                w.notes.append("a quoted card of the sentence below")
                ln.notes.append("the sentence a quoted card above repeats")
                break


#: rules whose lines close an article: past one of these, a lone prose line is no longer the article
_ARTICLE_END = frozenset(RULES_BY_ID[r] for r in (
    "ui.teaser", "context.teaser_headline", "structure.link_teaser", "ui.tag_label", "context.tag_item",
    "ui.author_bio", "ui.outlet_about", "ui.copyright", "ui.support", "ui.donate", "ui.subscribe", "ui.form"))


def _drop_trailing_islands(body: list[_Line], head: int | None) -> None:
    """Relabel the last body line as boilerplate while it stands alone past the article's end.

    An article's prose runs in one stretch, broken only by embeds (a gallery, a video player); a
    single prose line ``island_min_gap`` or more boilerplate lines below the previous body line,
    with a line that closes articles between them (a teaser list, tags, an author bio, an appeal,
    a copyright line: ``_ARTICLE_END``) and no body after it, is a footer sentence, a feed item or
    a disclaimer. Repeated, so such a footer goes line by line; the headline always stays.
    """
    bodies = [i for i, ln in enumerate(body) if ln.label == BODY]
    while len(bodies) >= 2 and bodies[-1] != head and bodies[-1] - bodies[-2] > T["island_min_gap"] and any(
            ln.rule in _ARTICLE_END for ln in body[bodies[-2] + 1: bodies[-1]]):
        ln = body[bodies.pop()]
        ln.notes.append(f"{ln.rule.id} overridden: alone below the article's end")
        ln.label, ln.rule = BOILERPLATE, RULES_BY_ID["context.trailing_island"]


def _between_widgets(prev: _Line | None, nxt: _Line | None) -> bool:
    """Both neighbours are lines a ``ui.*`` rule removed (a widget's label or button sits between)."""
    return all(x is not None and x.cls == BAD and x.rule.id.startswith("ui.") for x in (prev, nxt))


def _header_end(body: list[_Line], head: int | None, first_good: int | None) -> int:
    """Index where the header zone after the headline ends (the zone is empty without a headline).

    The header runs to the first prose line. When that line is a one-sentence standfirst
    followed, within a few lines and before more prose, by a dateline, the byline and dateline
    after it belong to the header too.
    """
    if head is None:
        return 0
    if first_good is None:  # no prose within reach: a byline block right under the headline is still header
        return _byline_block_end(body, head + 1)
    for j in range(first_good + 1, min(len(body), first_good + 1 + T["standfirst_dateline_lines"])):
        if body[j].cls == GOOD or body[j].rule is RULES_BY_ID["tweet.attribution"]:  # a date under a tweet is its own
            break
        if body[j].cls == DATE:
            while j + 1 < len(body) and body[j + 1].cls == DATE:  # "Published …" then "Updated …"
                j += 1
            return _byline_block_end(body, j + 1)
    return first_good


def _byline_block_end(body: list[_Line], j: int) -> int:
    """Index after the byline block starting at ``j``: "By", names ("and" between them), roles, datelines, labels.

    A name is two or three capitalised words; a role is one of ``BYLINE_ROLES`` ("Journalist",
    "Photographer"); a label is a line the ``ui.label`` or ``ui.byline_box`` rule removed (it
    keeps that rule). Anything else ends the block.
    """
    labels = (RULES_BY_ID["ui.label"], RULES_BY_ID["ui.byline_box"])
    while j < len(body):
        ln = body[j]
        name = _is_name(ln)
        role = ln.cls == SHORT and ln.words <= 2 and ln.tokens[-1] in BYLINE_ROLES
        joiner = ln.text in ("By", "and", "&")
        if not (ln.cls == DATE or name or role or joiner or ln.cls == BAD and ln.rule in labels):
            break
        j += 1
    return j


def _foreign(ln: _Line, identify: Callable[[str], LangResult], doc_lang: str) -> bool:
    res = identify(ln.text)
    return res.lang is not None and res.lang != doc_lang and res.score >= T["foreign_min_score"]


def _credit_like(ln: _Line, doc: "_DocFacts") -> bool:
    """A short line without an end mark that the document prints ``credit_min_repeats`` times or more.

    A photo report prints its photographer's credit ("Suspilne Sumy / Dmytro Nechyporenko")
    under every photo; a menu item repeats too, but never right under a caption.
    """
    return ln.cls == SHORT and not ln.terminal and doc.doc_counts[ln.key] >= T["credit_min_repeats"]


def _bare_credit(ln: _Line) -> bool:
    """A line that is only a credit ("Source: Bloomberg", "Photo: Reuters")."""
    return ln.cls == BAD and ln.words == 0 and ln.rule is RULES_BY_ID["caption.credited"]


def _marker(ln: _Line) -> bool:
    """A short line removed by an inline rule (a widget marker or stamp that does not end the body)."""
    if _bare_credit(ln):
        return True  # a bare credit line sits inside the body
    return ln.cls == BAD and ln.rule is not None and ln.rule.inline and sum(
        not t.isdigit() for t in ln.tokens) <= T["context_skip_max_words"]  # numbers (time stamps) do not count


def _prev_context(body: list[_Line], i: int) -> str:
    """Label of the nearest earlier line that is not short (GOOD for body), BAD at the start.

    Short boilerplate markers ("Advertisement", "Share") are skipped like short lines: they sit
    inside the body without ending it.
    """
    for j in range(i - 1, -1, -1):
        ln = body[j]
        if (ln.cls in (SHORT, HEADING) and ln.rule is not RULES_BY_ID["repeat.suffix"]) or _marker(ln):
            continue
        return GOOD if ln.label == BODY else BAD
    return BAD


def _next_context(body: list[_Line], i: int, skip: tuple[str, ...] = (SHORT, HEADING)) -> str:
    """Class of the nearest later line not in ``skip``: GOOD (prose or short sentence) or BAD.

    A short label ending in a colon ("Follow Al Jazeera English:") is no sentence: BAD.
    """
    for j in range(i + 1, len(body)):
        ln = body[j]
        if ln.cls in skip or _marker(ln):
            continue
        if ln.cls == NEAR and ln.words <= T["widget_label_max_words"] and ln.text.endswith(":"):
            return BAD
        return GOOD if ln.cls in (GOOD, NEAR) else BAD
    return BAD


def separate(text: str, identify: Callable[[str], LangResult], stats: CorpusStats | None = None, site: str = "",
             doc_lang: str = "en", explain: bool = False) -> Separation:
    """Label every line/fragment of ``text``; spans partition the text in order (see module docstring).

    ``explain`` also fills ``Separation.signals`` (what ``inspect`` shows); a build does not need them.
    """
    lines, contents = _split_lines(text)
    layout = _layout(text, contents)
    content: list[_Line] = []
    for k, ln in enumerate(lines):
        raw = contents[k]
        if not raw or raw.isspace():
            continue
        if layout is not None and k not in layout.content:
            ln.core_start, ln.core_end = ln.start, ln.end
            ln.cls, ln.label, ln.rule = BAD, BOILERPLATE, RULES_BY_ID["scrape.wrapper"]
            ln.text = raw.strip()
            continue
        _features(ln, _cut_subline(raw, ln))
        content.append(ln)
    for k, ln in enumerate(content):
        nxt = content[k + 1] if k + 1 < len(content) else None
        _classify(ln, layout, nxt is not None and _starts_lower(nxt))
    if layout is not None and content:
        first = content[0]  # the page title: the headline plus the site name, or the headline again
        repeated = first.key in layout.h1 and any(ln.key == first.key for ln in content[1:])
        if first.cls != BAD and any(h in first.key for h in layout.h1) and (first.key not in layout.h1 or repeated):
            first.cls, first.rule = BAD, RULES_BY_ID["scrape.page_title"]
    elif content and content[0].cls != BAD and _flat_title_copy(content) is not None:
        content[0].cls, content[0].rule = BAD, RULES_BY_ID["scrape.page_title"]
    head = _decide(content, layout, stats, site, identify, doc_lang) if content else None
    title = _MD_HEADING_MARK.sub("", content[head].text) if head is not None else None
    return Separation(tuple(_spans(text, lines, identify, doc_lang)), title, tuple(_signals(lines)) if explain else ())


def _spans(text: str, lines: list[_Line], identify: Callable[[str], LangResult], doc_lang: str) -> list[Span]:
    """The spans of every line: its head cut, core fragments, tail cut and terminator; blank lines whole."""
    spans: list[Span] = []
    before, after = _neighbour_labels([ln.label for ln in lines])
    for k, ln in enumerate(lines):
        if not ln.label:
            rule = RULES_BY_ID["body.context"] if before[k] == after[k] == BODY else RULES_BY_ID["blank"]
            _emit(spans, ln.start, ln.stop, rule, _NO_LANG)
            continue
        for lo, hi, rule in ((ln.start, ln.core_start, ln.head), (ln.core_start, ln.core_end, ln.rule),
                             (ln.core_end, ln.end, ln.tail)):
            if rule is None or hi <= lo:
                continue
            for fr in _fragments(text, lo, hi):
                res = identify(text[fr.start:fr.end]) if fr.script != NONE else _NO_LANG
                cyrillic_body = fr.script == CYRILLIC and doc_lang != "ru" and rule.label == BODY
                _emit(spans, fr.start, fr.end, RULES_BY_ID["script.cyrillic_in_english"] if cyrillic_body else rule, res)
        has_body = ln.label == BODY
        _emit(spans, ln.end, ln.stop, RULES_BY_ID["body.prose"] if has_body else ln.rule, _NO_LANG,
              label=BODY if has_body else BOILERPLATE)
    return spans


def _neighbour_labels(labels: list[str]) -> tuple[list[str], list[str]]:
    """For each line, the nearest non-empty label before it and after it ("" at the ends)."""
    before, after, last = [], [""] * len(labels), ""
    for label in labels:
        before.append(last)
        last = label or last
    last = ""
    for k in range(len(labels) - 1, -1, -1):
        after[k] = last
        last = labels[k] or last
    return before, after


def _fragments(text: str, lo: int, hi: int) -> list[Fragment]:
    """``segment.split_fragments``, with a fast path for the common all-Latin piece."""
    if _NON_LATIN_LETTER.search(text, lo, hi):
        return split_fragments(text, lo, hi)
    return [Fragment(lo, hi, LATIN if _LETTER.search(text, lo, hi) else NONE)]


def _emit(spans: list[Span], start: int, end: int, rule: Rule, res: LangResult, label: str | None = None) -> None:
    if end > start:
        spans.append(Span(start, end, label or rule.label, res.lang, res.score, rule.id, rule.reason))


def _signals(lines: list[_Line]) -> list[tuple[int, str]]:
    out = []
    for ln in lines:
        if not ln.cls:
            continue
        parts = [f"{ln.cls} words={ln.words} stop={ln.stop_density:.2f} term={'y' if ln.terminal else 'n'}"]
        if ln.head:
            parts.append(f"head-cut={ln.head.id}")
        if ln.tail:
            parts.append(f"tail-cut={ln.tail.id}")
        parts += ln.notes
        parts.append(f"-> {ln.label} ({ln.rule.id if ln.rule else '-'})")
        out.append((ln.number, " ".join(parts)))
    return out
