"""Command line: ``python -m analysis validate | export | rerun``.

Errors in the user's corpus are printed as one line on stderr with exit status
2, never as a traceback; see :class:`analysis.errors.CorpusError`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.errors import CorpusError
from analysis.tables.engines import ENGINES, EngineError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check sources.yml and every text file of a corpus")
    validate.add_argument("--corpus", type=Path, help="corpus folder (default: the repository's data/)")
    export = sub.add_parser("export", help="write the corpus tables as CSV files")
    export.add_argument("--corpus", type=Path, help="corpus folder (default: the repository's data/)")
    export.add_argument("--out", type=Path, required=True, help="folder for the tables (created if missing)")
    export.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default: csv)")
    export.add_argument("--engine", choices=ENGINES, default="local",
                        help="where batches of documents are extracted: local processes (default) or a Dask cluster")
    export.add_argument("--jobs", type=_positive, metavar="N",
                        help="local: worker processes (default: every available core; 1 = this process); "
                             "dask: workers of the LocalCluster")
    export.add_argument("--scheduler", metavar="ADDRESS",
                        help="dask: address of a running scheduler, e.g. tcp://10.0.0.5:8786 "
                             "(default: start a LocalCluster on this machine)")
    rerun = sub.add_parser("rerun", help="re-execute a chapter in place and report what changed")
    rerun.add_argument("chapter", nargs="?", help="chapter name, e.g. 'corpus' (or --all)")
    rerun.add_argument("--all", action="store_true", help="re-execute every chapter")
    return parser


def _validate(args: argparse.Namespace) -> int:
    from analysis.corpus.load import load_corpus
    from analysis.corpus.segment import segment_document, thread_warnings

    corpus = load_corpus(args.corpus)
    paras = []
    for doc in corpus.documents:
        segmented = segment_document(doc)
        for warning in thread_warnings(doc, segmented):
            print(f"warning: {warning}", file=sys.stderr)
        paras += segmented
    n_comments = sum(p.segment == "comment" for p in paras)
    print(f"ok: {corpus.root}: {len(corpus)} documents, {len(paras)} paragraphs "
          f"({n_comments} reader comments)")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def _export(args: argparse.Namespace) -> int:
    from analysis.corpus.load import load_corpus
    from analysis.tables.engines import make_engine
    from analysis.tables.export import BATCH, export_tables

    if args.scheduler and args.engine != "dask":
        print("error: --scheduler is for --engine dask", file=sys.stderr)
        return 2
    corpus = load_corpus(args.corpus, read_texts=False)  # texts are read batch by batch
    engine = make_engine(args.engine, jobs=args.jobs, scheduler=args.scheduler, batches=-(-len(corpus) // BATCH))
    try:
        for path in export_tables(corpus, args.out, args.format, engine=engine):
            print(f"wrote {path}")
    finally:
        engine.close()
    return 0


def _rerun(args: argparse.Namespace) -> int:
    from analysis.site.rerun import chapter_path, chapters, rerun_chapter

    if not args.all and not args.chapter:
        print("error: name a chapter (e.g. 'corpus') or pass --all", file=sys.stderr)
        return 2
    try:
        paths = chapters() if args.all else [chapter_path(args.chapter)]
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        result = rerun_chapter(path)
        state = "outputs changed" if result.changed else "outputs unchanged"
        print(f"{path.name}: ran in {result.seconds:.1f} s, {state}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    handler = {"validate": _validate, "export": _export, "rerun": _rerun}[args.command]
    try:
        return handler(args)
    except CorpusError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
