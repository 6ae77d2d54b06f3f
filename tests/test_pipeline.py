"""The pipeline steps: uniform run(data), stats on every step, rejects kept, same stats for any jobs or order."""
import json
from pathlib import Path

import pytest

from dataset_builder.build import MANIFEST_NAME, build_dataset
from dataset_builder.ingest import RawDocument, Reject, Source
from dataset_builder.pipeline import (CountStep, FilterStep, PipelineStep, ReadStep, TransformStep, count_corpus,
                                      load_documents)
from dataset_builder.records import BuildConfig

CONFIG = BuildConfig(dataset_version="1.0.0")

FERRY = """Island ferry service cut to two sailings a day

Ferry services to the island will be reduced to two sailings a day from next week because one of \
the two vessels needs urgent engine repairs, the operator said on Tuesday.

Residents said the reduced timetable would make it hard to reach the mainland hospital, and the \
council asked the operator to charter a replacement vessel.

Share this article
"""

LIBRARY = """Town library extends opening hours for exam season

The central library will stay open until ten in the evening on weekdays during the exam season, \
after students asked for more quiet space to study, the council announced.

Extra staff will be hired for the late shifts, and the reading rooms on the second floor will \
remain open at weekends as well.

Share this article
"""


def write_corpus(root: Path, texts: dict[str, str], manifest: list[dict] | None = None) -> Path:
    root.mkdir()
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    if manifest:
        (root / "manifest.jsonl").write_text("".join(json.dumps(row) + "\n" for row in manifest))
    return root


def run_steps(root: Path, jobs: int = 1) -> tuple[list, list[PipelineStep]]:
    read, count = ReadStep(root), CountStep()
    items = list(count.run(read.run()))
    transform, keep = TransformStep(count.corpus, CONFIG, jobs), FilterStep()
    return list(keep.run(transform.run(items))), [read, count, transform, keep]


def doc(name: str, text: str) -> RawDocument:
    """A document of the one outlet these tests use (its site key for corpus repetition)."""
    return RawDocument(Source(Path("/nowhere"), name, {"outlet": "Example News"}), text, "0" * 64, "utf-8")


def test_read_step_counts_documents_and_keeps_every_reject_with_its_reason(corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "manifest.jsonl").write_text(json.dumps({"path": "gone.txt", "outlet": "Example"}) + "\n")
    read = ReadStep(corpus)
    items = list(read.run())
    rejects = {r.path: r.reason for r in items if isinstance(r, Reject)}
    assert rejects == {"empty.txt": "empty file",
                       "gone.txt": "listed in manifest.jsonl (line 1) but the file does not exist"}
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert sorted(d.source.relpath for d in docs) == ["bridge.txt", "port.txt"]
    assert read.stats == {"documents_in": 3, "documents_out": 2, "rejected:unreadable": 1, "rejected:listing": 1,
                          "chars_out": sum(len(d.text) for d in docs)}


def test_read_step_passes_on_what_it_is_given_first(corpus):
    earlier = Reject("upstream.txt", "rejected before reading")
    items = list(ReadStep(corpus).run([earlier]))
    assert items[0] is earlier and len(items) == 3


def test_load_documents_splits_the_read_stream(corpus):
    (corpus / "empty.txt").write_bytes(b"")
    docs, rejects = load_documents(corpus)
    assert [d.source.relpath for d in docs] == ["bridge.txt", "port.txt"]
    assert rejects == [Reject("empty.txt", "empty file")]


def test_count_step_passes_everything_on_and_counts_the_corpus():
    reject = Reject("bad.txt", "binary file")
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY)]
    count = CountStep()
    assert list(count.run([docs[0], reject, docs[1]])) == [docs[0], reject, docs[1]]
    assert count.corpus == count_corpus(docs)
    assert count.corpus.docs_with("Example News", "share this article") == 2
    assert count.stats["documents_in"] == count.stats["documents_out"] == 2
    assert count.stats["sites"] == 1 and count.stats["line_keys"] == len(count.corpus.line_docs)


def test_count_step_is_independent_of_document_order():
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY), doc("again.txt", FERRY)]
    forward, backward = CountStep(), CountStep()
    list(forward.run(docs))
    list(backward.run(reversed(docs)))
    assert forward.corpus == backward.corpus and forward.stats == backward.stats


def test_transform_step_accounts_for_every_character_by_rule():
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY)]
    transform = TransformStep(count_corpus(docs), CONFIG)
    rows = list(transform.run(docs))
    stats = transform.stats
    assert stats["documents_in"] == stats["documents_out"] == 2
    assert stats["chars_in"] == len(FERRY) + len(LIBRARY)
    assert stats["chars_out"] == sum(len(r["text"]) for r in rows)
    removed = {k: v for k, v in stats.items() if k.startswith("removed_chars:")}
    assert removed["removed_chars:ui.share_follow"] == 2 * len("Share this article\n")
    assert stats["chars_in"] == stats["chars_out"] + sum(removed.values())


def test_transform_step_stats_do_not_depend_on_document_order():
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY), doc("notice.txt", "Share this article\n")]
    forward, backward = (TransformStep(count_corpus(docs), CONFIG) for _ in range(2))
    assert list(forward.run(docs)) == list(backward.run(reversed(docs)))[::-1]
    assert forward.stats == backward.stats and forward.stats["documents_out"] == 3


