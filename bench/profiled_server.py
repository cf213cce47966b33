"""Run wsgi.py under cProfile; SIGTERM writes the stats to argv[1] and exits.

The server never returns from serving on its own (and background green threads keep the
interpreter alive past SIGINT), so the stats are written from the signal handler.
"""

import cProfile
import os
import runpy
import signal
import sys

profile = cProfile.Profile()
out = sys.argv[1]


def dump(*_) -> None:
    """Write the stats and leave at once."""
    profile.disable()
    profile.dump_stats(out)
    os._exit(0)


signal.signal(signal.SIGTERM, dump)
sys.argv = ["wsgi.py"]
sys.path[0] = os.getcwd()  # as if wsgi.py were run directly from the project root
profile.enable()
runpy.run_path("wsgi.py", run_name="__main__")
