// Staff page /staff/support: the ticket queue. Filter by status, priority and assignee ("assigned
// to me", unassigned, anyone on staff); give a ticket to yourself or to another staff member,
// change its status, and open its thread (/help/tickets/:id) to reply.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { nameOf } from "../../names.js";
import * as session from "../../session.js";
import { field, statusRegion } from "../forms.js";
import { PRIORITIES, STATUSES } from "../help_contact.js";
import { isAdmin, staffNav } from "./nav.js";
import { pager } from "./pager.js";

const TICKETS = "/api/support/tickets/";
const PAGE_SIZE = 20;

const options = (map, selected) => Object.entries(map).map(([value, label]) => h("option", { value, selected: value === selected ? "selected" : null }, label));
const filter = (name, map) => h("select", { name }, h("option", { value: "" }, "Any"), options(map));

/** Route view: /staff/support */
export async function staffSupport(outlet) {
  const me = session.user() || {};
  const status = statusRegion();
  const summary = h("p", { class: "muted" });
  let staff = [];
  const assignee = h("select", { name: "assignee" });
  const form = h("form", { class: "staff-filters", role: "search", "aria-label": "Filter tickets" },
    field("Status", filter("status", STATUSES)), field("Priority", filter("priority", PRIORITIES)),
    field("Assignee", assignee), h("button", { type: "submit" }, "Filter"));
  const tbody = h("tbody");
  const head = ["Ticket", "From", "Priority", "Status", "Assignee", "Actions"].map((label) => h("th", { scope: "col" }, label));
  const table = h("table", { class: "staff-table" }, h("thead", {}, h("tr", {}, head)), tbody);
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const body = h("div", {}, form, status, summary, table, h("div", { class: "staff-pager" }, prev, next));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/support"), h("h1", {}, "Support tickets"), body));
  if (!isAdmin()) {
    body.hidden = true;
    outlet.querySelector(".staff-page").append(h("p", { class: "status error" }, "Only administrators can handle support tickets."));
    return;
  }

  async function act(path, payload, done) {
    try {
      await api.post(path, payload);
      say(status, done, "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
    await load();
  }

  function statusControl(t) {
    const select = h("select", { "aria-label": `Status of “${t.subject}”` }, options(STATUSES, t.status));
    select.addEventListener("change", () => act(`${TICKETS}${t.id}/status/`, { status: select.value }, `“${t.subject}” is now ${STATUSES[select.value].toLowerCase()}.`));
    return select;
  }

  function assigneeControl(t) {
    const current = t.assignee?.id || "";
    const people = staff.map((s) => h("option", { value: s.id, selected: s.id === current ? "selected" : null }, s.id === me.id ? `${nameOf(s)} (you)` : nameOf(s)));
    const select = h("select", { "aria-label": `Assignee of “${t.subject}”` }, h("option", { value: "", selected: current ? null : "selected" }, "Nobody"), people);
    select.addEventListener("change", () => {
      const chosen = staff.find((s) => s.id === select.value);
      act(`${TICKETS}${t.id}/assign/`, { staff_id: select.value || null }, chosen ? `“${t.subject}” is now ${nameOf(chosen)}’s.` : `“${t.subject}” is unassigned.`);
    });
    return select;
  }

  function row(t) {
    const mine = t.assignee?.id === me.id;
    const take = mine ? null : h("button", { type: "button", class: "secondary", "aria-label": `Assign “${t.subject}” to me`,
      onclick: () => act(`${TICKETS}${t.id}/assign/`, { staff_id: me.id }, `“${t.subject}” is now yours.`) }, "Assign to me");
    return h("tr", { "data-id": t.id },
      h("td", { "data-label": "Ticket" }, h("a", { href: `/help/tickets/${t.id}` }, t.subject), h("br"), h("span", { class: "muted" }, new Date(t.updated_at).toLocaleString())),
      h("td", { "data-label": "From" }, nameOf(t.user)),
      h("td", { "data-label": "Priority" }, PRIORITIES[t.priority] || t.priority),
      h("td", { "data-label": "Status" }, statusControl(t)),
      h("td", { "data-label": "Assignee" }, assigneeControl(t)),
      h("td", { "data-label": "Actions", class: "staff-actions" }, take, h("a", { href: `/help/tickets/${t.id}`, "aria-label": `Open “${t.subject}”` }, "Open thread")));
  }

  const load = pager({
    form, prev, next, summary, status,
    empty: "No tickets match.",
    failed: "Could not load the tickets.",
    show: (results) => replace(tbody, results.map(row)),
    fetchPage: (page) => {
      const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
      for (const [key, value] of new FormData(form).entries()) if (value) query.set(key, String(value));
      return api.get(`${TICKETS}?${query}`);
    },
  });
  try {
    staff = await api.get("/api/support/staff/");
  } catch (error) {
    say(status, error.describe ? error.describe() : "Could not load the staff list.", "error");
  }
  replace(assignee, h("option", { value: "" }, "Anyone"), h("option", { value: "me" }, "Assigned to me"), h("option", { value: "none" }, "Unassigned"),
    staff.filter((s) => s.id !== me.id).map((s) => h("option", { value: s.id }, nameOf(s))));
  await load();
}
