"""Publishing versions to the Hub, round-tripped through the real client stack against a local stand-in Hub.

The stand-in (``tests/hub_standin``) runs in this process on 127.0.0.1. Everything that talks to it
through ``huggingface_hub``/``datasets`` runs in a child process whose environment points
``HF_ENDPOINT`` at it before those libraries are imported (they read it at import time), with a
throw-away ``HF_HOME`` and a socket guard that refuses and logs any address but loopback, so
nothing can reach huggingface.co.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hub_standin import TOKEN, HubStandin
from hub_standin.git_store import GitRepo

from dataset_builder.build import build_dataset
from dataset_builder.card import parse_card
from dataset_builder.publish import (
    PublishError,
    card_with_changelog,
    changelog,
    changelog_entries,
    publish_dataset,
    suggest_version,
)
from dataset_builder.validate import validate_dataset

ROOT = Path(__file__).resolve().parents[1]
REPO = "newsroom/english-news"
WRITE_ROUTE = re.compile(r"/api/repos/create|/preupload/|/commit/|/tag/")

BUDGET_V1 = ("City council approves new budget\n\nThe city council voted on Tuesday to approve a budget of "
             "12 million dollars for road repairs and new schools.\nCouncil members said the plan would be "
             "reviewed again next spring.\nShare this article\n")
BUDGET_V2 = BUDGET_V1.replace("12 million", "14 million")
STORM = ("Storm closes mountain roads\n\nHeavy snow closed several mountain roads overnight, and officials "
         "urged drivers to stay home.\nCrews expect to reopen the main pass by Friday afternoon.\n")
FESTIVAL = ("Harbour festival draws record crowds\n\nMore than forty thousand visitors came to the harbour "
            "festival this weekend, organisers said on Sunday.\nThe event raised money for the lifeboat service.\n")
BRIDGE = ("New footbridge opens over the river\n\nA new footbridge linking the old town with the railway station "
          "opened on Monday after two years of work.\nThe bridge cost four million euros.\n")

GUARD = """
import os, socket, traceback
_log = os.environ["NETWORK_GUARD_LOG"]
_local = {"127.0.0.1", "::1", "localhost"}
def _refuse(host):
    with open(_log, "a") as f:
        f.write(f"refused {host} from:\\n")
        traceback.print_stack(file=f)
    raise OSError(f"network guard: {host} is not loopback")
_getaddrinfo = socket.getaddrinfo
def _guarded_getaddrinfo(host, *args, **kwargs):
    if host is not None and str(host) not in _local:
        _refuse(host)
    return _getaddrinfo(host, *args, **kwargs)
_connect = socket.socket.connect
def _guarded_connect(self, address):
    if isinstance(address, tuple) and str(address[0]) not in _local:
        _refuse(address[0])
    return _connect(self, address)
socket.getaddrinfo = _guarded_getaddrinfo
socket.socket.connect = _guarded_connect
"""

PUBLISH = GUARD + """
import json, sys
from pathlib import Path
from dataset_builder.publish import PublishError, publish_dataset
args = json.loads(sys.argv[1])
try:
    r = publish_dataset(Path(args.pop("dist")), args.pop("repo_id"), **args)
except PublishError as e:
    print(json.dumps({"error": str(e)}))
else:
    print(json.dumps({"status": r.status, "commit": r.commit, "lines": r.lines, "changelog": r.changelog,
                      "suggested": r.suggested_version, "files": [[f.path, f.action, f.size] for f in r.files]}))
"""

READ = GUARD + """
import json, sys
import datasets
from huggingface_hub import hf_hub_download, snapshot_download
args = json.loads(sys.argv[1])
out = {"rows": {}, "files": {}, "snapshots": {}}
for rev in args["revisions"]:
    ds = datasets.load_dataset(args["repo_id"], revision=rev, split="train")
    out["rows"][rev] = [json.dumps(row, sort_keys=True, default=str) for row in ds]
    out["files"][rev] = {name: open(hf_hub_download(args["repo_id"], name, repo_type="dataset", revision=rev),
                                    encoding="utf-8").read() for name in ("README.md", "build_manifest.json")}
    out["snapshots"][rev] = snapshot_download(args["repo_id"], repo_type="dataset", revision=rev,
                                              local_dir=f"{args['snapshot_dir']}/{rev}")
