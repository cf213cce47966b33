"""Friends and blocks between users (seed 003 "Friend System", "User Relationships")."""
