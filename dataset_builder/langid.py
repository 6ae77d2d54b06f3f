"""Fragment language identification: script first, letter evidence, word lexicons, n-gram model.

Why: the builder must label tiny fragments ("31 декабря 2018 г.", "Інші новини", "Español",
one-word UI strings) where off-the-shelf detectors are weakest, and it calls the identifier on
every script fragment of every line, so it must also be fast.

The decision (``identify``), for one fragment:

1. **Script**, by majority of letters (``segment.script_of_text``). No letters (numbers, URLs' punctuation, emoji):
   ``LangResult(None, 0.0)`` and no model call. Letters of a script other than Latin or
   Cyrillic: ``None`` as well (no candidate language). A Cyrillic fragment is decided among
   ``CYRILLIC`` = ru uk be bg sr mk kk only, a Latin one among ``LATIN`` = en de fr es it pt nl.
2. **Letter evidence** (tables ``ALPHABETS`` and ``ORTHOGRAPHY`` below, data not code): every
   distinct letter of the fragment outside a language's alphabet multiplies that language by
   ``FOREIGN_LETTER`` (Cyrillic, near-conclusive: і ї є ґ are Ukrainian, ў Belarusian, ђ ћ
   Serbian, ѓ ќ ѕ Macedonian, ә ғ қ ң ө ұ ү һ Kazakh, ы э ё never Ukrainian/Bulgarian) or
   ``FOREIGN_LETTER_LATIN`` (Latin, softer: English text carries "café" and "Müller"). Spelling
   rules that hold for a whole language (Russian ъ only before е ё ю я; Bulgarian ь only before
   о; Belarusian hard р ч ш ж and дз/ц for soft д/т; apostrophe inside a Cyrillic word only in
   Ukrainian and Belarusian; ы after ж ш ч щ, э after a consonant not Russian) multiply a
   violating language by the factor of the rule.
3. **Word lexicons**: each word of the script is looked up, once (per-word memo of
   ``WORD_MEMO`` entries), in the wordfreq frequency lists of the script's languages (ru uk bg mk;
   sr from the Serbo-Croatian list transliterated 1:1 to Cyrillic; en de fr es it pt nl, also
   stored without accents since scraped text often loses them), one dict per language. A known
   word adds ``LEX_KNOWN + LEX_ZIPF[script] * (zipf - 3)`` to a language's log-score, an unknown one
   ``-LEX_UNKNOWN`` (``-LEX_UNKNOWN_SMALL`` for the short bg and sr lists), read with one C-level
   ``map`` over the tables (known evidence is always positive, the penalties never are). A Cyrillic word the
   Russian or Ukrainian list lacks is looked up in that language's morphological dictionary
   (OpenCorpora forms shipped by pymorphy3-dicts-ru / -uk, read through pymorphy3; "е" may stand
   for "ё"): a known form scores ``MORPH_KNOWN`` instead of the unknown penalty. That rescues
   rare inflected Russian forms, and it is exclusive evidence by construction: a form only the
   Russian dictionary knows keeps every competitor at its unknown penalty, a form also listed
   elsewhere stays a matter of frequencies, priors and the model. A word that neither the list
   nor the dictionary knows scores ``MORPH_UNKNOWN``, lower than ``-LEX_UNKNOWN``: list and
   dictionary together cover ~95-98 % of the words of their language (and ~10-20 % of the other
   Cyrillic languages' words), so that absence is stronger evidence than a list's alone.
   The frequency slope ``LEX_ZIPF`` is steeper for Cyrillic (0.7) than for Latin (0.3): a word
   listed in several close languages is mostly their shared vocabulary, and its frequency in
   each list is then the best lexical clue left (measured on Cyrillic words held out from the
   dev set; the Latin figures did not move). be has no list and gets
   ``BE_SHARE`` of the positive mean of the ru and uk evidence (it shares much of their
   vocabulary; without it, common words shared by all East Slavic languages counted for Russian
   only); kk gets 0. For Cyrillic the sum is divided by sqrt(number of words): those languages
   share many words, so a long fragment must still leave room for the model; the Latin lists
   are all large and decisive, so there the plain sum is used.
4. **Statistical model** of the backend, called only when steps 1-3 leave the fragment open:
   not when one language leads all others by ``DECISIVE`` (1 for Latin, 2.5 for Cyrillic, in
   log units: past those margins the model almost never overturned letters + lexicons on
   short fragments, and a Latin overturn was as often wrong as right), nor when only one
   language is within the model's largest possible swing
   (``MODEL_WEIGHT * log((1 + MODEL_FLOOR) / MODEL_FLOOR)``); then restricted to the languages
   within that swing. ``default`` = py3langid for Latin (its own model through a leaner call:
   float32 copy of the candidates' columns, softmax in Python; the same probabilities to float32
   rounding, ~1.7x cheaper); for Cyrillic py3langid first and lingua (n-gram models, high accuracy, each language's models loaded lazily by lingua when first
   needed) only if py3langid leaves the top two within ``CASCADE`` (1 log unit: asking lingua
   also for leads of 1-2 gained only ~0.3-0.5 point of Cyrillic word accuracy, no pair, for
   twice the lingua calls), in which case lingua's answer
   is used instead of py3langid's (lingua is ~2-3x slower per call and more accurate on close
   Cyrillic calls); ``langdetect`` = one private langdetect factory per script loading only that
   script's profiles (seed 0; priors zero out the languages already out of reach). langdetect
   has no be, sr or kk profile: those get the mean of the others' log-probabilities (no
   information).
   The model enters as ``weight * log(p + MODEL_FLOOR)``: a flattened log, because the raw
   probabilities of these models on short text are overconfident (langdetect calls
   "Все новости" Macedonian at 0.99999); langdetect's weight is ``LANGDETECT_WEIGHT``.
5. **Priors** (log added): ``DEFAULT_PRIORS`` when no languages are given: ru ×4 among the
   Cyrillic languages, en ×2 among the Latin ones, 1 for the rest, because the corpora this
   builder is made for are English pages whose Cyrillic boilerplate is mostly Russian. With
   ``languages=["en", "ru", "uk"]`` (manifest or ``--languages``) the listed languages weigh 1
   and every other supported language ``UNLISTED_PRIOR`` (not 0: conclusive letters still win,
   so an "Інші новини" menu item stays Ukrainian in an en,ru corpus). A script none of whose
   languages is listed falls back to the default priors. Weights can be given explicitly as
   ``{"ru": 4, "uk": 1}`` or ``"ru:4,uk:1"``.

The combined log-scores are turned into probabilities with a softmax; ``score`` is the winner's.
Deterministic (no sampling except langdetect's, seeded with 0 on our own factories, never the
global one; the memos only store what would be computed again); nothing heavy at import and
everything loaded on first need: the word lists of a script on its first word, the
morphological dictionaries on the first Cyrillic word a list lacks, py3langid / lingua on the
first fragment that needs them (a Latin-only input never loads anything Cyrillic); identical
fragments are memoized per identifier (LRU of ``CACHE_SIZE``); identifiers are cached per
(backend, priors) in the process, so each process (fork or spawn) holds its own read-only copy
and calls are safe from several processes. Without pymorphy3 or its dictionaries the
morphological evidence is skipped (the rest works unchanged).

Document level (``document_languages``): characters of the fragments are summed per language;
``lang`` is the largest, ``score`` its share, ``shares`` all languages by share (desc, then code).
``mixed`` is True when a document has any Cyrillic-language characters next to a Latin-language
majority, or when a second language holds at least ``MIXED_SHARE`` (10 %) of the letters.
"""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import OrderedDict
from itertools import repeat
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from .segment import script_of_text


