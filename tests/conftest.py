"""Shared test setup: never reach the Hugging Face Hub, and small corpus folders on demand."""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"

ARTICLE = """Harbour bridge reopens after six-month repair

The city's main harbour bridge reopened to traffic on Monday after six months of repairs that cost \
more than expected, the transport department said.

Engineers replaced corroded cables and resurfaced the deck, and officials said the work should keep \
the bridge safe for another thirty years.

Share this article
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder with two plain UTF-8 articles and no manifest."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "port.txt").write_text(ARTICLE.replace("harbour bridge", "port tunnel").replace(
        "Harbour bridge", "Port tunnel"), encoding="utf-8")
    return root


@pytest.fixture
def break_transform(monkeypatch) -> Callable[[str, Exception], None]:
    """``break_transform(path, error)``: the per-document transform raises ``error`` for that input."""
    import dataset_builder.pipeline as pipeline

    real = pipeline.transform

    def install(path: str, error: Exception) -> None:
        def flaky(doc, stats, config):
            if doc.source.relpath == path:
                raise error
            return real(doc, stats, config)

        monkeypatch.setattr(pipeline, "transform", flaky)

    return install
