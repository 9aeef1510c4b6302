"""The one collector: every snippet, on every supported Python, against its verified output."""

import pytest

from verify import realclock
from verify.expected import (
    group_outputs,
    group_timelines,
    stored_timeline,
    timeline_failure,
    unified_diff,
    update_command,
    write_outputs,
)
from verify.interpreters import find_interpreters, interpreter_or_skip, python_name
from verify.plugin import recording, run_checked, selected_versions
from verify.project import version_key
from verify.snippets import discover_snippets


def pytest_generate_tests(metafunc):
    snippets = discover_snippets()
    ids = [s.rel.removeprefix("snippets/") for s in snippets]
    if "snippet" in metafunc.fixturenames:
        if metafunc.function.__name__ == "test_update_expected_outputs":
            metafunc.parametrize("snippet", snippets, ids=ids)
        else:
            versions = selected_versions(metafunc.config)
            metafunc.parametrize(
                "snippet,version",
                [(s, v) for s in snippets for v in versions],
                ids=[f"{i}-py{v}" for i in ids for v in versions],
            )


def test_snippet_output_matches(snippet, version, request):
    if version_key(version) < version_key(snippet.min_version):
        pytest.skip(f"needs Python {snippet.min_version}+ (first line of {snippet.rel})")
    python = interpreter_or_skip(version)
    run = run_checked(snippet, python, version, request.config)
    output = run.output
    expected = snippet.expected_file(version)
    if not expected.exists():
        pytest.fail(
            f"{snippet.rel} has no expected output ({expected.name} is missing).\n"
            f"Fix: {update_command(snippet)}, then review and commit the new file.",
            pytrace=False,
        )
    wanted = expected.read_text(encoding="utf-8")
    if output != wanted and (request.config.getoption("--real-clock") or snippet.real_clock):
        # A loaded machine can make a real-clock run late by a step: run it again alone
        # (verify/realclock.py), up to RETRIES times. A retry must match; the end of the
        # run lists every retry.
        for attempt in range(1, realclock.RETRIES + 1):
            with realclock.slot(alone=True):
                output = run_checked(snippet, python, version, request.config).output
            verdict = "matched" if output == wanted else "failed too"
            request.node.user_properties.append(
                (
                    "real_clock_retry",
                    f"{snippet.rel} on {python_name(version)}: retry {attempt}, alone, {verdict}",
                )
            )
            if output == wanted:
                break
    if output != wanted:
        pytest.fail(
            f"{snippet.rel} on {python_name(version)} printed something other than "
            f"{expected.name}:\n{unified_diff(wanted, output, expected.name)}"
            f"Fix: if the new output is right, {update_command(snippet)} and review the diff; "
            f"otherwise fix the snippet.",
            pytrace=False,
        )
    # The picture of this same run must be the stored one (verify/timeline.py).
    if recording(request.config):
        failure = timeline_failure(snippet, version, run)
        if failure:
            pytest.fail(failure, pytrace=False)


def test_update_expected_outputs(snippet, request):
    """Only collected with --update-snippets (verify/plugin.py, pytest_collection_modifyitems)."""
    wanted = selected_versions(request.config)
    outputs, timelines, kept, needed = {}, {}, [], False
    for version in snippet.versions:
        python = find_interpreters()[version]
        if version in wanted and python is not None:
            run = run_checked(snippet, python, version, request.config)
            outputs[version], timelines[version] = run.output, run.timeline
            needed = needed or run.needs_timeline
            continue
        # Not run here (deselected or not installed): keep what is stored for it.
        current = snippet.expected_file(version)
        if not current.exists():
            pytest.fail(
                f"{snippet.rel}: Python {version} is not available here and no output is "
                f"stored for it; update on a machine that has it.",
                pytrace=False,
            )
        outputs[version] = current.read_text(encoding="utf-8")
        stored = snippet.expected_timeline(version)
        timelines[version] = stored_timeline(stored)
        needed = needed or timelines[version] is not None
        kept.append(version)
    if kept:
        print(f"{snippet.rel}: kept the stored output of Python {', '.join(kept)} (not run)")
    changes = write_outputs(snippet, group_outputs(snippet, outputs))
    if recording(request.config):  # timelines come only from recorded virtual-clock runs
        changes += write_outputs(
            snippet, group_timelines(snippet, timelines, needed), timelines=True
        )
    request.node.user_properties.append(("snippet_changes", changes))
