"""Build: raw corpus folder → dataset folder (Parquet shards, card, build manifest).

Two passes over the inputs: a counting pass (lines per site, for corpus repetition) and the
pure per-document transform, which runs in this process or in a pool of worker processes with
identical results. Every input ends up either as a row or as a reject with its reason.
"""
from __future__ import annotations

import itertools
import json
import platform
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import __version__
from .boilerplate import CorpusStats, line_keys, rules_fingerprint
from .card import front_matter, render_card
from .ingest import IngestError, RawDocument, Reject, discover, read_document
from .langid import get_identifier
from .records import VERSION_PATTERN, BuildConfig, schema_fingerprint, transform
from .writer import DEFAULT_MAX_SHARD_BYTES, describe_file, write_shards

MANIFEST_NAME = "build_manifest.json"
CARD_NAME = "README.md"
LIBRARIES = ("datasets", "pyarrow", "langdetect", "typer", "huggingface_hub", "charset-normalizer")
DEFAULT_DESCRIPTION = ("English body text of scraped news pages, separated from navigation, widgets and "
                       "Russian/Ukrainian template strings, with lossless span annotations and provenance.")


@dataclass
class BuildResult:
    """What a build produced: rows written, inputs rejected, files and the manifest."""

    out_dir: Path
    rows: list[dict]
    rejects: list[Reject]
    manifest: dict = field(default_factory=dict)


def load_documents(raw_dir: Path) -> tuple[list[RawDocument], list[Reject]]:
    """Ingest every input of a corpus folder; unreadable ones become rejects."""
    sources, rejects = discover(Path(raw_dir))
    docs = []
    for source in sources:
        try:
            docs.append(read_document(source))
        except IngestError as e:
            rejects.append(Reject(source.relpath, str(e).removeprefix(f"{source.relpath}: ")))
    return docs, rejects


def count_corpus(docs: Iterable[RawDocument]) -> CorpusStats:
    """The first pass: per-site line document frequencies."""
    return CorpusStats.from_counts((doc.site, line_keys(doc.text)) for doc in docs)


_worker_state: tuple[CorpusStats, BuildConfig] | None = None


def _init_worker(stats: CorpusStats, config: BuildConfig) -> None:
    global _worker_state
    _worker_state = (stats, config)


def _transform_in_worker(doc: RawDocument) -> dict | Reject:
    stats, config = _worker_state
    return safe_transform(doc, stats, config)


def safe_transform(doc: RawDocument, stats: CorpusStats, config: BuildConfig) -> dict | Reject:
    """``transform``, with a failure turned into a reject naming the file and the error."""
    try:
        return transform(doc, stats, config)
    except Exception as e:  # one bad document must not stop the build
        return Reject(doc.source.relpath, f"processing failed: {type(e).__name__}: {e}")


