"""What a report may say: its reasons (with severity) and the content types registered."""

from watchparty.common import reportables
from watchparty.moderation.models import SEVERITY, SEVERITY_LABELS

LABELS = {
    "inappropriate_content": "Inappropriate content",
    "spam": "Spam",
    "harassment": "Harassment or bullying",
    "hate_speech": "Hate speech",
    "violence": "Violence or threats",
    "copyright": "Copyright infringement",
    "other": "Something else",
}


def reasons() -> list[dict]:
    """Every reason, with its label and severity."""
    return [
        {"value": r, "label": LABELS[r], "severity": s, "severity_label": SEVERITY_LABELS[s]}
        for r, s in SEVERITY.items()
    ]


def content_types() -> list[dict]:
    """Every content type a domain registered as reportable."""
    return [{"value": r.name, "label": r.label} for r in reportables.registered()]
