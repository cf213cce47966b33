"""The site itself: typed settings staff change at run time, and the audit log of staff actions."""