def transform_all(docs: Sequence[RawDocument], stats: CorpusStats, config: BuildConfig, jobs: int = 1,
                  progress: Callable[[int], None] | None = None) -> list[dict | Reject]:
    """Run the per-document transform over all documents, in order, on ``jobs`` processes.

    With several processes, this one transforms the first document itself before the pool
    starts: that loads the language models once, and forked workers share them copy-on-write.
    """
    results: list[dict | Reject] = []
    if jobs <= 1 or len(docs) < 2:
        outputs: Iterable = (safe_transform(d, stats, config) for d in docs)
        pool = None
    else:
        first = safe_transform(docs[0], stats, config)
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(stats, config))
        rest = pool.map(_transform_in_worker, docs[1:], chunksize=max(1, len(docs) // (jobs * 8)))
        outputs = itertools.chain([first], rest)
    try:
        for out in outputs:
            results.append(out)
            if progress:
                progress(1)
    finally:
        if pool:
            pool.shutdown()
    return results


def build_dataset(raw_dir: Path, out_dir: Path, version: str, *, langid_backend: str = "default",
                  languages: Sequence[str] = ("en", "ru", "uk"), jobs: int = 1,
                  pretty_name: str = "Scraped news: English body text", license: str = "other",
                  license_note: str | None = None, max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES,
                  progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the dataset folder ``out_dir`` from the corpus ``raw_dir``.

    ``progress(done, total)`` is called as documents are transformed.
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not VERSION_PATTERN.fullmatch(version):
        raise ValueError(f"version {version!r}: expected X.Y.Z")
    get_identifier(langid_backend, tuple(languages) or None)  # a bad backend or language fails here, once
    config = BuildConfig(dataset_version=version, langid_backend=langid_backend, languages=tuple(languages))
    docs, rejects = load_documents(raw_dir)
    n_inputs = len(docs) + len(rejects)
    stats = count_corpus(docs)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(docs))

    rows: dict[str, dict] = {}
    for doc, out in zip(docs, transform_all(docs, stats, config, jobs, tick)):
        if isinstance(out, Reject):
            rejects.append(out)
        elif not out["text"].strip():
            rejects.append(Reject(doc.source.relpath, f"no body text left (document language {out['lang']}, "
                                                      f"decoded as {doc.encoding})"))
        elif out["id"] in rows:
            rejects.append(Reject(doc.source.relpath, f"same id as {rows[out['id']]['provenance']['source_path']} "
                                                      "(same source URL)"))
        else:
            rows[out["id"]] = out
    ordered = [rows[k] for k in sorted(rows)]
    rejects.sort(key=lambda r: (r.path, r.reason))

    out_dir.mkdir(parents=True, exist_ok=True)
    shards = write_shards(ordered, out_dir, max_shard_bytes)
    num_bytes = sum(f.arrow_bytes for f in shards)
    meta = front_matter(version=version, pretty_name=pretty_name, license=license,
                        languages=sorted({"en", *languages}), num_examples=len(ordered),
                        num_bytes=num_bytes, download_size=sum(f.bytes for f in shards))
    note = license_note or _license_note(docs)
    card = render_card(meta, ordered, n_rejects=len(rejects), builder_version=__version__,
                       rules_fingerprint=rules_fingerprint(), schema_fingerprint=schema_fingerprint(),
                       description=DEFAULT_DESCRIPTION, license_note=note)
    (out_dir / CARD_NAME).write_text(card, encoding="utf-8")
    files = [*shards, describe_file(out_dir, CARD_NAME)]
    manifest = {
        "dataset_version": version,
        "builder_version": __version__,
        "schema_fingerprint": schema_fingerprint(),
        "rules_fingerprint": rules_fingerprint(),
        "configuration": config.as_dict(),
        "counts": {"inputs": n_inputs,
                   "documents": len(ordered), "rejected": len(rejects),
                   "body_chars": sum(len(r["text"]) for r in ordered)},
        "documents": [{"id": r["id"], "source_path": r["provenance"]["source_path"],
                       "raw_sha256": r["provenance"]["raw_sha256"], "text_sha256": r["provenance"]["text_sha256"]}
                      for r in ordered],
        "inputs": [{"path": d.source.relpath, "raw_sha256": d.raw_sha256, "encoding": d.encoding} for d in docs],
        "rejects": [{"path": r.path, "reason": r.reason} for r in rejects],
        "files": {f.path: {"sha256": f.sha256, "bytes": f.bytes, **({"rows": f.rows} if f.rows else {})}
                  for f in files},
        "libraries": library_versions(),
    }
    (out_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                         encoding="utf-8")
    return BuildResult(out_dir, ordered, rejects, manifest)


def library_versions() -> dict[str, str]:
    """Versions of Python and of the libraries that shape the output."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _license_note(docs: Sequence[RawDocument]) -> str:
    notes = sorted({str(d.source.meta["license"]) for d in docs if d.source.meta.get("license")})
    if not notes:
        return "No licence is stated for the inputs; check each source's terms before redistributing."
    return "Per-document licence notes are in `provenance.license`. Notes found in this build:\n\n" + "\n".join(
        f"- {n}" for n in notes)
