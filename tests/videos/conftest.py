"""Video fixtures: clips made by real ffmpeg, and a real S3-compatible server (moto) on loopback."""

import boto3
import pytest
from moto.server import ThreadedMotoServer

from watchparty.jobs import jobs
from watchparty.storage import S3Storage, make_client, storage

BUCKET = "watchparty-test"


@pytest.fixture
def small_clip(clips):
    """A small, real MP4 (2 s, 320x240)."""
    return clips("small.mp4", seconds=2, size="320x240")


@pytest.fixture
def fresh_uploads():
    """No video objects left by earlier tests; in-process jobs (embedded) finish before the next."""
    for prefix in ("private/videos/", "private/uploads/"):
        storage().delete_prefix(prefix)
    yield
    jobs.wait_in_process()


@pytest.fixture(scope="session")
def moto_server():
    """moto in server mode on a free loopback port: S3 over real HTTP."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(app, moto_server):
    """Switch the app to S3 storage on a fresh moto bucket for one test; the store is returned."""
    settings = {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": moto_server,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    resource = boto3.resource(
        "s3",
        endpoint_url=moto_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    bucket = resource.Bucket(BUCKET)
    bucket.create()
    previous = {key: app.config.get(key) for key in settings}
    local = app.extensions["storage"]
    app.config.update(settings)
    store = S3Storage(make_client(app.config), BUCKET)
    app.extensions["storage"] = store
    yield store
    app.extensions["storage"] = local
    app.config.update(previous)
    bucket.objects.all().delete()
    bucket.delete()
