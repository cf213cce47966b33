"""What the interactive domain adds to the domains below it: a party's reaction heatmap."""

from watchparty.interactive import reactions
from watchparty.parties import analytics


def register() -> None:
    """Attach the interactive domain's contributions (called once by the blueprint table)."""
    analytics.register_figure("reactions", reactions.reaction_heatmap)
