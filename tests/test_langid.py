"""Fragment language identification: one test per rule, and per language family.

Fixtures are short, real-looking UI strings and headlines written for these tests.
"""
from __future__ import annotations

import math

import pytest

from dataset_builder import langid
from dataset_builder.langid import (
    ALPHABETS,
    CYRILLIC,
    LATIN,
    DocLanguage,
    LangResult,
    document_languages,
    get_identifier,
    parse_languages,
)
from dataset_builder.segment import script_of_text


class SpyBackend(langid._Backend):
    """Backend that records its calls and answers uniformly (no information)."""

    name = "spy"
    version = "spy-0"

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        self.calls.append((text, candidates))
        return {c: 1.0 / len(candidates) for c in candidates}


def spied(languages=None) -> tuple[langid.LanguageIdentifier, SpyBackend]:
    """A fresh identifier (not the cached one) whose model is a spy."""
    ident = langid.LanguageIdentifier("default", parse_languages(languages))
    spy = SpyBackend()
    ident._backend = spy
    return ident, spy


# --- script first -------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2018", "12:45", "@SadiqKhan", "https://t.co/1a2B", "— ", "🙂 👍", "+7 (495) 123-45-67"])
def test_no_letters_gives_no_language_and_no_model_call(text):
    ident, spy = spied()
    result = ident.identify(text)
    if script_of_text(text) == "Zyyy":
        assert result == LangResult(None, 0.0)
        assert spy.calls == []
    else:  # handles and URLs do contain letters: they get a Latin language
        assert result.lang in LATIN


def test_pure_numbers_never_reach_the_model():
    ident, spy = spied()
    assert ident.identify("31.12.2018, 14:05") == LangResult(None, 0.0)
    assert spy.calls == []


def test_other_scripts_get_no_language():
    ident, spy = spied()
    assert ident.identify("Ελληνικά").lang is None
    assert ident.identify("日本語").lang is None
    assert spy.calls == []


def test_cyrillic_fragment_only_gets_cyrillic_candidates():
    ident, spy = spied()
    assert ident.identify("все новости").lang in CYRILLIC
    assert set(ident.scores("все новости")) == set(CYRILLIC)
    assert all(set(c) <= set(CYRILLIC) for _, c in spy.calls)


def test_latin_fragment_only_gets_latin_candidates():
    ident, spy = spied()
    assert ident.identify("more news").lang in LATIN
    assert set(ident.scores("more news")) == set(LATIN)
    assert all(set(c) <= set(LATIN) for _, c in spy.calls)


# --- letter evidence ----------------------------------------------------------------------

def letter_scores(text: str) -> dict[str, float]:
    script = script_of_text(text)
    scores = {l: 0.0 for l in langid.SCRIPT_LANGUAGES[script]}
    langid._add_letters(langid._normalise(text), script, scores)
    return scores


@pytest.mark.parametrize("letter, only", [
    ("ї", {"uk"}), ("є", {"uk"}), ("ґ", {"uk"}), ("ў", {"be"}), ("ђ", {"sr"}), ("ћ", {"sr"}),
    ("ѓ", {"mk"}), ("ќ", {"mk"}), ("ѕ", {"mk"}), ("ә", {"kk"}), ("ұ", {"kk"}), ("қ", {"kk"}),
    ("і", {"uk", "be", "kk"}), ("ј", {"sr", "mk"}), ("љ", {"sr", "mk"}), ("ё", {"ru", "be", "kk"}),
    ("ы", {"ru", "be", "kk"}), ("э", {"ru", "be", "kk"}),
])
def test_alphabet_tables(letter, only):
    assert {l for l in CYRILLIC if letter in ALPHABETS[l]} == only


@pytest.mark.parametrize("text, winners", [
    ("Їжа та напої", {"uk"}), ("Ўсе навіны", {"be"}), ("Ђорђе", {"sr"}), ("Ќерка", {"mk"}),
    ("Қазақстан", {"kk"}), ("Өңір", {"kk"}), ("Інші новини", {"uk", "kk"}),  # і + и: not be
])
def test_conclusive_letters_decide(text, winners):
    scores = letter_scores(text)
    best = max(scores.values())
    assert {l for l, s in scores.items() if s == best} == winners