def test_transform_step_turns_a_failure_into_a_counted_reject_in_place(break_transform):
    break_transform("library.txt", ValueError("tokenizer broke"))
    earlier = Reject("bad.txt", "binary file")
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY)]
    transform = TransformStep(count_corpus(docs), CONFIG)
    out = list(transform.run([docs[0], earlier, docs[1]]))
    assert out[0]["provenance"]["source_path"] == "ferry.txt"
    assert out[1] is earlier
    assert out[2] == Reject("library.txt", "processing failed: ValueError: tokenizer broke")
    assert transform.stats["rejected:processing_failed"] == 1
    assert transform.stats["documents_in"] == 2 and transform.stats["documents_out"] == 1
    assert transform.stats["chars_in"] == len(FERRY) + len(LIBRARY)


def test_transform_step_reports_progress_per_document():
    docs = [doc("ferry.txt", FERRY), doc("library.txt", LIBRARY)]
    calls = []
    list(TransformStep(count_corpus(docs), CONFIG, progress=lambda done, total: calls.append((done, total))).run(
        [Reject("bad.txt", "binary file"), *docs]))
    assert calls == [(1, 2), (2, 2)]


def test_filter_step_rejects_empty_bodies_and_repeated_ids_first_one_wins():
    def row(path: str, id_: str, text: str) -> dict:
        return {"id": id_, "text": text, "lang": "ru", "provenance": {"source_path": path, "encoding": "cp1251"}}

    earlier = Reject("bad.txt", "binary file")
    rows = [row("a.txt", "1", "Body.\n"), earlier, row("b.txt", "2", "\n\n"), row("c.txt", "1", "Other body.\n")]
    keep = FilterStep()
    out = list(keep.run(rows))
    assert out == [rows[0], earlier,
                   Reject("b.txt", "no body text left (document language ru, decoded as cp1251)"),
                   Reject("c.txt", "same id as a.txt (same source URL)")]
    assert keep.stats == {"documents_in": 3, "documents_out": 1, "rejected:no_body_text": 1,
                          "rejected:duplicate_id": 1}


def test_steps_time_themselves_but_the_stats_hold_no_time(corpus):
    _, steps = run_steps(corpus)
    assert all(step.seconds >= 0 for step in steps) and steps[2].seconds > 0
    assert all(isinstance(v, int) for step in steps for v in step.stats.values())
    assert "transform: 2 in, 2 out, 0 rejected" in steps[2].summary()


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Five inputs: two good articles, one URL shared by two inputs, a Russian page and an empty file."""
    texts = {"ferry.txt": FERRY, "library.txt": LIBRARY, "ferry-copy.txt": FERRY.replace("Tuesday", "Wednesday"),
             "russian.txt": "Городская библиотека продлевает часы работы на время экзаменов.\n", "empty.txt": ""}
    url = "https://news.example.org/ferry"
    return write_corpus(tmp_path / "mixed", texts, [{"path": "ferry.txt", "url": url},
                                                    {"path": "ferry-copy.txt", "url": url}])


def test_every_reject_is_kept_and_counted_by_the_step_that_made_it(mixed):
    outputs, steps = run_steps(mixed)
    rejects = {r.path: r.reason for r in outputs if isinstance(r, Reject)}
    assert set(rejects) == {"empty.txt", "russian.txt", "ferry.txt"}
    assert "same id as ferry-copy.txt" in rejects["ferry.txt"]
    made = sum(v for step in steps for k, v in step.stats.items() if k.startswith("rejected:"))
    assert made == len(rejects)
    read, count, transform, keep = (step.stats for step in steps)
    assert read["rejected:unreadable"] == 1 and keep["rejected:no_body_text"] == keep["rejected:duplicate_id"] == 1
    assert read["documents_out"] == count["documents_in"] == transform["documents_in"] == 4
    assert keep["documents_out"] == 2 == len(outputs) - len(rejects)


def test_parallel_steps_give_the_same_stats_and_outputs(mixed):
    outputs, steps = run_steps(mixed, jobs=1)
    parallel, parallel_steps = run_steps(mixed, jobs=2)
    assert parallel == outputs
    assert [s.stats for s in parallel_steps] == [s.stats for s in steps]


def test_manifest_steps_match_the_run_and_do_not_depend_on_jobs(mixed, tmp_path):
    result = build_dataset(mixed, tmp_path / "one", "1.0.0")
    build_dataset(mixed, tmp_path / "two", "1.0.0", jobs=2)
    manifests = [json.loads((tmp_path / d / MANIFEST_NAME).read_text()) for d in ("one", "two")]
    assert manifests[0]["steps"] == manifests[1]["steps"]
    assert [s["name"] for s in manifests[0]["steps"]] == ["read", "count", "transform", "filter"]
    assert manifests[0]["steps"] == [{"name": s.name, "stats": dict(s.stats)} for s in result.steps]
    assert manifests[0]["steps"][-1]["stats"]["documents_out"] == manifests[0]["counts"]["documents"] == 2
