"""Ingest: hashing, decoding, manifest rows, and clear rejects."""
import codecs
import hashlib
import json

import pytest

from dataset_builder.ingest import IngestError, RawDocument, Source, decode, discover, read_document

RUSSIAN = ("Правительство объявило о новых мерах поддержки малого бизнеса. По словам министра, "
           "программа начнёт работать с первого числа следующего месяца и охватит все регионы страны.\n")


def test_utf8_document_is_hashed_over_its_raw_bytes(tmp_path):
    data = "Tokyo’s policy — report\n".encode("utf-8")
    (tmp_path / "a.txt").write_bytes(data)
    doc = read_document(Source(tmp_path, "a.txt"))
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert doc.text == "Tokyo’s policy — report\n"
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8-sig"), (b"", "utf-16")])
def test_bom_decides_the_encoding(bom, encoding):
    data = bom + "Headline\n".encode("utf-8") if bom else "Headline — Заголовок\n".encode("utf-16")
    text, used = decode(data, "x.txt")
    assert used == encoding
    assert text.startswith("Headline")
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_legacy_encodings_are_detected(encoding):
    text, used = decode(RUSSIAN.encode(encoding), "ru.txt")
    assert text == RUSSIAN
    assert used.replace("_", "-").lower() == encoding


@pytest.mark.parametrize("data,problem", [
    (b"", "empty file"),
    (b"  \n\n ", "only whitespace"),
    (bytes(range(256)) * 4, "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
])
def test_unusable_inputs_are_rejected_with_the_file_named(data, problem):
    with pytest.raises(IngestError) as e:
        decode(data, "bad.txt")
    assert str(e.value).startswith("bad.txt: ")
    assert problem in str(e.value)


def test_discover_reads_manifest_and_unlisted_files(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha story.\n")
    (tmp_path / "b.txt").write_text("Beta story.\n")
    rows = [{"path": "a.txt", "outlet": "Example News", "url": "https://news.example.com/a", "languages": ["en"]},
            {"path": "missing.txt", "outlet": "Example News"}]
    (tmp_path / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    sources, rejects = discover(tmp_path)
    assert [s.relpath for s in sources] == ["a.txt", "b.txt"]
    assert sources[0].meta["outlet"] == "Example News" and sources[1].meta == {}
    reasons = {r.path: r.reason for r in rejects}
    assert "does not exist" in reasons["missing.txt"]
    assert any("not JSON" in reason for path, reason in reasons.items() if path.endswith("manifest.jsonl:3"))


def test_site_key_prefers_outlet_then_url_host_then_the_scraped_domain(tmp_path):
    def doc(meta, text="t", path="x/a.txt"):
        return RawDocument(Source(tmp_path, path, meta), text, "h", "utf-8")

    scrape = "# www.example.com\n\n## Metadata\n\n- **URL**: https://www.example.com/news/1\n\n## Content\n\nText\n"
    assert doc({"outlet": "TASS", "url": "https://tass.com/a"}, scrape).site == "TASS"
    assert doc({"url": "https://tass.com/politics/1"}, scrape).site == "tass.com"
    assert doc({}, scrape).site == "example.com"
    assert doc({}, scrape.replace("- **URL**: https://www.example.com/news/1", "- **Domain**: news.example.org")).site \
        == "news.example.org"
    assert doc({}).site == "x/a.txt" and doc({}, path="x/b.txt").site == "x/b.txt"  # no provenance: a site of its own


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="not a folder"):
        discover(tmp_path / "nope")
