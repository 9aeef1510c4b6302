"""What else a recorded run did, beside its tasks' steps: each line it printed
(and when), each thread-pool job (to_thread, run_in_executor), each cancel the
loop calls back (call_later, call_soon); and writing the trace at exit.

A mixin of timeline_recorder.Recorder; runs inside the snippet's process.
"""

import sys
import weakref

from timeline_names import _job_name


class RunNotes:
    def scheduled(self, handle):
        """call_soon / call_later / call_at returned a handle: is its callback a task's
        cancel? Then the loop will make a cancel request no Python code makes.
        (Read from the handle: reading the running Handle._run's f_locals would
        leave a snapshot on 3.11-3.12 that keeps the task alive.)"""
        callback = getattr(handle, "_callback", None)
        if getattr(callback, "__name__", "") == "cancel":
            target = getattr(callback, "__self__", None)
            if isinstance(target, self.task_type):
                self.cancel_handles[weakref.ref(handle)] = weakref.ref(target)

    def check_cancel_handles(self):
        """After a callback ran: has a scheduled task.cancel left the loop's queues?"""
        for ref, target_ref in list(self.cancel_handles.items()):
            handle, target = ref(), target_ref()
            if handle is None or target is None or handle._cancelled:
                del self.cancel_handles[ref]
                continue
            loop = handle._loop
            if handle in loop._ready or handle in loop._scheduled:
                continue
            del self.cancel_handles[ref]
            via = "call_later" if isinstance(handle, self.timer_type) else "call_soon"
            self.cancel_requested(None, target, via=via)

    def printed(self, text):
        """A write to stdout or stderr: note when each new line started (no split():
        it would make a list on every print)."""
        start, length = 0, len(text)
        while start < length:
            if self.at_line_start:
                self.line_times.append(self.now() if self.t0 is not None else 0.0)
                self.line_ticks.append(self.tick())
            end = text.find("\n", start)
            if end < 0:
                self.at_line_start = False
                break
            self.at_line_start = True
            start = end + 1

    # -- output -----------------------------------------------------------------

    def job_started(self, fn):
        """A thread-pool job starts, in its worker thread (the clock calls this)."""
        try:
            job = [
                _job_name(fn),
                self.now() if self.t0 is not None else 0.0,
                None,
                self.tick(),
                0,
                "",
            ]
            self.jobs.append(job)
            return job
        except Exception:
            return None

    def job_finished(self, job, future):
        try:
            if future.cancelled():  # cancelled before it started: it never ran
                return
            # A concurrent.futures future is done here; it logs nothing if unread.
            job[5] = "result" if future.exception(timeout=0) is None else "exception"
            job[2] = self.now() if self.t0 is not None else 0.0
            job[4] = self.tick()
        except Exception:
            pass

    def write(self, path):
        try:
            sys.setprofile(None)  # nothing to record while the interpreter shuts down
            end = self.now() if self.t0 is not None else 0.0
            trace = {
                "end": end,
                "real_time": self.real_seconds() > 0,
                "tasks": self.tasks,
                "cancels": self.cancels,
                "jobs": [job for job in self.jobs if job[2] is not None],
                "lines": [list(pair) for pair in zip(self.line_times, self.line_ticks)],
            }
            for record in self.tasks:
                record.pop("ref", None)
            # A Python literal (verify.timeline.read_trace), not JSON: importing
            # json would cost every recorded run several milliseconds.
            with open(path, "w", encoding="utf-8") as out:
                out.write(repr(trace))
        except Exception:
            pass


# Python 3.9-3.10 copy every profiled frame's locals into a dict kept on the
# frame (f_locals) at each event in it: a snapshot that goes stale and keeps
# alive what the frame no longer holds, e.g. the event loop's previous handle
# (and its task) through a whole step, which defeats a snippet's gc.collect().


def _watch_writes(stream, recorder):
    """Note each line the program prints, and when: print() looks up the stream's
    write method on the instance, so one set on it sees every line and changes
    nothing printed."""
    try:
        write = stream.write

        def watched(text):
            try:
                recorder.printed(text)
            except Exception:
                pass
            return write(text)

        stream.write = watched
    except Exception:
        pass
