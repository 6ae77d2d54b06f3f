"""Throughput of the body/boilerplate separation stage against jusText, on one core, in one run.

Run: ``.venv/bin/python benchmarks/bench_boilerplate.py [--repeat 7] [--rounds 20]``

Documents: the seeds in ``raw/*.txt`` plus the pages of ``../shared/eval/news-dev/docs`` (read at
run time when the folder exists; the eval README allows benchmarks to read it). The process is
pinned to the first CPU it may run on (``common.pin_to_one_core``; ``taskset -c N`` picks it).
Each measurement processes every document ``--rounds`` times; the median over ``--repeat``
measurements is reported, in documents/second.

Compared, on the same documents:

* ``jusText``: ``justext.justext(html, justext.get_stoplist("English"))`` where ``html`` wraps
  every line of the document as an HTML-escaped ``<p>`` paragraph (the minimal wrapping).
* ``separate (script langid, cold)``: ``boilerplate.separate`` with a script-only identifier: the
  separation stage alone (segmentation, features, rules, context, spans), with the memo of
  line-rule matches cleared before every pass over the documents.
* ``separate (script langid, warm)``: the same with that memo kept (template lines recur in a
  corpus; here every line recurs, so this is an upper bound).
* ``separate (real langid, warm)``: the same with the project's identifier after one warm-up
  pass, i.e. with its memo filled, as in a build where template fragments recur.

The counting pass (``CorpusStats``) is done once before timing, as in a build.
"""
from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import pin_to_one_core  # noqa: E402
from dataset_builder import boilerplate  # noqa: E402
from dataset_builder.boilerplate import CorpusStats, line_keys, separate  # noqa: E402
from dataset_builder.langid import LangResult, get_identifier  # noqa: E402

NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev" / "docs"


def documents() -> list[str]:
    """The raw seeds and the news-dev pages (when present), as decoded text."""
    paths = sorted((ROOT / "raw").glob("*.txt"))
    if NEWS_DEV.is_dir():
        paths += sorted(NEWS_DEV.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


_CYR = re.compile("[\u0400-\u052f]")
_LAT = re.compile("[A-Za-z\u00c0-\u024f]")


def script_identify(text: str) -> LangResult:
    """Script-only language guess (any Cyrillic -> ru, else Latin -> en): no model in the loop."""
    if _CYR.search(text):
        return LangResult("ru", 1.0)
    return LangResult("en", 1.0) if _LAT.search(text) else LangResult(None, 0.0)


def rate(fn: Callable[[str], object], docs: list[str], rounds: int, repeat: int, cold: bool = False) -> float:
    """Median documents/second of ``fn`` over ``repeat`` timed runs of ``rounds`` passes."""
    rates = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(rounds):
            if cold:
                boilerplate.clear_memos()
            for d in docs:
                fn(d)
        rates.append(rounds * len(docs) / (time.perf_counter() - t0))
    return statistics.median(rates)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    pin_to_one_core()
    import justext

    docs = documents()
    stats = CorpusStats.from_counts(("bench", line_keys(d)) for d in docs)
    stoplist = justext.get_stoplist("English")
    wrapped = {d: "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in d.splitlines()) + "</body></html>"
               for d in docs}
    identifier = get_identifier("default", ["en", "ru", "uk"])
    for d in docs:
        separate(d, identifier.identify, stats, "bench")

    def run_justext(d: str) -> object:
        return justext.justext(wrapped[d], stoplist)

    results = {
        "jusText": rate(run_justext, docs, args.rounds, args.repeat),
        "separate (script langid, cold)": rate(lambda d: separate(d, script_identify, stats, "bench"), docs,
                                               args.rounds, args.repeat, cold=True),
        "separate (script langid, warm)": rate(lambda d: separate(d, script_identify, stats, "bench"), docs,
                                               args.rounds, args.repeat),
        "separate (real langid, warm)": rate(lambda d: separate(d, identifier.identify, stats, "bench"), docs,
                                             args.rounds, args.repeat),
    }
    chars = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {chars} characters; one core; median of {args.repeat} runs x {args.rounds} rounds")
    base = results["jusText"]
    for name, value in results.items():
        print(f"  {name:<32} {value:10.1f} docs/s   {value / base:6.2f}x jusText")


if __name__ == "__main__":
    main()
