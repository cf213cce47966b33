// How people are named on screen: the display name they chose, else their full name.

/** The name to show for a user (a brief {name, display_name} or a full profile). */
export function nameOf(user, fallback = "Someone") {
  return (
    user?.display_name || user?.profile?.display_name || user?.name || user?.full_name || user?.first_name || fallback
  );
}

/** Up to two initials of a user's shown name, for an avatar placeholder. */
export function initials(user) {
  return nameOf(user, "?")
    .split(/\s+/)
    .map((word) => word[0] || "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}