def test_ukrainian_letters_rule_out_russian_and_bulgarian():
    scores = letter_scores("Пошук по сайту: їжа")
    assert scores["ru"] <= math.log(langid.FOREIGN_LETTER)
    assert scores["bg"] <= math.log(langid.FOREIGN_LETTER)
    assert scores["uk"] == 0.0


def test_russian_only_letters_rule_out_ukrainian():
    scores = letter_scores("Объявления в этом разделе")
    assert scores["uk"] <= math.log(langid.FOREIGN_LETTER)
    assert scores["bg"] <= math.log(langid.FOREIGN_LETTER)
    assert scores["ru"] == 0.0


@pytest.mark.parametrize("text, hit, spared", [
    ("България", "ru", "bg"),          # ъ before a consonant: never Russian
    ("пьеса", "bg", "ru"),             # ь before a vowel other than о: never Bulgarian
    ("речь", "be", "ru"),              # soft р: never Belarusian
    ("день", "be", "ru"),              # soft д (Belarusian writes дз): never Belarusian
    ("м'ясо", "ru", "uk"),             # apostrophe inside a word: Ukrainian or Belarusian only
    ("м’ясо", "bg", "uk"),             # typographic apostrophe normalised
    ("жыццё", "ru", "be"),             # ы after ж: never Russian
    ("гэта", "ru", "be"),              # э after a consonant: not Russian
])
def test_orthography_rules(text, hit, spared):
    scores = letter_scores(text)
    assert scores[hit] < scores[spared]


def test_latin_foreign_letters_are_soft():
    scores = letter_scores("Straße")
    assert scores["de"] == 0.0
    assert math.log(langid.FOREIGN_LETTER_LATIN) == pytest.approx(scores["en"])


# --- lexicon ------------------------------------------------------------------------------

def test_lexicon_vectors_follow_word_lists():
    lex = langid.script_lexicon("Cyrl")
    ru, uk = lex.langs.index("ru"), lex.langs.index("uk")
    vec = lex.evidence("сейчас")
    assert vec[ru] > vec[uk] and vec[ru] > 0
    assert lex.evidence("зараз")[uk] > lex.evidence("зараз")[ru]
    vec = lex.evidence("щзфхъ")
    assert list(lex._lookup("щзфхъ")) == list(lex.unknown)
    assert vec[ru] == vec[uk] == langid.MORPH_UNKNOWN  # neither list nor dictionary knows it
    assert [v for i, v in enumerate(vec) if i not in (ru, uk)] == [u for i, u in enumerate(lex.unknown) if i not in (ru, uk)]
    assert vec[lex.langs.index("be")] == 0.0  # no list: no evidence


def test_serbian_list_is_transliterated_to_cyrillic():
    lex = langid.script_lexicon("Cyrl")
    assert lex.evidence("године")[lex.langs.index("sr")] > 0


def test_latin_lexicon_matches_words_that_lost_their_accents():
    lex = langid.script_lexicon("Latn")
    es = lex.langs.index("es")
    assert lex.evidence("informacion")[es] > 0
    assert lex.evidence("información")[es] > 0


def test_morphology_knows_rare_russian_forms_the_lists_lack():
    lex = langid.script_lexicon("Cyrl")
    ru, uk = lex.langs.index("ru"), lex.langs.index("uk")
    word = "пересчитывающему"  # a real but rare participle form: in no frequency list
    assert list(lex._lookup(word)) == list(lex.unknown)  # every list lacks it: all penalties
    vec = lex.evidence(word)
    assert vec[ru] == langid.MORPH_KNOWN > lex.unknown[ru]
    assert vec[uk] == langid.MORPH_UNKNOWN  # the Ukrainian dictionary lacks it too
    assert get_identifier().identify(word).lang == "ru"


def test_morphology_knows_rare_ukrainian_forms_the_lists_lack():
    lex = langid.script_lexicon("Cyrl")
    ru, uk = lex.langs.index("ru"), lex.langs.index("uk")
    vec = lex.evidence("передплачуватимуть")  # no і/ї/є: only the dictionary tells it is Ukrainian
    assert vec[uk] == langid.MORPH_KNOWN and vec[ru] == langid.MORPH_UNKNOWN
    assert get_identifier().identify("передплачуватимуть").lang == "uk"


