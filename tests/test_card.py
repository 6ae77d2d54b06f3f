"""Card: YAML front matter that huggingface_hub and datasets read, prose with the build's figures."""
import pytest
from datasets.info import DatasetInfo
from huggingface_hub import DatasetCard

from conftest import RAW
from dataset_builder.build import build_dataset
from dataset_builder.card import parse_card
from dataset_builder.records import SCHEMA, features


@pytest.fixture(scope="module")
def card_text(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("dist")
    build_dataset(RAW, out, "2.1.0")
    return (out / "README.md").read_text(encoding="utf-8")


def test_front_matter_is_understood_by_hub_and_datasets(card_text):
    card = DatasetCard(card_text)
    data = card.data.to_dict()
    assert data["version"] == "2.1.0"
    assert data["configs"][0]["data_files"][0] == {"split": "train", "path": "data/train-*"}
    assert "en" in data["language"] and data["license"] == "other" and data["pretty_name"]
    info = DatasetInfo._from_yaml_dict(data["dataset_info"])
    assert info.features == features()
    assert info.splits["train"].num_examples == 3


def test_prose_has_schema_stats_and_loading(card_text):
    meta, prose = parse_card(card_text)
    assert meta["version"] == "2.1.0"
    for name in SCHEMA.names:
        assert f"| `{name}` |" in prose
    assert "| documents | 3 |" in prose
    assert "### Removals by rule" in prose and "### Removals by language" in prose
    assert "load_dataset(" in prose
    assert "TASS" in prose  # licence notes from the manifest


@pytest.mark.parametrize("text,problem", [("no yaml", "no YAML"), ("---\na: 1\n", "not closed"), ("---\n- 1\n---\n", "mapping")])
def test_parse_card_errors(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_card(text)
