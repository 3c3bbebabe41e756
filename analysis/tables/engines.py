"""Where the export's per-batch extraction runs: here, in local worker processes, or on Dask.

Every engine maps one pure function over batches of documents and yields the
results *in corpus order*, with a bounded number of batches in flight. The
tables therefore come out byte-identical whichever engine made them (a test
checks this), and memory stays bounded however large the corpus: the caller
reads the texts one batch at a time and writes each result as it arrives.

* :class:`SerialEngine`: this process (``--jobs 1``; small corpora always).
* :class:`ProcessEngine`: ``--jobs N`` local processes (the default uses every core).
* :class:`DaskEngine`: ``--engine dask``; a distributed ``LocalCluster`` by default,
  or any running scheduler with ``--scheduler tcp://host:8786``. The texts travel
  with the tasks, so workers need the ``analysis`` package but not the corpus files.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

ENGINES = ("local", "dask")
CONNECT_TIMEOUT = "15s"


class EngineError(Exception):
    """The engine cannot start (say, no scheduler at the address given); the message says what to do."""


def available_cpus() -> int:
    """The cores this process may use (the affinity mask, not the machine's total)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Engine(Protocol):
    """Runs ``fn(item, *shared)`` for each item; yields the results in item order."""

    def map_ordered(self, fn: Callable[..., Any], items: Iterable[Any], *shared: Any) -> Iterator[Any]: ...

    def close(self) -> None: ...


def _ordered(submit: Callable[[Any], Any], items: Iterable[Any], window: int) -> Iterator[Any]:
    """Submit items as results are consumed, at most ``window`` ahead; yield results in order."""
    pending: deque[Any] = deque()
    try:
        for item in items:
            pending.append(submit(item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenExecutor:
        raise EngineError("a worker process died (out of memory?); run again with fewer --jobs, "
                          "or --jobs 1 to work in this process") from None


class SerialEngine:
    """Everything in this process, one batch after another."""

    def map_ordered(self, fn: Callable[..., Any], items: Iterable[Any], *shared: Any) -> Iterator[Any]:
        return (fn(item, *shared) for item in items)

    def close(self) -> None:
        pass


class ProcessEngine:
    """``jobs`` worker processes on this machine (started with ``spawn``: safe beside threads)."""

    def __init__(self, jobs: int):
        self.workers = jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"))

    def map_ordered(self, fn: Callable[..., Any], items: Iterable[Any], *shared: Any) -> Iterator[Any]:
        def submit(item: Any) -> Future[Any]:
            return self._pool.submit(fn, item, *shared)
        return _ordered(submit, items, window=2 * self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Batches as Dask futures on a distributed cluster: a new ``LocalCluster`` or ``scheduler``.

    Shared arguments (the codebook) are scattered to every worker once. Futures
    are submitted at most ``2 × workers`` ahead of the one being written and
    released once written, so neither the client nor the workers hold the corpus.
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs the dask and distributed packages: "
                              "pip install 'dask[distributed]' (make venv installs them)") from None
        self._cluster: Any = None
        self._client: Any = None
        try:
            if scheduler:
                try:
                    self._client = Client(scheduler, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise EngineError(f"cannot reach the Dask scheduler at '{scheduler}' ({exc.__class__.__name__});"
                                      " check the address and that `dask scheduler` is running there, "
                                      "or leave out --scheduler to start a cluster on this machine") from None
            else:
                # Workers' own logs stay quiet: a task's error reaches this process and is
                # reported once; the shutdown that follows it only adds alarming noise.
                self._cluster = LocalCluster(n_workers=workers or available_cpus(), threads_per_worker=1,
                                             processes=True, dashboard_address=None, silence_logs=logging.CRITICAL)
                self._client = Client(self._cluster)
            self.workers = max(1, sum(self._client.nthreads().values()))
            check_same_code(package_digest(), self._client.run(package_digest))
        except EngineError:
            self.close()
            raise
        except Exception as exc:  # a worker that cannot import the package, a cluster that will not start
            self.close()
            raise EngineError(f"the Dask engine could not start: {exc.__class__.__name__}: {exc}") from None

    def map_ordered(self, fn: Callable[..., Any], items: Iterable[Any], *shared: Any) -> Iterator[Any]:
        scattered = [self._client.scatter(value, broadcast=True) for value in shared]

        def submit(item: Any) -> Any:
            return self._client.submit(fn, item, *scattered, pure=False)
        return _ordered(submit, items, window=2 * self.workers)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


def package_digest() -> str:
    """SHA-256 over the ``analysis`` package's source files: equal digests, equal extraction code."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def check_same_code(here: str, workers: dict[str, str]) -> None:
    """Refuse workers whose package differs from this one's: their tables would silently differ."""
    for address, digest in sorted(workers.items()):
        if digest != here:
            raise EngineError(f"the Dask worker at {address} runs different analysis code (package digest "
                              f"{digest[:12]}, here {here[:12]}); install this commit's package on every worker")
    if not workers:
        raise EngineError("the Dask cluster has no workers; start some with `dask worker SCHEDULER_ADDRESS`")


def make_engine(name: str = "local", jobs: int | None = None, scheduler: str | None = None,
                batches: int | None = None) -> Engine:
    """The engine for the command line's ``--engine``, ``--jobs`` and ``--scheduler``.

    Locally, no more processes start than there are ``batches`` to run (one
    batch, or ``--jobs 1``, stays in this process).
    """
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=jobs)
    if scheduler:
        raise ValueError("--scheduler needs --engine dask")
    jobs = available_cpus() if jobs is None else jobs
    if batches is not None:
        jobs = min(jobs, batches)
    return SerialEngine() if jobs <= 1 else ProcessEngine(jobs)
