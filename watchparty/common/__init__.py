"""Shared building blocks: types, pagination, auth decorators, base schemas."""
