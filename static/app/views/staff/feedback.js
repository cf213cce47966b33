// Staff page /staff/feedback: everyone's feedback, the best voted first, with its votes; filter
// by type and status, and set each one's status (its author is notified).

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { nameOf } from "../../names.js";
import { field, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";
import { pager } from "./pager.js";

const FEEDBACK = "/api/support/feedback/";
const PAGE_SIZE = 20;
export const TYPES = { feature_request: "Feature request", bug_report: "Bug report", general: "General" };
export const STATES = { open: "Open", planned: "Planned", in_progress: "In progress", done: "Done", declined: "Declined" };

const options = (map, selected) => Object.entries(map).map(([value, label]) => h("option", { value, selected: value === selected ? "selected" : null }, label));
const filter = (name, map) => h("select", { name }, h("option", { value: "" }, "Any"), options(map));

/** Route view: /staff/feedback */
export async function staffFeedback(outlet) {
  const status = statusRegion();
  const summary = h("p", { class: "muted" });
  const form = h("form", { class: "staff-filters", role: "search", "aria-label": "Filter feedback" },
    field("Type", filter("type", TYPES)), field("Status", filter("status", STATES)), h("button", { type: "submit" }, "Filter"));
  const tbody = h("tbody");
  const head = ["Feedback", "Type", "From", "Votes", "Status"].map((label) => h("th", { scope: "col" }, label));
  const table = h("table", { class: "staff-table" }, h("thead", {}, h("tr", {}, head)), tbody);
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const body = h("div", {}, form, status, summary, table, h("div", { class: "staff-pager" }, prev, next));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/feedback"), h("h1", {}, "Feedback"), body));
  if (!isAdmin()) {
    body.hidden = true;
    outlet.querySelector(".staff-page").append(h("p", { class: "status error" }, "Only administrators can manage feedback."));
    return;
  }

  function statusControl(item) {
    const select = h("select", { "aria-label": `Status of “${item.title}”` }, options(STATES, item.status));
    select.addEventListener("change", async () => {
      try {
        await api.post(`${FEEDBACK}${item.id}/status/`, { status: select.value });
        say(status, `“${item.title}” is now ${STATES[select.value].toLowerCase()}.`, "ok");
      } catch (error) {
        select.value = item.status;
        say(status, error.describe ? error.describe() : "The status did not change.", "error");
      }
    });
    return select;
  }

  function row(item) {
    const rating = item.rating ? ` · rated ${item.rating}/5` : "";
    return h("tr", { "data-id": item.id },
      h("td", { "data-label": "Feedback" }, h("strong", {}, item.title), h("p", { class: "staff-text" }, item.description)),
      h("td", { "data-label": "Type" }, TYPES[item.type] || item.type),
      h("td", { "data-label": "From" }, nameOf(item.user), rating),
      h("td", { "data-label": "Votes", class: "feedback-votes" }, `Score ${item.score} (${item.upvotes} up, ${item.downvotes} down)`),
      h("td", { "data-label": "Status" }, statusControl(item)));
  }

  const load = pager({
    form, prev, next, summary, status,
    empty: "No feedback matches.",
    failed: "Could not load the feedback.",
    show: (results) => replace(tbody, results.map(row)),
    fetchPage: (page) => {
      const query = new URLSearchParams({ scope: "public", page: String(page), page_size: String(PAGE_SIZE) });
      for (const [key, value] of new FormData(form).entries()) if (value) query.set(key, String(value));
      return api.get(`${FEEDBACK}?${query}`);
    },
  });
  await load();
}
