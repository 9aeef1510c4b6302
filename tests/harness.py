"""The snippet harness: find examples, run them like a reader, compare outputs.

Loaded as a pytest plugin for every run (`-p harness` in pyproject.toml), so
its options and its pytest-markdown-docs runner apply whether you run
`pytest`, `pytest docs/model.md` or `pytest tests/test_snippets.py`.

Conventions (see docs/contributing.md):
- `snippets/<page>/<name>.py` is an example; a first line
  `# Requires Python 3.11+` declares the oldest Python it needs.
- `<name>.out` is its verified output on the oldest Python it runs on;
  `<name>.py311.out` is the output from Python 3.11 on, where it differs.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

# SNIPPETS_ROOT lets the harness's own tests point it at a scratch repository.
ROOT = Path(os.environ.get("SNIPPETS_ROOT", Path(__file__).resolve().parent.parent))
VERSIONS = ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
VIRTUAL_CLOCK_DIR = Path(__file__).resolve().parent / "virtualtime"
TIMEOUT = 20.0  # seconds per run; a virtual-clock run takes well under one
REAL_CLOCK_TIMEOUT = 120.0
UPDATE_COMMAND = "make update  (or: .venv/bin/pytest --update-snippets)"


def update_command(snippet: Snippet) -> str:
    """The refresh command for one snippet's page (snippets/<page>/...)."""
    parts = snippet.rel.split("/")
    if len(parts) < 3 or parts[0] != "snippets":
        return UPDATE_COMMAND
    page = parts[1]
    return (
        f"make update PAGE={page}  (or: .venv/bin/pytest tests/test_snippets.py "
        f"--update-snippets -k {page}/)"
    )


REQUIRES_RE = re.compile(r"#\s*Requires Python (3\.\d+)\+")
GC_RE = re.compile(r"^\s*(import gc\b|from gc import)", re.MULTILINE)
REAL_CLOCK_RE = re.compile(r"^#\s*Real clock\b", re.MULTILINE)
VARIANT_RE = re.compile(r"\.py3(\d+)\.out$")
NO_TIMELINE_RE = re.compile(r"^#\s*No timeline:\s*(\S.*)$", re.MULTILINE)
TIMELINE_VARIANT_RE = re.compile(r"\.py3(\d+)\.timeline\.svg$")
TIMELINE_ID = "@TIMELINE-ID@"  # drawn with this, replaced by the id of the file it is stored in
INCLUDE_RE = re.compile(
    r"""^(?P<indent>\s*)-{1,}8<-{1,}\s+["'](?P<path>[^"':]+)(?::[^"']*)?["']\s*$"""
)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def version_label(first: str, last: str | None) -> str:
    """'Python 3.9–3.10', 'Python 3.12' or, open-ended, 'Python 3.11+'."""
    if last is None:
        return f"Python {first}+"
    if first == last:
        return f"Python {first}"
    return f"Python {first}\N{EN DASH}{last}"


