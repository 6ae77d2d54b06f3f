"""Records: one schema, the pure transform, lossless spans."""
import hashlib

import pyarrow as pa

from dataset_builder.boilerplate import BODY, CorpusStats, line_keys
from dataset_builder.ingest import RawDocument, Source
from dataset_builder.records import SCHEMA, BuildConfig, doc_id, features, rebuild_raw, schema_fingerprint, transform

TEXT = ("Ministers agree on new budget rules\n\n"
        "European finance ministers agreed on Tuesday to tighten the rules on public borrowing, "
        "ending months of talks.\n"
        "— Maria Lopez (@mlopez) 12 января 2024 г.\n"
        "To participate in the discussion\n")


def make_doc(text: str = TEXT, meta: dict | None = None, rel: str = "budget.txt") -> RawDocument:
    return RawDocument(Source(__import__("pathlib").Path("/corpus"), rel, meta or {}), text,
                       hashlib.sha256(text.encode()).hexdigest(), "utf-8")


def row_of(doc: RawDocument) -> dict:
    stats = CorpusStats.from_counts([(doc.site, line_keys(doc.text))])
    return transform(doc, stats, BuildConfig(dataset_version="1.2.3"))


def test_row_conforms_to_the_schema_and_features_are_its_twin():
    row = row_of(make_doc())
    table = pa.Table.from_pylist([row], schema=SCHEMA)
    assert table.num_rows == 1
    assert set(row) == set(SCHEMA.names)
    assert list(features()) == SCHEMA.names


def test_text_is_the_body_spans_and_spans_rebuild_the_raw_text():
    row = row_of(make_doc())
    assert row["text"] == "".join(TEXT[s["start"]:s["end"]] for s in row["spans"] if s["label"] == BODY)
    assert rebuild_raw(row) == TEXT
    assert [s["start"] for s in row["spans"]] == [0] + [s["end"] for s in row["spans"][:-1]]
    assert row["spans"][-1]["end"] == len(TEXT)
    assert all(s["text"] is None for s in row["spans"] if s["label"] == BODY)
    assert all(s["text"] == TEXT[s["start"]:s["end"]] for s in row["spans"] if s["label"] != BODY)


def test_cyrillic_is_removed_with_a_rule_and_reason():
    row = row_of(make_doc())
    assert "января" not in row["text"]
    cyr = [s for s in row["spans"] if "января" in (s["text"] or "")]
    assert cyr and all(s["label"] != BODY and s["rule"] and s["reason"] for s in cyr)
    assert row["mixed_language"] is True


def test_provenance_hashes_and_versions():
    doc = make_doc(meta={"url": "https://news.example.com/budget", "outlet": "Example News",
                         "published_at": "2024-01-12", "retrieved_at": "2024-02-01", "license": "CC BY 4.0"})
    row = row_of(doc)
    prov = row["provenance"]
    assert prov["raw_sha256"] == doc.raw_sha256
    assert prov["text_sha256"] == hashlib.sha256(row["text"].encode()).hexdigest()
    assert prov["dataset_version"] == "1.2.3"
    assert prov["url"] == "https://news.example.com/budget" and prov["outlet"] == "Example News"
    assert prov["published_at"] == "2024-01-12" and prov["license"] == "CC BY 4.0"
    assert prov["langid_backend"] and prov["langid_backend_version"]


def test_id_is_derived_from_the_source_not_a_counter():
    a = make_doc(meta={"url": "https://news.example.com/budget"}, rel="one.txt")
    b = make_doc(meta={"url": "https://news.example.com/budget"}, rel="two.txt")
    c = make_doc(rel="one.txt")
    assert doc_id(a) == doc_id(b) != doc_id(c)
    assert doc_id(c) == doc_id(make_doc(text="other text", rel="one.txt"))
    assert len(doc_id(a)) == 16


def test_document_languages_shares_sum_to_one():
    row = row_of(make_doc())
    assert row["lang"] == "en"
    assert abs(sum(x["share"] for x in row["languages"]) - 1) < 1e-5
    assert row["languages"][0]["lang"] == "en"


def test_schema_fingerprint_changes_with_the_schema(monkeypatch):
    before = schema_fingerprint()
    monkeypatch.setattr("dataset_builder.records.SCHEMA", SCHEMA.append(pa.field("extra", pa.string())))
    assert schema_fingerprint() != before