CYRILLIC: tuple[str, ...] = ("ru", "uk", "be", "bg", "sr", "mk", "kk")
LATIN: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pt", "nl")
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {"Cyrl": CYRILLIC, "Latn": LATIN}
SUPPORTED: frozenset[str] = frozenset(CYRILLIC + LATIN)

_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_ASCII = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS: dict[str, frozenset[str]] = {
    lang: frozenset(letters)
    for lang, letters in {
        "ru": _RU,
        "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
        "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
        "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
        "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџшѝѐ",
        "kk": _RU + "әғқңөұүһі",
        "en": _ASCII,
        "de": _ASCII + "äöüß",
        "fr": _ASCII + "àâæçéèêëîïôœùûüÿ",
        "es": _ASCII + "áéíñóúü",
        "it": _ASCII + "àèéìíîòóùú",
        "pt": _ASCII + "áâãàçéêíóôõúü",
        "nl": _ASCII + "áéèëïóöüú",
    }.items()
}
"""Lower-case letters of each language's alphabet (standard orthography)."""

ORTHOGRAPHY: tuple[tuple[str, frozenset[str], float], ...] = (
    (r"ъ(?![еёюя])", frozenset({"ru"}), 1e-3),
    (r"[жшчщ]ы", frozenset({"ru"}), 1e-3),
    (r"[чщ][яю]", frozenset({"ru"}), 0.02),
    (r"[бвгджзклмнпрстфхцчшщ]э", frozenset({"ru", "kk"}), 0.05),
    (r"ь(?!о)", frozenset({"bg"}), 1e-3),
    (r"[рчшж][еёюяіь]", frozenset({"be"}), 1e-3),
    (r"[дт][ьеёюяі]", frozenset({"be"}), 1e-2),
    (r"[а-яёіїєґў]'[а-яёіїєґў]", frozenset({"ru", "bg", "sr", "mk", "kk"}), 1e-3),
)
"""(regex on the lower-cased fragment, languages whose spelling (almost) never produces it, factor)."""

