"""Pipeline steps of the build, datatrove-style: one small class per stage, a uniform ``run(data)``.

A stream holds documents (``RawDocument``, then row dicts) and ``Reject`` items. Every step
passes the rejects it receives through untouched and turns a document it cannot use into a
reject with its reason, so no input is ever dropped. Each step counts what it does in
``stats`` (deterministic: the same inputs give the same counts, whatever ``jobs``) and the
time it spent in ``seconds`` (wall clock, so kept out of the manifest).
"""
from __future__ import annotations

import itertools
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from time import perf_counter
from typing import Callable, Iterable, Iterator, Sequence, Union

from .boilerplate import BODY, CorpusStats, line_keys
from .ingest import IngestError, RawDocument, Reject, discover, read_document
from .records import BuildConfig, transform

#: What flows between steps: a raw document, a row, or a reject.
Item = Union[RawDocument, dict, Reject]


class PipelineStep:
    """One stage: ``run(data)`` consumes a stream and lazily yields the next one.

    Subclasses implement ``process``; ``run`` adds the timing. Every step counts at least
    ``documents_in`` and ``documents_out``, and ``rejected:<kind>`` for each reject it makes.
    """

    name = "step"

    def __init__(self) -> None:
        self.stats: Counter[str] = Counter(documents_in=0, documents_out=0)
        self.seconds = 0.0

    def run(self, data: Iterable[Item] = ()) -> Iterator[Item]:
        """Yield ``process(data)``, adding the time spent in this step (not upstream) to ``seconds``."""
        upstream = _Timed(data)
        outputs = _Timed(self.process(upstream))
        yield from outputs
        self.seconds += outputs.seconds - upstream.seconds

    def process(self, data: Iterable[Item]) -> Iterator[Item]:
        """The step's work; must yield every ``Reject`` of ``data`` unchanged."""
        raise NotImplementedError

    def reject(self, path: str, reason: str, kind: str) -> Reject:
        """A new reject, counted under ``rejected:<kind>``."""
        self.stats[f"rejected:{kind}"] += 1
        return Reject(path, reason)

    def summary(self) -> str:
        """One line for the terminal: documents in and out, rejects made, time spent."""
        rejected = sum(v for k, v in self.stats.items() if k.startswith("rejected:"))
        return (f"{self.name}: {self.stats['documents_in']} in, {self.stats['documents_out']} out, "
                f"{rejected} rejected, {self.seconds:.2f} s")


class _Timed:
    """An iterator that adds up in ``seconds`` the time spent in the wrapped iterator's ``next``."""

    def __init__(self, data: Iterable[Item]) -> None:
        self._it = iter(data)
        self.seconds = 0.0

    def __iter__(self) -> "_Timed":
        return self

    def __next__(self) -> Item:
        start = perf_counter()
        try:
            return next(self._it)
        finally:
            self.seconds += perf_counter() - start


class ReadStep(PipelineStep):
    """Ingest a corpus folder: every listed input becomes a ``RawDocument`` or a reject.

    Like a datatrove reader, it first passes on whatever it is given, then yields the
    listing's rejects (manifest rows that name no file, …) and the inputs in path order.
    """

    name = "read"

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = Path(root)

    def process(self, data: Iterable[Item]) -> Iterator[Item]:
        yield from data
        sources, listing_rejects = discover(self.root)
        for reject in listing_rejects:
            yield self.reject(reject.path, reject.reason, "listing")
        for source in sources:
            self.stats["documents_in"] += 1
            try:
                doc = read_document(source)
            except IngestError as e:
                yield self.reject(source.relpath, str(e).removeprefix(f"{source.relpath}: "), "unreadable")
                continue
            self.stats["documents_out"] += 1
            self.stats["chars_out"] += len(doc.text)
            yield doc


class CountStep(PipelineStep):
    """The first pass: per-site line document frequencies over all documents, in ``corpus``.

    The counts need every document, so the step yields nothing until its input is exhausted;
    then it passes the stream on unchanged.
    """

    name = "count"

    def __init__(self) -> None:
        super().__init__()
        self.corpus = CorpusStats()

    def process(self, data: Iterable[Item]) -> Iterator[Item]:
        items = list(data)
        docs = [item for item in items if isinstance(item, RawDocument)]
        self.corpus = count_corpus(docs)
        self.stats.update(documents_in=len(docs), documents_out=len(docs), sites=len(self.corpus.site_docs),
                          line_keys=len(self.corpus.line_docs))
        yield from items


