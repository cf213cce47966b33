// The page's site-wide connection (/people) while signed in: friends' presence comes in, this
// page's visibility (away) goes out, and party invitations show as a notice with a Join link.

import { h } from "./dom.js";
import { nameOf } from "./names.js";
import * as session from "./session.js";
import { call, connect } from "./sockets.js";

let socket = null;
const watchers = new Set();

/** Call `fn(presence)` for each friend's presence change; returns an unsubscribe function. */
export function onPresence(fn) {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** Every friend's presence now (the same body as GET /api/users/online-status/). */
export function status() {
  return socket ? call(socket, "status") : Promise.resolve({ ok: false });
}

/** One line for a friend's presence: "Online", "Watching “…”", "Away", "Last seen …". */
export function describe(p) {
  if (p.watching) return `Watching “${p.watching.title}”`;
  if (p.status === "online") return "Online";
  if (p.status === "away") return "Away";
  if (!p.last_seen) return "Offline";
  const minutes = Math.round((Date.now() - Date.parse(p.last_seen)) / 60000);
  if (minutes < 1) return "Last seen just now";
  if (minutes < 60) return `Last seen ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 24 ? `Last seen ${hours} h ago` : `Last seen ${new Date(p.last_seen).toLocaleDateString()}`;
}

function invited(invitation) {
  const box = document.getElementById("invitations") || document.body.appendChild(h("div", { id: "invitations", class: "invitations", role: "status", "aria-live": "polite" }));
  const note = h("div", { class: "invitation panel" },
    h("span", {}, `${nameOf(invitation.inviter)} invited you to “${invitation.party.title}”`),
    invitation.message ? h("span", { class: "muted" }, invitation.message) : null,
    h("a", { class: "button primary small", href: `/party/${invitation.party.id}` }, "Join"),
    h("button", { type: "button", class: "secondary small", onclick: () => note.remove() }, "Dismiss"),
  );
  box.append(note);
}

function away() {
  if (socket?.connected) call(socket, "away", { away: document.visibilityState === "hidden" });
}

function open() {
  socket = connect("/people");
  socket.on("presence", (p) => watchers.forEach((fn) => fn(p)));
  socket.on("invitation", invited);
  socket.on("connect", () => {
    document.documentElement.dataset.people = "connected"; // a page can tell it hears live news
    away();
  });
  socket.on("disconnect", () => delete document.documentElement.dataset.people);
}

function close() {
  socket?.disconnect();
  socket = null;
  delete document.documentElement.dataset.people;
}

/** Hold the connection while signed in (and reopen it after signing in again). */
export function start() {
  if (session.current()) open();
  session.onChange((current) => {
    if (current && !socket) open();
    if (!current) close();
  });
  document.addEventListener("visibilitychange", away);
}
