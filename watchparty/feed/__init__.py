"""Follows and the creator feed: posts (public or for chosen tiers), likes, comments."""