print(json.dumps(out))
"""


class Client:
    """Runs client code in a child process wired to the stand-in Hub; keeps every output for later checks."""

    def __init__(self, hub: HubStandin, home: Path) -> None:
        self.hub = hub
        self.home = home
        self.outputs: list[str] = []

    def env(self, token: bool = True) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGINGFACE_"))}
        env.update(
            HF_ENDPOINT=self.hub.url,
            HF_HOME=str(self.home / "hf-home"),
            HF_DATASETS_CACHE=str(self.home / "datasets-cache"),
            HF_HUB_DISABLE_XET="1",
            HF_HUB_DISABLE_TELEMETRY="1",
            HF_HUB_DISABLE_PROGRESS_BARS="1",
            HF_UPDATE_DOWNLOAD_COUNTS="0",
            NO_PROXY="127.0.0.1,localhost",
            no_proxy="127.0.0.1,localhost",
            NETWORK_GUARD_LOG=str(self.guard_log),
            PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
        )
        if token:
            env["HF_TOKEN"] = TOKEN
        return env

    @property
    def guard_log(self) -> Path:
        return self.home / "network-guard.log"

    def run(self, script: str, args: dict, token: bool = True) -> dict:
        proc = subprocess.run([sys.executable, "-c", script, json.dumps(args)], capture_output=True, text=True,
                              env=self.env(token), cwd=self.home, timeout=180)
        self.outputs += [proc.stdout, proc.stderr]
        assert proc.returncode == 0, proc.stderr[-3000:]
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def publish(self, dist: Path, token: bool = True, **options) -> dict:
        return self.run(PUBLISH, {"dist": str(dist), "repo_id": REPO, **options}, token=token)

    def read(self, *revisions: str) -> dict:
        return self.run(READ, {"repo_id": REPO, "revisions": list(revisions),
                               "snapshot_dir": str(self.home / "snapshots")})


def write_corpus(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(tmp: Path, name: str, version: str, docs: dict[str, str], **options):
    raw = write_corpus(tmp / f"raw-{name}", docs)
    return build_dataset(raw, tmp / f"dist-{name}", version, **options)


def as_rows(result) -> list[str]:
    return [json.dumps(row, sort_keys=True, default=str) for row in result.rows]


def writes_since(hub: HubStandin, mark: int) -> list[str]:
    return [f"{r.method} {r.path}" for r in hub.requests[mark:] if WRITE_ROUTE.search(r.path)]


def storage(hub: HubStandin) -> GitRepo:
    return GitRepo(hub.repo_path("dataset", REPO))


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """Publish 1.0.0 (three documents in three shards), then 1.1.0 (one changed, one removed, one added)."""
    tmp = tmp_path_factory.mktemp("publish")
    with HubStandin(tmp / "hub") as hub:
        client = Client(hub, tmp)
        v1 = build(tmp, "v1", "1.0.0", {"budget.txt": BUDGET_V1, "storm.txt": STORM, "festival.txt": FESTIVAL},
                   max_shard_bytes=1)
        first = client.publish(v1.out_dir, message="First release")
        v2 = build(tmp, "v2", "1.1.0", {"budget.txt": BUDGET_V2, "storm.txt": STORM, "bridge.txt": BRIDGE})
        second = client.publish(v2.out_dir)
        yield {"hub": hub, "client": client, "tmp": tmp, "v1": v1, "v2": v2, "first": first, "second": second}


@pytest.fixture(scope="module")
def read_back(story):
    return story["client"].read("v1.0.0", "v1.1.0")


def doc_id(result, source_path: str) -> str:
    return next(d["id"] for d in result.manifest["documents"] if d["source_path"] == source_path)


def test_first_publication_creates_repo_commit_and_tag(story):
    first, hub = story["first"], story["hub"]
    assert first["status"] == "published", first
    assert {path for path, action, _ in first["files"] if action == "add"} == {
        "README.md", "build_manifest.json", *(f"data/train-0000{i}-of-00003.parquet" for i in range(3))}
    assert "Tag: v1.0.0 on the new commit of main" in first["lines"]
    tags = {r.name: r.target_commit for r in storage(hub).refs() if r.ref.startswith("refs/tags/")}
    assert tags["v1.0.0"] == first["commit"]
    assert storage(hub).commit_info(first["commit"])[1] == "First release"


def test_each_tag_loads_exactly_the_rows_built_for_it(story, read_back):
    assert read_back["rows"]["v1.0.0"] == as_rows(story["v1"])
    assert read_back["rows"]["v1.1.0"] == as_rows(story["v2"])
    assert read_back["rows"]["v1.0.0"] != read_back["rows"]["v1.1.0"]


def test_new_version_drops_the_old_shards(story):
    repo = storage(story["hub"])
    shards = {tag: sorted(e.path for e in repo.entries(repo.resolve(tag), "data")) for tag in ("v1.0.0", "v1.1.0")}
    assert shards["v1.0.0"] == [f"data/train-0000{i}-of-00003.parquet" for i in range(3)]
    assert shards["v1.1.0"] == ["data/train-00000-of-00001.parquet"]
    assert {(p, a) for p, a, _ in story["second"]["files"] if a == "delete"} == {
        (f"data/train-0000{i}-of-00003.parquet", "delete") for i in range(3)}


def test_card_on_the_hub_keeps_the_yaml_and_gains_a_changelog(story, read_back):
    v2 = story["v2"]
    card = read_back["files"]["v1.1.0"]["README.md"]
    built = (v2.out_dir / "README.md").read_text(encoding="utf-8")
    meta, prose = parse_card(card)
    built_meta, built_prose = parse_card(built)
    assert card[:len(card) - len(prose)] == built[:len(built) - len(built_prose)]
    assert meta["version"] == "1.1.0" and meta == built_meta
    assert meta["configs"][0]["data_files"][0]["path"] == "data/train-*"
    assert meta["dataset_info"]["splits"][0]["num_examples"] == 3
    log = prose[prose.index("## Changelog"):]
    assert "### 1.1.0" in log and "Changes since 1.0.0" in log
    assert f"Changed (text differs): `{doc_id(v2, 'budget.txt')}` (budget.txt)" in log
    assert f"Removed: `{doc_id(story['v1'], 'festival.txt')}` (festival.txt)" in log
    assert f"Added: `{doc_id(v2, 'bridge.txt')}` (bridge.txt)" in log
    assert "storm.txt" not in log
    assert "- Schema: unchanged." in log and "- Boilerplate rule table: unchanged." in log
    assert log.index("### 1.1.0") < log.index("### 1.0.0"), "older entries follow the new one"
    assert f'load_dataset("{REPO}", split="train", revision="v1.1.0")' in prose


def test_published_snapshot_validates_and_manifest_matches_the_build(story, read_back):
    snapshot = Path(read_back["snapshots"]["v1.1.0"])
    assert validate_dataset(snapshot) == []
    manifest = json.loads(read_back["files"]["v1.1.0"]["build_manifest.json"])
    assert manifest["documents"] == story["v2"].manifest["documents"]
    assert manifest["files"]["data/train-00000-of-00001.parquet"] == \
        story["v2"].manifest["files"]["data/train-00000-of-00001.parquet"]


def test_republishing_identical_content_is_a_noop(story):
    hub, mark = story["hub"], len(story["hub"].requests)
    refs_before = storage(hub).refs()
    again = story["client"].publish(story["v2"].out_dir)
    assert again["status"] == "unchanged"
    assert again["commit"] == story["second"]["commit"]
    assert "already published with identical content" in again["lines"][0]
    assert writes_since(hub, mark) == []
    assert storage(hub).refs() == refs_before


def test_rerun_after_a_lost_tag_creates_only_the_tag(story):
    hub, mark = story["hub"], len(story["hub"].requests)
    storage(hub).delete_tag("v1.1.0")
    rerun = story["client"].publish(story["v2"].out_dir)
    assert rerun["status"] == "published"
    assert rerun["commit"] == story["second"]["commit"]
    assert {action for _, action, _ in rerun["files"]} == {"unchanged"}
    assert [w for w in writes_since(hub, mark) if "/commit/" in w] == []
    assert any("/tag/" in w for w in writes_since(hub, mark))


def test_republishing_a_version_with_different_content_is_refused(story):
    hub, tmp, mark = story["hub"], story["tmp"], len(story["hub"].requests)
    refs_before = storage(hub).refs()
    other = build(tmp, "v2-other", "1.1.0", {"budget.txt": BUDGET_V2, "storm.txt": STORM})
    out = story["client"].publish(other.out_dir, force=True)
    assert "tag v1.1.0 already exists with different content" in out["error"]
    assert "nothing was published" in out["error"]
    assert "suggested: 1.2.0" in out["error"]
    assert writes_since(hub, mark) == []
    assert storage(hub).refs() == refs_before


def test_a_version_not_above_the_latest_is_refused(story):
    hub, mark = story["hub"], len(story["hub"].requests)
    older = build(story["tmp"], "v1-patch", "1.0.1", {"budget.txt": BUDGET_V1, "storm.txt": STORM,
                                                       "festival.txt": FESTIVAL})
    out = story["client"].publish(older.out_dir)
    assert "1.0.1 is not greater than the latest published version 1.1.0" in out["error"]
    assert "--force" in out["error"]
    assert writes_since(hub, mark) == []


def test_a_smaller_bump_than_the_changes_need_is_refused(story):
    hub, mark = story["hub"], len(story["hub"].requests)
    patch = build(story["tmp"], "v2-patch", "1.1.1", {"budget.txt": BUDGET_V2, "storm.txt": STORM})
    out = story["client"].publish(patch.out_dir)
    assert "1.1.1 is a patch bump over 1.1.0, but the changes need a minor bump (suggested: 1.2.0)" in out["error"]
    assert writes_since(hub, mark) == []


def test_dry_run_prints_the_plan_and_writes_nothing(story):
    hub, mark = story["hub"], len(story["hub"].requests)
    refs_before = storage(hub).refs()
    nxt = build(story["tmp"], "v3", "1.2.0", {"budget.txt": BUDGET_V2, "storm.txt": STORM})
    out = story["client"].publish(nxt.out_dir, dry_run=True)
    assert out["status"] == "dry-run"
    text = "\n".join(out["lines"])
    assert "Publish newsroom/english-news version 1.2.0 as tag v1.2.0" in text
    assert "latest published version: 1.1.0" in text
    assert re.search(r"update\s+data/train-00000-of-00001\.parquet\s+\(\d+\.\d KiB\)", text)
    assert "Tag: v1.2.0" in text
    assert f"Removed: `{doc_id(story['v2'], 'bridge.txt')}` (bridge.txt)" in text
    assert out["lines"][-1] == "Dry run: nothing was changed."
    assert writes_since(hub, mark) == []
    assert storage(hub).refs() == refs_before


def test_token_is_never_printed_or_written(story, read_back):
    assert all(TOKEN not in output for output in story["client"].outputs)
    for path in story["tmp"].rglob("*"):
        if path.is_file() and path.stat().st_size < 50_000_000:
            assert TOKEN.encode() not in path.read_bytes(), path
    assert all(r.authenticated for r in story["hub"].requests if WRITE_ROUTE.search(r.path))


def test_nothing_but_loopback_was_contacted(story, read_back):
    guard_log = story["client"].guard_log
    assert not guard_log.exists(), guard_log.read_text()
    assert any(r.path.startswith("/api/datasets/") for r in story["hub"].requests)


def test_publishing_needs_a_token_but_a_dry_run_does_not(tmp_path):
    dist = build(tmp_path, "solo", "1.0.0", {"storm.txt": STORM}).out_dir
    with HubStandin(tmp_path / "hub") as hub:
        client = Client(hub, tmp_path)
        refused = client.publish(dist, token=False)
        assert "No Hugging Face token" in refused["error"]
        plan = client.publish(dist, token=False, dry_run=True, private=True)
        assert plan["status"] == "dry-run"
        assert "Repository: newsroom/english-news will be created (private)" in plan["lines"]
        assert "- First published version: 1 document." in plan["changelog"]
        assert writes_since(hub, 0) == []
        assert not hub.repo_path("dataset", REPO).exists()


def test_an_invalid_folder_is_refused_before_any_request(tmp_path):
    dist = build(tmp_path, "broken", "1.0.0", {"storm.txt": STORM}).out_dir
    shard = dist / "data" / "train-00000-of-00001.parquet"
    shard.write_bytes(shard.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(PublishError, match="(?s)not a valid dataset folder.*sha256 differs"):
        publish_dataset(dist, REPO, token=TOKEN, endpoint="http://127.0.0.1:9")


# --- pure functions --------------------------------------------------------------------------


def manifest(version: str, docs: dict[str, str], schema: str = "s1", rules: str = "r1") -> dict:
    return {"dataset_version": version, "schema_fingerprint": schema, "rules_fingerprint": rules,
            "builder_version": "0.1.0",
            "documents": [{"id": i, "source_path": f"{i}.txt", "text_sha256": h} for i, h in docs.items()]}


def test_suggest_version_follows_the_versioning_rules():
    old = manifest("1.4.2", {"a": "1", "b": "2"})
    assert suggest_version(None, old) == "1.0.0"
    assert suggest_version(old, manifest("x", {"a": "1", "b": "2"})) == "1.4.3"
    assert suggest_version(old, manifest("x", {"a": "1", "b": "3"})) == "1.5.0"
    assert suggest_version(old, manifest("x", {"a": "1"})) == "1.5.0"
    assert suggest_version(old, manifest("x", {"a": "1", "b": "2"}, rules="r2")) == "1.5.0"
    assert suggest_version(old, manifest("x", {"a": "1", "b": "2"}, schema="s2")) == "2.0.0"


def test_changelog_names_documents_schema_and_rule_changes():
    old = manifest("1.0.0", {"a": "1", "b": "2", "c": "3"})
    new = manifest("2.0.0", {"a": "1", "b": "9", "d": "4"}, schema="s2", rules="r2")
    text = changelog(old, new, previous_features=[{"name": "id", "dtype": "string"}],
                     new_features=[{"name": "id", "dtype": "string"}, {"name": "title", "dtype": "string"}])
    assert text.startswith("### 2.0.0\n")
    assert "- Documents: 1 added, 1 removed, 1 changed (3 in total)." in text
    assert "- Added: `d` (d.txt)." in text
    assert "- Removed: `c` (c.txt)." in text
    assert "- Changed (text differs): `b` (b.txt)." in text
    assert "- Schema: changed (`s1` → `s2`)." in text and "column `title` added" in text
    assert "- Boilerplate rule table: changed (`r1` → `r2`)." in text
    assert changelog(None, old) == "### 1.0.0\n\n- First published version: 3 documents.\n"


CARD = """---
version: 1.1.0
configs:
- config_name: default
---

# Title

```python
## not a heading inside a fence
```

## Changelog

### 1.0.0

- old entry

## Licence

Some licence.
"""


def test_card_with_changelog_replaces_only_the_changelog_section():
    updated = card_with_changelog(CARD, "## Changelog\n\n### 1.1.0\n\n- new entry\n")
    assert updated.startswith(CARD[:CARD.index("\n---\n") + 5])
    assert "- new entry" in updated and "- old entry" not in updated
    assert updated.index("## Changelog") < updated.index("## Licence")
    assert updated.endswith("## Licence\n\nSome licence.\n")
    assert "## not a heading inside a fence" in updated
    assert changelog_entries(CARD) == ["### 1.0.0\n\n- old entry\n"]
    no_log = CARD[:CARD.index("## Changelog")]
    appended = card_with_changelog(no_log, "## Changelog\n\n### 1.0.0\n")
    assert appended.endswith("```\n\n## Changelog\n\n### 1.0.0\n")
