"""Watchparty: real-time watch-party server. `create_app` builds a configured Flask app.

Importing the package stays light (no Flask): wsgi.py reads the configuration and monkey-patches
the async library before Flask, SQLAlchemy or Redis are imported.
"""


def create_app(config=None):
    """Create the app (see watchparty.app.create_app)."""
    from watchparty.app import create_app as build

    return build(config)
