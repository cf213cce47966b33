"""Your library: what you watched (recorded from playback) and what you marked as a favorite."""
