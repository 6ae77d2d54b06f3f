"""Fragment language identification: script first, letter evidence, word lexicons, n-gram model.

Why: the builder must label tiny fragments ("31 декабря 2018 г.", "Інші новини", "Español",
one-word UI strings) where off-the-shelf detectors are weakest, and it calls the identifier on
every script fragment of every line, so it must also be fast.

The decision (``identify``), for one fragment:

1. **Script**, by majority of letters as ``segment.script_of_text`` (a faster equivalent). No letters (numbers, URLs' punctuation, emoji):
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
3. **Word lexicons**: each word of the script is looked up, once, in a table that merges the
   wordfreq frequency lists of the script's languages (ru uk bg mk; sr from the Serbo-Croatian
   list transliterated 1:1 to Cyrillic; en de fr es it pt nl, also stored without accents since
   scraped text often loses them). A known word adds ``LEX_KNOWN + LEX_ZIPF * (zipf - 3)`` to a
   language's log-score, an unknown one ``-LEX_UNKNOWN`` (``-LEX_UNKNOWN_SMALL`` for the short
   bg and sr lists); be and kk have no list and get 0. For Cyrillic the sum is divided by
   sqrt(number of words): those languages share many words and two have no list, so a long
   fragment must still leave room for the model; the Latin lists are all large and decisive,
   so there the plain sum is used, which lets long English lines skip the model.
4. **Statistical model** of the backend, called only when steps 1-3 leave more than one language
   within reach of the best (the model's largest possible swing, ``MODEL_WEIGHT *
   log((1 + MODEL_FLOOR) / MODEL_FLOOR)``), and then restricted to those languages:
   ``default`` = lingua n-gram models (high accuracy, preloaded) for Cyrillic, py3langid for
   Latin (letters and lexicons already do most of the work there, and it is much cheaper);
   ``langdetect`` = one private langdetect factory per script loading only that script's
   profiles (seed 0; priors zero out the languages already out of reach). langdetect has no be,
   sr or kk profile: those get the mean of the others' log-probabilities (no information).
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
global one); nothing heavy at import: the lexicons of a script and the backend models load on
the first fragment of that script; identical fragments are memoized per identifier (LRU of
``CACHE_SIZE``); identifiers are cached per (backend, priors) in the process, so each process
(fork or spawn) holds its own read-only copy and calls are safe from several processes.

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
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence


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
LEX_ZIPF = 0.3
LEX_UNKNOWN = 2.0
LEX_UNKNOWN_SMALL = 1.0
LEX_MIN_ZIPF = 2.0
LEX_SCALE_POW: dict[str, float] = {"Cyrl": 0.5, "Latn": 0.0}
MODEL_WEIGHT = 1.0
LANGDETECT_WEIGHT = 0.5
MODEL_FLOOR = 0.01
MODEL_MAX_CHARS = 300
LEX_MAX_WORDS = 40
CACHE_SIZE = 65536
MIXED_SHARE = 0.10

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
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
_LETTER = re.compile(r"[^\W\d_]")
_CYR_LETTER = re.compile(r"(?=[^\W\d_])[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LAT_LETTER = re.compile(r"(?=[^\W\d_])[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff5a]")


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


def _latin_to_serbian_cyrillic(word: str) -> str:
    """Serbo-Croatian Latin spelling -> Serbian Cyrillic (the 1:1 correspondence, digraphs first)."""
    for lat, cyr in _SR_DIGRAPHS:
        word = word.replace(lat, cyr)
    return word.translate(_SR_FROM_LATIN)


def wordlist(lang: str) -> dict[str, float]:
    """Word -> zipf frequency for ``lang`` from wordfreq ({} for be and kk, which it lacks).

    Serbian comes from wordfreq's Serbo-Croatian list, in Latin script, transliterated to
    Cyrillic. Words rarer than ``LEX_MIN_ZIPF`` are left out to bound memory and load time.
    """
    code = _WORDFREQ_CODE.get(lang)
    if code is None:
        return {}
    import wordfreq

    out: dict[str, float] = {}
    for index, words in enumerate(wordfreq.get_frequency_list(code, "best")):
        zipf = 9.0 - index / 100.0
        if zipf < LEX_MIN_ZIPF:
            break
        for w in words:
            if lang == "sr":
                w = _latin_to_serbian_cyrillic(w)
            out.setdefault(w, zipf)
    return out


class _ScriptLexicon:
    """All word lists of one script merged: word -> tuple of log-evidence, one per language.

    One dictionary look-up per word scores every candidate language at once. A known word adds
    ``LEX_KNOWN + LEX_ZIPF * (zipf - 3)``, an unknown one ``-LEX_UNKNOWN`` (0 for languages
    without a list). Latin words with accents are also stored without them.
    """

    def __init__(self, script: str) -> None:
        self.langs = SCRIPT_LANGUAGES[script]
        lists = [wordlist(l) for l in self.langs]
        large = set()
        if any(lists):
            import wordfreq

            large = {lang for lang in self.langs if _WORDFREQ_CODE.get(lang) in wordfreq.available_languages("large")}
        self.unknown = tuple(-(LEX_UNKNOWN if lang in large else LEX_UNKNOWN_SMALL) if lst else 0.0
                             for lang, lst in zip(self.langs, lists))
        fold = script == "Latn"
        merged: dict[str, list[float]] = {}
        for i, lst in enumerate(lists):
            for w, z in lst.items():
                keys = (w, _fold(w)) if fold and not w.isascii() else (w,)
                for key in keys:
                    vec = merged.get(key)
                    if vec is None:
                        vec = merged[key] = list(self.unknown)
                    vec[i] = max(vec[i], LEX_KNOWN + LEX_ZIPF * (z - 3.0))
        shared: dict[tuple[float, ...], tuple[float, ...]] = {}
        self.table = {w: shared.setdefault(t, t) for w, v in merged.items() for t in (tuple(v),)}

    def evidence(self, word: str) -> tuple[float, ...]:
        """Evidence vector of one lower-case word (tries unaccented and elided forms)."""
        vec = self.table.get(word)
        if vec is None:
            if not word.isascii():
                vec = self.table.get(_fold(word))
            if vec is None and "'" in word:
                parts = [self.table.get(p) for p in word.split("'") if len(p) > 1]
                vec = max((v for v in parts if v), key=sum, default=None)
        return vec or self.unknown


_LEXICONS: dict[str, _ScriptLexicon] = {}
_LEX_LOCK = threading.Lock()


def script_lexicon(script: str) -> _ScriptLexicon:
    """The merged lexicon of a script, built on first use (per process)."""
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
    """lingua n-gram models, high accuracy mode, one detector per candidate set."""

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
            det = LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()
            self._detectors[candidates] = det
        return det

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        values = self._detector(candidates).compute_language_confidence_values(text[:MODEL_MAX_CHARS])
        codes = self._codes
        return {codes[v.language]: v.value for v in values}


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
    """py3langid naive Bayes over byte n-grams, restricted to the candidates."""

    name = "py3langid"

    def __init__(self) -> None:
        from importlib.metadata import version

        from py3langid.langid import MODEL_FILE, LanguageIdentifier as _Ident

        self.version = f"py3langid-{version('py3langid')}"
        self._model = _Ident.from_model_file(MODEL_FILE, norm_probs=True)
        self._subsets: dict[tuple[str, ...], object] = {}

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        ident = self._subsets.get(candidates)
        if ident is None:
            import copy

            ident = copy.copy(self._model)
            ident.set_languages(list(candidates))
            self._subsets[candidates] = ident
        return dict(ident.rank(text[:MODEL_MAX_CHARS]))


class _PerScriptBackend(_Backend):
    """The default model: lingua for Cyrillic candidates, py3langid for Latin ones.

    lingua is the most accurate on short Cyrillic text, where the languages are close; on Latin
    text the letters and lexicons already do most of the work and py3langid is 3-4x cheaper.
    """

    name = "lingua+py3langid"

    def __init__(self) -> None:
        self._models: dict[str, _Backend] = {}
        from importlib.metadata import version

        self.version = f"lingua-{version('lingua-language-detector')},py3langid-{version('py3langid')}"

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        script = "Cyrl" if candidates[0] in CYRILLIC else "Latn"
        model = self._models.get(script)
        if model is None:
            model = self._models[script] = (_LinguaBackend if script == "Cyrl" else _Py3langidBackend)()
        return model.probabilities(text, candidates)


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
        """Versions of the backend libraries and of wordfreq (for provenance)."""
        from importlib.metadata import version

        return f"{self.backend.version},wordfreq-{version('wordfreq')}"

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
        script = _script(text)
        prior = self._priors.get(script)
        if prior is None:
            return {}
        low = text.lower().translate(_APOSTROPHES)
        scores = dict(prior)
        _add_letters(low, script, scores)
        _add_lexicon(low, script, scores)
        self._add_model(text, scores)
        return scores

    def _add_model(self, text: str, scores: dict[str, float]) -> None:
        """Backend log-probabilities, only among the languages the model could still make win."""
        backend = self.backend
        floor = math.log(MODEL_FLOOR)
        reach = backend.weight * (math.log(1.0 + MODEL_FLOOR) - floor)
        best = max(scores.values())
        alive = tuple(l for l in scores if scores[l] > best - reach)
        probs = backend.probabilities(text, alive) if len(alive) > 1 else {}
        if not probs:
            return
        logs = {l: math.log(p + MODEL_FLOOR) for l, p in probs.items()}
        neutral = sum(logs.values()) / len(logs)
        for lang in scores:
            scores[lang] += backend.weight * (logs.get(lang, neutral) if lang in alive else floor)


def _script(text: str) -> str:
    """Majority script of the letters, as ``segment.script_of_text`` (Cyrl wins ties), but fast."""
    n_lat = len(_LAT_LETTER.findall(text))
    if text.isascii():
        return "Latn" if n_lat else "Zyyy"
    n_cyr = len(_CYR_LETTER.findall(text))
    n_other = len(_LETTER.findall(text)) - n_cyr - n_lat
    if n_other > max(n_cyr, n_lat):
        return "Other"
    if not n_cyr + n_lat:
        return "Zyyy"
    return "Cyrl" if n_cyr >= n_lat else "Latn"


def _add_letters(low: str, script: str, scores: dict[str, float]) -> None:
    """Alphabet and spelling evidence (tables ALPHABETS, ORTHOGRAPHY)."""
    present = set(low) & _family_letters(script)
    penalty = math.log(FOREIGN_LETTER if script == "Cyrl" else FOREIGN_LETTER_LATIN)
    for lang in scores:
        missing = len(present - ALPHABETS[lang])
        if missing:
            scores[lang] += penalty * missing
    for pattern, langs, factor in _ORTHO[script]:
        if pattern.search(low):
            for lang in langs:
                if lang in scores:
                    scores[lang] += factor


def _add_lexicon(low: str, script: str, scores: dict[str, float]) -> None:
    """Word-frequency evidence from the wordfreq lists (see module docstring)."""
    word_re = _SCRIPT_WORD[script]
    words = word_re.findall(low)[:LEX_MAX_WORDS]
    if not words:
        return
    lex = script_lexicon(script)
    totals = [sum(col) for col in zip(*map(lex.evidence, words))]
    scale = len(words) ** -LEX_SCALE_POW[script]
    for lang, total in zip(lex.langs, totals):
        if lang in scores:
            scores[lang] += total * scale


@lru_cache(maxsize=None)
def _family_letters(script: str) -> frozenset[str]:
    """All letters of the alphabets of a script's languages."""
    return frozenset().union(*(ALPHABETS[l] for l in SCRIPT_LANGUAGES[script]))


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
