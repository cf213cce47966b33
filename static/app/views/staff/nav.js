// The staff console's section links, shown at the top of every /staff page. Moderators see the
// moderation pages; admins and superusers see every page.

import * as session from "../../session.js";
import { h } from "../../dom.js";

const PAGES = [
  { href: "/staff", label: "Queue", moderators: true },
  { href: "/staff/users", label: "Users" },
  { href: "/staff/parties", label: "Parties" },
  { href: "/staff/videos", label: "Videos" },
  { href: "/staff/broadcast", label: "Broadcast" },
  { href: "/staff/settings", label: "Settings" },
  { href: "/staff/maintenance", label: "Maintenance" },
  { href: "/staff/logs", label: "Logs" },
  { href: "/staff/health", label: "Health" },
  { href: "/staff/dashboard", label: "Dashboard" },
  { href: "/staff/support", label: "Support" },
  { href: "/staff/faq", label: "FAQ" },
  { href: "/staff/feedback", label: "Feedback" },
];

/** True when the signed-in person is an admin (staff or superuser), not only a moderator. */
export function isAdmin() {
  const me = session.user() || {};
  return Boolean(me.is_staff || me.is_superuser);
}

/** The staff section nav with `current` (a path) marked as the page on screen. */
export function staffNav(current) {
  const admin = isAdmin();
  const links = PAGES.filter((p) => admin || p.moderators).map((p) =>
    h("a", { href: p.href, "aria-current": p.href === current ? "page" : null }, p.label),
  );
  return h("nav", { class: "staff-nav", "aria-label": "Staff pages" }, links);
}
