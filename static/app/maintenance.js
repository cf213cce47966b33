// Maintenance mode as people see it: a banner with the staff's message while the site is in
// maintenance. Checked as the page loads (GET /api/maintenance/, answered even then) and
// whenever an API call or a socket is refused with `maintenance`; while it shows, the status
// is asked again until maintenance ends. Staff, whom maintenance lets through, get a small note.

import { h } from "./dom.js";
import * as session from "./session.js";

export const EVENT = "watchparty:maintenance";
const STATUS = "/api/maintenance/";
const POLL_MAX_S = 30;
let node = null;
let timer = null;

function staff() {
  const me = session.user() || {};
  return Boolean(me.is_staff || me.is_superuser || me.is_moderator);
}

function until(iso) {
  const when = iso ? new Date(iso) : null;
  return when && !Number.isNaN(when.getTime()) ? ` Expected back ${when.toLocaleString()}.` : "";
}

function render(state) {
  node?.remove();
  node = null;
  if (!state?.enabled) return;
  node = staff()
    ? h("p", { class: "maintenance-note", role: "status" }, "Maintenance mode is on: only staff can use the site.")
    : h(
        "div",
        { class: "maintenance-banner", role: "alert" },
        h("strong", {}, "Down for maintenance. "),
        h("span", { class: "maintenance-message" }, state.message || ""),
        until(state.until),
      );
  document.getElementById("app")?.before(node);
}

async function check() {
  clearTimeout(timer);
  let state = null;
  try {
    const response = await fetch(STATUS, { headers: { Accept: "application/json" } });
    if (response.ok) state = await response.json();
  } catch {
    state = null; // offline: keep what is shown
    if (node) timer = setTimeout(check, POLL_MAX_S * 1000);
    return;
  }
  render(state);
  if (state?.enabled) timer = setTimeout(check, Math.min(state.retry_after || POLL_MAX_S, POLL_MAX_S) * 1000);
}

/** Tell the page maintenance refused a call (`body` is the error shape with `until`). */
export function refused(body) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: body }));
}

/** Start: check now, again when refused, and when someone signs in or out. */
export function mountMaintenance() {
  window.addEventListener(EVENT, (event) => {
    render({ enabled: true, message: event.detail?.message, until: event.detail?.until });
    clearTimeout(timer);
    timer = setTimeout(check, POLL_MAX_S * 1000);
  });
  session.onChange(() => check());
  check();
}