class TransformStep(PipelineStep):
    """The pure per-document transform: ``RawDocument`` → row, on one process or ``jobs``.

    Statistics are computed here from each document and its result, never in the workers, so
    they are the same for any ``jobs``. ``progress(done, total)`` is called per document.
    """

    name = "transform"

    def __init__(self, corpus: CorpusStats, config: BuildConfig, jobs: int = 1,
                 progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__()
        self.corpus, self.config, self.jobs, self.progress = corpus, config, jobs, progress

    def process(self, data: Iterable[Item]) -> Iterator[Item]:
        items = list(data)
        docs = [item for item in items if isinstance(item, RawDocument)]
        results = transform_all(docs, self.corpus, self.config, self.jobs)
        for item in items:
            if isinstance(item, RawDocument):
                item = self._count(item, next(results))
                if self.progress:
                    self.progress(self.stats["documents_in"], len(docs))
            yield item

    def _count(self, doc: RawDocument, out: dict | Reject) -> dict | Reject:
        self.stats["documents_in"] += 1
        self.stats["chars_in"] += len(doc.text)
        if isinstance(out, Reject):
            return self.reject(out.path, out.reason, "processing_failed")
        self.stats["documents_out"] += 1
        self.stats["chars_out"] += len(out["text"])
        for span in out["spans"]:
            if span["label"] != BODY:
                self.stats[f"removed_chars:{span['rule']}"] += span["end"] - span["start"]
        return out


class FilterStep(PipelineStep):
    """Keep rows with body text and a new id; reject the others (first of an id wins)."""

    name = "filter"

    def process(self, data: Iterable[Item]) -> Iterator[Item]:
        seen: dict[str, str] = {}
        for row in data:
            if isinstance(row, Reject):
                yield row
                continue
            self.stats["documents_in"] += 1
            prov = row["provenance"]
            if not row["text"].strip():
                yield self.reject(prov["source_path"], f"no body text left (document language {row['lang']}, "
                                                       f"decoded as {prov['encoding']})", "no_body_text")
            elif row["id"] in seen:
                yield self.reject(prov["source_path"], f"same id as {seen[row['id']]} (same source URL)",
                                  "duplicate_id")
            else:
                seen[row["id"]] = prov["source_path"]
                self.stats["documents_out"] += 1
                yield row


def load_documents(raw_dir: Path) -> tuple[list[RawDocument], list[Reject]]:
    """Ingest every input of a corpus folder; unreadable ones become rejects."""
    items = list(ReadStep(raw_dir).run())
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Reject)]


def count_corpus(docs: Iterable[RawDocument]) -> CorpusStats:
    """The first pass: per-site line document frequencies."""
    return CorpusStats.from_counts((doc.site, line_keys(doc.text)) for doc in docs)


def safe_transform(doc: RawDocument, stats: CorpusStats, config: BuildConfig) -> dict | Reject:
    """``transform``, with a failure turned into a reject naming the file and the error."""
    try:
        return transform(doc, stats, config)
    except Exception as e:  # one bad document must not stop the build
        return Reject(doc.source.relpath, f"processing failed: {type(e).__name__}: {e}")


_worker_state: tuple[CorpusStats, BuildConfig] | None = None


def _init_worker(stats: CorpusStats, config: BuildConfig) -> None:
    global _worker_state
    _worker_state = (stats, config)


def _transform_in_worker(doc: RawDocument) -> dict | Reject:
    stats, config = _worker_state
    return safe_transform(doc, stats, config)


def transform_all(docs: Sequence[RawDocument], stats: CorpusStats, config: BuildConfig,
                  jobs: int = 1) -> Iterator[dict | Reject]:
    """Yield the per-document transform of all documents, in order, computed on ``jobs`` processes.

    With several processes, this one transforms the first document itself before the pool
    starts: that loads the language models once, and forked workers share them copy-on-write.
    """
    if jobs <= 1 or len(docs) < 2:
        yield from (safe_transform(d, stats, config) for d in docs)
        return
    first = safe_transform(docs[0], stats, config)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(stats, config)) as pool:
        rest = pool.map(_transform_in_worker, docs[1:], chunksize=max(1, len(docs) // (jobs * 8)))
        yield from itertools.chain([first], rest)