DEFAULT_PRIORS: dict[str, float] = {"ru": 4.0, "en": 2.0}
UNLISTED_PRIOR = 0.02
FOREIGN_LETTER = 1e-4
FOREIGN_LETTER_LATIN = 0.05
LEX_KNOWN = 1.0
LEX_ZIPF: dict[str, float] = {"Cyrl": 0.7, "Latn": 0.3}
LEX_UNKNOWN = 2.0
LEX_UNKNOWN_SMALL = 1.0
LEX_MIN_ZIPF = 2.0
LEX_SCALE_POW: dict[str, float] = {"Cyrl": 0.5, "Latn": 0.0}
MODEL_WEIGHT = 1.0
LANGDETECT_WEIGHT = 0.5
MODEL_FLOOR = 0.01
MODEL_MAX_CHARS = 300
LINGUA_DIGITS = 12
LEX_MAX_WORDS = 40
MORPH_KNOWN = -0.5
MORPH_UNKNOWN = -3.0
BE_SHARE = 0.5
DECISIVE = (1.0, 2.5)
CASCADE = 1.0
WORD_MEMO = 200_000
CACHE_SIZE = 65536
MIXED_SHARE = 0.10

_APOSTROPHE_VARIANTS = ("’", "ʼ", "`")
_SCRIPT_WORD = {
    "Cyrl": re.compile(r"(?<![^\W\d_])[\u0400-\u052f]+(?:'[\u0400-\u052f]+)*(?![^\W\d_])"),
    "Latn": re.compile(r"(?<![^\W\d_])[a-z\u00df-\u00f6\u00f8-\u024f]+(?:'[a-z\u00df-\u00f6\u00f8-\u024f]+)*(?![^\W\d_])"),
}
_SR_TO_LATIN = dict(
    zip("абвгдђежзијклљмнњопрстћуфхцчџш",
        ("a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š").split())
)
_WORDFREQ_CODE = {"ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "sr": "sh",
                  "en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nl": "nl"}
_ORTHO = {
    script: tuple((re.compile(p), langs & set(langs_of), math.log(f))
                  for p, langs, f in ORTHOGRAPHY if langs & set(langs_of))
    for script, langs_of in SCRIPT_LANGUAGES.items()
}
_SR_DIGRAPHS = (("lj", "љ"), ("nj", "њ"), ("dž", "џ"))
_SR_FROM_LATIN = str.maketrans({lat: cyr for cyr, lat in _SR_TO_LATIN.items() if len(lat) == 1})


@dataclass(frozen=True)
class LangResult:
    """Language of one fragment: ISO 639-1 code (None when the fragment has no letters) and a probability."""

    lang: str | None
    score: float


@dataclass(frozen=True)
class DocLanguage:
    """Document-level language summary."""

    lang: str | None
    score: float
    shares: tuple[tuple[str, float], ...]
    mixed: bool


def _fold(word: str) -> str:
    """``word`` without combining accents (é -> e), for text whose accents were lost."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_FOLD_LATIN = {cp: _fold(chr(cp)) for cp in range(0xDF, 0x250) if _fold(chr(cp)) != chr(cp)}
"""``_fold`` of a word of the Latin word pattern, as a ``str.translate`` table (one C call per word)."""


def _normalise(text: str) -> str:
    """Lower case, apostrophe variants as "'" (``str.replace`` only when present: cheaper than ``translate``)."""
    low = text.lower()
    for variant in _APOSTROPHE_VARIANTS:
        if variant in low:
            low = low.replace(variant, "'")
    return low


def _latin_to_serbian_cyrillic(word: str) -> str:
    """Serbo-Croatian Latin spelling -> Serbian Cyrillic (the 1:1 correspondence, digraphs first)."""
    for lat, cyr in _SR_DIGRAPHS:
        word = word.replace(lat, cyr)
    return word.translate(_SR_FROM_LATIN)


def _frequency_bins(lang: str) -> list[tuple[float, list[str]]]:
    """wordfreq's list for ``lang`` as (zipf, words) bins, most frequent first, down to ``LEX_MIN_ZIPF``.

    Serbian comes from wordfreq's Serbo-Croatian list, in Latin script, transliterated to
    Cyrillic; be and kk, which wordfreq lacks, give no bins. Rarer words are left out to bound
    memory and load time.
    """
    code = _WORDFREQ_CODE.get(lang)
    if code is None:
        return []
    import wordfreq

    read = getattr(wordfreq.get_frequency_list, "__wrapped__", wordfreq.get_frequency_list)  # skip its memo
    bins = []
    for index, words in enumerate(read(code, "best")):
        zipf = 9.0 - index / 100.0
        if zipf < LEX_MIN_ZIPF:
            break
        bins.append((zipf, [_latin_to_serbian_cyrillic(w) for w in words] if lang == "sr" else words))
    return bins


def wordlist(lang: str) -> dict[str, float]:
    """Word -> zipf frequency for ``lang`` from wordfreq ({} for be and kk); a word's best zipf wins."""
    out: dict[str, float] = {}
    for zipf, words in reversed(_frequency_bins(lang)):  # rarest first: more frequent bins overwrite
        out.update(dict.fromkeys(words, zipf))
    return out


