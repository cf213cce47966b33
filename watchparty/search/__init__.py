"""Global search and discovery: one index of videos, parties, people, creators and posts."""
