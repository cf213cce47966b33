"""Objects in an S3 bucket (AWS or any S3-compatible store) through boto3."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config as BotoConfig
from botocore.exceptions import ClientError
from flask import Response, request

from watchparty.errors import NotFound
from watchparty.storage.keys import clean_key, clean_prefix, stored_type

# Multipart above 16 MiB, in 16 MiB parts: memory per upload stays bounded whatever the size.
TRANSFER = TransferConfig(multipart_threshold=16 * 1024**2, multipart_chunksize=16 * 1024**2)
MISSING = ("404", "NoSuchKey", "NotFound")


def make_client(config: dict):
    """A boto3 S3 client from the app's settings (path-style when an endpoint is given)."""
    endpoint = config.get("S3_ENDPOINT_URL")
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=config.get("AWS_REGION"),
        aws_access_key_id=config.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=config.get("AWS_SECRET_ACCESS_KEY"),
        config=BotoConfig(
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint else "auto"},
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    )


class S3Storage:
    """A bucket; signed URLs are S3 presigned URLs, served by S3 (or the CDN in front).

    Every key goes through keys.clean_key first: S3 keys are flat, but a URL holding `..`
    is folded by browsers and CDNs into another key than the one that was checked."""

    def __init__(self, client, bucket: str, cdn_base: str | None = None) -> None:
        self.client = client
        self.bucket = bucket
        self.cdn_base = cdn_base

    def save(self, key: str, data: bytes, content_type: str | None = None) -> str:
        """Store `data` under `key`; returns the key."""
        kind = stored_type(clean_key(key), content_type)
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=kind)
        return key

    def save_file(self, key: str, source: BinaryIO, content_type: str | None = None) -> int:
        """Stream a file object to `key` (multipart for large ones); its size."""
        extra = {"ContentType": stored_type(clean_key(key), content_type)}
        self.client.upload_fileobj(source, self.bucket, key, ExtraArgs=extra, Config=TRANSFER)
        return self.size(key) or 0

    def save_path(self, key: str, source: Path, content_type: str | None = None) -> None:
        """Upload a local file to `key`."""
        extra = {"ContentType": stored_type(clean_key(key), content_type)}
        self.client.upload_file(str(source), self.bucket, key, ExtraArgs=extra, Config=TRANSFER)

    def _get(self, key: str, **kwargs) -> dict:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=clean_key(key), **kwargs)
        except ClientError as error:
            if error.response["Error"]["Code"] in MISSING:
                raise NotFound("No such file.") from error
            raise

    def read(self, key: str) -> bytes:
        """The bytes stored under `key`."""
        return self._get(key)["Body"].read()

    def read_head(self, key: str, size: int) -> bytes:
        """The first `size` bytes of `key` (one ranged GET)."""
        return self._get(key, Range=f"bytes=0-{size - 1}")["Body"].read()

    def size(self, key: str) -> int | None:
        """The size of `key` in bytes, or None when it does not exist."""
        try:
            return self.client.head_object(Bucket=self.bucket, Key=clean_key(key))["ContentLength"]
        except ClientError as error:
            if error.response["Error"]["Code"] in MISSING:
                return None
            raise

    def exists(self, key: str) -> bool:
        """Whether `key` is stored."""
        return self.size(key) is not None

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        """Download `key` to a temporary file for the duration of the block."""
        with tempfile.TemporaryDirectory(prefix="watchparty-s3-") as folder:
            path = Path(folder) / "object"
            try:
                self.client.download_file(self.bucket, clean_key(key), str(path), Config=TRANSFER)
            except ClientError as error:
                if error.response["Error"]["Code"] in MISSING:
                    raise NotFound("No such file.") from error
                raise
            yield path

    def delete(self, key: str) -> None:
        """Remove `key` if it exists."""
        self.client.delete_object(Bucket=self.bucket, Key=clean_key(key))

    def list_prefix(self, prefix: str) -> list[str]:
        """Every key under `prefix`."""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=clean_prefix(prefix)
        )
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def delete_prefix(self, prefix: str) -> None:
        """Remove every object under `prefix`, a thousand per request."""
        keys = self.list_prefix(clean_prefix(prefix).removesuffix("/") + "/")
        for start in range(0, len(keys), 1000):
            batch = [{"Key": key} for key in keys[start : start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch})

    def url(self, key: str) -> str:
        """A permanent URL (the CDN's when configured; the bucket must allow public reads)."""
        clean_key(key)
        if self.cdn_base:
            return f"{self.cdn_base}/{key}"
        return f"{self.client.meta.endpoint_url}/{self.bucket}/{key}"

    def signed_url(self, key: str, expires_in: int, download_name: str | None = None) -> str:
        """A presigned GET for `key` (or the CDN URL, whose own rules then apply)."""
        clean_key(key)
        if self.cdn_base:
            return f"{self.cdn_base}/{key}"
        params = {"Bucket": self.bucket, "Key": key}
        if download_name:
            params["ResponseContentDisposition"] = f'attachment; filename="{download_name}"'
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in)

    def presigned_put(self, key: str, content_type: str, expires_in: int) -> dict:
        """A presigned PUT the client uploads `key`'s bytes to, straight to the bucket."""
        params = {"Bucket": self.bucket, "Key": clean_key(key), "ContentType": content_type}
        url = self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=expires_in)
        return {"url": url, "method": "PUT", "headers": {"Content-Type": content_type}}

    def stream(self, key: str, mimetype: str | None = None) -> Response:
        """Relay `key` to the client, honouring a Range header (206 with Content-Range), typed
        as `mimetype` or else as stored."""
        ranged = request.headers.get("Range")
        obj = self._get(key, **({"Range": ranged} if ranged else {}))
        headers = {"Accept-Ranges": "bytes", "Content-Length": str(obj["ContentLength"])}
        if obj.get("ContentRange"):
            headers["Content-Range"] = obj["ContentRange"]
        body = obj["Body"]
        chunks = iter(lambda: body.read(256 * 1024), b"")
        status = 206 if obj.get("ContentRange") else 200
        kind = mimetype or obj.get("ContentType") or "application/octet-stream"
        return Response(chunks, status=status, content_type=kind, headers=headers)