@dataclass(frozen=True)
class Snippet:
    path: Path

    @property
    def rel(self) -> str:
        try:
            return self.path.relative_to(ROOT).as_posix()
        except ValueError:  # an inline fence, written to a temporary file
            return str(self.path)

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def min_version(self) -> str:
        first_line = self.source.split("\n", 1)[0]
        match = REQUIRES_RE.match(first_line)
        return match.group(1) if match else VERSIONS[0]

    @property
    def real_clock(self) -> bool:
        return bool(REAL_CLOCK_RE.search(self.source))

    @property
    def uses_gc(self) -> bool:
        """It drives the garbage collector: what it prints may depend on the collector's
        state at start-up, so it always runs in a fresh interpreter (see forkserver.py)."""
        return bool(GC_RE.search(self.source))

    @property
    def no_timeline(self) -> str | None:
        """Why it has no timeline: its own `# No timeline: <reason>` line, or the real clock."""
        head = "\n".join(self.source.splitlines()[:5])
        match = NO_TIMELINE_RE.search(head)
        if match:
            return match.group(1)
        if self.real_clock:
            return "runs on the real clock"
        return None

    def timeline_files(self) -> list[tuple[str, Path]]:
        """(first version, file) for each stored timeline, oldest first (like output_files)."""
        files = []
        for path in self.path.parent.glob(self.path.stem + ".*timeline.svg"):
            if path.name == self.path.stem + ".timeline.svg":
                files.append((self.min_version, path))
            elif match := TIMELINE_VARIANT_RE.search(path.name):
                if path.name == f"{self.path.stem}.py3{match.group(1)}.timeline.svg":
                    files.append((f"3.{match.group(1)}", path))
        return sorted(files, key=lambda item: version_key(item[0]))

    def expected_timeline(self, version: str) -> Path | None:
        applicable = [p for v, p in self.timeline_files() if version_key(v) <= version_key(version)]
        return applicable[-1] if applicable else None

    @property
    def versions(self) -> list[str]:
        """The supported versions this snippet runs on."""
        return [v for v in VERSIONS if version_key(v) >= version_key(self.min_version)]

    def output_files(self) -> list[tuple[str, Path]]:
        """(first version, file) for each stored output, oldest first."""
        files = [(self.min_version, self.path.with_suffix(".out"))]
        for path in self.path.parent.glob(self.path.stem + ".py3*.out"):
            match = VARIANT_RE.search(path.name)
            if match:
                files.append((f"3.{match.group(1)}", path))
        return sorted(files, key=lambda item: version_key(item[0]))

    def expected_file(self, version: str) -> Path:
        """The stored output that applies to `version` (the newest file not newer)."""
        applicable = [p for v, p in self.output_files() if version_key(v) <= version_key(version)]
        return applicable[-1]

    def output_labels(self) -> dict[Path, str]:
        """Which versions each stored output is for, as a page shows it."""
        return self._labels(self.output_files())

    def timeline_labels(self) -> dict[Path, str]:
        """Which versions each stored timeline is for, as a page's tabs label it."""
        return self._labels(self.timeline_files())

    @staticmethod
    def _labels(files: list[tuple[str, Path]]) -> dict[Path, str]:
        labels = {}
        for i, (first, path) in enumerate(files):
            if i + 1 < len(files):
                nxt = files[i + 1][0]
                last = VERSIONS[VERSIONS.index(nxt) - 1] if nxt in VERSIONS else None
                labels[path] = version_label(first, last)
            else:
                labels[path] = version_label(first, None)
        return labels


def discover_snippets() -> list[Snippet]:
    return [Snippet(p) for p in sorted((ROOT / "snippets").rglob("*.py"))]


# Where tests/install_pythons.sh puts them: this checkout's, also for SNIPPETS_ROOT projects.
INSTALLED_PYTHONS = Path(__file__).resolve().parent.parent / ".cache" / "pythons"


