"""Validate a built dataset folder: it loads with ``datasets``, and card, manifest and rows agree."""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from .build import CARD_NAME, MANIFEST_NAME
from .card import parse_card
from .records import features, rebuild_raw
from .writer import DATA_DIR

#: Encodings whose encoder does not always give back the original bytes (byte order, BOM choice).
_NON_ROUNDTRIP = ("utf_16", "utf-16", "utf_32", "utf-32")


def validate_dataset(dist: Path) -> list[str]:
    """Problems found in the dataset folder ``dist`` (an empty list means it is valid)."""
    dist = Path(dist)
    problems: list[str] = []
    card_path, manifest_path = dist / CARD_NAME, dist / MANIFEST_NAME
    for path in (card_path, manifest_path):
        if not path.is_file():
            problems.append(f"{path}: missing")
    if problems:
        return problems
    try:
        meta, _ = parse_card(card_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        return [f"{card_path}: {e}"]
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        return [f"{manifest_path}: not valid JSON ({e})"]

    for key in ("configs", "dataset_info", "version", "language", "license"):
        if key not in meta:
            problems.append(f"{card_path}: YAML front matter lacks '{key}'")
    if meta.get("version") != manifest.get("dataset_version"):
        problems.append(f"{card_path}: version {meta.get('version')!r} but the manifest says "
                        f"{manifest.get('dataset_version')!r}")
    declared = features()._to_yaml_list()
    if meta.get("dataset_info", {}).get("features") != declared:
        problems.append(f"{card_path}: dataset_info.features differ from the builder's schema")
    problems += _check_files(dist, manifest)
    if problems:
        return problems
    problems += _check_rows(dist, manifest, meta)
    return problems


def _check_files(dist: Path, manifest: dict) -> list[str]:
    problems = []
    listed = manifest.get("files", {})
    for rel, info in sorted(listed.items()):
        path = dist / rel
        if not path.is_file():
            problems.append(f"{path}: listed in {MANIFEST_NAME} but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != info.get("sha256"):
            problems.append(f"{path}: sha256 differs from {MANIFEST_NAME}")
    for path in sorted((dist / DATA_DIR).glob("*.parquet")):
        if path.relative_to(dist).as_posix() not in listed:
            problems.append(f"{path}: not listed in {MANIFEST_NAME}")
    return problems


def _check_rows(dist: Path, manifest: dict, meta: dict) -> list[str]:
    from datasets import load_dataset
    from datasets.utils.logging import disable_progress_bar, enable_progress_bar, is_progress_bar_enabled

    problems = []
    shown = is_progress_bar_enabled()
    disable_progress_bar()  # the loader's bar would interleave with the findings
    with tempfile.TemporaryDirectory() as cache:
        try:
            ds = load_dataset(str(dist), split="train", cache_dir=cache)
        except Exception as e:  # any loader failure is the finding
            return [f"{dist}: does not load with datasets ({type(e).__name__}: {e})"]
        finally:
            if shown:
                enable_progress_bar()
        if ds.features != features():
            problems.append(f"{dist}: loaded features differ from the builder's schema")
        splits = {s["name"]: s for s in meta["dataset_info"].get("splits", [])}
        if splits.get("train", {}).get("num_examples") != len(ds):
            problems.append(f"{dist}: card says {splits.get('train', {}).get('num_examples')} rows, loaded {len(ds)}")
        documents = {d["id"]: d for d in manifest.get("documents", [])}
        if len(documents) != len(ds):
            problems.append(f"{dist}: manifest lists {len(documents)} documents, loaded {len(ds)}")
        for row in ds:
            problems += _check_row(row, documents.get(row["id"]))
    return problems


def _check_row(row: dict, listed: dict | None) -> list[str]:
    """Hashes, span partition and raw-text rebuild of one row."""
    where = f"row {row['id']} ({row['provenance']['source_path']})"
    prov = row["provenance"]
    problems = []
    if listed is None:
        problems.append(f"{where}: not in the manifest")
    elif listed["text_sha256"] != prov["text_sha256"] or listed["raw_sha256"] != prov["raw_sha256"]:
        problems.append(f"{where}: hashes differ from the manifest")
    if hashlib.sha256(row["text"].encode("utf-8")).hexdigest() != prov["text_sha256"]:
        problems.append(f"{where}: text_sha256 does not match text")
    pos = 0
    for span in sorted(row["spans"], key=lambda s: s["start"]):
        if span["start"] != pos:
            problems.append(f"{where}: spans do not partition the raw text (gap or overlap at {pos})")
            break
        pos = span["end"]
    raw = rebuild_raw(row)
    if len(raw) != pos:
        problems.append(f"{where}: rebuilt raw text is {len(raw)} characters, spans cover {pos}")
    encoding = prov["encoding"] or "utf-8"
    if not encoding.lower().startswith(_NON_ROUNDTRIP):
        try:
            rebuilt_hash = hashlib.sha256(raw.encode(encoding)).hexdigest()
        except (LookupError, UnicodeEncodeError):
            rebuilt_hash = None
        if rebuilt_hash != prov["raw_sha256"]:
            problems.append(f"{where}: raw text rebuilt from spans does not hash to raw_sha256")
    return problems
