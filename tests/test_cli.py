"""The command line as a user runs it: exit codes, messages, output formats."""
import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import RAW, ROOT
from dataset_builder.cli import EXIT_REJECTS, app

runner = CliRunner()


def test_build_then_validate(tmp_path):
    out = tmp_path / "dist"
    result = runner.invoke(app, ["build", str(RAW), "--out", str(out), "--version", "1.2.0"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    assert "step transform: 3 in, 3 out, 0 rejected" in result.output
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0 and "valid" in result.output


def test_build_with_rejects_names_the_files_and_exits_3(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "d")])
    assert result.exit_code == EXIT_REJECTS == 3
    assert "rejected empty.txt: empty file" in result.output
    assert "2 documents" in result.output


def test_build_rejects_a_bad_version_and_a_missing_folder(tmp_path):
    result = runner.invoke(app, ["build", str(RAW), "--out", str(tmp_path / "d"), "--version", "v1"])
    assert result.exit_code == 1 and "expected X.Y.Z" in result.output
    result = runner.invoke(app, ["build", str(RAW), "--out", str(tmp_path / "d"), "--langid-backend", "nonsense"])
    assert result.exit_code == 1 and "build failed" in result.output and "nonsense" in result.output
    assert not (tmp_path / "d").exists()
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "d")])
    assert result.exit_code == 1 and "nope: not a folder" in result.output


def test_validate_fails_on_a_folder_that_is_not_a_dataset(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "README.md: missing" in result.output


def test_annotate_eval_format_labels_every_line(corpus):
    result = runner.invoke(app, ["annotate", str(corpus), "--format", "eval"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["file"] for d in docs] == ["bridge.txt", "port.txt"]
    text = (corpus / "bridge.txt").read_text()
    assert [e["n"] for e in docs[0]["lines"]] == list(range(1, len(text.splitlines()) + 1))
    labels = {e["n"]: e["label"] for e in docs[0]["lines"]}
    assert labels[1] == "body" and labels[2] == "blank" and labels[3] == "body"
    assert all(e["label"] in ("body", "boilerplate", "blank") and "lang" in e for e in docs[0]["lines"])


def test_annotate_marks_body_spans_on_a_mixed_line(tmp_path):
    line = "— Maria Lopez (@mlopez) 12 января 2024 г."
    (tmp_path / "tweet.txt").write_text(
        "Ministers agree on new budget rules after long talks in Brussels.\n" + line + "\n")
    result = runner.invoke(app, ["annotate", str(tmp_path / "tweet.txt")])
    entry = json.loads(result.output)["lines"][1]
    assert entry["label"] == "boilerplate" or entry["body_spans"], entry  # never body in full
    assert all("января" not in line[s:e] for s, e in entry.get("body_spans", []))


def test_annotate_jsonl_gives_full_rows(corpus):
    result = runner.invoke(app, ["annotate", str(corpus / "bridge.txt"), "--format", "jsonl"])
    row = json.loads(result.output)
    assert row["provenance"]["source_path"] == "bridge.txt" and row["text"].startswith("Harbour bridge")


def test_langid_reads_stdin_and_answers_in_order():
    result = runner.invoke(app, ["langid"], input="Все новости\nThe minister said\n2024-03-01\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["lang"] for o in out] == ["ru", "en", None]
    assert all(0.0 <= o["score"] <= 1.0 for o in out)


def test_langid_unknown_backend_is_a_clear_error():
    result = runner.invoke(app, ["langid", "--langid-backend", "nonsense"], input="hello\n")
    assert result.exit_code == 2 and "nonsense" in result.output


def test_inspect_shows_each_line_with_label_and_rule():
    result = runner.invoke(app, ["inspect", str(RAW / "003_45aadd43260acf42.txt")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any("log in or register" in ln and "boilerplate" in ln for ln in lines)
    assert any(ln.split()[0] == "1" and "body" in ln for ln in lines if ln.strip())


def test_entry_script_builds(tmp_path):
    out = tmp_path / "dist"
    proc = subprocess.run([sys.executable, str(ROOT / "build_dataset.py"), str(RAW), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (out / "README.md").is_file() and list((out / "data").glob("*.parquet"))


def test_build_with_previous_prints_changelog_and_suggests_a_version(corpus, tmp_path):
    first = tmp_path / "v1"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(first), "--version", "1.0.0"]).exit_code == 0
    (corpus / "bridge.txt").write_text((corpus / "bridge.txt").read_text().replace("thirty", "forty"))
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "v2"), "--version", "1.0.1",
                                 "--previous", str(first)])
    assert result.exit_code == 0, result.output
    assert "bridge.txt" in result.output and "1 changed" in result.output
    assert "suggested version: 1.1.0" in result.output
    assert "below 1.1.0" in result.output


def test_publish_dry_run_refuses_an_invalid_folder(tmp_path):
    result = runner.invoke(app, ["publish", str(tmp_path), "--repo-id", "org/name", "--dry-run"])
    assert result.exit_code == 1 and "build_manifest.json: missing" in result.output
