"""Records: the dataset's row schema (defined once) and the pure per-document transform.

``SCHEMA`` (pyarrow) is the single definition of a row; ``FEATURES`` (``datasets``) is derived
from it, and the writer, the card and the validator all derive from these two.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Sequence

import pyarrow as pa

from . import __version__
from .boilerplate import BODY, CorpusStats, Separation, separate
from .ingest import RawDocument
from .langid import document_languages, get_identifier

#: Dataset versions are semantic versions X.Y.Z.
VERSION_PATTERN = re.compile(r"\d+\.\d+\.\d+")

SPAN_TYPE = pa.struct([
    pa.field("start", pa.int64(), nullable=False),
    pa.field("end", pa.int64(), nullable=False),
    pa.field("label", pa.string(), nullable=False),
    pa.field("lang", pa.string()),
    pa.field("score", pa.float64()),
    pa.field("rule", pa.string()),
    pa.field("reason", pa.string()),
    pa.field("text", pa.string()),
])

PROVENANCE_TYPE = pa.struct([
    pa.field("source_path", pa.string()),
    pa.field("url", pa.string()),
    pa.field("outlet", pa.string()),
    pa.field("published_at", pa.string()),
    pa.field("retrieved_at", pa.string()),
    pa.field("license", pa.string()),
    pa.field("raw_sha256", pa.string()),
    pa.field("text_sha256", pa.string()),
    pa.field("encoding", pa.string()),
    pa.field("builder_version", pa.string()),
    pa.field("dataset_version", pa.string()),
    pa.field("langid_backend", pa.string()),
    pa.field("langid_backend_version", pa.string()),
])

SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("text", pa.string(), nullable=False),
    pa.field("lang", pa.string()),
    pa.field("lang_score", pa.float64()),
    pa.field("languages", pa.list_(pa.struct([pa.field("lang", pa.string()), pa.field("share", pa.float64())]))),
    pa.field("mixed_language", pa.bool_()),
    pa.field("spans", pa.list_(SPAN_TYPE)),
    pa.field("provenance", PROVENANCE_TYPE),
])

#: Human-readable meaning of each column, used by the dataset card.
FIELD_DOCS = {
    "id": "stable id: sha256 of the source URL (or, without one, the source path), first 16 hex digits",
    "title": "the article headline (also part of `text`)",
    "text": "the English body: the raw text of the `body` spans, concatenated in order",
    "lang": "document language (character-weighted over all fragments)",
    "lang_score": "share of the document's letters in `lang`",
    "languages": "every language found, with its share of the letters",
    "mixed_language": "true when the raw page mixes languages (see README)",
    "spans": "partition of the raw text: [start, end) offsets, label (body/boilerplate/blank), "
             "language, score, rule id, reason; `text` holds the raw text of every non-body span",
    "provenance": "source path, URL, outlet, dates, licence note, hashes, encoding, builder/dataset "
                  "versions, language-ID backend",
}


def features():
    """The ``datasets.Features`` twin of ``SCHEMA`` (imported lazily: ``datasets`` is slow to load)."""
    from datasets import Features

    return Features.from_arrow_schema(SCHEMA)


def schema_fingerprint() -> str:
    """sha256 of the schema's canonical form: changes exactly when the row layout changes."""
    return hashlib.sha256(SCHEMA.to_string(show_schema_metadata=False).encode()).hexdigest()


@dataclass(frozen=True)
class BuildConfig:
    """What a build is configured with; recorded in the manifest."""

    dataset_version: str
    langid_backend: str = "default"
    languages: Sequence[str] = ("en", "ru", "uk")
    doc_lang: str = "en"

    def as_dict(self) -> dict:
        return {"dataset_version": self.dataset_version, "langid_backend": self.langid_backend,
                "languages": list(self.languages), "doc_lang": self.doc_lang}


def doc_id(doc: RawDocument) -> str:
    """Stable id from the source: its URL if known, else its path inside the corpus."""
    key = doc.source.meta.get("url") or doc.source.relpath
    return hashlib.sha256(str(key).encode("utf-8")).hexdigest()[:16]


def analyse(doc: RawDocument, stats: CorpusStats, config: BuildConfig, explain: bool = False) -> Separation:
    """Segment, identify and separate one document (the part of the transform ``annotate`` shows).

    ``explain`` keeps the per-line signals (for ``inspect``).
    """
    identifier = get_identifier(config.langid_backend, _languages(doc, config))
    return separate(doc.text, identifier.identify, stats, doc.site, config.doc_lang, explain)


def transform(doc: RawDocument, stats: CorpusStats, config: BuildConfig) -> dict:
    """The pure per-document transform: raw document + corpus statistics → one dataset row."""
    identifier = get_identifier(config.langid_backend, _languages(doc, config))
    sep = analyse(doc, stats, config)
    text = "".join(doc.text[s.start:s.end] for s in sep.spans if s.label == BODY)
    langs = document_languages((s.lang, s.end - s.start) for s in sep.spans)
    meta = doc.source.meta
    return {
        "id": doc_id(doc),
        "title": sep.title,
        "text": text,
        "lang": langs.lang,
        "lang_score": round(langs.score, 6),
        "languages": [{"lang": k, "share": round(v, 6)} for k, v in langs.shares],
        "mixed_language": langs.mixed,
        "spans": [
            {"start": s.start, "end": s.end, "label": s.label, "lang": s.lang, "score": round(s.score, 6),
             "rule": s.rule, "reason": s.reason, "text": None if s.label == BODY else doc.text[s.start:s.end]}
            for s in sep.spans
        ],
        "provenance": {
            "source_path": doc.source.relpath,
            "url": meta.get("url"),
            "outlet": meta.get("outlet"),
            "published_at": meta.get("published_at"),
            "retrieved_at": meta.get("retrieved_at"),
            "license": meta.get("license"),
            "raw_sha256": doc.raw_sha256,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "encoding": doc.encoding,
            "builder_version": __version__,
            "dataset_version": config.dataset_version,
            "langid_backend": identifier.name,
            "langid_backend_version": identifier.version,
        },
    }


def rebuild_raw(row: dict) -> str:
    """The raw text rebuilt from a row: body spans read from ``text``, the others carry their own."""
    out, pos = [], 0
    for span in sorted(row["spans"], key=lambda s: s["start"]):
        if span["label"] == BODY:
            n = span["end"] - span["start"]
            out.append(row["text"][pos:pos + n])
            pos += n
        else:
            out.append(span["text"])
    return "".join(out)


def _languages(doc: RawDocument, config: BuildConfig) -> tuple[str, ...]:
    """Expected languages: the manifest's for this document if given, else the build's."""
    langs = doc.source.meta.get("languages")
    if isinstance(langs, str):
        langs = [x.strip() for x in langs.split(",")]
    return tuple(langs or config.languages)


def to_json(row: dict) -> str:
    """A row as one JSON line (for ``annotate --format jsonl``)."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True)
