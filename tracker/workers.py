"""Worker processes that read and extract files, each file under a time and memory budget.

An import reads and extracts in these processes and writes from its own: a
file whose text takes too long or grows too large to read fails alone, with a
reason a user understands, and the rest of the batch goes on. Each worker is
a fresh ``python -m tracker.workers`` process (safe beside Qt's threads, and
it never re-runs the caller's script) running one task at a time:

- time: the parent kills a worker whose task runs past ``Budget.seconds`` and
  starts a fresh one ("too complex to read in 30 s");
- memory: the worker lowers its own address-space limit (``RLIMIT_AS``) to
  what it uses idle plus ``Budget.memory_mb`` before each task; a task that
  needs more raises MemoryError inside the worker ("too large to read in
  memory"), and the worker is replaced.

A worker exits when its parent goes away (its pipe closes), so a killed import
leaves no readers behind. Tasks are module-level functions and picklable
arguments; they must not touch the database.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["Budget", "Failure", "WorkerPool", "default_workers", "in_background", "shared_pool"]


#: How long a new worker may take to import the readers (a loaded machine is slow).
STARTUP_S = 120.0


@dataclass(frozen=True)
class Budget:
    """What one file may cost to read: wall-clock seconds and memory above an idle worker."""

    seconds: float = 30.0
    memory_mb: int = 1024

    def too_slow(self) -> str:
        return f"too complex to read in {self.seconds:g} s"

    def too_big(self) -> str:
        return f"too large to read in memory (over {self.memory_mb} MB)"


@dataclass(frozen=True)
class Failure:
    """A task that ended without a result: ``kind`` is time, memory, crash or error."""

    kind: str
    reason: str


def default_workers() -> int:
    """``$TRACKER_WORKERS``, else the CPUs this process may use (at least 1)."""
    env = os.environ.get("TRACKER_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- in the worker


def _address_space() -> int | None:
    """Bytes of address space this process maps now (Linux), else None."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _limit_memory(extra_bytes: int) -> None:
    """Cap this process's address space at what it maps now plus ``extra_bytes``."""
    try:
        import resource
    except ImportError:  # Windows: only the time budget applies
        return
    now = _address_space()
    if now is None:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass


def _serve(preload: list[str]) -> None:
    """The worker's loop: tasks arrive on stdin, replies leave on the original stdout."""
    import importlib
    from multiprocessing.connection import Connection

    inbox = Connection(os.dup(0), writable=False)
    outbox = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # a stray print() in a reader must not corrupt the replies
    parent = os.getppid()

    def orphaned() -> None:  # the parent was killed mid-task: stop at once
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    for name in preload:  # import the readers once, before the first file's clock starts
        importlib.import_module(name)
    outbox.send("ready")
    while True:
        try:
            task_id, fn, args, extra_bytes = inbox.recv()
        except (EOFError, OSError):  # the parent is gone: nothing left to read for
            return
        _limit_memory(extra_bytes)
        try:
            reply: tuple[Any, ...] = (task_id, "ok", fn(*args))
        except MemoryError:
            reply = (task_id, "memory", None)
        except Exception as err:  # noqa: BLE001 - sent back as a value, never lost here
            reply = (task_id, "error", f"unexpected error: {err}")
        try:
            outbox.send(reply)
        except MemoryError:
            reply = (task_id, "memory", None)
            outbox.send(reply)
        except Exception as err:  # noqa: BLE001 - e.g. a result that does not pickle
            outbox.send((task_id, "error", f"unexpected error: {err}"))
        if reply[1] == "memory":
            return  # a process that ran out of memory is not trusted with the next file


# ---------------------------------------------------------------- in the parent


class _Worker:
    """One reader process, started as ``python -m tracker.workers`` (never re-running
    the caller's main script, as multiprocessing's spawn would)."""

    def __init__(self, preload: tuple[str, ...]) -> None:
        env = dict(os.environ)
        # Tasks the parent can import, the worker can import too.
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tracker.workers", *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.outbox = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.conn = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.task: Any = None  # the key of the task it runs
        self.born = self.started = time.monotonic()
        self.ready = False  # says so once it has imported the readers

    def deadline(self, budget: Budget) -> float:
        if not self.ready:
            return self.born + STARTUP_S
        return self.started + budget.seconds if self.task is not None else float("inf")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.outbox.close()
        self.conn.close()


