"""Jobs of the `default` queue: GDPR data exports."""

import uuid

from watchparty.users import export


def build_export(export_id: str) -> None:
    """Build the JSON archive of one export and email its owner."""
    export.build(uuid.UUID(export_id))
