"""Build: raw corpus folder → dataset folder (Parquet shards, card, build manifest).

The build composes the steps of ``pipeline``: read, count (the first pass: lines per site, for
corpus repetition), the pure per-document transform (in this process or a pool of worker
processes, with identical results) and filter. Every input ends up either as a row or as a
reject with its reason; every step's statistics go into the manifest.
"""
from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .boilerplate import rules_fingerprint
from .card import front_matter, render_card
from .ingest import RawDocument, Reject
from .langid import get_identifier
from .pipeline import CountStep, FilterStep, PipelineStep, ReadStep, TransformStep
from .records import VERSION_PATTERN, BuildConfig, schema_fingerprint
from .writer import DEFAULT_MAX_SHARD_BYTES, describe_file, write_shards

MANIFEST_NAME = "build_manifest.json"
CARD_NAME = "README.md"
LIBRARIES = ("datasets", "pyarrow", "langdetect", "typer", "huggingface_hub", "charset-normalizer")
DEFAULT_DESCRIPTION = ("English body text of scraped news pages, separated from navigation, widgets and "
                       "Russian/Ukrainian template strings, with lossless span annotations and provenance.")


@dataclass
class BuildResult:
    """What a build produced: rows written, inputs rejected, files, the manifest and the steps run."""

    out_dir: Path
    rows: list[dict]
    rejects: list[Reject]
    manifest: dict = field(default_factory=dict)
    steps: list[PipelineStep] = field(default_factory=list)


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
    read, count = ReadStep(raw_dir), CountStep()
    items = list(count.run(read.run()))
    docs = [item for item in items if isinstance(item, RawDocument)]
    transform, keep = TransformStep(count.corpus, config, jobs, progress), FilterStep()
    outputs = list(keep.run(transform.run(items)))
    steps = [read, count, transform, keep]
    ordered = sorted((row for row in outputs if not isinstance(row, Reject)), key=lambda row: row["id"])
    rejects = sorted((r for r in outputs if isinstance(r, Reject)), key=lambda r: (r.path, r.reason))

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
        "counts": {"inputs": len(items),
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
        "steps": [{"name": step.name, "stats": dict(step.stats)} for step in steps],
    }
    (out_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                         encoding="utf-8")
    return BuildResult(out_dir, ordered, rejects, manifest, steps)


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
