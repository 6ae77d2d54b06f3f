"""Ingest: find the raw documents, read their bytes, hash them, decode them, attach provenance.

A corpus folder holds ``.txt`` files and, optionally, a provenance manifest ``manifest.jsonl``
(one JSON object per document, see README). Every input either becomes a ``RawDocument`` or a
``Reject`` that names the file and the problem: nothing is dropped silently.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

MANIFEST_NAME = "manifest.jsonl"
MANIFEST_FIELDS = ("path", "outlet", "url", "languages", "published_at", "retrieved_at", "license")
#: Share of control characters (other than whitespace) above which decoded text is called binary.
MAX_CONTROL_SHARE = 0.01
#: "- **Domain**: example.com" or "- **URL**: https://example.com/…" in a scrape's metadata block
_SCRAPED_DOMAIN = re.compile(r"^- \*\*(?:Domain|URL)\*\*: (?:https?://)?([^/\s]+)", re.MULTILINE)
_SCRAPE_HEAD_CHARS = 4000
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class IngestError(Exception):
    """An input that cannot become a document; the message says why."""


@dataclass(frozen=True)
class Source:
    """One input as listed: its path relative to the corpus root and its manifest metadata."""

    root: Path
    relpath: str
    meta: dict = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.root / self.relpath


@dataclass(frozen=True)
class RawDocument:
    """A decoded input document with everything provenance needs."""

    source: Source
    text: str
    raw_sha256: str
    encoding: str

    @property
    def site(self) -> str:
        """The site key used for corpus repetition.

        The manifest's outlet, else its URL's host, else the domain a markdown scrape names in its
        ``## Metadata`` section; a page with none of them is a site of its own (a folder of
        unrelated pages is not one site, and a short line two of them share is not a template).
        """
        meta = self.source.meta
        if meta.get("outlet"):
            return str(meta["outlet"])
        if meta.get("url"):
            return str(meta["url"]).split("/")[2] if "//" in str(meta["url"]) else str(meta["url"])
        scraped = _SCRAPED_DOMAIN.search(self.text, 0, _SCRAPE_HEAD_CHARS)
        if scraped:
            return scraped.group(1).removeprefix("www.")
        return self.source.relpath


@dataclass(frozen=True)
class Reject:
    """An input left out of the dataset, with the reason."""

    path: str
    reason: str


def discover(root: Path) -> tuple[list[Source], list[Reject]]:
    """List the inputs of a corpus folder: manifest rows if there is a manifest, else every ``*.txt``.

    With a manifest, ``.txt`` files it does not list are still ingested (with no metadata), and a
    row naming a missing file is a reject.
    """
    root = Path(root)
    if not root.is_dir():
        raise IngestError(f"{root}: not a folder")
    rejects: list[Reject] = []
    sources: dict[str, Source] = {}
    manifest = root / MANIFEST_NAME
    if manifest.exists():
        for lineno, row in _manifest_rows(manifest, rejects):
            rel = str(row.get("path", "")).strip()
            if not rel:
                rejects.append(Reject(f"{manifest}:{lineno}", "manifest row has no 'path'"))
            elif not (root / rel).is_file():
                rejects.append(Reject(rel, f"listed in {MANIFEST_NAME} (line {lineno}) but the file does not exist"))
            elif rel in sources:
                rejects.append(Reject(rel, f"listed twice in {MANIFEST_NAME} (line {lineno})"))
            else:
                sources[rel] = Source(root, rel, {k: row.get(k) for k in MANIFEST_FIELDS if k != "path"})
    for path in sorted(root.rglob("*.txt")):
        rel = path.relative_to(root).as_posix()
        sources.setdefault(rel, Source(root, rel, {}))
    return [sources[k] for k in sorted(sources)], rejects


def _manifest_rows(manifest: Path, rejects: list[Reject]) -> Iterator[tuple[int, dict]]:
    for lineno, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            rejects.append(Reject(f"{manifest}:{lineno}", f"manifest line is not JSON ({e.msg})"))
            continue
        if not isinstance(row, dict):
            rejects.append(Reject(f"{manifest}:{lineno}", "manifest line is not a JSON object"))
            continue
        yield lineno, row


def read_document(source: Source) -> RawDocument:
    """Read, hash and decode one input; raise ``IngestError`` naming the file and the problem."""
    try:
        data = source.path.read_bytes()
    except OSError as e:
        raise IngestError(f"{source.relpath}: cannot be read ({e.strerror or e})") from e
    text, encoding = decode(data, source.relpath)
    return RawDocument(source, text, hashlib.sha256(data).hexdigest(), encoding)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes: a BOM decides, then strict UTF-8, then charset-normalizer's best guess.

    Returns the text and the encoding used. Raises ``IngestError`` for empty, binary or
    undecodable input.
    """
    if not data.strip():
        raise IngestError(f"{name}: empty file" if not data else f"{name}: contains only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding), encoding, name)
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise IngestError(f"{name}: binary file (NUL bytes, no text encoding fits)")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{name}: not text in any known encoding")
    return _checked(str(best), best.encoding, name)


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(f"{name}: binary file ({controls} control characters after decoding as {encoding})")
    if not text.strip():
        raise IngestError(f"{name}: contains only whitespace")
    return text, encoding