def _lexicon_table(lang: str, script: str) -> dict[str, float]:
    """Word -> lexicon evidence ``LEX_KNOWN + LEX_ZIPF[script] * (zipf - 3)`` for one language.

    Latin accented words are also stored without accents; a key takes the value
    of the most frequent word it stands for. Built a frequency bin at a time, rarest first, so
    that more frequent bins overwrite (C-level dict updates; this runs once per process).
    """
    out: dict[str, float] = {}
    fold = script == "Latn"
    slope = LEX_ZIPF[script]
    for zipf, words in reversed(_frequency_bins(lang)):
        value = LEX_KNOWN + slope * (zipf - 3.0)
        out.update(dict.fromkeys(words, value))
        if fold:
            out.update(dict.fromkeys((_fold(w) for w in words if not w.isascii()), value))
    return out


class _Morphology:
    """Russian and Ukrainian morphological dictionaries (OpenCorpora / pymorphy3): is a form known?

    Loaded on the first Cyrillic word that one of the wordfreq lists does not know. ``None``
    members when pymorphy3 or a dictionary package is missing (the evidence is then skipped).
    """

    def __init__(self) -> None:
        self.ru = self._load("ru")
        self.uk = self._load("uk")

    @staticmethod
    def _load(lang: str):
        try:
            import pymorphy3

            dictionary = pymorphy3.MorphAnalyzer(lang=lang).dictionary
        except Exception:  # package or dictionary missing: no evidence
            return None
        words = dictionary.words
        if lang == "ru":  # "е" written for "ё" is usual Russian spelling
            replaces = words.compile_replaces({"е": "ё"})
            return lambda w: w in words or ("е" in w and bool(words.similar_keys(w, replaces)))
        return words.__contains__


class _ScriptLexicon:
    """Word lists of one script: word -> tuple of log-evidence, one per language of the script.

    A word a list knows adds ``LEX_KNOWN + LEX_ZIPF[script] * (zipf - 3)``, an unknown one
    ``-LEX_UNKNOWN`` (``-LEX_UNKNOWN_SMALL`` for small lists, 0 for languages without a list).
    Cyrillic words the Russian or Ukrainian list lacks are looked up in that language's
    morphological dictionary (``MORPH_KNOWN`` for a known form, ``MORPH_UNKNOWN`` when the
    dictionary lacks it too), and Belarusian, which has no list, gets
    ``BE_SHARE`` of the positive mean of the Russian and Ukrainian evidence (it shares much of
    their vocabulary). Vectors are memoized per word (bounded by ``WORD_MEMO``).
    """

    def __init__(self, script: str) -> None:
        self.langs = SCRIPT_LANGUAGES[script]
        self.fold = script == "Latn"
        self.tables = [_lexicon_table(l, script) for l in self.langs]
        large = set()
        if any(self.tables):
            import wordfreq

            large = {lang for lang in self.langs if _WORDFREQ_CODE.get(lang) in wordfreq.available_languages("large")}
        self.unknown = tuple(-(LEX_UNKNOWN if lang in large else LEX_UNKNOWN_SMALL) if t else 0.0
                             for lang, t in zip(self.langs, self.tables))
        self.cyrillic = script == "Cyrl"
        if self.cyrillic:
            self._east_slavic = tuple(self.langs.index(l) for l in ("ru", "uk", "be"))
        self._morph: _Morphology | None = None
        self._memo: dict[str, tuple[float, ...]] = {}

    def evidence(self, word: str) -> tuple[float, ...]:
        """Evidence vector of one lower-case word (tries unaccented and elided forms)."""
        vec = self._memo.get(word)
        if vec is None:
            vec = self._compute(word)
            if len(self._memo) >= WORD_MEMO:
                self._memo.clear()
            self._memo[word] = vec
        return vec

    def _lookup(self, word: str) -> list[float]:
        """Each list's evidence for ``word``, its unknown penalty where it lacks the word.

        Known evidence is always positive and the penalties never are (``LEX_MIN_ZIPF`` keeps
        ``LEX_KNOWN + LEX_ZIPF[script] * (zipf - 3)`` above 0), so ``v > 0`` means "known" below.
        One C-level ``map`` over the tables instead of a Python loop: this runs for every word.
        """
        tables = self.tables
        vals = list(map(dict.get, tables, repeat(word, len(tables)), self.unknown))
        if self.fold and not word.isascii():
            folded = word.translate(_FOLD_LATIN)
            if folded != word:
                vals = [v if v > 0.0 else t.get(folded, v) for v, t in zip(vals, tables)]
        return vals

    def _compute(self, word: str) -> tuple[float, ...]:
        vals = self._lookup(word)
        if "'" in word and max(vals) <= 0.0:
            parts = [self._lookup(p) for p in word.split("'") if len(p) > 1]
            parts = [p for p in parts if max(p) > 0.0]
            if parts:
                vals = max(parts, key=lambda p: sum(v for v in p if v > 0.0))
        if self.cyrillic:
            self._add_morphology(word, vals)
        return tuple(vals)

    def _add_morphology(self, word: str, vals: list[float]) -> None:
        """Dictionary evidence for the ru / uk words their lists lack, then Belarusian's share."""
        ru, uk, be = self._east_slavic
        if vals[ru] <= 0.0 or vals[uk] <= 0.0:
            if self._morph is None:
                self._morph = _Morphology()
            for i, known in ((ru, self._morph.ru), (uk, self._morph.uk)):
                if vals[i] <= 0.0 and known is not None:
                    vals[i] = MORPH_KNOWN if known(word) else MORPH_UNKNOWN
        vals[be] = BE_SHARE * max(0.0, (vals[ru] + vals[uk]) / 2.0)


