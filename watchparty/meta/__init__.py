"""Service endpoints: API root, test, health, and the docs assets."""
