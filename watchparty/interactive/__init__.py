"""Reactions and polls, over REST and the /interactive namespace."""
