"""Moderation: what users report and what staff do about it."""
