"""Publish a built dataset folder to the Hugging Face Hub as an immutable, tagged version.

One publication is one commit on ``main`` (data shards, card, build manifest, and deletions of
shards the new version no longer has) followed by the tag ``v<version>`` on that commit, so
``load_dataset(repo, revision="v1.2.0")`` gives exactly what was built as 1.2.0, forever.
Before anything is written the folder is validated, the version is checked against the tags
already on the Hub, and the card gains a ``## Changelog`` section computed from the previous
version's manifest. Tags are never moved: re-publishing a version with identical content is a
no-op, with different content it is refused.

Versioning rules: a schema change needs a major bump, a content change (documents added,
removed or changed, or a changed rule table) a minor bump, anything else (card, metadata) a
patch bump.
"""
from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import __version__
from .build import CARD_NAME, MANIFEST_NAME
from .card import parse_card
from .validate import validate_dataset
from .writer import DATA_DIR

REPO_TYPE = "dataset"
TAG_PREFIX = "v"
CHANGELOG_HEADING = "## Changelog"
#: How many document ids a changelog lists per kind of change before summarising the rest.
MAX_LISTED = 25
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")
_BUMPS = ("patch", "minor", "major")


class PublishError(Exception):
    """Publishing was refused or failed; the message says why and what to do."""


@dataclass(frozen=True)
class PlannedFile:
    """A file of the publication: ``action`` is add, update, unchanged or delete (relative to ``main``)."""

    path: str
    size: int
    action: str


@dataclass
class PublishResult:
    """What a publication did or (for a dry run) would do; ``lines`` is the human-readable report.

    ``status`` is ``"published"``, ``"unchanged"`` (the tag already holds this exact content) or
    ``"dry-run"``.
    """

    repo_id: str
    version: str
    tag: str
    status: str
    previous_version: str | None
    suggested_version: str
    changelog: str
    files: list[PlannedFile] = field(default_factory=list)
    commit: str | None = None
    lines: list[str] = field(default_factory=list)


# --- pure functions: versions and changelog ------------------------------------------------


