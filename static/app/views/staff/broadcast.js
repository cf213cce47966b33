// Staff page /staff/broadcast: the live banner over the app (show, take down), a notification
// to everyone, and a notification to people picked by searching for them.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { nameOf } from "../../names.js";
import { field, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const LASTS = [["15 minutes", 900], ["1 hour", 3600], ["6 hours", 21600], ["1 day", 86400], ["7 days", 604800]];

function describe(error) {
  return error.describe ? error.describe() : "That did not work.";
}

async function run(status, promise, done) {
  try {
    const result = await promise;
    say(status, done(result), "ok");
    return result;
  } catch (error) {
    say(status, describe(error), "error");
    return null;
  }
}

function bannerPanel() {
  const status = statusRegion();
  const now = h("p", { class: "muted current-banner" });
  const takeDown = h("button", { type: "button", class: "danger", hidden: true }, "Take the banner down");
  const form = h(
    "form",
    { "aria-label": "Site banner" },
    field("Message", h("textarea", { name: "message", maxlength: 500, required: true, rows: 2 })),
    field("Level", h("select", { name: "level" }, ["info", "success", "warning", "critical"].map((v) => h("option", { value: v }, v)))),
    field("Shown for", h("select", { name: "expires_in" }, LASTS.map(([label, seconds]) => h("option", { value: String(seconds), selected: seconds === 3600 }, label)))),
    h("button", { type: "submit" }, "Show the banner"),
  );
  const current = (banner) => {
    now.textContent = banner ? `Showing now: “${banner.message}” until ${new Date(banner.expires_at).toLocaleString()}` : "No banner is showing.";
    takeDown.hidden = !banner;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { message: String(data.get("message")), level: data.get("level"), expires_in: Number(data.get("expires_in")) };
    const banner = await run(status, api.post("/api/admin/banner/", body), () => "The banner is showing to everyone.");
    if (banner) current(banner);
  });
  takeDown.addEventListener("click", async () => {
    if (await run(status, api.request("DELETE", "/api/admin/banner/"), () => "The banner was taken down.")) current(null);
  });
  api.get("/api/banner/").then((body) => current(body.banner), () => current(null));
  return h("section", { class: "panel" }, h("h2", {}, "Banner over the app"), now, takeDown, form, status);
}

function notifyPanel(title, chooser) {
  const status = statusRegion();
  const chosen = new Map();
  const picked = h("ul", { class: "people-list", "aria-label": "Chosen people" });
  const form = h(
    "form",
    { "aria-label": title },
    field("Title", h("input", { name: "title", maxlength: 200, value: "Announcement" })),
    field("Message", h("textarea", { name: "message", maxlength: 1000, required: true, rows: 3 })),
    h("button", { type: "submit" }, chooser ? "Send to the chosen people" : "Send to everyone"),
  );
  const showPicked = () =>
    replace(picked, [...chosen.values()].map((u) => h("li", { class: "row" }, `${nameOf(u)} <${u.email}>`, h("button", { type: "button", class: "link", onclick: () => { chosen.delete(u.id); showPicked(); } }, "Remove"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { title: String(data.get("title") || "Announcement"), message: String(data.get("message")) };
    if (chooser && !chosen.size) return say(status, "Choose at least one person first.", "error");
    const path = chooser ? "/api/admin/notifications/send/" : "/api/admin/broadcast/";
    Object.assign(body, chooser ? { recipients: [...chosen.keys()] } : { target_users: "all" });
    if (await run(status, api.post(path, body), (r) => r.message || "Sent.")) form.reset();
  });
  const parts = [h("h2", {}, title)];
  if (chooser) parts.push(finder(chosen, showPicked), picked);
  return h("section", { class: "panel" }, parts, form, status);
}

function finder(chosen, changed) {
  const input = h("input", { type: "search", name: "who", maxlength: 100, placeholder: "Name or email" });
  const found = h("ul", { class: "people-list", "aria-label": "People found" });
  const search = async () => {
    try {
      const body = await api.get(`/api/admin/users/?page_size=10&search=${encodeURIComponent(input.value.trim())}`);
      replace(found, body.results.map((u) => h("li", { class: "row" }, `${nameOf(u)} <${u.email}>`, h("button", { type: "button", class: "secondary small", "aria-label": `Choose ${u.email}`, onclick: () => { chosen.set(u.id, u); changed(); } }, "Choose"))));
    } catch (error) {
      replace(found, h("li", { class: "status error" }, describe(error)));
    }
  };
  return h("div", { class: "row" }, field("Find people", input), h("button", { type: "button", class: "secondary", onclick: search }, "Find"), found);
}

/** Route view: /staff/broadcast */
export function staffBroadcast(outlet) {
  const page = h("div", { class: "staff-page" }, staffNav("/staff/broadcast"), h("h1", {}, "Broadcast"));
  outlet.append(page);
  if (!isAdmin()) {
    page.append(h("p", { class: "status error" }, "Only administrators can broadcast."));
    return;
  }
  page.append(h("div", { class: "staff-grid" }, bannerPanel(), notifyPanel("Notify everyone", false), notifyPanel("Notify chosen people", true)));
}
