"""What billing adds to the domains below it: plan limits on uploads and on parties."""

from watchparty.billing import limits
from watchparty.parties import service as parties
from watchparty.videos import upload_limits


def register() -> None:
    """Attach the billing domain's contributions (called once by the blueprint table)."""
    upload_limits.upload_policies.register(limits.check_upload)
    parties.seat_policies.register(limits.check_party)
