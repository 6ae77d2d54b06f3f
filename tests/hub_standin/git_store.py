"""Bare git repositories driven through the ``git`` CLI: the storage of the stand-in Hub.

Every Hub repository is one bare repository; a commit from the Hub API becomes a real git
commit (blobs written with ``hash-object``, the tree assembled in a throw-away index), and
tags and branches are real refs, so what the read routes serve is exactly what was committed.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

ZERO_OID = "0" * 40

DEFAULT_GITATTRIBUTES = b"""*.arrow filter=lfs diff=lfs merge=lfs -text
*.bin filter=lfs diff=lfs merge=lfs -text
*.parquet filter=lfs diff=lfs merge=lfs -text
*.safetensors filter=lfs diff=lfs merge=lfs -text
"""


class GitError(Exception):
    """A git command failed."""


class Conflict(Exception):
    """The branch moved since the commit the client based its change on."""


class MissingEntry(Exception):
    """A path that an operation needs does not exist at the revision."""


@dataclass(frozen=True)
class Entry:
    """One tree entry: ``kind`` is ``"file"`` or ``"directory"``; ``size`` is 0 for directories."""

    kind: str
    oid: str
    size: int
    path: str


@dataclass(frozen=True)
class Ref:
    """A branch or tag and the commit it points to."""

    name: str
    ref: str
    target_commit: str


@dataclass(frozen=True)
class FileChange:
    """One change of a commit: ``content`` is None for a deletion; ``folder`` deletes a whole prefix."""

    path: str
    content: bytes | None
    folder: bool = False


class GitRepo:
    """One bare repository; writes are serialised by a lock, reads go straight to git."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()

    def _env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_DIR": str(self.path),
            "GIT_CONFIG_NOSYSTEM": "1",
            "TZ": "UTC",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "standin",
            "GIT_AUTHOR_EMAIL": "standin@localhost",
            "GIT_COMMITTER_NAME": "standin",
            "GIT_COMMITTER_EMAIL": "standin@localhost",
        }
        env.update(extra)
        return env

    def git(self, *args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
        """Run ``git ARGS`` against this repository and return stdout."""
        proc = subprocess.run(
            ["git", *args], input=input, capture_output=True, env=env or self._env(), check=False
        )
        if proc.returncode != 0:
            raise GitError(f"git {' '.join(args)}: {proc.stderr.decode(errors='replace').strip()}")
        return proc.stdout

    @classmethod
    def create(cls, path: Path) -> "GitRepo":
        """Create a bare repository whose ``main`` holds one commit with a ``.gitattributes``, as the Hub does."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "init", "--quiet", "--bare", "--initial-branch=main", str(path)],
            check=True,
            capture_output=True,
        )
        repo = cls(path)
        repo.commit("main", [FileChange(".gitattributes", DEFAULT_GITATTRIBUTES)], "initial commit", "")
        return repo

    def resolve(self, revision: str) -> str | None:
        """Full commit id for a branch, tag or (abbreviated) commit id, or None."""
        if not revision or revision.startswith("-"):
            return None
        proc = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
            capture_output=True,
            env=self._env(),
            check=False,
        )
        return proc.stdout.decode().strip() or None if proc.returncode == 0 else None

    def commit(
        self,
        branch: str,
        changes: list[FileChange],
        summary: str,
        description: str,
        parent_commit: str | None = None,
    ) -> str:
        """Apply ``changes`` on top of ``branch`` as one commit and move the branch; return the commit id."""
        with self.lock:
            head = self.resolve(f"refs/heads/{branch}")
            if parent_commit is not None and (head is None or not head.startswith(parent_commit)):
                raise Conflict(f"{branch} is at {head}, not at parent commit {parent_commit}")
            with tempfile.TemporaryDirectory() as tmp:
                env = self._env(GIT_INDEX_FILE=str(Path(tmp) / "index"))
                if head is not None:
                    self.git("read-tree", head, env=env)
                lines = []
                for change in changes:
                    lines.extend(self._index_lines(change, env))
                if lines:
                    self.git("update-index", "-z", "--index-info", input=b"".join(lines), env=env)
                tree = self.git("write-tree", env=env).decode().strip()
            message = summary if not description else f"{summary}\n\n{description}"
            parents = ["-p", head] if head is not None else []
            commit = self.git("commit-tree", tree, *parents, "-m", message).decode().strip()
            self.git("update-ref", f"refs/heads/{branch}", commit, head or ZERO_OID)
            return commit

    def _index_lines(self, change: FileChange, env: dict[str, str]) -> list[bytes]:
        if change.content is not None:
            oid = self.git("hash-object", "-w", "--stdin", input=change.content).decode().strip()
            return [f"100644 {oid}\t{change.path}".encode() + b"\0"]
        listed = [p.decode() for p in self.git("ls-files", "-z", "--", change.path, env=env).split(b"\0") if p]
        prefix = change.path.rstrip("/") + "/"
        paths = [p for p in listed if (p.startswith(prefix) if change.folder else p == change.path)]
        if not paths:
            raise MissingEntry(change.path)
        return [f"0 {ZERO_OID}\t{p}".encode() + b"\0" for p in paths]

    def tag(self, name: str, commit: str, message: str | None) -> None:
        """Create tag ``name`` on ``commit``; refuses to move an existing tag."""
        with self.lock:
            if self.resolve(f"refs/tags/{name}") is not None:
                raise Conflict(f"tag {name} already exists")
            if message:
                self.git("tag", "-a", "-m", message, name, commit)
            else:
                self.git("update-ref", f"refs/tags/{name}", commit, ZERO_OID)

    def delete_tag(self, name: str) -> None:
        """Delete tag ``name``."""
        with self.lock:
            if self.resolve(f"refs/tags/{name}") is None:
                raise MissingEntry(name)
            self.git("update-ref", "-d", f"refs/tags/{name}")

    def refs(self) -> list[Ref]:
        """All branches and tags, tags peeled to the commit they name."""
        fmt = "--format=%(refname)%00%(objectname)%00%(*objectname)"
        out = self.git("for-each-ref", fmt, "refs/heads", "refs/tags")
        refs = []
        for line in out.decode().splitlines():
            ref, oid, peeled = line.split("\0")
            name = ref.split("/", 2)[2]
            refs.append(Ref(name=name, ref=ref, target_commit=peeled or oid))
        return refs

    def entries(self, commit: str, path: str = "", *, recursive: bool = False) -> list[Entry]:
        """Children of directory ``path`` at ``commit`` (all descendants if ``recursive``)."""
        args = ["ls-tree", "-l", "-z"]
        if recursive:
            args += ["-r", "-t"]
        target = f"{commit}:{path}" if path else commit
        return [self._entry(raw, prefix=path) for raw in self.git(*args, target).split(b"\0") if raw]

    def entry(self, commit: str, path: str) -> Entry | None:
        """The tree entry at ``path``, or None if there is none."""
        if not path:
            return None
        out = self.git("ls-tree", "-l", "-z", commit, "--", path).split(b"\0")
        found = [self._entry(raw) for raw in out if raw]
        return next((e for e in found if e.path == path), None)

    @staticmethod
    def _entry(raw: bytes, prefix: str = "") -> Entry:
        meta, name = raw.decode().split("\t", 1)
        _mode, kind, oid, size = meta.split()
        full = f"{prefix.rstrip('/')}/{name}" if prefix else name
        return Entry("directory" if kind == "tree" else "file", oid, 0 if size == "-" else int(size), full)

    def blob(self, oid: str) -> bytes:
        """Content of blob ``oid``."""
        return self.git("cat-file", "blob", oid)

    def commit_info(self, commit: str, path: str | None = None) -> tuple[str, str, str]:
        """(id, title, UTC date as the Hub writes it) of ``commit``, or of the last commit up to it touching ``path``."""
        args = ["log", "-1", "--date=format-local:%Y-%m-%dT%H:%M:%S.000Z", "--format=%H%x00%s%x00%cd", commit]
        if path:
            args += ["--", path]
        oid, title, date = self.git(*args).decode().strip().split("\0")
        return oid, title, date