_LEXICONS: dict[str, _ScriptLexicon] = {}
_LEX_LOCK = threading.Lock()


def clear_word_memos() -> None:
    """Forget the per-word evidence memos of the loaded lexicons (for cold benchmarks)."""
    for lex in list(_LEXICONS.values()):
        lex._memo.clear()


def script_lexicon(script: str) -> _ScriptLexicon:
    """The lexicon of a script, built on first use (per process)."""
    lex = _LEXICONS.get(script)
    if lex is None:
        with _LEX_LOCK:
            lex = _LEXICONS.get(script)
            if lex is None:
                lex = _LEXICONS[script] = _ScriptLexicon(script)
    return lex


class _Backend:
    """Statistical model restricted to a set of candidate languages: text -> {lang: probability}."""

    name = "none"
    version = "0"

    @property
    def weight(self) -> float:
        """Weight of the model's flattened log-probability in the combined score."""
        return MODEL_WEIGHT

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        raise NotImplementedError


class _LinguaBackend(_Backend):
    """lingua n-gram models, high accuracy mode, one detector per candidate set.

    Models are not preloaded: lingua loads a language's models on first use and shares them
    between detectors, so a process only holds the languages it was actually asked about.
    """

    name = "lingua"

    def __init__(self) -> None:
        from importlib.metadata import version

        self.version = f"lingua-{version('lingua-language-detector')}"
        self._detectors: dict[tuple[str, ...], object] = {}
        from lingua import IsoCode639_1, Language

        self._languages = {c: Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in SUPPORTED}
        self._codes = {lang: code for code, lang in self._languages.items()}

    def _detector(self, candidates: tuple[str, ...]):
        det = self._detectors.get(candidates)
        if det is None:
            from lingua import LanguageDetectorBuilder

            langs = [self._languages[c] for c in candidates]
            b = LanguageDetectorBuilder.from_languages(*langs)

            det = b.build()  # models load lazily, shared
            self._detectors[candidates] = det
        return det

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        """lingua's confidences, rounded to ``LINGUA_DIGITS`` decimals.

        lingua sums its n-gram probabilities in an order that changes from process to process
        (the last one or two bits of a value differ between runs); rounding gives every process
        the same numbers, so scores and builds repeat exactly.
        """
        values = self._detector(candidates).compute_language_confidence_values(text[:MODEL_MAX_CHARS])
        codes = self._codes
        return {codes[v.language]: round(v.value, LINGUA_DIGITS) for v in values}


class _LangdetectBackend(_Backend):
    """langdetect with private factories that load only the candidates' profiles (seed 0)."""

    name = "langdetect"

    @property
    def weight(self) -> float:
        """langdetect's probabilities are overconfident on short text: weigh them less."""
        return LANGDETECT_WEIGHT

    def __init__(self) -> None:
        from importlib.metadata import version

        self.version = f"langdetect-{version('langdetect')}"
        self._factories: dict[tuple[str, ...], object] = {}

    def _factory(self, candidates: tuple[str, ...]):
        """Factory with the profiles of the candidates' whole script (None if it has < 2 of them)."""
        script = "Cyrl" if candidates[0] in CYRILLIC else "Latn"
        if script not in self._factories:
            import os

            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            profiles = []
            for c in SCRIPT_LANGUAGES[script]:
                path = os.path.join(PROFILES_DIRECTORY, c)
                if os.path.exists(path):
                    with open(path, encoding="utf-8") as f:
                        profiles.append(f.read())
            fac = None
            if len(profiles) >= 2:
                fac = DetectorFactory()
                fac.seed = 0
                fac.load_json_profile(profiles)
            self._factories[script] = fac
        return self._factories[script]

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        fac = self._factory(candidates)
        known = [c for c in candidates if fac is not None and c in fac.langlist]
        if len(known) < 2:
            return {}
        det = fac.create()
        det.set_prior_map({c: (1.0 if c in known else 0.0) for c in fac.langlist})
        det.append(text[:MODEL_MAX_CHARS])
        try:
            found = {p.lang: p.prob for p in det.get_probabilities()}
        except LangDetectException:
            return {}
        return {c: found.get(c, 0.0) for c in known}


