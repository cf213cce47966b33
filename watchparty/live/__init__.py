"""Live, shared state of running parties: the store, server time and presence."""
