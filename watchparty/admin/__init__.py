"""Administration: user management and the RQ dashboard."""
