"""Bad input gets one clear line naming the file and field, exit status 2, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from analysis.corpus.load import load_corpus
from analysis.errors import CorpusError
from tests.conftest import entry, run_cli

TEXT = "Headline\n\nA body paragraph about Libya and Russia.\n"


def assert_refused(root, *fragments: str) -> str:
    """The CLI refuses the corpus with one line containing every fragment."""
    result = run_cli("validate", "--corpus", str(root))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_valid_tiny_corpus_passes(make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": TEXT})
    result = run_cli("validate", "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    assert "1 documents, 2 paragraphs" in result.stdout


def test_missing_text_file(make_corpus):
    root = make_corpus([entry(file="raw/missing.txt")], {})
    assert_refused(root, "sources.yml", "entry 'doc-900'", "field 'file'", "'raw/missing.txt' not found")


def test_file_not_utf8(make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": "Headline\nCaf\xe9 in Tripoli\n".encode("latin-1")})
    assert_refused(root, "a.txt", "line 2", "not valid UTF-8", "re-save the file as UTF-8")


def test_empty_file(make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": "  \n\n"})
    assert_refused(root, "a.txt", "the file is empty")


def test_duplicate_id(make_corpus):
    root = make_corpus([entry(), entry(file="raw/b.txt")], {"raw/a.txt": TEXT, "raw/b.txt": TEXT})
    assert_refused(root, "sources.yml", "duplicate id 'doc-900'", "first used at line 2")


def test_missing_required_field(make_corpus):
    broken = entry()
    del broken["outlet"]
    root = make_corpus([broken], {"raw/a.txt": TEXT})
    assert_refused(root, "sources.yml", "entry 'doc-900'", "missing required field 'outlet'")


@pytest.mark.parametrize("published, precision", [
    ("2019-13-40", "day"), ("April 2019", "month"), ("2019-04", "day"), ("2019-02-30", "day"),
])
def test_unparseable_date(make_corpus, published, precision):
    root = make_corpus([entry(published=published, date_precision=precision)], {"raw/a.txt": TEXT})
    assert_refused(root, "sources.yml", "field 'published'", f"'{published}' is not an ISO date")


def test_null_date_needs_unknown_precision(make_corpus):
    root = make_corpus([entry(published=None)], {"raw/a.txt": TEXT})
    assert_refused(root, "field 'published' is null but 'date_precision' is not 'unknown'")


def test_text_file_without_entry(make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": TEXT, "raw/stray.txt": TEXT})
    assert_refused(root, "stray.txt", "no entry in sources.yml", "file: raw/stray.txt")


def test_sources_yml_missing(tmp_path):
    (tmp_path / "raw").mkdir()
    assert_refused(tmp_path, "sources.yml", "file not found")


def test_yaml_syntax_error_names_the_line(make_corpus):
    root = make_corpus(sources_text="documents:\n  - id: doc-1\n    title: [unclosed\n", texts={})
    assert_refused(root, "sources.yml", "YAML syntax error", "line ")


def test_unknown_field_is_a_typo(make_corpus):
    root = make_corpus([entry(pubished="2019")], {"raw/a.txt": TEXT})
    assert_refused(root, "unknown field 'pubished'")


def test_changed_raw_file_fails_its_checksum(make_corpus):
    root = make_corpus([entry(sha256="0" * 64)], {"raw/a.txt": TEXT})
    assert_refused(root, "a.txt", "differs from the sha256 recorded")


def test_hint_that_matches_nothing(make_corpus):
    root = make_corpus([entry(segmentation={"comments_start": "Readers wrote"})], {"raw/a.txt": TEXT})
    assert_refused(root, "sources.yml", "segmentation hint 'comments_start'", "matches no paragraph")


def test_path_outside_the_corpus(make_corpus):
    root = make_corpus([entry(file="../elsewhere.txt")], {})
    assert_refused(root, "points outside the corpus folder")


def test_date_range_must_contain_the_date(make_corpus):
    root = make_corpus([entry(date_range=["2019-05-01", "2019-05-09"])], {"raw/a.txt": TEXT})
    assert_refused(root, "lies outside date_range")


def test_export_refuses_bad_corpus_without_writing(make_corpus, tmp_path):
    root = make_corpus([entry(file="raw/missing.txt")], {})
    result = run_cli("export", "--corpus", str(root), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and result.stderr.startswith("error: ")
    assert not (tmp_path / "out").exists()


def test_library_raises_corpus_error(make_corpus):
    root = make_corpus([entry()], {"raw/a.txt": b""})
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.path.name == "a.txt"


def test_control_characters_in_a_value_are_escaped_not_printed(make_corpus):
    """A newline inside a YAML value (found by the property tests) must not split the message."""
    root = make_corpus([entry(published="2019-04\n05")], {"raw/a.txt": TEXT})
    line = assert_refused(root, "field 'published'", "not an ISO date of day precision")
    assert "'2019-04\\n05'" in line, line


def test_a_symbolic_link_out_of_the_corpus_is_refused(make_corpus, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(TEXT, encoding="utf-8")
    root = make_corpus([entry(file="raw/link.txt")], {})
    (root / "raw").mkdir()
    (root / "raw" / "link.txt").symlink_to(outside)
    assert_refused(root, "'raw/link.txt' points outside the corpus folder")


def test_a_symbolic_link_within_the_corpus_is_followed(make_corpus):
    root = make_corpus([entry(file="raw/link.txt")], {"archive/a.txt": TEXT})
    (root / "raw").mkdir()
    (root / "raw" / "link.txt").symlink_to(root / "archive" / "a.txt")
    assert load_corpus(root).documents[0].path == (root / "archive" / "a.txt").resolve()


def test_a_folder_link_out_of_the_corpus_is_refused(make_corpus, tmp_path):
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text(TEXT, encoding="utf-8")
    root = make_corpus([entry(file="raw/a.txt")], {})
    (root / "raw").symlink_to(tmp_path / "other", target_is_directory=True)
    assert_refused(root, "'raw/a.txt' points outside the corpus folder")


def test_documents_listed_twice_are_refused_not_silently_dropped(make_corpus):
    root = make_corpus(sources_text="documents: []\ndocuments:\n  - id: a\n", texts={})
    assert_refused(root, "'documents:' appears twice (lines 1 and 2)")


def test_a_folder_swapped_for_a_link_between_two_loads_is_refused(make_corpus, tmp_path):
    """Real paths are cached per corpus object, never for the process (found in review)."""
    root = make_corpus([entry()], {"raw/a.txt": TEXT})
    assert load_corpus(root).documents[0].text == TEXT
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text("SECRET\n", encoding="utf-8")
    shutil.rmtree(root / "raw")
    (root / "raw").symlink_to(tmp_path / "other", target_is_directory=True)
    with pytest.raises(CorpusError, match="points outside the corpus folder"):
        load_corpus(root)


def test_dot_dot_after_a_link_is_resolved_after_the_link(make_corpus, tmp_path):
    """'link/../a.txt' names a file beside the link's target, outside the corpus: refused."""
    (tmp_path / "out" / "sub").mkdir(parents=True)
    (tmp_path / "out" / "a.txt").write_text(TEXT, encoding="utf-8")
    root = make_corpus([entry(file="link/../a.txt")], {"a.txt": TEXT})
    (root / "link").symlink_to(tmp_path / "out" / "sub", target_is_directory=True)
    assert_refused(root, "'link/../a.txt' points outside the corpus folder")
