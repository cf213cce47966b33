"""Groups of people: public or invite-only, members with roles, parties hosted for a group."""