class WorkerPool:
    """``workers`` reader processes, started on first use and reused until ``close``."""

    def __init__(
        self,
        workers: int | None = None,
        preload: tuple[str, ...] = ("tracker.services", "tracker.ingest", "tracker.extract"),
    ) -> None:
        self.size = workers or default_workers()
        self.preload = preload
        self._workers: list[_Worker] = []
        self.lock = threading.Lock()  # one batch at a time

    def _start(self) -> _Worker:
        worker = _Worker(self.preload)
        self._workers.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._workers.remove(worker)

    def run(
        self,
        tasks: Iterable[tuple[Any, Callable[..., Any], tuple[Any, ...]]],
        budget: Budget,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[tuple[Any, Any]]:
        """Run ``(key, fn, args)`` tasks; yield ``(key, result or Failure)`` as each ends.

        Tasks are taken from ``tasks`` lazily, one per idle worker, so the
        caller may add to it while iterating. When ``cancelled()`` turns true no
        new task starts; running ones finish. Results come in completion order.
        """
        try:
            yield from self._run(iter(tasks), budget, cancelled)
        finally:  # the caller stopped early (cancel, disk full): drop work still running
            for worker in [w for w in self._workers if w.task is not None]:
                self._replace(worker)

    def _run(
        self,
        queue: Iterator[tuple[Any, Callable[..., Any], tuple[Any, ...]]],
        budget: Budget,
        cancelled: Callable[[], bool],
    ) -> Iterator[tuple[Any, Any]]:
        extra = budget.memory_mb * 1024 * 1024
        pending: list[tuple[Any, Callable[..., Any], tuple[Any, ...]]] = []
        exhausted = False

        def take() -> bool:
            nonlocal exhausted
            if not pending and not exhausted:
                try:
                    pending.append(next(queue))
                except StopIteration:
                    exhausted = True
            return bool(pending)

        while True:
            # A file's clock starts when a ready worker takes it, not while one starts up.
            for worker in [w for w in self._workers if w.ready and w.task is None]:
                if cancelled() or not take():
                    break
                key, fn, args = pending.pop()
                try:
                    worker.outbox.send((key, fn, args, extra))
                except (OSError, ValueError) as err:  # died idle, or args that do not pickle
                    self._replace(worker)
                    yield key, Failure("crash", f"unexpected error: {err}")
                    continue
                worker.task, worker.started = key, time.monotonic()
            if not cancelled() and take():
                while len(self._workers) < self.size:
                    self._start()
            watched = [w for w in self._workers if w.task is not None or not w.ready]
            if not any(w.task is not None for w in watched) and (cancelled() or not take()):
                return
            now = time.monotonic()
            deadline = min(w.deadline(budget) for w in watched)
            waits = {w.conn: w for w in watched}  # a reply, or end of file when it died
            for handle in wait(list(waits), timeout=max(0.0, min(deadline - now, 0.2))):
                worker = waits[handle]
                key = worker.task
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):  # died: killed by the system, or crashed
                    self._replace(worker)
                    if key is not None:
                        yield key, Failure("crash", _death_reason(worker, budget))
                    elif take():  # could not even start: the next file fails, so this ends
                        yield pending.pop()[0], Failure("crash", _death_reason(worker, budget))
                    continue
                if message == "ready":
                    worker.ready = True
                    continue
                task_id, status, value = message
                worker.task = None
                if status == "ok":
                    yield task_id, value
                elif status == "memory":
                    self._replace(worker)
                    yield task_id, Failure("memory", budget.too_big())
                else:
                    yield task_id, Failure("error", str(value))
            now = time.monotonic()
            for worker in [w for w in watched if w in self._workers]:
                if now <= worker.deadline(budget):
                    continue
                key = worker.task
                self._replace(worker)
                if key is not None:
                    yield key, Failure("time", budget.too_slow())
                elif take():
                    yield pending.pop()[0], Failure("crash", "the reader did not start in time")

    def close(self) -> None:
        for worker in list(self._workers):
            worker.kill()
        self._workers.clear()


def _death_reason(worker: _Worker, budget: Budget) -> str:
    try:
        code = worker.process.wait(1)
    except subprocess.TimeoutExpired:
        code = None
    if code is not None and code == -9:  # the kernel's out-of-memory killer sends SIGKILL
        return budget.too_big()
    return f"the reader stopped unexpectedly (exit status {code})"


def in_background(
    pool: WorkerPool, fn: Callable[..., Any], args: tuple[Any, ...], budget: Budget
) -> Callable[[], Any]:
    """Run one task ``fn(*args)`` in ``pool`` while the caller goes on with other work;
    the callable returned waits for it and gives its result, None when it failed.

    A thread feeds the pool and waits for the reply (it holds the GIL only for
    moments); the caller must not use ``pool`` until it has the result.
    """
    box: list[Any] = []

    def run() -> None:
        try:
            for _key, value in pool.run([(0, fn, args)], budget):
                box.append(None if isinstance(value, Failure) else value)
        except Exception:  # noqa: BLE001 - e.g. no worker could start: the caller does it
            box.append(None)

    thread = threading.Thread(target=run, name="tracker-background-task", daemon=True)
    thread.start()

    def result() -> Any:
        thread.join()
        return box[0] if box else None

    return result


_shared: dict[int, WorkerPool] = {}
_shared_lock = threading.Lock()


def shared_pool(workers: int | None = None) -> WorkerPool:
    """A pool kept for the life of the process (imports reuse its warm workers)."""
    size = workers or default_workers()
    with _shared_lock:
        pool = _shared.get(size)
        if pool is None:
            pool = _shared[size] = WorkerPool(size)
        return pool


def close_shared() -> None:
    with _shared_lock:
        for pool in _shared.values():
            pool.close()
        _shared.clear()


atexit.register(close_shared)

if __name__ == "__main__":
    _serve(sys.argv[1:])
