"""Creators: profiles, creator subscriptions and tips (seeds 000 and 002)."""
