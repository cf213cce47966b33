"""What creators add to the domains below them: their product line in billing."""

from watchparty.billing.product_lines import product_lines
from watchparty.creators import billing_line


def register() -> None:
    """Attach the creators domain's contributions (called once by the blueprint table)."""
    product_lines.register(billing_line)
