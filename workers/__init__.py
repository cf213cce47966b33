"""RQ jobs. Each takes primitive ids, reloads fresh state, and calls a service."""
