// Staff page /staff/users: find people, suspend, ban or lift either (with a reason), and, for
// superusers, give someone a staff role.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import * as session from "../../session.js";
import { field, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const USERS = "/api/admin/users/";
const PAGE_SIZE = 20;
const ROLES = [["user", "User"], ["moderator", "Moderator"], ["admin", "Admin"]];

const nameOf = (u) => [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email;
const roleOf = (u) => (u.is_superuser ? "superuser" : u.is_staff ? "admin" : u.is_moderator ? "moderator" : "user");

/** Route view: /staff/users */
export async function staffUsers(outlet) {
  const me = session.user() || {};
  const status = statusRegion();
  const reason = h("input", { type: "text", name: "reason", maxlength: 500 });
  const search = h("input", { type: "search", name: "search", maxlength: 100 });
  const state = h("select", { name: "status" }, h("option", { value: "" }, "Any"), ["active", "suspended", "banned"].map((s) => h("option", { value: s }, s)));
  const form = h("form", { class: "staff-filters", role: "search", "aria-label": "Find users" },
    field("Name or email", search), field("Status", state), h("button", { type: "submit" }, "Search"));
  const tbody = h("tbody");
  const head = ["Name", "Email", "Status", "Role", "Actions"].map((label) => h("th", { scope: "col" }, label));
  const table = h("table", { class: "staff-table" }, h("thead", {}, h("tr", {}, head)), tbody);
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const body = h("div", {}, form, field("Reason for actions (shown to the person and kept)", reason), status, table, h("div", { class: "staff-pager" }, prev, next));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/users"), h("h1", {}, "Users"), body));
  if (!isAdmin()) {
    body.hidden = true;
    outlet.querySelector(".staff-page").append(h("p", { class: "status error" }, "Only administrators can manage users."));
    return;
  }
  let page = 1;

  async function act(user, action, done) {
    try {
      const text = reason.value.trim();
      await api.post(`${USERS}${user.id}/${action}/`, ["suspend", "ban"].includes(action) && text ? { reason: text } : {});
      say(status, `${nameOf(user)}: ${done}.`, "ok");
      await load();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  }

  function roleControl(user) {
    const role = roleOf(user);
    if (!me.is_superuser || role === "superuser" || user.id === me.id) return role;
    const select = h("select", { "aria-label": `Role of ${nameOf(user)}` }, ROLES.map(([value, label]) => h("option", { value, selected: value === role }, label)));
    select.addEventListener("change", async () => {
      try {
        const text = reason.value.trim();
        await api.post(`${USERS}${user.id}/role/`, { role: select.value, ...(text ? { reason: text } : {}) });
        say(status, `${nameOf(user)} is now ${select.value === "user" ? "a user" : `${select.value === "admin" ? "an" : "a"} ${select.value}`}.`, "ok");
      } catch (error) {
        select.value = role;
        say(status, error.describe ? error.describe() : "The role did not change.", "error");
      }
    });
    return select;
  }

  function actions(user) {
    const button = (label, action, done, cls = "secondary") =>
      h("button", { type: "button", class: cls, "aria-label": `${label} ${nameOf(user)}`, onclick: () => act(user, action, done) }, label);
    if (user.id === me.id || user.status === "deleted") return null;
    if (user.status === "banned") return button("Unban", "unban", "unbanned");
    if (user.status === "suspended") return [button("Unsuspend", "unsuspend", "unsuspended"), button("Ban", "ban", "banned", "danger")];
    return [button("Suspend", "suspend", "suspended"), button("Ban", "ban", "banned", "danger")];
  }

  function row(user) {
    const why = user.status_reason ? ` (${user.status_reason})` : "";
    return h("tr", { "data-id": user.id },
      h("td", { "data-label": "Name" }, nameOf(user)),
      h("td", { "data-label": "Email" }, user.email),
      h("td", { "data-label": "Status" }, `${user.status}${why}`),
      h("td", { "data-label": "Role" }, roleControl(user)),
      h("td", { "data-label": "Actions", class: "staff-actions" }, actions(user)));
  }

  async function load() {
    const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
    if (search.value.trim()) query.set("search", search.value.trim());
    if (state.value) query.set("status", state.value);
    try {
      const found = await api.get(`${USERS}?${query}`);
      replace(tbody, found.results.map(row));
      if (!found.results.length) say(status, "Nobody matches.");
      prev.disabled = !found.previous;
      next.disabled = !found.next;
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load users.", "error");
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); page = 1; say(status, ""); load(); });
  prev.addEventListener("click", () => { page = Math.max(1, page - 1); load(); });
  next.addEventListener("click", () => { page += 1; load(); });
  await load();
}
