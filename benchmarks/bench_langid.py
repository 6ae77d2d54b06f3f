"""Throughput of the fragment language identifier against plain ``langdetect.detect``.

Run: ``.venv/bin/python benchmarks/bench_langid.py [--repeat 5] [--langdetect-sample 300]``

Pinned to one core. Two fragment mixes, every fragment unique (so the memo cannot help a cold run):

* ``lid``: the lines of ``../shared/eval/lid-dev`` (single words, word pairs, sentences), read at
  run time when that folder exists (the eval README allows benchmarks to read it);
* ``news``: the script fragments (``segment.split_fragments``) of every line of ``raw/*.txt``
  and of the ``../shared/eval/news-dev`` pages, i.e. what the builder really feeds the identifier.

For each mix it prints the median over ``--repeat`` runs of: our identifier cold (fragment memo
and per-word lexicon memos emptied before each cold run; models and lexicons stay loaded),
warm (same fragments again, memo full), our ``langdetect`` backend cold, and plain
``langdetect.detect`` (seeded, on an evenly spaced sample of the same mix, since it is ~100x
slower), plus the cold ratio ours / langdetect.detect.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import pin_to_one_core  # noqa: E402
from dataset_builder import langid  # noqa: E402
from dataset_builder.segment import split_fragments, split_lines  # noqa: E402

LID_DEV = ROOT.parent / "shared" / "eval" / "lid-dev"
NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev" / "docs"


def lid_mix() -> list[str]:
    """Unique lines of the lid-dev files (empty when the folder is absent)."""
    out: dict[str, None] = {}
    if LID_DEV.is_dir():
        for path in sorted(LID_DEV.glob("*/*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out[line.strip()] = None
    return list(out)


def news_mix() -> list[str]:
    """Unique script fragments of the lines of raw/*.txt and of the news-dev pages."""
    out: dict[str, None] = {}
    paths = sorted((ROOT / "raw").glob("*.txt")) + (sorted(NEWS_DEV.glob("*.txt")) if NEWS_DEV.is_dir() else [])
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in split_lines(text):
            for frag in split_fragments(text, line.start, line.end):
                piece = text[frag.start:frag.end]
                if piece.strip():
                    out[piece] = None
    return list(out)


def rate(fn: Callable[[str], object], items: list[str]) -> float:
    """Fragments per second of ``fn`` over ``items``."""
    start = time.perf_counter()
    for x in items:
        fn(x)
    return len(items) / (time.perf_counter() - start)


def plain_langdetect() -> Callable[[str], object]:
    """``langdetect.detect`` with the global factory seeded, no-letter errors swallowed."""
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    langdetect.DetectorFactory.seed = 0

    def detect(text: str) -> str | None:
        try:
            return langdetect.detect(text)
        except LangDetectException:
            return None

    return detect


def bench(name: str, items: list[str], repeat: int, sample: int) -> None:
    """Print the medians for one mix."""
    if not items:
        print(f"{name}: no fragments (source missing), skipped")
        return
    ours = langid.get_identifier("default")
    ours_ld = langid.get_identifier("langdetect")
    for ident in (ours, ours_ld):  # load lexicons and models outside the timed runs
        for x in items[:50]:
            ident.identify_uncached(x)
    cold, warm, ld_backend, plain = [], [], [], []
    step = max(1, len(items) // sample)
    subset = items[::step]
    detect = plain_langdetect()
    detect(subset[0])
    for _ in range(repeat):
        ours._cache.clear()
        langid.clear_word_memos()
        cold.append(rate(ours.identify, items))
        warm.append(rate(ours.identify, items))
        ours_ld._cache.clear()
        langid.clear_word_memos()
        ld_backend.append(rate(ours_ld.identify, subset))
        plain.append(rate(detect, subset))
    med = statistics.median
    print(f"== {name}: {len(items)} unique fragments (langdetect runs on {len(subset)} of them), "
          f"median of {repeat} runs, one core")
    print(f"  ours (default, cold)      {med(cold):10,.0f} fragments/s")
    print(f"  ours (default, warm memo) {med(warm):10,.0f} fragments/s")
    print(f"  ours (langdetect backend) {med(ld_backend):10,.0f} fragments/s")
    print(f"  plain langdetect.detect   {med(plain):10,.0f} fragments/s")
    print(f"  ratio cold ours / langdetect.detect: {med(cold) / med(plain):,.0f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--langdetect-sample", type=int, default=300)
    args = ap.parse_args()
    pin_to_one_core()
    print(f"identifier: {langid.get_identifier().name} ({langid.get_identifier().version})")
    bench("lid", lid_mix(), args.repeat, args.langdetect_sample)
    bench("news", news_mix(), args.repeat, args.langdetect_sample)


if __name__ == "__main__":
    main()