def _interpreter_candidates(version: str) -> list[Path]:
    """Every python3.X we can find: our own installs, pyenv's, uv's, then PATH."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    uv = Path(
        os.environ.get("UV_PYTHON_INSTALL_DIR", Path.home() / ".local" / "share" / "uv" / "python")
    )
    found = [
        *INSTALLED_PYTHONS.glob(f"{version}.*/bin/python3"),
        *pyenv.glob(f"{version}.*/bin/python3"),
        # uv names them cpython-3.14.2-linux-x86_64-gnu; "+freethreaded" builds are another ABI.
        *(p for p in uv.glob(f"cpython-{version}.*/bin/python{version}") if "+" not in str(p)),
    ]
    on_path = shutil.which(f"python{version}")
    return found + ([Path(on_path)] if on_path else [])


def _release(python: Path) -> tuple[int, ...] | None:
    """The exact release an interpreter is (3, 13, 18), or None if it does not run."""
    try:
        out = subprocess.run(
            [str(python), "-c", "import sys; print(*sys.version_info[:3])"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        return tuple(int(part) for part in out.split())
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


@cache
def find_interpreters() -> dict[str, Path | None]:
    """For each supported 3.X, the python that runs the snippets: a clean venv
    (see clean_venv) of the newest patch release found (see _interpreter_candidates)."""
    return {
        version: clean_venv(base) if base else None
        for version, base in found_interpreters().items()
    }


@cache
def found_interpreters() -> dict[str, Path | None]:
    """For each supported 3.X, the newest patch release found, as installed."""
    return {version: newest_interpreter(version) for version in VERSIONS}


VENVS = INSTALLED_PYTHONS.parent / "venvs"


def clean_venv(base: Path) -> Path:
    """A venv of `base` with nothing installed, made once in .cache/venvs/.

    Snippets run there, as on a reader's fresh Python: whatever the
    interpreter's own site-packages hold (packages, or .pth files that run at
    every start-up, such as a CA-injection hook costing 40 ms a run on pyenv's
    builds here) cannot change an output or the suite's speed."""
    import hashlib
    import tempfile

    release = ".".join(map(str, _release(base) or ("unknown",)))
    tag = hashlib.sha256(str(base).encode()).hexdigest()[:8]
    venv = VENVS / f"{release}-{tag}"
    python = venv / "bin" / "python"
    if python.exists():
        return python
    VENVS.mkdir(parents=True, exist_ok=True)
    # Made aside, then renamed into place: pytest-xdist workers may race here.
    tmp = Path(tempfile.mkdtemp(dir=VENVS, prefix=".new-"))
    try:
        made = subprocess.run(
            # resolve(): the venv's home must be the real binary's folder, beside
            # its lib/ (Debian-unpacked 3.13 finds no stdlib from our bin/ links).
            [str(base.resolve()), "-m", "venv", "--without-pip", str(tmp)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if made.returncode != 0:
            raise RuntimeError(
                f"{base} could not make the venv the snippets run in ({venv}): "
                f"{made.stderr.strip()[-500:]}\nFix: give that Python its venv module "
                f"(Debian: apt-get install python3.X-venv), or remove it from where the "
                f"harness looks (Contributing, The seven Pythons)"
            )
        try:
            tmp.rename(venv)
        except OSError:  # another worker made it first
            if not python.exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return python


def newest_interpreter(version: str) -> Path | None:
    """The candidate for `version` with the highest patch release that actually runs."""
    releases = [(_release(p), p) for p in _interpreter_candidates(version) if p.exists()]
    working = [(r, p) for r, p in releases if r and r[:2] == version_key(version)]
    return max(working, key=lambda item: item[0])[1] if working else None


@cache
def interpreter_release(version: str) -> str | None:
    """'3.13.18': the exact release the snippets run on for `version`."""
    python = find_interpreters()[version]
    release = _release(python) if python else None
    return ".".join(map(str, release)) if release else None


def normalise(text: str) -> str:
    """Replace only what must differ between runs and machines (documented in contributing.md)."""
    text = text.replace(str(ROOT) + os.sep, "")
    return re.sub(r"\b0x[0-9a-fA-F]{4,}\b", "0x...", text)


@dataclass
class Run:
    output: str
    returncode: int | None  # None: killed after the timeout
    seconds: float
    timeline: str | None = None  # the SVG drawn from this run (placeholder id), if it ran a task
    needs_timeline: bool = False  # two or more tasks, or time passing (tests/timeline.py)


def timeline_id(path: Path) -> str:
    """'tl-threads-to_thread_keeps_loop_free-py312': unique on the page that shows the file."""
    name = path.name.removesuffix(".timeline.svg").replace(".", "-")
    return f"tl-{path.parent.name}-{name}"


def timeline_for_file(svg: str, path: Path) -> str:
    return svg.replace(TIMELINE_ID, timeline_id(path))


def stored_timeline(path: Path | None) -> str | None:
    """A stored timeline with the placeholder id back, to compare across versions."""
    if path is None or not path.exists():
        return None
    return path.read_text(encoding="utf-8").replace(timeline_id(path), TIMELINE_ID)


def reader_env(virtual_clock: bool = False) -> dict[str, str]:
    """This environment without PYTHON* variables (a reader's), with the clock if asked."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if virtual_clock:
        env["PYTHONPATH"] = str(VIRTUAL_CLOCK_DIR)
    return env


def run_env(virtual_clock: bool, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = reader_env(virtual_clock=virtual_clock)
    env.pop("TIMELINE_TRACE", None)
    env.pop("VIRTUAL_CLOCK_REPORT", None)
    env["PYTHONUNBUFFERED"] = "1"  # keep stdout and stderr in the order they were written
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env


def _run_fresh(python, script: str, env: dict, timeout: float) -> tuple[bytes, int | None]:
    """`python script` in a new interpreter; None for the exit code: killed after the timeout."""
    proc = subprocess.Popen(
        [str(python), script],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: threads, children
        out, _ = proc.communicate()
        return out, None


class ForkServer:
    """One warm interpreter on the virtual clock (tests/virtualtime/forkserver.py)."""

    def __init__(self, python):
        self.python = str(python)
        self.proc = subprocess.Popen(
            [self.python, "-c", "import forkserver; forkserver.serve()"],
            cwd=ROOT,
            env=run_env(virtual_clock=True),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # Unbuffered: a buffered reader could take both reply lines at once,
            # and select() would then wait for a second line already read.
            bufsize=0,
            start_new_session=True,
        )

    def _reply(self) -> int:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(
                f"the warm interpreter {self.python} (tests/virtualtime/forkserver.py) "
                f"exited with status {self.proc.wait()}.\nFix: run that Python on "
                f"tests/virtualtime/forkserver.py by hand to see why, or run pytest "
                f"with --fresh to start a new interpreter for every run."
            )
        return int(line)

    def run(self, script: str, env: dict[str, str], timeout: float) -> tuple[bytes, int | None]:
        import tempfile

        handle, output = tempfile.mkstemp(suffix=".snippet-output")
        os.close(handle)
        try:
            returncode = self.finish(self.start(script, output, env), timeout)
            with open(output, "rb") as file:
                return file.read(), returncode
        finally:
            os.unlink(output)

    def start(self, script: str, output: str, env: dict[str, str]) -> int:
        """Fork a child that runs `script` into the file `output`; its pid."""
        self.send(script, output, env)
        return self._reply()

    def send(self, script: str, output: str, env: dict[str, str]) -> None:
        fields = [script, output, *(f"{k}={v}" for k, v in env.items())]
        request = memoryview(("\t".join(fields) + "\n").encode())
        while request:
            request = request[self.proc.stdin.write(request) :]  # unbuffered: may be partial

    def finish(self, pid: int, timeout: float) -> int | None:
        """The child's exit code; None: it was still running after `timeout`, and is killed."""
        import select

        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            try:
                os.killpg(pid, signal.SIGKILL)  # the child's group: threads, children
            except ProcessLookupError:
                pass  # it ended just now
        returncode = self._reply()
        return returncode if ready else None

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()
        self.proc.stdout.close()


_FORKSERVERS: dict[str, ForkServer] = {}


def _forkserver(python) -> ForkServer:
    server = _FORKSERVERS.get(str(python))
    if server is None or server.proc.poll() is not None:
        if not _FORKSERVERS:
            import atexit

            atexit.register(_close_forkservers)
        server = _FORKSERVERS[str(python)] = ForkServer(python)
    return server


def _close_forkservers() -> None:
    """At exit: each server sees its stdin close and ends."""
    for server in _FORKSERVERS.values():
        server.close()


def run_snippet(
    snippet: Snippet,
    python: Path | str,
    *,
    real_clock: bool = False,
    timeout: float | None = None,
    record: bool = False,
    fresh: bool = False,
) -> Run:
    """Run the file as a reader would: `python snippets/x/y.py` from the repo root.

    With `record`, the virtual clock also records the run's tasks and the
    timeline is drawn from that record (tests/timeline.py). A virtual-clock run
    forks from a warm interpreter (tests/virtualtime/forkserver.py) unless
    `fresh` or the snippet imports gc; real-clock runs always start a new one."""
    import tempfile
    import time

    import timeline

    virtual = not (real_clock or snippet.real_clock)
    extra = {}
    trace_file = None
    if virtual:
        if record and not snippet.no_timeline:
            handle, trace_file = tempfile.mkstemp(suffix=".timeline-trace")
            os.close(handle)
            extra["TIMELINE_TRACE"] = trace_file
        if os.environ.get("VIRTUAL_CLOCK_REPORT"):
            extra["VIRTUAL_CLOCK_REPORT"] = os.environ["VIRTUAL_CLOCK_REPORT"]
    if timeout is None:
        timeout = REAL_CLOCK_TIMEOUT if real_clock else TIMEOUT
    start = time.monotonic()
    if virtual and not fresh and not snippet.uses_gc:
        out, returncode = _forkserver(python).run(snippet.rel, extra, timeout)
    else:
        out, returncode = _run_fresh(python, snippet.rel, run_env(virtual, extra), timeout)
    text = out.decode("utf-8", errors="replace")
    seconds = time.monotonic() - start
    svg = None
    if trace_file:
        try:
            trace = timeline.read_trace(trace_file)
        finally:
            os.unlink(trace_file)
        # Drawn whenever a task ran: if another version needs a picture, this one shows too.
        if trace and timeline._visible(trace):
            svg = timeline.draw(trace, TIMELINE_ID, f"Timeline of {snippet.rel} as it ran")
        needs = timeline.needs_timeline(trace)
        return Run(normalise(text), returncode, seconds, svg, needs)
    return Run(normalise(text), returncode, seconds)


def group_outputs(
    snippet: Snippet, outputs: dict[str, str], suffix: str = ".out"
) -> dict[Path, str]:
    """The minimal set of files for per-version outputs: a new file where the output changes."""
    files: dict[Path, str] = {}
    previous = None
    for version in snippet.versions:
        output = outputs[version]
        if previous is None:
            files[snippet.path.with_name(snippet.path.stem + suffix)] = output
        elif output != previous:
            minor = version.split(".")[1]
            files[snippet.path.with_name(f"{snippet.path.stem}.py3{minor}{suffix}")] = output
        previous = output
    return files


def group_timelines(
    snippet: Snippet, timelines: dict[str, str | None], needed: bool
) -> dict[Path, str]:
    """Like group_outputs, for the SVGs (placeholder ids); none if no version needs one."""
    if not needed:
        return {}
    files = group_outputs(snippet, {v: t or "" for v, t in timelines.items()}, ".timeline.svg")
    # A version that ran no task at all (it failed first) has no picture: no file for it.
    return {path: timeline_for_file(svg, path) for path, svg in files.items() if svg}


def write_outputs(snippet: Snippet, files: dict[Path, str], timelines: bool = False) -> list[str]:
    """Write the new expected outputs (or timelines) and remove the stored ones no longer wanted."""
    changes = []
    for _, old in snippet.timeline_files() if timelines else snippet.output_files():
        if old not in files and old.exists():
            old.unlink()
            changes.append(f"removed {old.relative_to(ROOT)}")
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changes.append(f"wrote {path.relative_to(ROOT)}")
    return changes


def python_name(version: str) -> str:
    """'Python 3.14 (3.14.10)': failures name the exact release, since patch releases differ."""
    release = interpreter_release(version) if version in VERSIONS else None
    return f"Python {version} ({release})" if release else f"Python {version}"


def unified_diff(expected: str, actual: str, expected_name: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{expected_name} (expected)",
            tofile="actual output",
        )
    )


def failure_for(snippet: Snippet, version: str, run: Run, timeout: float) -> str | None:
    """A message naming the file and the fix, or None when the run is as expected."""
    where = f"{snippet.rel} on {python_name(version)}"
    if run.returncode is None:
        return (
            f"{where} hung: killed after {timeout:.0f} s.\n"
            f"Output before it was killed:\n{run.output}\n"
            f"Fix: make it finish (is something awaiting a future nobody resolves?); "
            f"run it by hand with `python {snippet.rel}` to see where it waits."
        )
    if run.returncode != 0:
        return (
            f"{where} exited with status {run.returncode}.\n{run.output}\n"
            f"Fix: a snippet must exit with status 0 — catch the exception you want to "
            f"show and print it."
        )
    return None


def run_checked(snippet: Snippet, python, version: str, config=None, where: str = "") -> str:
    """Run it; fail the test (naming the file and the fix) on a hang or a non-zero exit."""
    return run_checked_full(snippet, python, version, config, where).output


def recording(config) -> bool:
    """Record timelines on the virtual clock; --no-timelines proves outputs do not need it."""
    return bool(
        config and not config.getoption("--real-clock") and not config.getoption("--no-timelines")
    )


def run_checked_full(snippet: Snippet, python, version: str, config=None, where: str = "") -> Run:
    timeout = snippet_timeout(config) if config else TIMEOUT
    real_clock = bool(config and config.getoption("--real-clock"))
    fresh = bool(config and (config.getoption("--fresh") or config.getoption("--update-snippets")))
    run = run_snippet(
        snippet,
        python,
        real_clock=real_clock,
        timeout=timeout,
        record=recording(config),
        fresh=fresh,
    )
    failure = failure_for(snippet, version, run, timeout)
    if failure:
        pytest.fail(where + failure, pytrace=False)
    return run


def timeline_failure(snippet: Snippet, version: str, run: Run) -> str | None:
    """A message naming the file and the fix when the stored timeline is not this run's."""
    expected = snippet.expected_timeline(version)
    drawn = run.timeline
    where = f"{snippet.rel} on Python {version}"
    fix = f"Fix: {update_command(snippet)}, then review the picture (git diff, or the page)."
    if expected is None or not expected.exists():
        if not run.needs_timeline:
            return None
        name = snippet.path.stem + ".timeline.svg"
        return (
            f"{where} has no timeline ({name} is missing): it runs two or more tasks "
            f"or waits.\n{fix} Or opt out with a first line `# No timeline: <reason>`."
        )
    if drawn is None:
        return (
            f"{where} needs no timeline (it opts out, or runs no task), "
            f"but {expected.relative_to(ROOT).as_posix()} exists.\n{fix} (it removes the file)"
        )
    if expected.read_text(encoding="utf-8") != timeline_for_file(drawn, expected):
        return (
            f"{expected.relative_to(ROOT).as_posix()} is not the timeline of this run on "
            f"Python {version}: it was edited by hand, or the example changed since it was "
            f"drawn.\n{fix}"
        )
    return None


# --- pytest wiring ---------------------------------------------------------------


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_addoption(parser):
    group = parser.getgroup("snippets", "documentation snippets")
    group.addoption(
        "--update-snippets",
        action="store_true",
        help="rewrite the expected outputs (snippets/**/*.out) from real runs",
    )
    group.addoption(
        "--real-clock",
        action="store_true",
        help="run snippets on the real clock instead of the virtual one",
    )
    group.addoption(
        "--no-timelines",
        action="store_true",
        help="run without recording timelines (outputs must be the same: proves recording "
        "changes nothing); timelines are not checked",
    )
    group.addoption(
        "--fresh",
        action="store_true",
        help="start a new interpreter for every run, as a reader does, instead of forking "
        "from a warm one (--update-snippets and --real-clock always do)",
    )
    group.addoption(
        "--python",
        action="append",
        default=[],
        metavar="3.X",
        help="run snippets only on these Python versions (repeatable)",
    )
    group.addoption(
        "--snippet-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help=f"kill a snippet run after this long (default {TIMEOUT:.0f}, "
        f"{REAL_CLOCK_TIMEOUT:.0f} with --real-clock)",
    )


_CONFIG = None  # this run's pytest config, for the page runner below


def pytest_configure(config):
    global _CONFIG
    _CONFIG = config


def pytest_report_header(config):
    lines = []
    for version, path in found_interpreters().items():
        found = f"{interpreter_release(version)}  {path}" if path else "NOT FOUND"
        lines.append(f"  Python {version}: {found}")
    clock = "real clock" if config.getoption("--real-clock") else "virtual clock"
    return [f"snippet interpreters ({clock}, each in a clean venv under .cache/venvs/):", *lines]


def selected_versions(config) -> list[str]:
    wanted = config.getoption("--python")
    unknown = [v for v in wanted if v not in VERSIONS]
    if unknown:
        raise pytest.UsageError(
            f"--python {unknown[0]}: supported versions are {', '.join(VERSIONS)}"
        )
    return [v for v in VERSIONS if not wanted or v in wanted]


def snippet_timeout(config) -> float:
    explicit = config.getoption("--snippet-timeout")
    if explicit:
        return explicit
    return REAL_CLOCK_TIMEOUT if config.getoption("--real-clock") else TIMEOUT


def interpreter_or_skip(version: str) -> Path:
    python = find_interpreters()[version]
    if python is None:
        message = (
            f"Python {version} not found (looked in .cache/pythons/, ~/.pyenv/versions/, "
            f"uv's python folder and for python{version} on PATH); install it with "
            f"`tests/install_pythons.sh {version}` (or pyenv or uv)"
        )
        if in_ci():
            pytest.fail(f"{message}. CI must verify every supported version.", pytrace=False)
        pytest.skip(message)
    return python


# pytest-markdown-docs executes the Python fences of every page. Our fences hold a
# `--8<-- "snippets/..."` include, which is valid Python that fails when exec'd;
# expanding it in-process would run snippets on the real clock and print into
# pytest's output. So we register a runner (a private but pinned API of
# pytest-markdown-docs 0.9.2) that runs what the fence shows as a reader would:
# the included file, in its own process, on the virtual clock (or the real one
# with --real-clock), and compares with its verified output. A fence with code
# written inline runs the same way; a fence marked `notest` is not collected.
from pytest_markdown_docs import _runners  # noqa: E402


@_runners.register_runner(default=True)
class ReaderRunner(_runners._Runner):
    def runtest(self, test, args):
        import tempfile

        page = Path(test.source_path)
        if page.is_relative_to(ROOT):
            page = page.relative_to(ROOT)
        where = f"{page.as_posix()}:{test.start_line}"
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        lines = [line for line in test.source.splitlines() if line.strip()]
        includes = [INCLUDE_RE.match(line) for line in lines]
        if lines and all(includes):
            snippets = [Snippet(ROOT / m.group("path")) for m in includes]
        else:
            inline = Path(tempfile.mkdtemp()) / "inline_fence.py"
            inline.write_text(test.source, encoding="utf-8")
            snippets = [Snippet(inline)]
        for snippet in snippets:
            if not snippet.path.exists():
                pytest.fail(
                    f"{where}: includes {snippet.rel}, which does not exist. "
                    f"Fix the path (relative to the repo root).",
                    pytrace=False,
                )
            if version_key(version) < version_key(snippet.min_version):
                pytest.skip(f"{snippet.rel} needs Python {snippet.min_version}+")
            # --real-clock and --snippet-timeout apply here too.
            output = run_checked(
                snippet, sys.executable, version, config=_CONFIG, where=f"{where}: "
            )
            expected = snippet.expected_file(version)
            if snippet.path.is_relative_to(ROOT) and expected.exists():
                shown = expected.read_text(encoding="utf-8")
                if shown != output:
                    pytest.fail(
                        f"{where}: the output shown for {snippet.rel} is not what it "
                        f"prints:\n{unified_diff(shown, output, expected.name)}"
                        f"Fix: {update_command(snippet)}, then review the diff.",
                        pytrace=False,
                    )

    def repr_failure(self, test, excinfo, style=None):
        return str(excinfo.value)


def pytest_terminal_summary(terminalreporter):
    """The interpreters the snippets ran on (the header that names them is hidden
    by -q); after --update-snippets, what was rewritten, to review with git diff."""
    if terminalreporter.config.getoption("verbose") < 0 and any(
        report.nodeid.startswith("tests/test_snippets.py")
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "nodeid")
    ):
        header = pytest_report_header(terminalreporter.config)
        terminalreporter.section(header[0].rstrip(":"))
        for line in header[1:]:
            terminalreporter.write_line(line.strip())
    changes = [
        change
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == "snippet_changes"
        for change in value
    ]
    if terminalreporter.config.getoption("--update-snippets"):
        terminalreporter.section("expected outputs")
        for change in changes or ["no expected output changed"]:
            terminalreporter.write_line(change)


def pytest_collection_modifyitems(config, items):
    """Outputs are either checked (default) or rewritten (--update-snippets), never both."""
    updating = config.getoption("--update-snippets")
    keep, drop = [], []
    for item in items:
        in_collector = item.path.name == "test_snippets.py"
        is_update = getattr(item, "originalname", "") == "test_update_expected_outputs"
        (drop if in_collector and is_update != updating else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
