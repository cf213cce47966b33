"""Support: the help centre (FAQ), tickets with their threads, feedback with votes, help search."""