class _Py3langidBackend(_Backend):
    """py3langid naive Bayes over byte n-grams, restricted to the candidates.

    Same model and arithmetic as ``LanguageIdentifier.rank`` with ``norm_probs`` (byte DFA walk,
    log1p(count) @ P(t|c) + P(c), scaled by 1/sqrt(bytes), softmax, script aliases folded), but
    cheaper per call: each candidate set keeps its columns as a float32 copy (the shipped table
    is float16, whose arithmetic numpy emulates), features are counted in a plain dict and the
    softmax over the handful of candidates is done in Python rather than with numpy.
    """

    name = "py3langid"

    def __init__(self) -> None:
        from importlib.metadata import version

        from py3langid.langid import MODEL_FILE, LanguageIdentifier as _Ident

        self.version = f"py3langid-{version('py3langid')}"
        self._model = _Ident.from_model_file(MODEL_FILE, norm_probs=True)
        self._subsets: dict[tuple[str, ...], tuple] = {}
        self._tables: dict[str, tuple] = {}

    def _subset(self, candidates: tuple[str, ...]) -> tuple:
        """(float32 P(t|c) of the script, its P(c), kept columns, their classes, alias pairs).

        The float32 table is made once per script (all its languages' columns, ~3 MB); a
        candidate set only keeps which of its columns to use (the softmax runs over those,
        exactly as ``set_languages`` would restrict it).
        """
        sub = self._subsets.get(candidates)
        if sub is None:
            import copy

            import numpy as np

            script = "Cyrl" if candidates[0] in CYRILLIC else "Latn"
            table = self._tables.get(script)
            if table is None:
                ident = copy.copy(self._model)
                ident.set_languages(list(SCRIPT_LANGUAGES[script]))
                table = self._tables[script] = (tuple(ident.nb_classes),
                                                np.ascontiguousarray(ident.nb_ptc, dtype=np.float32),
                                                np.asarray(ident.nb_pc, dtype=np.float32))
            all_classes, ptc, pc = table
            keep = tuple(i for i, c in enumerate(all_classes) if c in candidates)
            classes = tuple(all_classes[i] for i in keep)
            first: dict[str, int] = {}
            aliases = []
            for k, c in enumerate(classes):
                if c in first:
                    aliases.append((first[c], k))
                else:
                    first[c] = k
            sub = self._subsets[candidates] = (ptc, pc, keep, classes, tuple(aliases))
        return sub

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        ptc, pc, keep, classes, aliases = self._subset(candidates)
        text = text[:MODEL_MAX_CHARS]
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        model = self._model
        nextmove, rowbase, output = model.tk_nextmove, model._rowbase, model.tk_output
        counts: dict[int, int] = {}
        get = counts.get
        state = 0
        for byte in data:
            state = nextmove[rowbase[state] + byte]
            feature = output[state]
            if feature >= 0:
                counts[feature] = get(feature, 0) + 1
        if not counts:  # no feature: uniform, as py3langid
            probs = [1.0] * len(classes)
        else:
            import numpy as np

            idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
            weights = np.log1p(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
            raw = weights @ ptc[idx] + pc
            raw *= np.float32(1.0 / math.sqrt(len(data) or 1))
            values = raw.tolist()
            values = [values[i] for i in keep]
            top = max(values)
            probs = [math.exp(v - top) for v in values]
        for i, j in aliases:
            probs[i] += probs[j]
            probs[j] = -1.0
        total = sum(p for p in probs if p > 0.0)
        out: dict[str, float] = {}
        for lang, p in zip(classes, probs):
            if p >= 0.0:
                out[lang] = p / total
        return out


class _PerScriptBackend(_Backend):
    """The default model: lingua for Cyrillic candidates, py3langid for Latin ones.

    lingua is the most accurate on short Cyrillic text, where the languages are close; on Latin
    text the letters and lexicons already do most of the work and py3langid is 3-4x cheaper.
    ``LanguageIdentifier._add_model`` also asks py3langid first on Cyrillic text and lingua
    only for close calls (``model``).
    """

    name = "lingua+py3langid"

    def __init__(self) -> None:
        self._models: dict[str, _Backend] = {}
        from importlib.metadata import version

        self.version = f"lingua-{version('lingua-language-detector')},py3langid-{version('py3langid')}"

    def model(self, name: str) -> _Backend:
        """The "lingua" or "py3langid" model, created on first use."""
        model = self._models.get(name)
        if model is None:
            model = self._models[name] = _BACKENDS[name]()
        return model

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        return self.model("lingua" if candidates[0] in CYRILLIC else "py3langid").probabilities(text, candidates)


_BACKENDS: dict[str, Callable[[], _Backend]] = {"default": _PerScriptBackend, "lingua": _LinguaBackend,
                                                "py3langid": _Py3langidBackend,
                                                "langdetect": _LangdetectBackend}


def parse_languages(languages: Sequence[str] | Mapping[str, float] | str | None) -> dict[str, float] | None:
    """Normalise ``languages`` ("en,ru:4", ["en", "ru"], {"ru": 4}) to {code: weight}; None = defaults.

    Raises ValueError for a code the identifier does not support.
    """
    if languages is None:
        return None
    if isinstance(languages, str):
        languages = [p for p in re.split(r"[,\s]+", languages) if p]
    items: list[tuple[str, float]] = []
    if isinstance(languages, Mapping):
        items = [(str(k), float(v)) for k, v in languages.items()]
    else:
        for p in languages:
            code, _, weight = str(p).partition(":")
            items.append((code, float(weight) if weight else 1.0))
    out: dict[str, float] = {}
    for code, weight in items:
        code = code.strip().lower()
        if code not in SUPPORTED:
            raise ValueError(f"unsupported language {code!r}: choose among {', '.join(sorted(SUPPORTED))}")
        if weight <= 0:
            raise ValueError(f"language weight must be positive: {code}:{weight}")
        out[code] = weight
    return out or None


def _log_priors(weights: dict[str, float] | None) -> dict[str, dict[str, float]]:
    """Per script: log prior of each candidate language (see module docstring)."""
    out: dict[str, dict[str, float]] = {}
    for script, langs in SCRIPT_LANGUAGES.items():
        listed = weights and any(l in weights for l in langs)
        if listed:
            prior = {l: weights.get(l, UNLISTED_PRIOR) for l in langs}
        else:
            prior = {l: DEFAULT_PRIORS.get(l, 1.0) for l in langs}
        out[script] = {l: math.log(p) for l, p in prior.items()}
    return out


class LanguageIdentifier:
    """Fragment identifier (see module docstring). Build it with ``get_identifier``."""

    def __init__(self, backend: str = "default", languages: dict[str, float] | None = None) -> None:
        if backend not in _BACKENDS:
            raise ValueError(f"unknown langid backend {backend!r}: choose among {', '.join(sorted(_BACKENDS))}")
        self.backend_name = backend
        self._backend_factory = _BACKENDS[backend]
        self._backend: _Backend | None = None
        self.languages = languages
        self._priors = _log_priors(languages)
        self._cache: OrderedDict[str, LangResult] = OrderedDict()
        self.name = f"langid-{backend}"

    @property
    def backend(self) -> _Backend:
        """The statistical model, created on first use."""
        if self._backend is None:
            self._backend = self._backend_factory()
        return self._backend

    @property
    def version(self) -> str:
        """Versions of the backend libraries, wordfreq and the morphological dictionaries (provenance)."""
        from importlib.metadata import version

        out = f"{self.backend.version},wordfreq-{version('wordfreq')}"
        for dist in ("pymorphy3-dicts-ru", "pymorphy3-dicts-uk"):
            try:
                out += f",{dist}-{version(dist)}"
            except Exception:  # not installed: that evidence is skipped
                pass
        return out

    def identify(self, text: str) -> LangResult:
        """Language of one fragment, memoized."""
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        result = self.identify_uncached(text)
        self._cache[text] = result
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def identify_uncached(self, text: str) -> LangResult:
        """Language of one fragment, computed (no memo)."""
        scores = self.scores(text)
        if not scores:
            return LangResult(None, 0.0)
        best = max(scores, key=scores.__getitem__)
        top = scores[best]
        total = sum(math.exp(s - top) for s in scores.values())
        return LangResult(best, 1.0 / total)

    def scores(self, text: str) -> dict[str, float]:
        """Combined log-scores of the candidate languages ({} when no decision is possible)."""
        script = script_of_text(text)
        prior = self._priors.get(script)
        if prior is None:
            return {}
        low = _normalise(text)
        scores = dict(prior)
        _add_letters(low, script, scores)
        _add_lexicon(low, script, scores)
        self._add_model(text, scores)
        return scores

    def _add_model(self, text: str, scores: dict[str, float]) -> None:
        """Backend log-probabilities, only when needed and among the languages still in reach.

        No call when one language leads all others by ``DECISIVE`` or more, or when only one
        is within the model's reach. With the default backend a Cyrillic fragment first goes
        to py3langid (cheap); lingua is asked only if that leaves the top two within
        ``CASCADE`` (then lingua's answer replaces py3langid's).
        """
        backend = self.backend
        weight = backend.weight
        best = max(scores.values())
        cut = best - weight * _MODEL_REACH
        alive = tuple(l for l, v in scores.items() if v > cut)
        if len(alive) < 2:
            return
        cyrillic = alive[0] in CYRILLIC
        if sorted(scores.values())[-2] <= best - DECISIVE[cyrillic]:
            return
        if cyrillic and isinstance(backend, _PerScriptBackend):
            trial = dict(scores)
            _add_log_probs(trial, backend.model("py3langid").probabilities(text, alive), alive, weight)
            first, second = sorted(trial.values())[-1:-3:-1]
            if first - second >= CASCADE:
                scores.update(trial)
                return
            probs = backend.model("lingua").probabilities(text, alive)
        else:
            probs = backend.probabilities(text, alive)
        _add_log_probs(scores, probs, alive, weight)


_MODEL_REACH = math.log(1.0 + MODEL_FLOOR) - math.log(MODEL_FLOOR)
"""Largest swing of a weight-1 model term ``log(p + MODEL_FLOOR)`` between p = 1 and p = 0."""


def _add_log_probs(scores: dict[str, float], probs: Mapping[str, float], alive: tuple[str, ...],
                   weight: float) -> None:
    """Add ``weight * log(p + MODEL_FLOOR)``; languages out of reach get p = 0, ones the model lacks the mean."""
    if not probs:
        return
    floor = math.log(MODEL_FLOOR)
    logs = {l: math.log(p + MODEL_FLOOR) for l, p in probs.items()}
    neutral = sum(logs.values()) / len(logs)
    for lang in scores:
        scores[lang] += weight * (logs.get(lang, neutral) if lang in alive else floor)


def _add_letters(low: str, script: str, scores: dict[str, float]) -> None:
    """Alphabet and spelling evidence (tables ALPHABETS, ORTHOGRAPHY)."""
    family, common, penalty, alphabets, ortho = _LETTER_TABLES[script]
    present = family.intersection(low)
    if not present <= common:  # a letter some alphabet of the script lacks
        for lang, alphabet in alphabets:
            missing = len(present - alphabet)
            if missing:
                scores[lang] += penalty * missing
    for pattern, langs, factor in ortho:
        if pattern.search(low):
            for lang in langs:
                scores[lang] += factor


def _add_lexicon(low: str, script: str, scores: dict[str, float]) -> None:
    """Word-frequency evidence from the wordfreq lists (see module docstring)."""
    words = _SCRIPT_WORD[script].findall(low)
    if not words:
        return
    lex = _LEXICONS.get(script) or script_lexicon(script)
    memo = lex._memo
    if len(words) == 1:
        word = words[0]
        totals = memo.get(word) or lex.evidence(word)
        scale = 1.0
    else:
        del words[LEX_MAX_WORDS:]
        evidence = lex.evidence
        totals = [sum(col) for col in zip(*[memo.get(w) or evidence(w) for w in words])]
        scale = len(words) ** -LEX_SCALE_POW[script]
    for lang, total in zip(lex.langs, totals):
        scores[lang] += total * scale


def _family_letters(script: str) -> frozenset[str]:
    """All letters of the alphabets of a script's languages."""
    return frozenset().union(*(ALPHABETS[l] for l in SCRIPT_LANGUAGES[script]))


_LETTER_TABLES = {
    script: (_family_letters(script), frozenset.intersection(*(ALPHABETS[l] for l in langs)),
             math.log(FOREIGN_LETTER if script == "Cyrl" else FOREIGN_LETTER_LATIN),
             tuple((l, ALPHABETS[l]) for l in langs), _ORTHO[script])
    for script, langs in SCRIPT_LANGUAGES.items()
}
"""Per script: (all its letters, letters of every alphabet, log penalty per foreign letter,
(lang, alphabet) pairs, compiled spelling rules): what ``_add_letters`` needs, built once."""


_IDENTIFIERS: dict[tuple[str, tuple[tuple[str, float], ...] | None], LanguageIdentifier] = {}


def get_identifier(backend: str = "default",
                   languages: Sequence[str] | Mapping[str, float] | str | None = None) -> LanguageIdentifier:
    """Return the (cached) identifier for ``backend`` with priors from the expected ``languages``.

    ``backend``: "default" (lexicon + lingua) or "langdetect"; anything else raises ValueError.
    """
    if backend not in _BACKENDS:
        raise ValueError(f"unknown langid backend {backend!r}: choose among {', '.join(sorted(_BACKENDS))}")
    weights = parse_languages(languages)
    key = (backend, tuple(sorted(weights.items())) if weights else None)
    ident = _IDENTIFIERS.get(key)
    if ident is None:
        ident = _IDENTIFIERS[key] = LanguageIdentifier(backend, weights)
    return ident


def document_languages(pieces: Iterable[tuple[str | None, int]]) -> DocLanguage:
    """Character-weighted document language from (lang, n_chars) pieces (rule in module docstring)."""
    totals: dict[str, int] = {}
    for lang, n in pieces:
        if lang and n > 0:
            totals[lang] = totals.get(lang, 0) + n
    total = sum(totals.values())
    if not total:
        return DocLanguage(None, 0.0, (), False)
    shares = tuple(sorted(((k, v / total) for k, v in totals.items()), key=lambda kv: (-kv[1], kv[0])))
    top = shares[0][0]
    cyrillic_in_latin = top in LATIN and any(k in CYRILLIC for k in totals)
    second = len(shares) > 1 and shares[1][1] >= MIXED_SHARE
    return DocLanguage(top, shares[0][1], shares, bool(cyrillic_in_latin or second))
