"""Swagger UI and ReDoc assets served from an installed package, so docs work offline."""

import importlib.util
from pathlib import Path

from flask import Blueprint, current_app, send_from_directory

from watchparty.errors import NotFound

docs_assets = Blueprint("docs_assets", __name__)


def _asset_root() -> Path:
    spec = importlib.util.find_spec("drf_spectacular_sidecar")  # static files only; never imported
    return Path(spec.submodule_search_locations[0]) / "static" / "drf_spectacular_sidecar"


@docs_assets.before_request
def docs_switched_off():
    """With API_DOCS_PUBLIC off the UIs' assets are as absent as the UIs themselves."""
    if not current_app.config["API_DOCS_PUBLIC"]:
        raise NotFound()


@docs_assets.get("/api/docs/assets/<path:filename>")
def asset(filename: str):
    """One Swagger UI / ReDoc static file."""
    root = _asset_root()
    if not (root / filename).resolve().is_file():
        raise NotFound("No such documentation asset.")
    return send_from_directory(root, filename, max_age=86400)
