"""Dataset card: YAML front matter the Hub and ``datasets`` read, and prose rendered from ``cards/``."""
from __future__ import annotations

from collections import Counter
from importlib import resources
from string import Template
from typing import Sequence

import yaml

from .boilerplate import BLANK, BODY, RULES_BY_ID
from .records import FIELD_DOCS, SCHEMA, features
from .writer import DATA_DIR, SPLIT

TEMPLATE = "dataset_card.md"
FRONT_MATTER = "---\n"


def front_matter(*, version: str, pretty_name: str, license: str, languages: Sequence[str],
                 num_examples: int, num_bytes: int, download_size: int) -> dict:
    """The card's YAML metadata: configs/data_files, dataset_info, language, license, version."""
    return {
        "pretty_name": pretty_name,
        "version": version,
        "language": list(languages),
        "license": license,
        "task_categories": ["text-generation"],
        "tags": ["news", "boilerplate-removal", "provenance"],
        "configs": [{"config_name": "default",
                     "data_files": [{"split": SPLIT, "path": f"{DATA_DIR}/{SPLIT}-*"}]}],
        "dataset_info": {
            "features": features()._to_yaml_list(),
            "splits": [{"name": SPLIT, "num_bytes": num_bytes, "num_examples": num_examples}],
            "download_size": download_size,
            "dataset_size": num_bytes,
        },
    }


def render_card(meta: dict, rows: Sequence[dict], *, n_rejects: int, builder_version: str,
                rules_fingerprint: str, schema_fingerprint: str, description: str,
                license_note: str, load_path: str = ".") -> str:
    """The full ``README.md``: front matter plus the template filled with the build's figures."""
    template = Template(resources.files("dataset_builder.cards").joinpath(TEMPLATE).read_text(encoding="utf-8"))
    by_rule: Counter = Counter()
    by_rule_chars: Counter = Counter()
    by_lang: Counter = Counter()
    by_lang_chars: Counter = Counter()
    body_chars = removed_chars = 0
    for row in rows:
        body_chars += len(row["text"])
        for s in row["spans"]:
            if s["label"] in (BODY, BLANK):
                continue
            n = s["end"] - s["start"]
            removed_chars += n
            by_rule[s["rule"]] += 1
            by_rule_chars[s["rule"]] += n
            by_lang[s["lang"] or "none"] += 1
            by_lang_chars[s["lang"] or "none"] += n
    prov = rows[0]["provenance"] if rows else {}
    body = template.substitute(
        pretty_name=meta["pretty_name"],
        description=description,
        dataset_version=meta["version"],
        builder_version=builder_version,
        rules_fingerprint_short=rules_fingerprint[:12],
        schema_fingerprint_short=schema_fingerprint[:12],
        langid_backend=prov.get("langid_backend", "n/a"),
        langid_backend_version=prov.get("langid_backend_version", ""),
        schema_table="\n".join(f"| `{f.name}` | `{_type_name(f.type)}` | {FIELD_DOCS[f.name]} |" for f in SCHEMA),
        n_documents=len(rows),
        n_rejects=n_rejects,
        body_chars=body_chars,
        removed_chars=removed_chars,
        removals_by_rule="\n".join(
            f"| `{r}` | {RULES_BY_ID[r].reason if r in RULES_BY_ID else ''} | {by_rule[r]} | {by_rule_chars[r]} |"
            for r in sorted(by_rule, key=lambda r: (-by_rule_chars[r], r))) or "| none | | 0 | 0 |",
        removals_by_lang="\n".join(
            f"| {k} | {by_lang[k]} | {by_lang_chars[k]} |"
            for k in sorted(by_lang, key=lambda k: (-by_lang_chars[k], k))) or "| none | 0 | 0 |",
        load_path=load_path,
        license_note=license_note,
    )
    return f"{FRONT_MATTER}{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}{FRONT_MATTER}\n{body}"


def parse_card(text: str) -> tuple[dict, str]:
    """Split a card into its YAML metadata and its prose; raise ``ValueError`` if the YAML is missing."""
    if not text.startswith(FRONT_MATTER):
        raise ValueError("card has no YAML front matter")
    end = text.find(f"\n{FRONT_MATTER}", len(FRONT_MATTER))
    if end < 0:
        raise ValueError("card's YAML front matter is not closed")
    meta = yaml.safe_load(text[len(FRONT_MATTER):end + 1])
    if not isinstance(meta, dict):
        raise ValueError("card's YAML front matter is not a mapping")
    return meta, text[end + 1 + len(FRONT_MATTER):]


def _type_name(t) -> str:
    """A short Arrow type name for the schema table: ``list<struct{start, end, ...}>``."""
    if hasattr(t, "value_type"):
        return f"list<{_type_name(t.value_type)}>"
    if hasattr(t, "num_fields") and t.num_fields:
        return "struct{" + ", ".join(t.field(i).name for i in range(t.num_fields)) + "}"
    return str(t)
