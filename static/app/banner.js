// The site banner staff put over the app: read once as the page loads (GET /api/banner/), then
// live over the bell's /notifications connection (`site_banner`; `banner: null` takes it down).
// Dismissing hides that banner in this browser; it also leaves when it expires.

import * as api from "./api.js";
import { onNotifications } from "./bell.js";
import { h } from "./dom.js";

const DISMISSED = "watchparty.banner.dismissed";
let shown = null; // {id, node, timer}

function dismissed(id) {
  try {
    return localStorage.getItem(DISMISSED) === id;
  } catch {
    return false;
  }
}

function hide() {
  if (!shown) return;
  clearTimeout(shown.timer);
  shown.node.remove();
  shown = null;
}

function dismiss(id) {
  try {
    localStorage.setItem(DISMISSED, id);
  } catch {
    // private mode: it stays hidden until the page reloads
  }
  hide();
}

/** Show `banner` ({id, message, level, expires_at}) at the top of the page; null hides it. */
export function show(banner) {
  hide();
  if (!banner || dismissed(banner.id)) return;
  const left = Date.parse(banner.expires_at) - Date.now();
  if (!(left > 0)) return;
  const level = ["info", "success", "warning", "critical"].includes(banner.level) ? banner.level : "info";
  const node = h(
    "div",
    { class: `site-banner ${level}`, role: level === "critical" ? "alert" : "status", "data-banner-id": banner.id },
    h("p", { class: "site-banner-text" }, banner.message),
    h("button", { type: "button", class: "link site-banner-close", "aria-label": "Dismiss the announcement", onclick: () => dismiss(banner.id) }, "Dismiss"),
  );
  document.body.prepend(node);
  shown = { id: banner.id, node, timer: setTimeout(hide, Math.min(left, 2 ** 31 - 1)) };
}

/** Start: the banner showing now, then every change as it happens. */
export function mountBanner() {
  onNotifications((event, payload) => {
    if (event === "site_banner") show(payload?.banner || null);
  });
  api.get("/api/banner/").then((body) => show(body?.banner || null), () => {});
}
