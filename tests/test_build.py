"""The whole build: raw/ → a dataset folder that loads, is deterministic, and keeps every input accounted for."""
import hashlib
import json
import re
from pathlib import Path

import pytest
from datasets import load_dataset

from conftest import RAW
from dataset_builder.build import MANIFEST_NAME, build_dataset
from dataset_builder.records import features, rebuild_raw

CYRILLIC = re.compile(r"[\u0400-\u052f]")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_dataset(RAW, out, "1.0.0")
    return out


def load(out: Path, tmp_path: Path):
    return load_dataset(str(out), split="train", cache_dir=str(tmp_path / "cache"))


def test_default_corpus_loads_with_declared_features_and_clean_text(built, tmp_path):
    ds = load(built, tmp_path)
    assert len(ds) == 3
    assert ds.features == features()
    for row in ds:
        assert not CYRILLIC.search(row["text"]), row["provenance"]["source_path"]
        assert "log in or register" not in row["text"]
        assert "To participate in the discussion" not in row["text"]
        assert "Go to the mediabank" not in row["text"] and "© Sputnik" not in row["text"]
        assert "Заголовок открываемого материала" not in row["text"]
        raw = (RAW / row["provenance"]["source_path"]).read_bytes()
        assert row["provenance"]["raw_sha256"] == hashlib.sha256(raw).hexdigest()
        assert rebuild_raw(row) == raw.decode("utf-8")
        assert row["provenance"]["dataset_version"] == "1.0.0"


def test_provenance_comes_from_the_manifest(built, tmp_path):
    by_path = {r["provenance"]["source_path"]: r for r in load(built, tmp_path)}
    manifest = [json.loads(line) for line in (RAW / "manifest.jsonl").read_text().splitlines() if line.strip()]
    for entry in manifest:
        prov = by_path[entry["path"]]["provenance"]
        assert prov["outlet"] == entry["outlet"]
        assert prov["retrieved_at"] == entry["retrieved_at"]


def test_two_builds_are_byte_identical(built, tmp_path):
    again = tmp_path / "again"
    build_dataset(RAW, again, "1.0.0")
    files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert any(f.endswith(".parquet") for f in files) and "README.md" in files
    for rel in files:
        assert (built / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_parallel_build_gives_the_same_bytes(built, tmp_path):
    parallel = tmp_path / "parallel"
    build_dataset(RAW, parallel, "1.0.0", jobs=2)
    for path in built.rglob("*.parquet"):
        assert path.read_bytes() == (parallel / path.relative_to(built)).read_bytes()


def test_manifest_records_inputs_files_and_no_wall_clock(built):
    manifest = json.loads((built / MANIFEST_NAME).read_text())
    assert manifest["counts"] == {"inputs": 3, "documents": 3, "rejected": 0,
                                  "body_chars": manifest["counts"]["body_chars"]}
    for rel, info in manifest["files"].items():
        assert hashlib.sha256((built / rel).read_bytes()).hexdigest() == info["sha256"]
    assert {d["path"] for d in manifest["inputs"]} == {p.name for p in RAW.glob("*.txt")}
    blob = json.dumps(manifest) + (built / "README.md").read_text()
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", blob)


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_builds(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "russian.txt").write_bytes(
        ("Правительство объявило о новых мерах поддержки малого бизнеса. Программа начнёт работать "
         "с первого числа следующего месяца.\n").encode("cp1251"))
    (corpus / "manifest.jsonl").write_text(json.dumps({"path": "gone.txt", "outlet": "Example"}) + "\n")
    result = build_dataset(corpus, tmp_path / "out", "1.0.0")
    reasons = {r.path: r.reason for r in result.rejects}
    assert set(reasons) == {"empty.txt", "image.txt", "russian.txt", "gone.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "cp1251" in reasons["russian.txt"] and "no body text" in reasons["russian.txt"]
    assert "does not exist" in reasons["gone.txt"]
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())
    assert {r["path"] for r in manifest["rejects"]} == set(reasons)
    assert manifest["counts"]["documents"] == 2 and manifest["counts"]["inputs"] == 6
    assert len(load(tmp_path / "out", tmp_path)) == 2


def test_a_document_that_fails_in_the_transform_is_a_reject_not_a_crash(corpus, tmp_path, break_transform):
    break_transform("port.txt", RuntimeError("segmenter exploded"))
    result = build_dataset(corpus, tmp_path / "out", "1.0.0")
    assert [r.path for r in result.rejects] == ["port.txt"]
    assert "RuntimeError: segmenter exploded" in result.rejects[0].reason
    assert len(result.rows) == 1


def test_small_shard_bound_gives_several_shards_that_load_in_order(corpus, tmp_path):
    for i in range(5):
        (corpus / f"extra{i}.txt").write_text(f"Story number {i} about the harbour.\n\nThe council met on day {i} "
                                              "and approved a plan to rebuild the old pier.\n")
    out = tmp_path / "out"
    build_dataset(corpus, out, "1.0.0", max_shard_bytes=2000)
    shards = sorted((out / "data").glob("*.parquet"))
    assert len(shards) > 1
    assert all(re.fullmatch(rf"train-\d{{5}}-of-{len(shards):05d}\.parquet", p.name) for p in shards)
    ids = load(out, tmp_path)["id"]
    assert ids == sorted(ids) and len(ids) == 7