def parse_version(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` → ``(1, 2, 3)``; raise ``ValueError`` for anything that is not X.Y.Z."""
    match = _VERSION.fullmatch(version or "")
    if not match:
        raise ValueError(f"version {version!r} is not of the form X.Y.Z")
    major, minor, patch = (int(x) for x in match.groups())
    return major, minor, patch


def required_bump(previous_manifest: dict | None, new_manifest: dict) -> str:
    """The smallest bump the differences call for: ``"major"``, ``"minor"`` or ``"patch"``."""
    if previous_manifest is None:
        return "major"
    if previous_manifest.get("schema_fingerprint") != new_manifest.get("schema_fingerprint"):
        return "major"
    diff = _document_diff(previous_manifest, new_manifest)
    if any(diff.values()) or previous_manifest.get("rules_fingerprint") != new_manifest.get("rules_fingerprint"):
        return "minor"
    return "patch"


def suggest_version(previous_manifest: dict | None, new_manifest: dict) -> str:
    """The next version after the previous manifest's, following the versioning rules (1.0.0 if none)."""
    if previous_manifest is None:
        return "1.0.0"
    return bump_version(previous_manifest["dataset_version"], required_bump(previous_manifest, new_manifest))


def bump_version(version: str, bump: str) -> str:
    """``version`` raised by a ``"major"``, ``"minor"`` or ``"patch"`` bump."""
    major, minor, patch = parse_version(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_kind(previous: str, new: str) -> str:
    """Which component ``new`` raises over ``previous``: ``"major"``, ``"minor"`` or ``"patch"``."""
    old, cur = parse_version(previous), parse_version(new)
    if cur[0] != old[0]:
        return "major"
    if cur[1] != old[1]:
        return "minor"
    return "patch"


def changelog(previous_manifest: dict | None, new_manifest: dict, *,
              previous_features: list | None = None, new_features: list | None = None) -> str:
    """Markdown changelog entry (``### <version>``) of the new manifest against the previous one.

    Documents are compared by id and ``text_sha256``; schema and rule-table changes by their
    fingerprints. ``previous_features``/``new_features`` (the cards' ``dataset_info.features``)
    let a schema change name the columns that changed.
    """
    version = new_manifest.get("dataset_version", "?")
    docs = new_manifest.get("documents", [])
    if previous_manifest is None:
        return f"### {version}\n\n- First published version: {_plural(len(docs), 'document')}.\n"
    diff = _document_diff(previous_manifest, new_manifest)
    lines = [f"### {version}", "", f"Changes since {previous_manifest.get('dataset_version', '?')}:", ""]
    lines.append(f"- Documents: {len(diff['added'])} added, {len(diff['removed'])} removed, "
                 f"{len(diff['changed'])} changed ({len(docs)} in total).")
    for kind, title in (("added", "Added"), ("removed", "Removed"), ("changed", "Changed (text differs)")):
        entries = diff[kind]
        if entries:
            shown = ", ".join(f"`{d['id']}` ({d.get('source_path', '?')})" for d in entries[:MAX_LISTED])
            more = f", and {len(entries) - MAX_LISTED} more" if len(entries) > MAX_LISTED else ""
            lines.append(f"- {title}: {shown}{more}.")
    lines.append(_fingerprint_line("Schema", "schema_fingerprint", previous_manifest, new_manifest))
    if previous_manifest.get("schema_fingerprint") != new_manifest.get("schema_fingerprint"):
        lines += [f"  - {change}" for change in _feature_changes(previous_features, new_features)]
    lines.append(_fingerprint_line("Boilerplate rule table", "rules_fingerprint", previous_manifest, new_manifest))
    old_builder, new_builder = previous_manifest.get("builder_version"), new_manifest.get("builder_version")
    if old_builder != new_builder:
        lines.append(f"- Builder: {old_builder} → {new_builder}.")
    return "\n".join(lines) + "\n"


def _document_diff(previous: dict, new: dict) -> dict[str, list[dict]]:
    old_docs = {d["id"]: d for d in previous.get("documents", [])}
    new_docs = {d["id"]: d for d in new.get("documents", [])}
    return {
        "added": [new_docs[k] for k in sorted(new_docs.keys() - old_docs.keys())],
        "removed": [old_docs[k] for k in sorted(old_docs.keys() - new_docs.keys())],
        "changed": [new_docs[k] for k in sorted(new_docs.keys() & old_docs.keys())
                    if new_docs[k].get("text_sha256") != old_docs[k].get("text_sha256")],
    }


def _fingerprint_line(what: str, key: str, previous: dict, new: dict) -> str:
    old, cur = previous.get(key), new.get(key)
    if old == cur:
        return f"- {what}: unchanged."
    return f"- {what}: changed (`{str(old)[:12]}` → `{str(cur)[:12]}`)."


def _feature_changes(previous: list | None, new: list | None) -> list[str]:
    if not previous or not new:
        return []
    old = {f["name"]: f for f in previous if isinstance(f, dict) and "name" in f}
    cur = {f["name"]: f for f in new if isinstance(f, dict) and "name" in f}
    changes = [f"column `{n}` added" for n in cur if n not in old]
    changes += [f"column `{n}` removed" for n in old if n not in cur]
    changes += [f"column `{n}` changed type" for n in cur if n in old and cur[n] != old[n]]
    return changes


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- the card ------------------------------------------------------------------------------


def changelog_entries(card: str) -> list[str]:
    """The ``### <version>`` entries of a card's ``## Changelog`` section, in order."""
    section = _find_section(card, CHANGELOG_HEADING)
    if section is None:
        return []
    start, end = section
    body = card[start:end].split("\n", 1)[1] if "\n" in card[start:end] else ""
    return ["### " + chunk.strip() + "\n" for chunk in re.split(r"^### ", body, flags=re.MULTILINE)[1:]]


def card_with_changelog(card: str, section: str) -> str:
    """The card with its ``## Changelog`` section replaced by ``section`` (appended if it has none).

    The YAML front matter is kept byte for byte; only the prose changes.
    """
    _, prose = parse_card(card)
    head = card[:len(card) - len(prose)]
    section = section.rstrip("\n") + "\n"
    found = _find_section(prose, CHANGELOG_HEADING)
    if found is None:
        return head + prose.rstrip("\n") + "\n\n" + section
    start, end = found
    rest = prose[end:]
    return head + prose[:start] + section + ("\n" + rest if rest else "")


def _find_section(text: str, heading: str) -> tuple[int, int] | None:
    """[start, end) of the level-2 section ``heading`` (to the next level-1/2 heading), ignoring code fences."""
    pos, start, fenced = 0, None, False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,2} ", line):
            if start is not None:
                return start, pos
            if stripped == heading:
                start = pos
        pos += len(line)
    return (start, pos) if start is not None else None


def _hub_load_example(prose: str, repo_id: str) -> str:
    """Point the card's ``load_dataset(".")`` example at the Hub repository, pinned to the version's tag."""
    pinned = re.sub(r'load_dataset\("\.", ([^)\n]*)\)[ \t]*# add (revision="[^"]+") on the Hub',
                    lambda m: f'load_dataset("{repo_id}", {m.group(1)}, {m.group(2)})', prose)
    return pinned.replace('load_dataset(".",', f'load_dataset("{repo_id}",')


# --- the Hub -------------------------------------------------------------------------------


@dataclass
class _Remote:
    exists: bool
    private: bool | None = None
    main_commit: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # version → commit

    def versions(self) -> list[str]:
        return sorted(self.tags, key=parse_version)


@dataclass
class _Upload:
    path: str
    size: int
    sha256: str
    git_oid: str
    content: bytes | Path


def publish_dataset(dist: Path, repo_id: str, *, private: bool = False, dry_run: bool = False,
                    message: str | None = None, force: bool = False, token: str | None = None,
                    endpoint: str | None = None) -> PublishResult:
    """Publish the built folder ``dist`` to the dataset repository ``repo_id`` as tag ``v<version>``.

    ``force`` allows a version that is not greater than the latest published one, or a smaller
    bump than the changes call for; it never moves an existing tag. ``token`` defaults to
    ``HF_TOKEN`` or the ``huggingface_hub`` login and ``endpoint`` to ``HF_ENDPOINT``. Raise
    ``PublishError`` on refusal or failure; a dry run reads the Hub but writes nothing.
    """
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    dist = Path(dist)
    manifest = _read_manifest(dist)
    version = manifest["dataset_version"]
    tag = f"{TAG_PREFIX}{version}"
    problems = validate_dataset(dist)
    if problems:
        raise PublishError(f"{dist} is not a valid dataset folder; nothing was published:\n"
                           + "\n".join(f"  {p}" for p in problems))
    api = HfApi(endpoint=endpoint, token=token, library_name="dataset_builder", library_version=__version__)
    if not dry_run and not _have_token(token):
        raise PublishError("No Hugging Face token: set HF_TOKEN or run `hf auth login` (a dry run needs none).")
    try:
        return _publish(api, dist, manifest, repo_id, tag, private=private, dry_run=dry_run,
                        message=message, force=force)
    except HfHubHTTPError as e:
        raise PublishError(f"The Hub refused or failed a request for {repo_id}: {e}") from e


def _publish(api, dist: Path, manifest: dict, repo_id: str, tag: str, *, private: bool, dry_run: bool,
             message: str | None, force: bool) -> PublishResult:
    from huggingface_hub import CommitOperationAdd, CommitOperationDelete

    version = manifest["dataset_version"]
    remote = _remote_state(api, repo_id)
    published = remote.versions()
    previous = max((v for v in published if parse_version(v) < parse_version(version)),
                   key=parse_version, default=None)
    prev_manifest, prev_card = _fetch_previous(api, repo_id, previous)
    card = (dist / CARD_NAME).read_text(encoding="utf-8")
    meta, _ = parse_card(card)
    prev_meta = _card_meta(prev_card)
    entry = changelog(prev_manifest, manifest,
                      previous_features=prev_meta.get("dataset_info", {}).get("features"),
                      new_features=meta.get("dataset_info", {}).get("features"))
    older = [e for e in changelog_entries(prev_card or "") if _entry_version_below(e, version)]
    section = "\n".join([CHANGELOG_HEADING, "", entry, *older])
    uploads = _uploads(dist, manifest, repo_id, card, section)
    suggested = suggest_version(prev_manifest, manifest)
    result = PublishResult(repo_id=repo_id, version=version, tag=tag, status="dry-run", previous_version=previous,
                           suggested_version=suggested, changelog=entry)

    if version in remote.tags:
        return _unchanged_or_refuse(api, result, remote, uploads, manifest)
    latest = published[-1] if published else None
    if latest is not None and parse_version(version) <= parse_version(latest) and not force:
        raise PublishError(f"{repo_id}: version {version} is not greater than the latest published version "
                           f"{latest}; nothing was published (use --force to publish it anyway).")
    needed = required_bump(prev_manifest, manifest)
    bump_warning = None
    if prev_manifest is not None and _BUMPS.index(bump_kind(previous, version)) < _BUMPS.index(needed):
        bump_warning = (f"version {version} is a {bump_kind(previous, version)} bump over {previous}, but the "
                        f"changes need a {needed} bump (suggested: {suggested})")
        if not force:
            raise PublishError(f"{repo_id}: {bump_warning}; nothing was published (use --force to publish anyway).")

    main_files = _tree(api, repo_id, remote.main_commit) if remote.main_commit else {}
    result.files = _plan_files(uploads, main_files)
    result.lines = _plan_lines(result, remote, private, latest, needed, bump_warning)
    if dry_run:
        result.lines.append("Dry run: nothing was changed.")
        return result

    api.create_repo(repo_id, repo_type=REPO_TYPE, private=private, exist_ok=True)
    if not remote.exists:
        remote = _remote_state(api, repo_id)
        main_files = _tree(api, repo_id, remote.main_commit) if remote.main_commit else {}
    operations = [CommitOperationAdd(path_in_repo=u.path, path_or_fileobj=u.content) for u in uploads]
    operations += [CommitOperationDelete(path_in_repo=p) for p in _stale(uploads, main_files)]
    info = api.create_commit(repo_id, operations, repo_type=REPO_TYPE, revision="main",
                             commit_message=message or f"Publish dataset version {version}",
                             commit_description=entry, parent_commit=remote.main_commit)
    api.create_tag(repo_id, tag=tag, revision=info.oid, repo_type=REPO_TYPE,
                   tag_message=f"Dataset version {version}")
    result.status, result.commit = "published", info.oid
    result.lines.append(f"Published {repo_id} {tag} (commit {info.oid[:12]}).")
    return result


def _unchanged_or_refuse(api, result: PublishResult, remote: _Remote, uploads: list[_Upload],
                         manifest: dict) -> PublishResult:
    """The version's tag exists: a no-op if it holds exactly these files, else a refusal (tags never move)."""
    differences = _differences(uploads, _tree(api, result.repo_id, result.tag))
    commit = remote.tags[result.version]
    if not differences:
        result.status, result.commit = "unchanged", commit
        result.files = [PlannedFile(u.path, u.size, "unchanged") for u in uploads]
        result.lines = [f"{result.repo_id}: {result.tag} is already published with identical content "
                        f"(commit {commit[:12]}); nothing to do."]
        return result
    latest = remote.versions()[-1]
    latest_manifest, _ = _fetch_previous(api, result.repo_id, latest)
    raise PublishError(
        f"{result.repo_id}: tag {result.tag} already exists with different content ({', '.join(differences)}); "
        f"nothing was published. A published version never changes: build this as a new version "
        f"(suggested: {bump_version(latest, required_bump(latest_manifest, manifest))}).")


def _read_manifest(dist: Path) -> dict:
    path = dist / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishError(f"{path}: missing; is {dist} a folder made by `dataset-builder build`?") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise PublishError(f"{path}: not valid JSON ({e})") from None
    try:
        parse_version(manifest.get("dataset_version"))
    except ValueError as e:
        raise PublishError(f"{path}: {e}") from None
    return manifest


def _have_token(token: str | None) -> bool:
    from huggingface_hub import get_token

    return bool(token or get_token())


def _remote_state(api, repo_id: str) -> _Remote:
    from huggingface_hub.errors import RepositoryNotFoundError

    try:
        info = api.repo_info(repo_id, repo_type=REPO_TYPE)
        refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
    except RepositoryNotFoundError:
        return _Remote(exists=False)
    tags = {}
    for ref in refs.tags:
        version = ref.name[len(TAG_PREFIX):] if ref.name.startswith(TAG_PREFIX) else None
        if version and _VERSION.fullmatch(version):
            tags[version] = ref.target_commit
    return _Remote(exists=True, private=info.private, main_commit=info.sha, tags=tags)


def _fetch_previous(api, repo_id: str, previous: str | None) -> tuple[dict | None, str | None]:
    """The previous version's manifest and card, read at its tag (None where missing)."""
    if previous is None:
        return None, None
    manifest_text = _download_text(api, repo_id, f"{TAG_PREFIX}{previous}", MANIFEST_NAME)
    card = _download_text(api, repo_id, f"{TAG_PREFIX}{previous}", CARD_NAME)
    try:
        manifest = json.loads(manifest_text) if manifest_text is not None else None
    except ValueError:
        manifest = None
    return manifest, card


def _download_text(api, repo_id: str, revision: str, filename: str) -> str | None:
    """A file's text at ``revision``, downloaded into a throw-away cache (the user's cache stays untouched)."""
    from huggingface_hub.errors import EntryNotFoundError

    with tempfile.TemporaryDirectory() as cache:
        try:
            path = api.hf_hub_download(repo_id, filename, repo_type=REPO_TYPE, revision=revision, cache_dir=cache)
        except EntryNotFoundError:
            return None
        return Path(path).read_text(encoding="utf-8")


def _card_meta(card: str | None) -> dict:
    if not card:
        return {}
    try:
        return parse_card(card)[0]
    except ValueError:
        return {}


def _entry_version_below(entry: str, version: str) -> bool:
    match = re.match(r"### (\d+\.\d+\.\d+)", entry)
    return bool(match) and parse_version(match.group(1)) < parse_version(version)


def _uploads(dist: Path, manifest: dict, repo_id: str, card: str, section: str) -> list[_Upload]:
    """Exactly what goes to the Hub: the manifest's data files, the card with its changelog, the manifest.

    The uploaded manifest records the published card's hash, so a downloaded snapshot validates.
    """
    _, prose = parse_card(card)
    head = card[:len(card) - len(prose)]
    published_card = card_with_changelog(head + _hub_load_example(prose, repo_id), section).encode("utf-8")
    published_manifest = dict(manifest)
    published_manifest["files"] = {**manifest["files"], CARD_NAME: {
        "sha256": hashlib.sha256(published_card).hexdigest(), "bytes": len(published_card)}}
    manifest_bytes = (json.dumps(published_manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
    uploads = [_file_upload(dist, rel) for rel in sorted(manifest["files"]) if rel != CARD_NAME]
    uploads.append(_bytes_upload(CARD_NAME, published_card))
    uploads.append(_bytes_upload(MANIFEST_NAME, manifest_bytes))
    return uploads


def _bytes_upload(path: str, data: bytes) -> _Upload:
    return _Upload(path, len(data), hashlib.sha256(data).hexdigest(), _git_oid_of(lambda: iter([data]), len(data)),
                   data)


def _file_upload(dist: Path, rel: str) -> _Upload:
    path = dist / rel
    size = path.stat().st_size

    def chunks():
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                yield block

    sha = hashlib.sha256()
    for block in chunks():
        sha.update(block)
    return _Upload(rel, size, sha.hexdigest(), _git_oid_of(chunks, size), path)


def _git_oid_of(chunks: Callable, size: int) -> str:
    """The git blob id of the content (what the Hub reports for files stored as regular blobs)."""
    sha = hashlib.sha1(f"blob {size}\0".encode())
    for block in chunks():
        sha.update(block)
    return sha.hexdigest()


def _tree(api, repo_id: str, revision: str) -> dict[str, tuple[str, str | None, int]]:
    """path → (git blob id, LFS sha256 or None, size) of every file at ``revision``."""
    from huggingface_hub.hf_api import RepoFile

    files = {}
    for item in api.list_repo_tree(repo_id, repo_type=REPO_TYPE, revision=revision, recursive=True):
        if isinstance(item, RepoFile):
            files[item.path] = (item.blob_id, item.lfs.sha256 if item.lfs else None, item.size)
    return files


def _same(upload: _Upload, remote: tuple[str, str | None, int] | None) -> bool:
    if remote is None:
        return False
    blob_id, lfs_sha256, _ = remote
    return upload.sha256 == lfs_sha256 if lfs_sha256 else upload.git_oid == blob_id


def _stale(uploads: list[_Upload], remote: dict) -> list[str]:
    """Files under the data folder that the new version does not have (old shards)."""
    ours = {u.path for u in uploads}
    return sorted(p for p in remote if p.startswith(f"{DATA_DIR}/") and p not in ours)


def _differences(uploads: list[_Upload], remote: dict) -> list[str]:
    differences = [u.path for u in uploads if not _same(u, remote.get(u.path))]
    return differences + [f"{p} (not in this build)" for p in _stale(uploads, remote)]


def _plan_files(uploads: list[_Upload], main_files: dict) -> list[PlannedFile]:
    planned = []
    for u in uploads:
        current = main_files.get(u.path)
        action = "add" if current is None else "unchanged" if _same(u, current) else "update"
        planned.append(PlannedFile(u.path, u.size, action))
    planned += [PlannedFile(p, main_files[p][2], "delete") for p in _stale(uploads, main_files)]
    return planned


def _plan_lines(result: PublishResult, remote: _Remote, private: bool, latest: str | None, needed: str,
                bump_warning: str | None) -> list[str]:
    if remote.exists:
        visibility = "private" if remote.private else "public"
        repo_line = f"Repository: {result.repo_id} exists ({visibility}); latest published version: {latest or 'none'}"
        if private and not remote.private:
            repo_line += "; --private only applies when the repository is created"
    else:
        repo_line = f"Repository: {result.repo_id} will be created ({'private' if private else 'public'})"
    lines = [f"Publish {result.repo_id} version {result.version} as tag {result.tag}", repo_line]
    if result.previous_version:
        lines.append(f"Changes since {result.previous_version} call for a {needed} bump; "
                     f"suggested version: {result.suggested_version}")
    if bump_warning:
        lines.append(f"Warning (forced): {bump_warning}")
    total = sum(f.size for f in result.files if f.action != "delete")
    lines.append(f"Files ({len([f for f in result.files if f.action != 'delete'])}, {_size(total)}):")
    lines += [f"  {f.action:<9} {f.path}  ({_size(f.size)})" for f in result.files]
    lines.append(f"Tag: {result.tag} on the new commit of main")
    lines.append("Changelog:")
    lines += [f"  {line}" if line else "" for line in result.changelog.rstrip("\n").split("\n")]
    return lines


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"
