"""A local stand-in for the Hugging Face Hub, good enough for ``huggingface_hub`` and ``datasets``.

It serves the routes the real clients call for publishing and loading a dataset:

write side  POST /api/repos/create, /api/validate-yaml, /api/{type}s/{repo}/preupload/{rev},
            /api/{type}s/{repo}/commit/{rev} (ndjson), /api/{type}s/{repo}/tag/{rev};
            DELETE /api/{type}s/{repo}/tag/{tag}
read side   GET /api/whoami-v2, /api/{type}s/{repo}[/revision/{rev}], /api/{type}s/{repo}/refs,
            /api/{type}s/{repo}/tree/{rev}[/{path}]; POST /api/{type}s/{repo}/paths-info/{rev};
            GET|HEAD /[{type}s/]{repo}/resolve/{rev}/{path}

Files are always stored as plain git blobs (preupload answers ``regular``), so no LFS or Xet
storage is involved; clients must run with ``HF_HUB_DISABLE_XET=1``. Errors carry the
``X-Error-Code`` header the client maps to its exceptions (RepoNotFound, RevisionNotFound,
EntryNotFound). Every request is recorded in ``HubStandin.requests`` for tests to inspect.
"""
from __future__ import annotations

import base64
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from .git_store import Conflict, Entry, FileChange, GitRepo, MissingEntry

TOKEN = "hf_standin_write_token"
USER = "standin-user"
REPO_TYPES = {"models": "model", "datasets": "dataset", "spaces": "space"}
_REPO = r"(?P<type>models|datasets|spaces)/(?P<ns>[\w.-]+)/(?P<name>[\w.-]+)"


