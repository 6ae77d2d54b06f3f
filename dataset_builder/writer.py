"""Writer: rows → size-bounded Parquet shards with explicit, deterministic writer settings.

Shards are ``data/train-00000-of-0000N.parquet``. Rows are written in id order, and nothing
time-dependent goes into the files, so the same rows give byte-identical shards.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from .records import SCHEMA, features

SPLIT = "train"
DATA_DIR = "data"
#: Upper bound of a shard's uncompressed Arrow size; the Hub's viewer likes shards well under 500 MB.
DEFAULT_MAX_SHARD_BYTES = 256 * 1024 * 1024
#: Every setting that changes the bytes of a Parquet file is spelled out here.
PARQUET_SETTINGS = dict(
    version="2.6",
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    data_page_size=1024 * 1024,
    row_group_size=1000,
    write_page_index=False,
    store_schema=True,
)


@dataclass(frozen=True)
class WrittenFile:
    """A file of the build output, as recorded in the manifest."""

    path: str
    sha256: str
    bytes: int
    rows: int
    arrow_bytes: int = 0


def arrow_schema() -> pa.Schema:
    """``SCHEMA`` with the ``datasets`` features attached, so loaders get the exact declared types."""
    meta = {"huggingface": json.dumps({"info": {"features": features().to_dict()}}, sort_keys=True)}
    return SCHEMA.with_metadata(meta)


def shard_rows(rows: Sequence[dict], max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES) -> list[list[dict]]:
    """Cut rows (already in output order) into consecutive shards of bounded estimated size."""
    shards: list[list[dict]] = [[]]
    size = 0
    for row in rows:
        row_bytes = _estimate_bytes(row)
        if shards[-1] and size + row_bytes > max_shard_bytes:
            shards.append([])
            size = 0
        shards[-1].append(row)
        size += row_bytes
    return shards


def write_shards(rows: Sequence[dict], out_dir: Path,
                 max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES) -> list[WrittenFile]:
    """Write the rows as Parquet shards under ``out_dir/data`` and return what was written."""
    data_dir = Path(out_dir) / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    for old in data_dir.glob(f"{SPLIT}-*.parquet"):
        old.unlink()
    schema = arrow_schema()
    shards = shard_rows(rows, max_shard_bytes)
    written = []
    for i, shard in enumerate(shards):
        rel = f"{DATA_DIR}/{SPLIT}-{i:05d}-of-{len(shards):05d}.parquet"
        table = pa.Table.from_pylist(shard, schema=schema)
        pq.write_table(table, Path(out_dir) / rel, **PARQUET_SETTINGS)
        written.append(describe_file(Path(out_dir), rel, rows=len(shard), arrow_bytes=table.nbytes))
    return written


def describe_file(root: Path, rel: str, rows: int = 0, arrow_bytes: int = 0) -> WrittenFile:
    """Hash and size of one output file (and, for a shard, its rows and in-memory Arrow size)."""
    data = (Path(root) / rel).read_bytes()
    return WrittenFile(rel, hashlib.sha256(data).hexdigest(), len(data), rows, arrow_bytes)


def _estimate_bytes(row: dict) -> int:
    return len(json.dumps(row, ensure_ascii=False).encode("utf-8"))