def test_absence_from_list_and_dictionary_weighs_more_than_absence_from_a_list():
    lex = langid.script_lexicon("Cyrl")
    ru, mk = lex.langs.index("ru"), lex.langs.index("mk")
    assert langid.MORPH_UNKNOWN < lex.unknown[ru] < 0.0
    vec = lex.evidence("најдоцнежниот")  # no list and no Russian form: the penalty of both
    assert vec[ru] == langid.MORPH_UNKNOWN < vec[mk]


def test_serbian_inflection_unknown_to_every_list_is_not_russian():
    # "-ог" adjective ending, letters all shared by ru and sr: only the Russian dictionary's
    # silence tells that this is no Russian form (with a list's penalty alone the ru prior won)
    word = "доступног"
    lex = langid.script_lexicon("Cyrl")
    assert lex.evidence(word)[lex.langs.index("ru")] == langid.MORPH_UNKNOWN
    assert get_identifier().identify(word).lang == "sr"


def test_frequency_slope_is_steeper_for_cyrillic_than_for_latin():
    assert langid.LEX_ZIPF["Cyrl"] > langid.LEX_ZIPF["Latn"]
    lex = langid.script_lexicon("Cyrl")
    sr, ru = lex.langs.index("sr"), lex.langs.index("ru")
    zipf = langid.wordlist("ru")["сейчас"]
    assert lex.evidence("сейчас")[ru] == pytest.approx(langid.LEX_KNOWN + langid.LEX_ZIPF["Cyrl"] * (zipf - 3.0))
    assert lex.evidence("године")[sr] > lex.evidence("године")[ru]


def test_morphology_is_not_consulted_for_listed_words():
    lex = langid.script_lexicon("Cyrl")
    ru = lex.langs.index("ru")
    assert lex.evidence("сейчас")[ru] > langid.MORPH_KNOWN  # the frequency list's value, not the dictionary's


def test_belarusian_gets_a_share_of_the_east_slavic_evidence():
    lex = langid.script_lexicon("Cyrl")
    ru, uk, be = (lex.langs.index(l) for l in ("ru", "uk", "be"))
    vec = lex.evidence("так")
    assert vec[be] == pytest.approx(langid.BE_SHARE * (vec[ru] + vec[uk]) / 2) and vec[be] > 0
    assert lex.evidence("щзфхъ")[be] == 0.0  # never negative


def test_word_memo_is_bounded_and_transparent(monkeypatch):
    lex = langid.script_lexicon("Cyrl")
    words = ["новости", "новини", "вести", "жаңалықтар", "навіны"]
    fresh = [lex._compute(w) for w in words]
    monkeypatch.setattr(langid, "WORD_MEMO", 3)
    lex._memo.clear()
    assert [lex.evidence(w) for w in words] == fresh
    assert len(lex._memo) <= 3
    langid.clear_word_memos()
    assert not lex._memo


def test_words_of_another_script_carry_no_lexicon_evidence():
    assert langid._SCRIPT_WORD["Cyrl"].findall("объекта 5-{h}- x") == ["объекта"]


# --- priors -------------------------------------------------------------------------------

def test_parse_languages_forms():
    assert parse_languages("en,ru:4") == {"en": 1.0, "ru": 4.0}
    assert parse_languages(["EN", "uk"]) == {"en": 1.0, "uk": 1.0}
    assert parse_languages({"ru": 2}) == {"ru": 2.0}
    assert parse_languages(None) is None
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        parse_languages("en,xx")
    with pytest.raises(ValueError, match="positive"):
        parse_languages("ru:0")


def test_default_priors_favour_russian_and_english():
    priors = langid._log_priors(None)
    assert priors["Cyrl"]["ru"] == max(priors["Cyrl"].values()) > priors["Cyrl"]["bg"]
    assert priors["Latn"]["en"] == max(priors["Latn"].values())


def test_listed_languages_narrow_softly():
    priors = langid._log_priors({"en": 1.0, "ru": 1.0})
    assert priors["Cyrl"]["ru"] == 0.0
    assert priors["Cyrl"]["uk"] == pytest.approx(math.log(langid.UNLISTED_PRIOR))


def test_script_without_listed_language_falls_back_to_defaults():
    priors = langid._log_priors({"ru": 1.0, "uk": 1.0})
    assert priors["Latn"] == langid._log_priors(None)["Latn"]


