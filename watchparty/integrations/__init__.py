"""Integrations: object storage (S3) and its health."""
