// Small helpers shared by the chat, polls and people panels.

import { h } from "../dom.js";

/** The room role ("host", "moderator", "participant") of a user id, from ctx.participants. */
export function roleOf(ctx, userId) {
  return ctx.participants.find((p) => p.user?.id === userId)?.role || "participant";
}

/** A role badge for hosts and moderators, or null for everyone else. */
export function roleBadge(role) {
  if (role !== "host" && role !== "moderator") return null;
  return h("span", { class: `badge role-${role}` }, role);
}

/** A <time> with the local hour and minute of an ISO timestamp. */
export function timeTag(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const text = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return h("time", { datetime: iso, title: date.toLocaleString() }, text);
}

/** The first `length` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text, length = 60) {
  const line = String(text || "").replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** Seconds to wait from an ack or ApiError ("Retry after 5 s."), or null. */
export function retryAfter(detail) {
  const match = /(\d+)\s*s/.exec(String(detail || ""));
  return match ? Number(match[1]) : null;
}

/**
 * A signature of everyone's role: it changes when a promotion, demotion or host hand-over
 * does, and not when someone merely comes online (so panels re-render only when needed).
 */
export function rolesKey(ctx) {
  return ctx.participants
    .map((p) => `${p.user?.id}:${p.role}`)
    .sort()
    .join(",");
}

/**
 * Re-render `container` with `render()`, putting focus back on the control that had it
 * (matched by its data-key) so a live update never throws a keyboard user out.
 */
export function rerenderKeepingFocus(container, render) {
  const active = document.activeElement;
  const key = container.contains(active) ? active?.dataset?.key : null;
  render();
  if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