class HubError(Exception):
    """An error answered to the client as JSON with the Hub's error headers."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


@dataclass
class Reply:
    """What a route answers: status, headers and body (JSON-encoded unless bytes)."""

    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    """One request as recorded by the stand-in (method, path, whether it carried a valid token)."""

    method: str
    path: str
    authenticated: bool


class HubStandin:
    """The stand-in Hub: bare git repositories under ``root``, served on 127.0.0.1 in a thread."""

    def __init__(self, root: Path, token: str = TOKEN) -> None:
        self.root = root
        self.token = token
        self.requests: list[Request] = []
        self._repos_lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL to use as ``HF_ENDPOINT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "HubStandin":
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self._server.serve_forever, name="hub-standin", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> "HubStandin":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def repo_path(self, repo_type: str, repo_id: str) -> Path:
        """Where the bare repository of ``repo_id`` lives."""
        return self.root / f"{repo_type}s" / f"{repo_id}.git"

    def open_repo(self, repo_type: str, repo_id: str) -> GitRepo | None:
        """The repository, or None if it was never created."""
        path = self.repo_path(repo_type, repo_id)
        return GitRepo(path) if path.is_dir() else None

    def is_private(self, repo: GitRepo) -> bool:
        """Whether the repository was created private."""
        return (repo.path / "hub-private").exists()


def _handler_for(hub: HubStandin) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        pass

    Handler.hub = hub
    return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hub: HubStandin

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: requests are recorded in ``HubStandin.requests`` instead."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        self.query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        auth = self.headers.get("Authorization")
        self.authenticated = auth == f"Bearer {self.hub.token}"
        self.hub.requests.append(Request(method, url.path, self.authenticated))
        try:
            if auth is not None and not self.authenticated:
                raise HubError(401, "Invalid credentials in Authorization header")
            reply = self._route(method, url.path)
        except HubError as err:
            reply = Reply({"error": err.message}, err.status, {"X-Error-Message": err.message})
            if err.code:
                reply.headers["X-Error-Code"] = err.code
        except Exception as err:  # the client must see a 500, not a dropped connection
            reply = Reply({"error": f"stand-in failure: {err!r}"}, 500)
        self._send(method, reply)

    def _send(self, method: str, reply: Reply) -> None:
        body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        headers = {"Content-Type": "application/json", **reply.headers}
        self.send_response(reply.status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def _route(self, method: str, path: str) -> Reply:
        for route_method, pattern, handler in _ROUTES:
            if route_method == method or (route_method == "GET" and method == "HEAD"):
                match = re.fullmatch(pattern, path)
                if match:
                    params = {k: unquote(v) for k, v in match.groupdict().items() if v is not None}
                    return handler(self, **params)
        raise HubError(404, f"no stand-in route for {method} {path}")

    # --- helpers -------------------------------------------------------------------------

    def _json(self) -> Any:
        try:
            return json.loads(self.body or b"{}")
        except json.JSONDecodeError as err:
            raise HubError(400, f"invalid JSON body: {err}") from err

    def _require_token(self) -> None:
        if not self.authenticated:
            raise HubError(401, "You must be authenticated to do this")

    def _repo(self, type: str, ns: str, name: str) -> tuple[str, str, GitRepo]:
        repo_type, repo_id = REPO_TYPES[type], f"{ns}/{name}"
        repo = self.hub.open_repo(repo_type, repo_id)
        if repo is None or (self.hub.is_private(repo) and not self.authenticated):
            raise HubError(404, "Repository not found", "RepoNotFound")
        return repo_type, repo_id, repo

    def _commit(self, repo: GitRepo, rev: str) -> str:
        commit = repo.resolve(rev)
        if commit is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        return commit

    def _file_json(self, repo: GitRepo, commit: str, entry: Entry, expand: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"type": entry.kind, "oid": entry.oid, "size": entry.size, "path": entry.path}
        if expand:
            oid, title, date = repo.commit_info(commit, entry.path)
            data["lastCommit"] = {"id": oid, "title": title, "date": date}
        return data

    def _url(self, repo_type: str, repo_id: str) -> str:
        prefix = "" if repo_type == "model" else f"{repo_type}s/"
        return f"{self.hub.url}/{prefix}{repo_id}"

    # --- routes --------------------------------------------------------------------------

    def whoami(self) -> Reply:
        self._require_token()
        return Reply({"type": "user", "name": USER, "fullname": USER, "orgs": [],
                      "auth": {"type": "access_token", "accessToken": {"displayName": "standin", "role": "write"}}})

    def create_repo(self) -> Reply:
        self._require_token()
        payload = self._json()
        repo_type = payload.get("type") or "model"
        name, namespace = payload.get("name"), payload.get("organization") or USER
        if not name or not re.fullmatch(r"[\w.-]+", name) or not re.fullmatch(r"[\w.-]+", namespace):
            raise HubError(400, "Invalid repo name")
        repo_id = f"{namespace}/{name}"
        path = self.hub.repo_path(repo_type, repo_id)
        with self.hub._repos_lock:
            if path.exists():
                return Reply({"error": f"You already created this {repo_type} repo",
                              "url": self._url(repo_type, repo_id)}, 409)
            repo = GitRepo.create(path)
            if payload.get("private") or payload.get("visibility") == "private":
                (repo.path / "hub-private").touch()
        return Reply({"url": self._url(repo_type, repo_id), "name": repo_id})

    def validate_yaml(self) -> Reply:
        content = self._json().get("content", "")
        match = re.match(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", content, re.DOTALL)
        if not match:
            return Reply({"errors": [], "warnings": [{"message": "Empty metadata"}]})
        try:
            metadata = yaml.safe_load(match.group(1))
        except yaml.YAMLError as err:
            return Reply({"errors": [{"message": f"Invalid YAML: {err}"}], "warnings": []}, 400)
        if metadata is not None and not isinstance(metadata, dict):
            return Reply({"errors": [{"message": "Metadata must be a YAML mapping"}], "warnings": []}, 400)
        return Reply({"errors": [], "warnings": []})

    def repo_info(self, type: str, ns: str, name: str, rev: str = "main") -> Reply:
        repo_type, repo_id, repo = self._repo(type, ns, name)
        commit = self._commit(repo, rev)
        _, _, date = repo.commit_info(commit)
        siblings = [{"rfilename": e.path} for e in repo.entries(commit, recursive=True) if e.kind == "file"]
        info: dict[str, Any] = {
            "_id": repo_id, "id": repo_id, "author": ns, "sha": commit, "lastModified": date,
            "createdAt": date, "private": self.hub.is_private(repo), "gated": False, "disabled": False,
            "downloads": 0, "likes": 0, "tags": [], "siblings": siblings,
        }
        readme = repo.entry(commit, "README.md")
        if readme is not None:
            card = repo.blob(readme.oid).decode("utf-8", errors="replace")
            match = re.match(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", card, re.DOTALL)
            if match:
                info["cardData"] = yaml.safe_load(match.group(1)) or {}
        return Reply(info)

    def refs(self, type: str, ns: str, name: str) -> Reply:
        _, _, repo = self._repo(type, ns, name)
        refs = repo.refs()

        def as_json(kind: str) -> list[dict[str, str]]:
            return [{"name": r.name, "ref": r.ref, "targetCommit": r.target_commit}
                    for r in refs if r.ref.startswith(f"refs/{kind}/")]

        return Reply({"branches": as_json("heads"), "tags": as_json("tags"), "converts": [], "pullRequests": []})

    def tree(self, type: str, ns: str, name: str, rev: str, path: str = "") -> Reply:
        _, _, repo = self._repo(type, ns, name)
        commit = self._commit(repo, rev)
        path = path.strip("/")
        if path:
            entry = repo.entry(commit, path)
            if entry is None or entry.kind != "directory":
                raise HubError(404, f"{path} is not a directory", "EntryNotFound")
        recursive = self.query.get("recursive", "").lower() in ("1", "true")
        expand = self.query.get("expand", "").lower() in ("1", "true")
        entries = repo.entries(commit, path, recursive=recursive)
        return Reply([self._file_json(repo, commit, e, expand) for e in entries])

    def paths_info(self, type: str, ns: str, name: str, rev: str) -> Reply:
        _, _, repo = self._repo(type, ns, name)
        commit = self._commit(repo, rev)
        if self.headers.get("Content-Type", "").startswith("application/json"):
            payload = self._json()
            paths, expand = payload.get("paths", []), bool(payload.get("expand"))
        else:
            form = parse_qs(self.body.decode())
            paths, expand = form.get("paths", []), form.get("expand", ["false"])[-1].lower() == "true"
        found = [repo.entry(commit, p.strip("/")) for p in paths]
        return Reply([self._file_json(repo, commit, e, expand) for e in found if e is not None])

    def preupload(self, type: str, ns: str, name: str, rev: str) -> Reply:
        self._require_token()
        _, _, repo = self._repo(type, ns, name)
        commit = repo.resolve(rev)
        files = []
        for item in self._json().get("files", []):
            entry = repo.entry(commit, item["path"]) if commit else None
            files.append({"path": item["path"], "uploadMode": "regular", "shouldIgnore": False,
                          "oid": entry.oid if entry is not None and entry.kind == "file" else None})
        return Reply({"files": files, "commitOid": commit})

    def commit(self, type: str, ns: str, name: str, rev: str) -> Reply:
        self._require_token()
        repo_type, repo_id, repo = self._repo(type, ns, name)
        if self.query.get("create_pr"):
            raise HubError(400, "the stand-in does not support pull requests")
        if repo.resolve(f"refs/heads/{rev}") is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        header: dict[str, Any] = {}
        changes: list[FileChange] = []
        for line in self.body.decode().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            key, value = item["key"], item["value"]
            if key == "header":
                header = value
            elif key == "file":
                content = base64.b64decode(value["content"]) if value.get("encoding") == "base64" \
                    else value["content"].encode()
                changes.append(FileChange(value["path"], content))
            elif key in ("deletedFile", "deletedFolder"):
                changes.append(FileChange(value["path"], None, folder=key == "deletedFolder"))
            else:
                raise HubError(400, f"the stand-in stores plain blobs only; unsupported operation {key!r}")
        if not header.get("summary"):
            raise HubError(400, "commit summary is required")
        try:
            oid = repo.commit(rev, changes, header["summary"], header.get("description", ""),
                              header.get("parentCommit"))
        except Conflict as err:
            raise HubError(412, str(err)) from err
        except MissingEntry as err:
            raise HubError(404, f"{err} does not exist", "EntryNotFound") from err
        url = self._url(repo_type, repo_id)
        return Reply({"success": True, "commitOid": oid, "commitUrl": f"{url}/commit/{oid}",
                      "hookOutput": "", "pullRequestUrl": None})

    def create_tag(self, type: str, ns: str, name: str, rev: str) -> Reply:
        self._require_token()
        _, _, repo = self._repo(type, ns, name)
        commit = self._commit(repo, rev)
        payload = self._json()
        tag = payload.get("tag", "")
        if not re.fullmatch(r"[\w.+-]+", tag):
            raise HubError(400, f"Invalid tag name: {tag!r}")
        try:
            repo.tag(tag, commit, payload.get("message"))
        except Conflict as err:
            raise HubError(409, f"Tag {tag} already exists") from err
        return Reply({})

    def delete_tag(self, type: str, ns: str, name: str, tag: str) -> Reply:
        self._require_token()
        _, _, repo = self._repo(type, ns, name)
        try:
            repo.delete_tag(tag)
        except MissingEntry as err:
            raise HubError(404, f"Invalid rev id: {tag}", "RevisionNotFound") from err
        return Reply({})

    def resolve(self, rev: str, path: str, ns: str, name: str, type: str = "models") -> Reply:
        _, _, repo = self._repo(type, ns, name)
        commit = self._commit(repo, rev)
        entry = repo.entry(commit, path)
        if entry is None or entry.kind != "file":
            raise HubError(404, "Entry not found", "EntryNotFound")
        content = repo.blob(entry.oid)
        headers = {"Content-Type": "application/octet-stream", "ETag": f'"{entry.oid}"',
                   "X-Repo-Commit": commit, "Accept-Ranges": "bytes"}
        requested = self.headers.get("Range")
        if requested:
            return self._ranged(content, requested, headers)
        return Reply(content, 200, headers)

    @staticmethod
    def _ranged(content: bytes, requested: str, headers: dict[str, str]) -> Reply:
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", requested.strip())
        size = len(content)
        if not match or (not match.group(1) and not match.group(2)):
            raise HubError(416, f"unsupported range {requested}")
        if match.group(1):
            start = int(match.group(1))
            end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        else:
            start, end = max(size - int(match.group(2)), 0), size - 1
        if start >= size or start > end:
            return Reply(b"", 416, {**headers, "Content-Range": f"bytes */{size}"})
        return Reply(content[start:end + 1], 206, {**headers, "Content-Range": f"bytes {start}-{end}/{size}"})


_ROUTES = [
    ("GET", r"/api/whoami-v2", _Handler.whoami),
    ("POST", r"/api/repos/create", _Handler.create_repo),
    ("POST", r"/api/validate-yaml", _Handler.validate_yaml),
    ("GET", rf"/api/{_REPO}(?:/revision/(?P<rev>[^/]+))?", _Handler.repo_info),
    ("GET", rf"/api/{_REPO}/refs", _Handler.refs),
    ("GET", rf"/api/{_REPO}/tree/(?P<rev>[^/]+)(?:/(?P<path>.*))?", _Handler.tree),
    ("POST", rf"/api/{_REPO}/paths-info/(?P<rev>[^/]+)", _Handler.paths_info),
    ("POST", rf"/api/{_REPO}/preupload/(?P<rev>[^/]+)", _Handler.preupload),
    ("POST", rf"/api/{_REPO}/commit/(?P<rev>[^/]+)", _Handler.commit),
    ("POST", rf"/api/{_REPO}/tag/(?P<rev>[^/]+)", _Handler.create_tag),
    ("DELETE", rf"/api/{_REPO}/tag/(?P<tag>[^/]+)", _Handler.delete_tag),
    ("GET", r"/(?:(?P<type>datasets|spaces)/)?(?P<ns>[\w.-]+)/(?P<name>[\w.-]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)",
     _Handler.resolve),
]
