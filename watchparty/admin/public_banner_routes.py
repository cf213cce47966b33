"""GET /api/banner/: the site banner showing now, for any page as it loads (no sign-in)."""

from watchparty.admin import banner
from watchparty.admin.banner_schemas import CurrentBannerSchema
from watchparty.common.blueprint import Blueprint

blp = Blueprint("banner", __name__, description="Site banner")


@blp.get("/banner/")
@blp.response(200, CurrentBannerSchema)
def current_banner():
    """The banner staff put over the app, or `banner: null`."""
    return {"banner": banner.current()}
