// The header's bell: the unread count, live from the page's one /notifications connection
// (held while signed in), and a dropdown of the latest notifications that open what they are
// about. Pages hear the same connection through onNotifications (the notifications page).

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { navigate } from "./router.js";
import * as session from "./session.js";
import { connect } from "./sockets.js";

export const BASE = "/api/notifications/";
const LATEST = 8;
// The first id a notification's data holds decides the page it opens (as links.path_of).
const PAGES = [
  ["conversation_id", (id) => `/messages?c=${encodeURIComponent(id)}`],
  ["party_id", (id) => `/party/${id}`],
  ["group_id", (id) => `/groups/${id}`],
  ["creator_id", (id) => `/creators/${id}`],
  ["sender_id", () => "/friends"],
  ["video_id", () => "/upload"],
  ["ticket_id", (id) => `/help/tickets/${id}`],
];

let socket = null;
let unread = 0;
const watchers = new Set();
const counters = new Set();

/** The client path a notification opens (the notifications page when nothing fits). */
export function pathOf(data = {}) {
  const found = PAGES.find(([key]) => data[key]);
  return found ? found[1](data[found[0]]) : "/notifications";
}

/** Call `fn(event, payload)` for each live `notification`, `read` or `deleted`; returns an unsubscribe. */
export function onNotifications(fn) {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** Mark one read (the bell and other tabs hear it back over the socket). */
export function markRead(id) {
  return api.post(`${BASE}${id}/mark-read/`);
}

/** "3 minutes ago", "Yesterday"… short enough for a row. */
export function ago(iso) {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 24 ? `${hours} h ago` : new Date(iso).toLocaleDateString();
}

function setCount(count) {
  unread = Math.max(0, Number(count) || 0);
  counters.forEach((fn) => fn(unread));
}

function heard(event) {
  return (payload) => {
    if (payload && "unread_count" in payload) setCount(payload.unread_count);
    watchers.forEach((fn) => fn(event, payload));
  };
}

function open() {
  socket = connect("/notifications");
  socket.on("unread_count", heard("unread_count"));
  ["notification", "read", "deleted"].forEach((event) => socket.on(event, heard(event)));
  socket.on("site_banner", heard("site_banner")); // staff's live banner (banner.js shows it)
  socket.on("connect", () => (document.documentElement.dataset.notifications = "connected"));
  socket.on("disconnect", () => delete document.documentElement.dataset.notifications);
}

function close() {
  socket?.disconnect();
  socket = null;
  delete document.documentElement.dataset.notifications;
  setCount(0);
}

function row(item, follow) {
  const href = pathOf(item.data);
  const link = h("a", { class: "bell-item-link", href, onclick: (event) => follow(event, item, href) },
    h("span", { class: "bell-item-title" }, item.title),
    h("span", { class: "bell-item-message" }, item.message),
    h("span", { class: "muted bell-item-time" }, ago(item.updated_at || item.created_at)),
  );
  return h("li", { class: `bell-item${item.read ? "" : " unread"}`, dataset: { id: item.id } }, link, item.read ? null : h("span", { class: "visually-hidden" }, "(unread)"));
}

/** Add the bell to the header just before `nav` (hidden while signed out); holds the socket. */
export function mountBell(nav) {
  const badge = h("span", { class: "bell-badge", "aria-hidden": "true", hidden: true });
  const button = h("button", { type: "button", class: "secondary bell-button", "aria-expanded": "false", "aria-controls": "bell-menu", "aria-label": "Notifications" },
    h("span", { class: "bell-icon", "aria-hidden": "true" }, "🔔"), badge);
  const list = h("ul", { class: "bell-list", "aria-label": "Latest notifications" });
  const markAll = h("button", { type: "button", class: "link small" }, "Mark all read");
  const menu = h("div", { id: "bell-menu", class: "bell-menu panel", hidden: true },
    h("div", { class: "bell-head" }, h("h2", {}, "Notifications"), markAll),
    list,
    h("div", { class: "bell-foot" }, h("a", { href: "/notifications" }, "See all"), h("a", { href: "/settings/notifications" }, "Settings")),
  );
  const holder = h("div", { class: "bell", hidden: !session.current() }, button, menu);
  const isOpen = () => !menu.hidden;

  counters.add((count) => {
    badge.hidden = count === 0;
    badge.textContent = count > 99 ? "99+" : String(count);
    button.setAttribute("aria-label", count ? `Notifications, ${count} unread` : "Notifications, none unread");
  });
  setCount(unread);

  async function load() {
    try {
      const page = await api.get(`${BASE}?page_size=${LATEST}`);
      setCount(page.unread_count);
      replace(list, page.results.map((item) => row(item, follow)));
      if (!page.results.length) list.append(h("li", { class: "muted bell-empty" }, "Nothing yet."));
    } catch {
      replace(list, h("li", { class: "muted bell-empty" }, "Could not load your notifications."));
    }
  }
  function setOpen(next) {
    menu.hidden = !next;
    button.setAttribute("aria-expanded", String(next));
    if (next) load();
  }
  async function follow(event, item, href) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    setOpen(false);
    if (!item.read) await markRead(item.id).catch(() => null);
    navigate(href);
  }

  button.addEventListener("click", () => setOpen(!isOpen()));
  markAll.addEventListener("click", async () => {
    await api.post(`${BASE}mark-all-read/`).catch(() => null);
    load();
  });
  menu.addEventListener("click", (event) => {
    if (event.target.closest(".bell-foot a")) setOpen(false);
  });
  document.addEventListener("click", (event) => {
    if (isOpen() && !holder.contains(event.target)) setOpen(false);
  });
  holder.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  onNotifications(() => isOpen() && load());
  nav.before(holder);

  if (session.current()) open();
  session.onChange((current) => {
    holder.hidden = !current;
    if (current && !socket) open();
    if (!current) {
      setOpen(false);
      close();
    }
  });
}
