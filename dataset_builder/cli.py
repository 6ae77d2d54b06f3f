"""The ``dataset-builder`` command line: build, annotate, langid, inspect, validate, publish."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .boilerplate import BLANK, BODY
from .ingest import IngestError, Source, read_document

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build a versioned Hugging Face dataset of English news body text from scraped pages.")

EXIT_REJECTS = 3
DEFAULT_LANGUAGES = "en,ru,uk"
LanguagesOpt = typer.Option(DEFAULT_LANGUAGES, "--languages",
                            help="Languages the corpus is expected to contain (comma-separated ISO 639-1).")
BackendOpt = typer.Option("default", "--langid-backend", help="Language identifier: 'default' or 'langdetect'.")


def _langs(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


def _err(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)


@app.command()
def build(
    raw_dir: Path = typer.Argument(Path("raw"), help="Corpus folder: .txt files and optional manifest.jsonl."),
    out: Path = typer.Option(Path("dist"), "--out", "-o", help="Output dataset folder."),
    version: str = typer.Option("1.0.0", "--version", "-v", help="Dataset version (X.Y.Z)."),
    languages: str = LanguagesOpt,
    langid_backend: str = BackendOpt,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the per-document transform."),
    max_shard_mb: int = typer.Option(256, "--max-shard-mb", min=1, help="Upper bound of a shard's size."),
    license: str = typer.Option("other", "--license", help="Licence id for the card's YAML."),
    previous: Optional[Path] = typer.Option(None, "--previous", help="A previous build (folder or its "
                                            "build_manifest.json): print the changes and the version they call for."),
) -> None:
    """Build the dataset folder OUT from RAW_DIR. Exit 3 if some inputs were rejected."""
    from rich.progress import Progress

    from .build import build_dataset

    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("documents", total=None)
        try:
            result = build_dataset(raw_dir, out, version, langid_backend=langid_backend, languages=_langs(languages),
                                   jobs=jobs, license=license, max_shard_bytes=max_shard_mb * 1024 * 1024,
                                   progress=lambda done, total: bar.update(task, completed=done, total=total))
        except (IngestError, ValueError) as e:
            _err(f"build failed: {e}")
            raise typer.Exit(1)
    for step in result.steps:
        typer.echo(f"step {step.summary()}", err=True)
    for reject in result.rejects:
        _err(f"rejected {reject.path}: {reject.reason}")
    typer.echo(f"{len(result.rows)} documents → {out} (version {version}); {len(result.rejects)} rejected")
    if previous is not None:
        _compare_with_previous(previous, result.manifest)
    if result.rejects:
        raise typer.Exit(EXIT_REJECTS)


def _compare_with_previous(previous: Path, manifest: dict) -> None:
    """Print the changelog against a previous build and the version the changes call for."""
    from .build import MANIFEST_NAME
    from .publish import changelog, parse_version, suggest_version

    path = previous / MANIFEST_NAME if previous.is_dir() else previous
    try:
        before = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        _err(f"--previous {path}: cannot read a build manifest ({e})")
        return
    typer.echo(changelog(before, manifest))
    suggested = suggest_version(before, manifest)
    typer.echo(f"suggested version: {suggested}")
    if parse_version(manifest["dataset_version"]) < parse_version(suggested):
        _err(f"warning: version {manifest['dataset_version']} is below {suggested}, which these changes call for")


@app.command()
def annotate(
    paths: List[Path] = typer.Argument(..., help="Files or folders of .txt files."),
    format: str = typer.Option("eval", "--format", help="'eval' (per-line labels) or 'jsonl' (full rows)."),
    languages: str = LanguagesOpt,
    langid_backend: str = BackendOpt,
) -> None:
    """Print per-line decisions (eval) or full rows (jsonl) for each input, one JSON object per line."""
    from .pipeline import count_corpus
    from .records import BuildConfig, analyse, to_json, transform

    if format not in ("eval", "jsonl"):
        _err(f"--format {format!r}: expected 'eval' or 'jsonl'")
        raise typer.Exit(2)
    docs, failed = [], False
    for source in _sources(paths):
        try:
            docs.append(read_document(source))
        except IngestError as e:
            _err(str(e))
            failed = True
    stats = count_corpus(docs)
    config = BuildConfig(dataset_version="0.0.0", langid_backend=langid_backend, languages=_langs(languages))
    for doc in docs:
        if format == "jsonl":
            typer.echo(to_json(transform(doc, stats, config)))
        else:
            typer.echo(json.dumps(eval_lines(doc.source.relpath, doc.text, analyse(doc, stats, config).spans),
                                  ensure_ascii=False))
    if failed:
        raise typer.Exit(EXIT_REJECTS)


def _sources(paths: List[Path]) -> list[Source]:
    sources = []
    for path in paths:
        if path.is_dir():
            sources += [Source(path, p.relative_to(path).as_posix()) for p in sorted(path.rglob("*.txt"))]
        else:
            sources.append(Source(path.parent, path.name))
    return sources


def spans_by_line(text: str, spans) -> list[tuple]:
    """Pair each line of ``text`` with the spans that overlap its content (a blank line: its own span)."""
    from .segment import split_lines

    spans = sorted(spans, key=lambda s: s.start)
    out, k = [], 0
    for ln in split_lines(text):
        while k < len(spans) and spans[k].end <= ln.start:
            k += 1
        if ln.end > ln.start:
            mine = [s for s in spans[k:] if s.start < ln.end]
        else:
            mine = spans[k:k + 1]
        out.append((ln, mine))
    return out


def eval_lines(name: str, text: str, spans) -> dict:
    """Per-line labels in the evaluation format: a line is body if any of it is, with its body spans."""
    out = []
    for ln, mine in spans_by_line(text, spans):
        line = text[ln.start:ln.end]
        body = [(max(s.start, ln.start) - ln.start, min(s.end, ln.end) - ln.start) for s in mine if s.label == BODY]
        if not line.strip():
            entry = {"n": ln.number, "label": BLANK}
        elif body:
            entry = {"n": ln.number, "label": BODY}
            if any(not ch.isspace() and not any(s <= i < e for s, e in body) for i, ch in enumerate(line)):
                entry["body_spans"] = [list(x) for x in _merge(body)]
        else:
            entry = {"n": ln.number, "label": "boilerplate"}
        langs = [s.lang for s in mine if s.lang]
        entry["lang"] = max(langs, key=langs.count) if langs else "none"
        out.append(entry)
    return {"file": name, "lines": out}


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(ranges):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


@app.command()
def langid(
    languages: str = typer.Option("", "--languages", help="Expected languages, e.g. 'en,ru,uk' or 'en,ru:4' "
                                  "(default: all supported, Russian and English favoured; see README)."),
    langid_backend: str = BackendOpt,
) -> None:
    """Identify the language of fragments read from stdin, one per line; one JSON object per line out."""
    from .langid import get_identifier

    try:
        identifier = get_identifier(langid_backend, _langs(languages) or None)
    except ValueError as e:
        _err(str(e))
        raise typer.Exit(2)
    out = sys.stdout
    for line in sys.stdin:
        res = identifier.identify(line.rstrip("\r\n"))
        out.write(json.dumps({"lang": res.lang, "score": round(res.score, 4)}, ensure_ascii=False) + "\n")
    out.flush()


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="One raw .txt file."),
    languages: str = LanguagesOpt,
    langid_backend: str = BackendOpt,
) -> None:
    """Show each line with its decision, language and rule (in colour on a terminal)."""
    from .pipeline import count_corpus
    from .records import BuildConfig, analyse

    try:
        doc = read_document(Source(file.parent, file.name))
    except IngestError as e:
        _err(str(e))
        raise typer.Exit(1)
    config = BuildConfig(dataset_version="0.0.0", langid_backend=langid_backend, languages=_langs(languages))
    sep = analyse(doc, count_corpus([doc]), config, explain=True)
    signals = dict(sep.signals)
    colours = {BODY: typer.colors.GREEN, "boilerplate": typer.colors.RED, BLANK: typer.colors.BRIGHT_BLACK}
    for ln, mine in spans_by_line(doc.text, sep.spans):
        for s in mine:
            piece = doc.text[max(s.start, ln.start):min(s.end, ln.end)]
            head = f"{ln.number:4d} {s.label:<11} {s.lang or '-':<4} {s.score:4.2f} {s.rule:<32}"
            typer.secho(f"{head} {piece}", fg=colours.get(s.label))
        if ln.number in signals:
            typer.secho(f"{'':4} {'':<11} signals: {signals[ln.number]}", fg=typer.colors.BRIGHT_BLACK)


@app.command()
def validate(dist: Path = typer.Argument(..., help="A built dataset folder.")) -> None:
    """Load DIST with datasets and check its card, manifest hashes and rows. Exit 1 on any problem."""
    from .validate import validate_dataset

    problems = validate_dataset(dist)
    for p in problems:
        _err(p)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{dist}: valid")


@app.command()
def publish(
    dist: Path = typer.Argument(..., help="A built dataset folder (from `dataset-builder build`)."),
    repo_id: str = typer.Option(..., "--repo-id", help="Dataset repository on the Hub: ORG/NAME."),
    private: bool = typer.Option(False, "--private", help="Create the repository private (no effect if it exists)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the plan (files, sizes, tag, changelog); write nothing."),
    message: Optional[str] = typer.Option(None, "--message", "-m",
                                          help="Commit message (default: 'Publish dataset version X.Y.Z')."),
    force: bool = typer.Option(False, "--force", help="Allow a version not above the latest published one, or a "
                                                      "smaller bump than the changes need. Never moves a tag."),
) -> None:
    """Validate DIST, upload it to the Hub in one commit and tag it vX.Y.Z. Token: HF_TOKEN or `hf auth login`."""
    from .publish import PublishError, publish_dataset

    try:
        result = publish_dataset(dist, repo_id, private=private, dry_run=dry_run, message=message, force=force)
    except PublishError as e:
        _err(str(e))
        raise typer.Exit(1)
    for line in result.lines:
        typer.echo(line)


if __name__ == "__main__":
    app()
