"""The export contract: columns, real values, byte-identical output, new documents flow through."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import FIXTURES, entry, run_cli

DOC_COLUMNS = ["doc_id", "title", "outlet", "published", "date_precision", "n_paragraphs",
               "n_body_paragraphs", "n_comments"]
PARA_COLUMNS = ["doc_id", "para_id", "position", "segment", "text"]


def test_export_writes_the_contract_columns(tmp_path):
    result = run_cli("export", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    docs = pd.read_csv(tmp_path / "documents.csv", keep_default_na=False)
    paras = pd.read_csv(tmp_path / "paragraphs.csv", keep_default_na=False)
    assert docs.columns[:8].tolist() == DOC_COLUMNS
    assert paras.columns[:5].tolist() == PARA_COLUMNS
    assert docs.set_index("doc_id")["n_comments"].to_dict() == {
        "doc-000": 10, "doc-001": 0, "doc-002": 11, "doc-003": 0, "doc-004": 0}
    assert docs.set_index("doc_id")["published"].to_dict() == {
        "doc-000": "2015-12-02", "doc-001": "2016-05", "doc-002": "2016-09", "doc-003": "2018-08-08",
        "doc-004": "2021-04-16"}
    assert docs["n_paragraphs"].sum() == len(paras) == 117


def test_export_is_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("export", "--out", str(first)).returncode == 0
    assert run_cli("export", "--out", str(second)).returncode == 0
    for name in ("documents.csv", "paragraphs.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert (first / "paragraphs.csv").read_bytes().count(b"\r\n") == 0


def test_multiline_comment_survives_a_csv_round_trip(tmp_path):
    assert run_cli("export", "--out", str(tmp_path)).returncode == 0
    paras = pd.read_csv(tmp_path / "paragraphs.csv", keep_default_na=False).set_index("para_id")
    assert paras.loc["doc-000-p026", "text"].count("\n") == 2


@pytest.fixture
def wire_corpus(make_corpus):
    """A fresh corpus folder holding the hand-written wire report (tests/fixtures) and its entry."""
    text = (FIXTURES / "wire_report.txt").read_text(encoding="utf-8")
    return make_corpus(
        [entry("wire-001", "raw/wire_report.txt", title="Libyan envoy seeks Russian help on embargo",
               outlet="Example Wire", published="2019-03", date_precision="month",
               segmentation={"comments_start": "Reader A:"})],
        {"raw/wire_report.txt": text},
    )


def test_a_new_wire_report_flows_through(wire_corpus, tmp_path):
    """A user's own article, in a fresh corpus folder, with no code change."""
    root = wire_corpus
    result = run_cli("export", "--corpus", str(root), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert docs[DOC_COLUMNS].values.tolist() == [[
        "wire-001", "Libyan envoy seeks Russian help on embargo", "Example Wire", "2019-03", "month",
        9, 5, 2]]
    paras = pd.read_csv(tmp_path / "out" / "paragraphs.csv", keep_default_na=False)
    assert paras["segment"].tolist() == ["headline", "caption", *["body"] * 5, "comment", "comment"]
    assert paras["text"].iloc[-1] == "Reader B: The embargo only hurts the government."


ALL_TABLES = ["documents", "paragraphs", "actors", "mentions", "quotes", "requests", "date_mentions", "themes",
              "unresolved_actors"]
CONTRACT = {
    "actors": ["actor_id", "name", "type", "camp", "aliases"],
    "mentions": ["doc_id", "para_id", "actor_id", "surface", "start", "end", "segment"],
    "quotes": ["quote_id", "doc_id", "para_id", "speaker_id", "speaker_text", "text", "segment"],
    "requests": ["request_id", "event_id", "doc_id", "para_id", "requester_id", "requester_text", "addressee_id",
                 "addressee_text", "to_russia", "request_type", "cameo_code", "construction", "evidence", "cue"],
    "unresolved_actors": ["actor_id", "doc_id", "name", "role", "camp", "para_id", "n_mentions"],
    "date_mentions": ["doc_id", "para_id", "surface", "resolved_date", "precision"],
    "themes": ["doc_id", "para_id", "theme"],
}


def test_every_table_in_both_formats_is_byte_identical(tmp_path):
    for fmt in ("csv", "parquet"):
        for run in ("a", "b"):
            assert run_cli("export", "--out", str(tmp_path / f"{fmt}-{run}"), "--format", fmt).returncode == 0
        for name in ALL_TABLES:
            first = (tmp_path / f"{fmt}-a" / f"{name}.{fmt}").read_bytes()
            assert first == (tmp_path / f"{fmt}-b" / f"{name}.{fmt}").read_bytes(), f"{name}.{fmt}"


def test_contract_columns_and_parquet_agree_with_csv(tmp_path):
    assert run_cli("export", "--out", str(tmp_path / "c")).returncode == 0
    assert run_cli("export", "--out", str(tmp_path / "p"), "--format", "parquet").returncode == 0
    for name in ALL_TABLES:
        csv = pd.read_csv(tmp_path / "c" / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(tmp_path / "p" / f"{name}.parquet").astype(object)
        parquet = parquet.where(parquet.notna(), "").map(str)
        assert csv.columns.tolist()[: len(CONTRACT.get(name, []))] == CONTRACT.get(name, [])
        assert csv.columns.tolist() == parquet.columns.tolist()
        assert csv.values.tolist() == parquet.values.tolist(), name
    actors = pd.read_csv(tmp_path / "c" / "actors.csv", keep_default_na=False).set_index("actor_id")
    assert actors.loc["muammar-gaddafi", "aliases"].split("|") == [
        "Muammar Gaddafi", "Moamer Kadhafi", "Gaddafi", "Kadhafi", "Ghadafi", "Qaddafi"]


def test_the_wire_report_reaches_every_table(wire_corpus, tmp_path):
    root = wire_corpus
    assert run_cli("export", "--corpus", str(root), "--out", str(tmp_path / "out")).returncode == 0
    read = {n: pd.read_csv(tmp_path / "out" / f"{n}.csv", keep_default_na=False) for n in ALL_TABLES}
    assert set(read["mentions"]["actor_id"]) == {"russia", "united-nations"}
    assert read["requests"][["requester_id", "requester_text", "addressee_id", "request_type", "cameo_code"]
                            ].values.tolist() == [["", "A Libyan envoy", "russia", "embargo_lifting", 254],
                                                  ["", "We", "russia", "diplomatic_support", 22]]
    assert read["quotes"][["speaker_text", "text"]].values.tolist() == [
        ["the envoy", "We ask our Russian friends to support our request at the Security Council"]]
    assert read["date_mentions"][["surface", "resolved_date", "precision"]].values.tolist() == [
        ["March 12", "", "unresolved"], ["on Tuesday", "2019-02-26/2019-03-26", "range"], ["2011", "2011", "year"]]
    assert {"arms-embargo", "invitations"} <= set(read["themes"]["theme"])
    assert read["mentions"].loc[read["mentions"]["segment"] == "comment", "surface"].tolist() == ["Russia"]


def test_tables_are_validated_before_writing(seed_tables):
    from analysis.tables.schema import TableError, validate

    broken = dict(seed_tables)
    broken["quotes"] = seed_tables["quotes"].assign(para_id="doc-999-p001")
    with pytest.raises(TableError, match="quotes.para_id"):
        validate(broken)
    broken = dict(seed_tables)
    broken["mentions"] = pd.concat([seed_tables["mentions"], seed_tables["mentions"].head(1)])
    with pytest.raises(TableError, match="duplicate key"):
        validate(broken)


def _rows(tables: dict[str, pd.DataFrame]) -> dict[str, list[tuple]]:
    """The tables as the export's rows: tuples of Python values in column order."""
    return {name: list(zip(*(frame[c].tolist() for c in frame.columns), strict=True)) if len(frame) else []
            for name, frame in tables.items()}


def _set(table: str, column: str, value: object):
    """A change to every row: ``column`` of ``table`` set to ``value``."""
    from analysis.tables.schema import columns

    i = columns(table).index(column)
    return lambda rows: [(*r[:i], value, *r[i + 1:]) for r in rows]


@pytest.mark.parametrize(("table", "break_it", "message"), [
    ("quotes", _set("quotes", "para_id", "doc-999-p001"), "quotes.para_id"),
    ("mentions", lambda rows: rows + rows[:1], "duplicate key"),
    ("paragraphs", _set("paragraphs", "text", None), "paragraphs.text: empty"),
    ("paragraphs", _set("paragraphs", "position", "1"), "paragraphs.position: not an int"),
    ("requests", _set("requests", "to_russia", 1), "requests.to_russia: not a true/false"),
    ("themes", _set("themes", "cue", 7), "themes.cue: values that are not text"),
    ("themes", lambda rows: [r[:-1] for r in rows], "themes: a row of 4 values"),
    ("requests", _set("requests", "requester_id", "nobody-known"), "requests.requester_id"),
])
def test_rows_are_validated_at_write_time_by_the_same_contract(seed_tables, table, break_it, message):
    """The export checks rows, not frames (issue 15): each broken contract fails there too, naming the column."""
    from analysis.tables.schema import TableError, validate_rows

    rows = _rows(seed_tables)
    validate_rows(rows)  # the real tables pass
    with pytest.raises(TableError, match=message):
        validate_rows({**rows, table: break_it(rows[table])})


@pytest.mark.parametrize("corpus_dir", [None, FIXTURES / "hostile", FIXTURES / "minimal"])
def test_streaming_export_equals_the_in_memory_tables(corpus_dir, tmp_path, monkeypatch):
    """export_tables writes a batch of documents at a time; its CSV must equal the whole in-memory tables."""
    from analysis.corpus.load import load_corpus
    from analysis.tables import export
    from analysis.tables.export import build_tables, export_tables, write_table

    monkeypatch.setattr(export, "BATCH", 2)  # several batches even on the five seeds
    corpus = load_corpus(corpus_dir)
    export_tables(corpus, tmp_path / "streamed")
    (tmp_path / "whole").mkdir()
    for name, table in build_tables(corpus).items():
        write_table(table, tmp_path / "whole" / f"{name}.csv")
        assert (tmp_path / "streamed" / f"{name}.csv").read_bytes() == (tmp_path / "whole" / f"{name}.csv").read_bytes()
