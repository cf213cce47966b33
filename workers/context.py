"""Run RQ jobs inside the Flask app context."""

from rq import SimpleWorker
from rq.job import Job

_app = None


def app():
    """The worker's app, created once per process."""
    global _app
    if _app is None:
        from watchparty import create_app

        # The worker serves no sockets: plain threads, and no monkey-patching needed.
        _app = create_app({"ASYNC_MODE": "threading"})
    return _app


class AppWorker(SimpleWorker):
    """An RQ worker that executes each job in the app context (no fork: DB pools stay valid)."""

    def __init__(self, *args, flask_app=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.flask_app = flask_app

    def perform_job(self, job: Job, *args, **kwargs) -> bool:
        with (self.flask_app or app()).app_context():
            return super().perform_job(job, *args, **kwargs)
