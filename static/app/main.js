// The client's entry point: the header, the route table, and starting the router.

import * as api from "./api.js";
import { mountBell } from "./bell.js";
import { h, replace } from "./dom.js";
import { mountMenu } from "./menu.js";
import { mountSearch } from "./search_box.js";
import { start as holdPeople } from "./people.js";
import { navigate, route, start } from "./router.js";
import * as session from "./session.js";
import { signin, signup } from "./views/auth.js";
import { creatorPage, feedPage } from "./views/feed.js";
import { friends } from "./views/friends.js";
import { groupPage } from "./views/group_page.js";
import { groupsPage } from "./views/groups.js";
import { helpPage } from "./views/help.js";
import { searchPage } from "./views/search.js";
import { ticketPage } from "./views/help_ticket.js";
import { join } from "./views/join.js";
import { library } from "./views/library.js";
import { messages } from "./views/messages.js";
import { notificationsPage } from "./views/notifications.js";
import { notificationSettings } from "./views/notification_settings.js";
import { userPage } from "./views/user_page.js";
import { videoPage } from "./views/video_page.js";
import { lobby } from "./views/lobby.js";
import { profile } from "./views/profile.js";
import { upload } from "./views/upload.js";
import { room } from "./room/room.js";
import { mountMaintenance } from "./maintenance.js";
import { staffLogs } from "./views/staff/logs.js";
import { staffMaintenance } from "./views/staff/maintenance.js";
import { staffSettings } from "./views/staff/settings.js";
import { staffUsers } from "./views/staff/users.js";
import { mountBanner } from "./banner.js";
import { staffBroadcast } from "./views/staff/broadcast.js";
import { staffDashboard } from "./views/staff/dashboard.js";
import { staffHealth } from "./views/staff/health.js";
import { staffParties } from "./views/staff/parties.js";
import { staffVideos } from "./views/staff/videos.js";
import { staffQueue } from "./views/staff/queue.js";
import { staffReport } from "./views/staff/report.js";
import { staffSupport } from "./views/staff/support.js";
import { staffFaq } from "./views/staff/faq.js";
import { staffFeedback } from "./views/staff/feedback.js";

route("/", lobby);
route("/signin", signin, { auth: false });
route("/signup", signup, { auth: false });
route("/profile", profile);
route("/upload", upload);
route("/friends", friends);
route("/library", library);
route("/messages", messages);
route("/groups", groupsPage);
route("/groups/:id", groupPage);
route("/users/:id", userPage);
route("/videos/:id", videoPage);
route("/feed", feedPage);
route("/creators/:id", creatorPage, { auth: false });
route("/join/:code", join);
route("/party/:id", room);
route("/notifications", notificationsPage);
route("/settings/notifications", notificationSettings);
route("/staff/settings", staffSettings);
route("/staff/maintenance", staffMaintenance);
route("/staff/logs", staffLogs);
route("/staff/users", staffUsers);
route("/staff/health", staffHealth);
route("/staff/videos", staffVideos);
route("/staff/parties", staffParties);
route("/staff/broadcast", staffBroadcast);
route("/staff/dashboard", staffDashboard);
route("/staff", staffQueue);
route("/staff/reports/:id", staffReport);
route("/staff/support", staffSupport);
route("/staff/faq", staffFaq);
route("/staff/feedback", staffFeedback);
route("/help", helpPage, { auth: false });
route("/search", searchPage, { auth: false });
route("/help/tickets/:id", ticketPage);

let signingOut = false;

/** Sign out on the server (this session), forget the tokens, go to the sign-in page. */
async function signOut() {
  const refreshToken = session.current()?.refresh_token;
  try {
    await api.post("/api/auth/logout/", refreshToken ? { refresh_token: refreshToken } : {});
  } catch {
    // Signed out here either way; the server forgets the session when the token expires.
  }
  signingOut = true;
  session.clear();
  signingOut = false;
  navigate("/signin");
}

function renderNav(nav) {
  const me = session.user();
  if (!me) {
    replace(nav, h("a", { href: "/signin" }, "Sign in"), h("a", { href: "/signup" }, "Sign up"));
    return;
  }
  replace(
    nav,
    h("a", { href: "/" }, "Lobby"),
    h("a", { href: "/upload" }, "Upload"),
    h("a", { href: "/friends" }, "Friends"),
    h("a", { href: "/messages" }, "Messages"),
    h("a", { href: "/groups" }, "Groups"),
    h("a", { href: "/library" }, "Library"),
    h("a", { href: "/feed" }, "Feed"),
    h("a", { href: "/help" }, "Help"),
    me.is_staff || me.is_superuser || me.is_moderator ? h("a", { href: "/staff" }, "Staff") : null,
    h("a", { href: "/profile", "aria-label": "Your profile" }, me.display_name || me.first_name || "Profile"),
    h("button", { type: "button", class: "link", onclick: signOut }, "Sign out"),
  );
}

const nav = document.getElementById("nav");
mountSearch(nav);
renderNav(nav);
mountBell(nav);
const menu = mountMenu(nav.closest("header"), nav);
window.addEventListener("popstate", () => menu.close());
session.onChange((current) => {
  renderNav(nav);
  // Signed out underneath a page (the session expired or was revoked): sign in and come back.
  if (!current && !signingOut && !["/signin", "/signup"].includes(location.pathname)) {
    navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }
});
mountMaintenance();
holdPeople();
mountBanner();
start(document.getElementById("app"));
