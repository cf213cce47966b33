"""Direct messages between users (seed 003 "Messaging Endpoints"), REST and `/messaging`."""
