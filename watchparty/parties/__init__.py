"""Watch parties: the party, its members and roles, invitations, and live playback."""
