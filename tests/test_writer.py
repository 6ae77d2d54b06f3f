"""Writer: bounded, deterministic Parquet shards that carry the declared features."""
import pyarrow.parquet as pq

from dataset_builder.records import SCHEMA
from dataset_builder.writer import PARQUET_SETTINGS, shard_rows, write_shards


def rows(n: int) -> list[dict]:
    return [{"id": f"{i:04d}", "title": f"T{i}", "text": "word " * 50, "lang": "en", "lang_score": 1.0,
             "languages": [{"lang": "en", "share": 1.0}], "mixed_language": False, "spans": [],
             "provenance": {"source_path": f"{i}.txt"}} for i in range(n)]


def test_shards_are_bounded_and_keep_order():
    shards = shard_rows(rows(10), max_shard_bytes=1200)
    assert len(shards) > 1
    assert [r["id"] for s in shards for r in s] == [f"{i:04d}" for i in range(10)]
    assert all(s for s in shards)


def test_a_row_larger_than_the_bound_still_gets_a_shard():
    assert [len(s) for s in shard_rows(rows(2), max_shard_bytes=10)] == [1, 1]


def test_written_shards_are_byte_identical_and_carry_features(tmp_path):
    a = write_shards(rows(4), tmp_path / "a", max_shard_bytes=1200)
    b = write_shards(rows(4), tmp_path / "b", max_shard_bytes=1200)
    assert [(f.path, f.sha256) for f in a] == [(f.path, f.sha256) for f in b]
    assert sum(f.rows for f in a) == 4
    pf = pq.ParquetFile(tmp_path / "a" / a[0].path)
    assert pf.schema_arrow.remove_metadata().equals(SCHEMA.remove_metadata())
    assert b"huggingface" in pf.schema_arrow.metadata
    assert pf.metadata.row_group(0).column(0).compression == PARQUET_SETTINGS["compression"].upper()


def test_stale_shards_are_removed(tmp_path):
    write_shards(rows(6), tmp_path, max_shard_bytes=800)
    write_shards(rows(1), tmp_path)
    assert [p.name for p in (tmp_path / "data").glob("*.parquet")] == ["train-00000-of-00001.parquet"]
