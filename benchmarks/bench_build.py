"""Whole-build throughput and memory: documents/second and peak RSS of `build_dataset`, 1 vs N processes.

Each measurement runs in a fresh child process (so start-up, model loading and peak memory are
counted as a user sees them) over a corpus of the seeds in raw/ plus, when present, the pages of
../shared/eval/news-dev, copied ``--copies`` times under distinct names (the copies differ by a
marker line so no document repeats). Prints the median of ``--repeat`` runs and the ratio of each
configuration to the single-process baseline measured in the same run.

    .venv/bin/python benchmarks/bench_build.py --copies 20 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev" / "docs"

CHILD = """
import json, resource, sys, time
from pathlib import Path
from dataset_builder.build import build_dataset
t0 = time.perf_counter()
result = build_dataset(Path(sys.argv[1]), Path(sys.argv[2]), "1.0.0", jobs=int(sys.argv[3]))
wall = time.perf_counter() - t0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"docs": len(result.rows), "wall": wall, "rss_mb": max(own, kids) / 1024}))
"""


def make_corpus(dest: Path, copies: int) -> int:
    """Write ``copies`` distinct variants of every source page into ``dest``; return the count."""
    sources = sorted((ROOT / "raw").glob("*.txt")) + (sorted(NEWS_DEV.glob("*.txt")) if NEWS_DEV.is_dir() else [])
    n = 0
    for k in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            (dest / f"{k:03d}_{src.stem}.txt").write_text(f"{text}\nCopy {k} of {src.stem}.\n", encoding="utf-8")
            n += 1
    return n


def run(corpus: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([sys.executable, "-c", CHILD, str(corpus), out, str(jobs)],
                              capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = make_corpus(corpus, args.copies)
        print(f"corpus: {n} documents; median of {args.repeat} runs, each in a fresh process")
        base = None
        for jobs in args.jobs:
            runs = [run(corpus, jobs) for _ in range(args.repeat)]
            wall = statistics.median(r["wall"] for r in runs)
            rss = statistics.median(r["rss_mb"] for r in runs)
            rate = n / wall
            base = base or rate
            print(f"  jobs={jobs}: {rate:8.1f} docs/s  ({wall:6.2f} s)  peak RSS {rss:7.0f} MB  "
                  f"{rate / base:4.2f}x jobs={args.jobs[0]}")
        shutil.rmtree(corpus)


if __name__ == "__main__":
    main()
