"""Whether the integrations this server depends on answer: object storage (S3) above all."""

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError
from flask import current_app

from watchparty.storage import S3Storage, storage

AVAILABLE, NOT_CONFIGURED, UNAVAILABLE = "available", "not_configured", "unavailable"
# A health check must answer fast even when the store does not: short timeouts, no retries.
PROBE = BotoConfig(connect_timeout=2, read_timeout=2, retries={"max_attempts": 1})


def _s3_status() -> str:
    """`available` when the bucket answers a HEAD, `unavailable` when it does not."""
    config = current_app.config
    if not config.get("S3_BUCKET"):
        return NOT_CONFIGURED
    endpoint = config.get("S3_ENDPOINT_URL")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=config.get("AWS_REGION"),
        aws_access_key_id=config.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=config.get("AWS_SECRET_ACCESS_KEY"),
        config=PROBE.merge(BotoConfig(s3={"addressing_style": "path" if endpoint else "auto"})),
    )
    try:
        client.head_bucket(Bucket=config["S3_BUCKET"])
    except (BotoCoreError, ClientError):
        return UNAVAILABLE
    return AVAILABLE


def health() -> dict:
    """`healthy` unless a configured service is unavailable; each service's state."""
    services = {
        "aws_s3": _s3_status(),
        "storage": "s3" if isinstance(storage(), S3Storage) else "local",
        "google_drive": NOT_CONFIGURED,
    }
    healthy = UNAVAILABLE not in services.values()
    return {"status": "healthy" if healthy else "degraded", "services": services}
