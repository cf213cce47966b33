// The settings page's browser-push opt-in: register the service worker (/sw.js), ask for
// permission, subscribe with the server's VAPID key and hand the subscription to the server;
// Disable unsubscribes this browser and tells the server to forget it.

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { busy, statusRegion } from "./forms.js";

const PUSH = "/api/notifications/push/";
const BLOCKED = "Notifications are blocked for this site. Allow them in your browser's site settings, then try again.";

const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** The VAPID key as the bytes PushManager wants (it comes base64url-encoded). */
function keyBytes(base64url) {
  const padded = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

async function current() {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return registration ? registration.pushManager.getSubscription() : null;
}

async function enable() {
  const { public_key: key } = await api.get(`${PUSH}vapid-public-key/`);
  if (!key) throw new Error("Browser notifications are not set up on this server yet.");
  if (Notification.permission === "denied") throw new Error(BLOCKED);
  const permission = await Notification.requestPermission();
  if (permission === "denied") throw new Error(BLOCKED);
  if (permission !== "granted") throw new Error("You did not allow notifications, so none were turned on.");
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager
    .subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) })
    .catch((error) => {
      throw new Error(`This browser could not subscribe to push (${error.message}); private windows cannot.`);
    });
  await api.post(`${PUSH}web/subscribe/`, subscription.toJSON());
}

async function disable() {
  const subscription = await current();
  if (!subscription) return;
  await api.post(`${PUSH}web/unsubscribe/`, { endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}

/** The "Browser notifications" panel with its Enable and Disable buttons. */
export function pushSection() {
  const status = statusRegion();
  const on = h("button", { type: "button" }, "Enable browser notifications");
  const off = h("button", { type: "button", class: "secondary", hidden: true }, "Disable browser notifications");
  const state = h("p", { class: "muted push-state" });
  const show = (subscribed) => {
    state.textContent = subscribed ? "On in this browser." : "Off in this browser.";
    on.hidden = subscribed;
    off.hidden = !subscribed;
  };
  const run = (button, work, done, busyText) => busy(button, async () => {
    try {
      await work();
      say(status, done, "ok");
      show(!!(await current().catch(() => null)));
    } catch (error) {
      say(status, error.describe ? error.describe() : error.message || "That did not work.", "error");
    }
  }, busyText);
  on.addEventListener("click", () => run(on, enable, "Browser notifications are on.", "Enabling…"));
  off.addEventListener("click", () => run(off, disable, "Browser notifications are off in this browser.", "Disabling…"));
  if (!supported()) {
    on.disabled = true;
    state.textContent = "This browser cannot show notifications from Watchparty.";
  } else {
    current().then((s) => show(!!s)).catch(() => show(false));
  }
  return h("section", { class: "panel push-panel", "aria-labelledby": "push-title" },
    h("h2", { id: "push-title" }, "Browser notifications"),
    h("p", { class: "muted" }, "Get a notification from this browser even when Watchparty is closed."),
    state, status, h("div", { class: "row" }, on, off));
}