def test_conclusive_letters_beat_an_unlisted_prior():
    ident = get_identifier(languages="en,ru")
    assert ident.identify("Інші новини").lang == "uk"


def test_prior_decides_a_word_shared_by_listed_and_unlisted_languages():
    assert get_identifier(languages="en,uk").identify("новини").lang == "uk"


# --- the model is only called when needed, and memoised -------------------------------------

def test_model_only_sees_languages_still_in_reach():
    ident, spy = spied()
    ident.identify("Інші новини")  # і rules out ru, bg, sr, mk
    for _, cands in spy.calls:
        assert not {"ru", "bg", "sr", "mk"} & set(cands)


def test_no_model_call_when_letters_and_lexicons_are_decisive():
    ident, spy = spied()
    assert ident.identify("Share this article with your friends").lang == "en"
    assert ident.identify("Подписаться на рассылку новостей").lang == "ru"
    assert spy.calls == []


class SureBackend(SpyBackend):
    """Backend that records its calls and is certain of the first candidate."""

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        self.calls.append((text, candidates))
        return {c: float(i == 0) for i, c in enumerate(candidates)}


@pytest.mark.parametrize("fast, slow_called", [(SureBackend, False), (SpyBackend, True)])
def test_cyrillic_asks_py3langid_first_and_lingua_only_when_close(fast, slow_called):
    ident = langid.LanguageIdentifier("default")
    backend = langid._PerScriptBackend()
    backend._models = {"py3langid": fast(), "lingua": SpyBackend()}
    ident._backend = backend
    ident.identify("новини")  # uk, bg, mk, sr share it: undecided by letters and lexicons
    assert len(backend._models["py3langid"].calls) == 1
    assert bool(backend._models["lingua"].calls) is slow_called


