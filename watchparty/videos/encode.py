"""Run one ffmpeg command to the end, reporting its `-progress` output as it goes."""

import subprocess
import tempfile
import threading
from collections.abc import Callable

from watchparty.common.process import die_with_parent, supported


class EncodeError(Exception):
    """ffmpeg failed (or ran out of time); `reason` is the short story for the owner."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run(cmd: list[str], on_progress: Callable[[float], None], timeout: float) -> None:
    """Run `cmd` (it writes `-progress pipe:1`), calling `on_progress(seconds_done)`."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 - an argument list built by ladder.command
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            preexec_fn=die_with_parent if supported() else None,
        )
        expired = threading.Event()

        def stop() -> None:
            expired.set()
            process.kill()

        watchdog = threading.Timer(timeout, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            _follow(process, on_progress)
            code = process.wait()
        finally:
            watchdog.cancel()
            if process.poll() is None:
                process.kill()
                process.wait()
        if expired.is_set():
            raise EncodeError(f"Transcoding took longer than the {int(timeout)} s limit.")
        if code != 0:
            errors.seek(0)
            raise EncodeError(_reason(code, errors.read().decode("utf-8", "replace")))


def _follow(process: subprocess.Popen, on_progress: Callable[[float], None]) -> None:
    """Feed `out_time_us` lines of `-progress` output to the callback until EOF."""
    for line in process.stdout:
        key, _, value = line.strip().partition("=")
        if key == "out_time_us" and value.isdigit():
            on_progress(int(value) / 1e6)


def _reason(code: int, stderr: str) -> str:
    """The exit code and ffmpeg's last error line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    detail = lines[-1] if lines else "no error output"
    return f"ffmpeg exited with code {code}: {detail}"[:400]
