"""Load a corpus folder: ``sources.yml`` plus the raw text files it names.

The raw files are read, never changed. Loading refuses, with a one-line
:class:`~analysis.errors.CorpusError`, anything that would otherwise be silently
dropped or garbled: a missing, empty or non-UTF-8 file, a checksum that no longer
matches, or a text file that no entry describes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from analysis import config
from analysis.corpus.manifest import Source, load_sources
from analysis.corpus.readers import manifest_path
from analysis.errors import CorpusError

TEXT_SUFFIX = ".txt"


@dataclass(frozen=True)
class Document:
    """A source's metadata and its text.

    ``text`` is the file decoded as UTF-8 with any byte-order mark removed and
    line endings normalised to ``\\n``; nothing else is changed.
    """

    source: Source
    text: str
    path: Path
    sources_path: Path

    @property
    def id(self) -> str:
        """The document's id, as in ``sources.yml``."""
        return self.source.id


@dataclass(frozen=True)
class Corpus:
    """The documents of one corpus folder, in ``sources.yml`` order.

    Texts are read when first needed: :attr:`documents` reads them all (the
    chapters want whole tables), :meth:`iter_documents` one at a time (the
    export streams corpora far larger than memory).
    """

    root: Path
    sources: tuple[Source, ...]
    sources_path: Path
    # Real paths of the folders holding the texts, resolved once per corpus object
    # (never for the life of the process: a folder may be swapped between loads).
    folders: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """Every document, texts read and checked (once; later calls reuse them)."""
        return tuple(load_document(self.root, self.sources_path, source, self.folders) for source in self.sources)

    def iter_documents(self) -> Iterator[Document]:
        """The documents in order, each text read and checked as it is reached."""
        if "documents" in self.__dict__:
            yield from self.documents
            return
        for source in self.sources:
            yield load_document(self.root, self.sources_path, source, self.folders)

    def __len__(self) -> int:
        return len(self.sources)


def load_corpus(root: str | Path | None = None, read_texts: bool = True) -> Corpus:
    """Load and validate the corpus in ``root`` (default: :func:`analysis.config.corpus_dir`).

    With ``read_texts=False`` only ``sources.yml`` and the files' presence are
    checked now; each text is read, and refused if bad, when iterated.
    """
    root = config.corpus_dir(root)
    if not root.is_dir():
        raise CorpusError(root, "corpus folder not found", "pass an existing folder with --corpus")
    sources_path = manifest_path(root)
    sources = tuple(load_sources(sources_path))
    corpus = Corpus(root=root, sources=sources, sources_path=sources_path)
    if read_texts:
        corpus.documents  # noqa: B018 - reading every text is the validation
    else:
        for source in sources:
            document_path(root, sources_path, source, corpus.folders)
    check_orphans(root, sources_path, list(sources))
    return corpus


def document_path(root: Path, sources_path: Path, source: Source, folders: dict[str, str] | None = None) -> Path:
    """The text file of ``source``, refused if it lies outside the corpus or does not exist.

    Symbolic links are followed (a link that leads out of the corpus is refused).
    ``folders`` caches the real path of each folder for one corpus, so files are
    resolved only when they are links themselves: a full ``Path.resolve()`` per
    document took 9 s for 100,000 documents.
    """
    folders = {} if folders is None else folders
    where = f"line {source.line}, entry '{source.id}', field 'file'"
    folder, name = os.path.split(os.path.join(root, source.file))  # ".." resolved after links, by realpath
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    real = os.path.join(folders[folder], name)
    if name in ("", ".", "..") or os.path.islink(real):
        real = os.path.realpath(real)
    root_key = str(root)
    if root_key not in folders:
        folders[root_key] = os.path.realpath(root)
    if not real.startswith(folders[root_key] + os.sep):
        raise CorpusError(sources_path, f"'{source.file}' points outside the corpus folder",
                          "use a path relative to the folder holding sources.yml", where)
    if not os.path.isfile(real):
        raise CorpusError(sources_path, f"file '{source.file}' not found",
                          "correct the path or add the file", where)
    return Path(real)


def load_document(root: Path, sources_path: Path, source: Source, folders: dict[str, str] | None = None) -> Document:
    """Read one document's text file and check it against its entry."""
    path = document_path(root, sources_path, source, folders)
    raw = path.read_bytes()
    expected = source.meta.get("sha256")
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise CorpusError(path, "content differs from the sha256 recorded in sources.yml",
                          "restore the original file (raw data is never edited) or record a new entry")
    text = decode_text(path, raw)
    if not text.strip():
        raise CorpusError(path, "the file is empty", "add the document's text or remove its entry")
    return Document(source=source, text=text, path=path, sources_path=sources_path)


def decode_text(path: Path, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM) and normalise line endings to ``\\n``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError(path, f"not valid UTF-8 (byte {exc.start})",
                          "re-save the file as UTF-8", f"line {line}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_orphans(root: Path, sources_path: Path, sources: list[Source]) -> None:
    """Refuse text files in the corpus folder that no entry names: they would be silently ignored.

    Hidden files and folders are skipped. Paths are compared as written first and
    resolved only when they differ, which keeps this fast for very large corpora.
    """
    written = {os.path.normpath(os.path.join(root, s.file)) for s in sources}
    named: set[str] | None = None
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not name.endswith(TEXT_SUFFIX) or name.startswith(".") or os.path.normpath(path) in written:
                continue
            named = named if named is not None else {os.path.realpath(p) for p in written}
            if os.path.realpath(path) not in named:
                rel = Path(path).relative_to(root).as_posix()
                raise CorpusError(Path(path), "this text file has no entry in sources.yml",
                                  f"add an entry with file: {rel} to {sources_path.name}, or move the file away")


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, as lower-case hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