def test_latin_text_loads_nothing_cyrillic():
    import subprocess
    import sys

    code = ("import sys; from dataset_builder import langid; "
            "r = langid.get_identifier().identify('Read more about it'); "
            "print(r.lang, sorted(langid._LEXICONS), 'lingua' in sys.modules, 'pymorphy3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["en", "['Latn']", "False", "False"]


def test_repeated_fragments_are_memoised():
    ident, spy = spied()
    first = ident.identify("Все новости")
    n = len(spy.calls)
    assert ident.identify("Все новости") is first
    assert len(spy.calls) == n


def test_get_identifier_caches_and_rejects_unknown_backend():
    assert get_identifier() is get_identifier("default")
    assert get_identifier(languages="en,ru") is get_identifier(languages=["ru", "en"])
    assert get_identifier(languages="en,ru") is not get_identifier()
    with pytest.raises(ValueError, match="unknown langid backend 'cld9'"):
        get_identifier("cld9")


def test_score_is_a_probability():
    for text in ("Все новости", "Read more", "Інші новини"):
        r = get_identifier().identify(text)
        assert 0.0 < r.score <= 1.0
    assert get_identifier().version.startswith("lingua-")


# --- per language family (real models) -----------------------------------------------------

CYRILLIC_CASES = [
    ("Все новости", "ru"), ("31 декабря 2018 г.", "ru"), ("Подписаться на рассылку", "ru"),
    ("Читать далее", "ru"), ("Інші новини", "uk"), ("Головна сторінка", "uk"),
    ("Усе навіны дня", "be"), ("Последните новини от България", "bg"),
    ("Најновије вести из Србије", "sr"), ("Ќе продолжи и утре", "mk"),
    ("Барлық жаңалықтар", "kk"),
]
LATIN_CASES = [
    ("Read more", "en"), ("Share this article", "en"), ("Photo: ", "en"),
    ("Weitere Nachrichten aus der Region", "de"), ("Toutes les actualités du jour", "fr"),
    ("Más noticias de la semana", "es"), ("Tutte le notizie di oggi", "it"),
    ("Mais notícias do dia", "pt"), ("Meer nieuws uit de regio", "nl"), ("Español", "es"),
]


@pytest.mark.parametrize("text, lang", CYRILLIC_CASES)
def test_cyrillic_family(text, lang):
    assert get_identifier().identify(text).lang == lang


@pytest.mark.parametrize("text, lang", LATIN_CASES)
def test_latin_family(text, lang):
    assert get_identifier().identify(text).lang == lang


def test_russian_words_are_not_called_english_and_back():
    ident = get_identifier()
    assert {ident.identify(w).lang for w in ("Новости", "Москва", "Главная", "Погода")} == {"ru"}
    assert {ident.identify(w).lang for w in ("News", "Weather", "Home", "Subscribe")} == {"en"}


# --- langdetect backend -------------------------------------------------------------------

def test_langdetect_backend_uses_private_seeded_factories():
    import langdetect.detector_factory as df

    before = df._factory
    ident = get_identifier("langdetect")
    assert ident.identify("Все новости").lang == "ru"
    assert ident.identify("Інші новини").lang == "uk"
    assert ident.identify("Weitere Nachrichten aus der Region").lang == "de"
    assert df._factory is before  # the global factory is never created nor touched
    facs = [f for f in ident.backend._factories.values() if f is not None]
    assert facs and all(f.seed == 0 for f in facs)
    assert set(facs[0].langlist) <= set(CYRILLIC) or set(facs[0].langlist) <= set(LATIN)
    assert ident.version.startswith("langdetect-1.0.9")


def test_langdetect_backend_is_deterministic():
    a = langid.LanguageIdentifier("langdetect")
    b = langid.LanguageIdentifier("langdetect")
    texts = ["Последние новости", "Toutes les actualités", "Mais notícias"]
    assert [a.identify_uncached(t) for t in texts] == [b.identify_uncached(t) for t in texts]


# --- document level -----------------------------------------------------------------------

def test_document_character_weighted_shares_sorted():
    doc = document_languages([("en", 900), ("ru", 60), (None, 40), ("uk", 40), ("en", 100)])
    assert doc.lang == "en"
    assert doc.score == pytest.approx(1000 / 1100)
    assert [k for k, _ in doc.shares] == ["en", "ru", "uk"]
    assert doc.mixed  # Cyrillic boilerplate inside an English document


def test_document_shares_tie_sorted_by_code():
    assert [k for k, _ in document_languages([("fr", 10), ("de", 10)]).shares] == ["de", "fr"]


def test_document_not_mixed_when_one_language():
    doc = document_languages([("en", 500), ("en", 20), (None, 30)])
    assert doc == DocLanguage("en", 1.0, (("en", 1.0),), False)


def test_document_mixed_by_second_language_share():
    assert document_languages([("en", 85), ("de", 15)]).mixed
    assert not document_languages([("en", 95), ("de", 5)]).mixed
    assert document_languages([("ru", 80), ("uk", 20)]).mixed


def test_document_without_letters():
    assert document_languages([(None, 12)]) == DocLanguage(None, 0.0, (), False)


# --- speed paths (results must equal the slow way) ---------------------------------------

@pytest.mark.parametrize("candidates", [langid.CYRILLIC, ("ru", "uk"), ("sr", "mk", "bg"), langid.LATIN, ("en", "de")])
def test_lean_py3langid_call_gives_py3langids_probabilities(candidates):
    import copy

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    reference = copy.copy(reference)
    reference.set_languages(list(candidates))
    ours = langid._Py3langidBackend()
    for text in ["Інші новини", "Все новости", "Вести дана", "Neuigkeiten aus aller Welt",
                 "HOLA MUNDO", "Новости", "!!!", "x"]:
        want = dict(reference.rank(text))
        got = ours.probabilities(text, candidates)
        assert set(got) == set(want)
        assert all(got[k] == pytest.approx(want[k], abs=1e-4) for k in want)
        assert sum(got.values()) == pytest.approx(1.0)


def test_lean_py3langid_tables_are_shared_per_script():
    ours = langid._Py3langidBackend()
    ours.probabilities("Все новости", ("ru", "uk"))
    ours.probabilities("Все новости", ("ru", "bg", "mk"))
    ours.probabilities("news today", ("en", "de"))
    assert set(ours._tables) == {"Cyrl", "Latn"}  # one float32 table per script, not per set


class _Recorder(langid._Backend):
    def __init__(self):
        self.calls = []

    def probabilities(self, text, candidates):
        self.calls.append(candidates)
        return {c: 1.0 / len(candidates) for c in candidates}


@pytest.mark.parametrize("lead, script, called", [
    (langid.DECISIVE[0] + 0.1, "Latn", False), (langid.DECISIVE[0] - 0.1, "Latn", True),
    (langid.DECISIVE[1] + 0.1, "Cyrl", False), (langid.DECISIVE[1] - 0.1, "Cyrl", True),
])
def test_decisive_margin_per_script_skips_the_model(lead, script, called):
    ident = langid.LanguageIdentifier("langdetect")
    ident._backend = recorder = _Recorder()
    langs = langid.SCRIPT_LANGUAGES[script]
    scores = {l: 0.0 for l in langs}
    scores[langs[1]] = lead
    ident._add_model("text", scores)
    assert bool(recorder.calls) is called


def test_letters_every_alphabet_shares_cost_nothing():
    assert set(letter_scores("молоко").values()) == {0.0}
    assert set(letter_scores("water").values()) == {0.0}
    with_e = letter_scores("réseau")
    assert with_e["en"] < 0 and with_e["fr"] == 0.0


# --- fast paths that must not change any answer --------------------------------------------

def test_latin_fold_table_matches_unicode_folding():
    for cp in range(0xDF, 0x250):
        assert chr(cp).translate(langid._FOLD_LATIN) == langid._fold(chr(cp))
    assert "crème brûlée à façon".translate(langid._FOLD_LATIN) == "creme brulee a facon"


def test_normalise_lowercases_and_unifies_apostrophes():
    assert langid._normalise("Ім’я, Об`єкт, Мʼята") == "ім'я, об'єкт, м'ята"
    assert langid._normalise("Don’t STOP") == "don't stop"


def test_known_evidence_is_positive_and_unknown_penalties_are_not():
    """``_lookup`` tells a known word from an unknown one by the sign of its evidence."""
    for slope in langid.LEX_ZIPF.values():
        assert langid.LEX_KNOWN + slope * (langid.LEX_MIN_ZIPF - 3.0) > 0.0
    for script in ("Latn", "Cyrl"):
        assert all(u <= 0.0 for u in langid.script_lexicon(script).unknown)
    lex = langid.script_lexicon("Latn")
    assert lex._lookup("the")[lex.langs.index("en")] > 0.0
    assert lex._lookup("qzxvbk") == list(lex.unknown)


class LeaningBackend(SpyBackend):
    """Backend that records its calls and gives its first candidate probability ``p``."""

    def __init__(self, p: float) -> None:
        super().__init__()
        self.p = p

    def probabilities(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        self.calls.append((text, candidates))
        rest = (1.0 - self.p) / (len(candidates) - 1)
        return {c: (self.p if i == 0 else rest) for i, c in enumerate(candidates)}


@pytest.mark.parametrize("p", [0.2, 0.35, 0.5, 0.65, 0.8, 0.95])
def test_lingua_is_asked_exactly_when_py3langid_leaves_a_lead_under_cascade(p):
    text = "новини"  # uk, bg, mk, sr share it: undecided by letters and lexicons
    ident = langid.LanguageIdentifier("default")
    backend = langid._PerScriptBackend()
    fast = LeaningBackend(p)
    backend._models = {"py3langid": fast, "lingua": SpyBackend()}
    ident._backend = backend
    ident.identify(text)
    (_, alive), = fast.calls
    trial = dict(ident._priors["Cyrl"])
    low = langid._normalise(text)
    langid._add_letters(low, "Cyrl", trial)
    langid._add_lexicon(low, "Cyrl", trial)
    langid._add_log_probs(trial, fast.probabilities(text, alive), alive, 1.0)
    first, second = sorted(trial.values())[-1:-3:-1]
    assert bool(backend._models["lingua"].calls) is (first - second < langid.CASCADE)


def test_scores_repeat_exactly_across_processes():
    """lingua's last bits vary between processes; the rounded values must not (builds repeat)."""
    import subprocess
    import sys

    code = ("from dataset_builder.langid import get_identifier\n"
            "i = get_identifier()\n"
            "for t in ['перед таким', 'нова година', 'добар дан', 'вялікі горад', 'жаңа жыл']:\n"
            "    print(repr(i.scores(t)), repr(i.identify(t)))\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(3)}
    assert len(runs) == 1
