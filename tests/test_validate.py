"""Validate: a built folder passes; tampering with data, card or manifest is caught."""
import json
import shutil

import pytest

from conftest import RAW
from dataset_builder.build import build_dataset
from dataset_builder.validate import validate_dataset


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    build_dataset(RAW, out, "1.0.0")
    return out


@pytest.fixture
def dist(pristine, tmp_path):
    copy = tmp_path / "dist"
    shutil.copytree(pristine, copy)
    return copy


def test_fresh_build_is_valid(dist):
    assert validate_dataset(dist) == []


def test_changed_shard_is_caught(dist):
    shard = next((dist / "data").glob("*.parquet"))
    shard.write_bytes(shard.read_bytes()[:-10] + b"0" * 10)
    assert any("sha256 differs" in p for p in validate_dataset(dist))


def test_card_version_mismatch_and_missing_yaml_key(dist):
    card = dist / "README.md"
    card.write_text(card.read_text().replace("version: 1.0.0", "version: 9.9.9").replace("license: other\n", ""))
    problems = validate_dataset(dist)
    assert any("version '9.9.9'" in p for p in problems)
    assert any("lacks 'license'" in p for p in problems)


def test_unlisted_shard_and_missing_manifest(dist):
    extra = dist / "data" / "train-00009-of-00010.parquet"
    shutil.copy(next((dist / "data").glob("*.parquet")), extra)
    assert any("not listed" in p for p in validate_dataset(dist))
    (dist / "build_manifest.json").unlink()
    assert any("build_manifest.json: missing" in p for p in validate_dataset(dist))


def test_manifest_document_hash_mismatch(dist):
    path = dist / "build_manifest.json"
    manifest = json.loads(path.read_text())
    manifest["documents"][0]["text_sha256"] = "0" * 64
    path.write_text(json.dumps(manifest))
    assert any("hashes differ from the manifest" in p for p in validate_dataset(dist))
