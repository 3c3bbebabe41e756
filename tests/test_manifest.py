"""The manifest in either form: ``sources.yml`` read with yaml, ``sources.jsonl`` streamed line by line.

Both must give the same validated entries, and refuse the same mistakes with
the file and line named.
"""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from analysis import config
from analysis.corpus.load import load_corpus
from analysis.corpus.manifest import load_sources
from analysis.corpus.readers import manifest_path, read_yaml, strip_lines
from analysis.errors import CorpusError
from tests.conftest import entry
from tests.test_errors import TEXT, assert_refused


def as_jsonl(entries: list[dict]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)


def jsonl_corpus(tmp_path, lines: str, texts: dict[str, str] | None = None):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "sources.jsonl").write_text(lines, encoding="utf-8")
    for rel, text in (texts or {"raw/a.txt": TEXT}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_seeds_as_jsonl_give_the_same_sources(tmp_path):
    """Every field of every seed entry survives the other format, except where the entry starts."""
    root = tmp_path / "seeds"
    shutil.copytree(config.DATA_DIR, root)
    entries = strip_lines(read_yaml(root / "sources.yml"))["documents"]  # dates as written, not date objects
    (root / "sources.yml").unlink()
    (root / "sources.jsonl").write_text(as_jsonl(entries), encoding="utf-8")
    from_yaml = load_sources(config.DATA_DIR / "sources.yml")
    from_jsonl = load_sources(manifest_path(root))
    assert len(from_jsonl) == len(from_yaml) == 5
    assert [s.line for s in from_jsonl] == [1, 2, 3, 4, 5]
    for a, b in zip(from_yaml, from_jsonl, strict=True):
        assert (a.id, a.file, a.title, a.outlet, a.published, a.date_precision, a.meta, a.hints) == \
               (b.id, b.file, b.title, b.outlet, b.published, b.date_precision, b.meta, b.hints)
    assert [d.text for d in load_corpus(root).documents] == [d.text for d in load_corpus().documents]


def test_a_jsonl_entry_with_a_missing_field_is_named_by_its_line(tmp_path):
    bad = entry(doc_id="doc-902")
    del bad["outlet"]
    root = jsonl_corpus(tmp_path, as_jsonl([entry(), bad]))
    assert_refused(root, "sources.jsonl", "line 2, entry 'doc-902'", "missing required field 'outlet'")


@pytest.mark.parametrize(("line", "fragments"), [
    ('{"id": "doc-901", "file": "raw/a.txt",\n', ("line 2", "invalid JSON", "write one JSON object per line")),
    ('["doc-901", "raw/a.txt"]\n', ("line 2", "not a JSON object but list")),
    ('{"id": "doc-901", "id": "doc-902"}\n', ("line 2", "field 'id' appears twice")),
])
def test_a_broken_jsonl_line_is_refused_with_its_number(tmp_path, line, fragments):
    root = jsonl_corpus(tmp_path, as_jsonl([entry()]) + line)
    assert_refused(root, "sources.jsonl", *fragments)


def test_a_jsonl_line_that_is_not_utf8_is_named(tmp_path):
    root = jsonl_corpus(tmp_path, as_jsonl([entry()]))
    with (root / "sources.jsonl").open("ab") as out:
        out.write(b'{"id": "caf\xe9"}\n')
    assert_refused(root, "sources.jsonl", "line 2", "not UTF-8")


def test_blank_lines_are_skipped_and_an_empty_manifest_refused(tmp_path):
    root = jsonl_corpus(tmp_path, "\n" + as_jsonl([entry()]) + "\n\n")
    assert [s.line for s in load_sources(root / "sources.jsonl")] == [2]
    (root / "sources.jsonl").write_text("\n", encoding="utf-8")
    assert_refused(root, "sources.jsonl", "no entries", "add at least one document")


def test_both_manifests_at_once_are_refused(tmp_path, make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": TEXT})
    (root / "sources.jsonl").write_text(as_jsonl([entry()]), encoding="utf-8")
    assert_refused(root, "both sources.yml and sources.jsonl are present", "keep one manifest")


def test_a_key_repeated_inside_a_yaml_entry_is_refused(make_corpus):
    text = "documents:\n  - id: doc-900\n    file: raw/a.txt\n    title: One\n    title: Two\n"
    root = make_corpus(sources_text=text, texts={"raw/a.txt": TEXT})
    assert_refused(root, "'title:' appears twice (lines 4 and 5)")


def test_yaml_keeps_dates_as_written(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text(yaml.safe_dump({"documents": [entry(published="2016-05", date_precision="month")]}),
                    encoding="utf-8")
    assert load_sources(path)[0].published == "2016-05"


def test_the_errors_are_corpus_errors_not_tracebacks(tmp_path):
    root = jsonl_corpus(tmp_path, "{oops\n")
    with pytest.raises(CorpusError) as error:
        load_sources(root / "sources.jsonl")
    assert "line 1" in error.value.message
