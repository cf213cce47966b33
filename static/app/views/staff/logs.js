// Staff page /staff/logs: the audit log (who did what, when and why) and recent server errors,
// each with its filters, a page at a time.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { field, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const LOGS = "/api/admin/logs/";
const PAGE_SIZE = 25;
const TABS = [
  ["audit", "Audit log", [["action", "Action"]]],
  ["errors", "Server errors", [["level", "Level", ["error", "critical"]], ["search", "Message contains"]]],
];
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "");

function auditRow(entry) {
  const target = [entry.target_type, entry.target_id].filter(Boolean).join(" ");
  return h("tr", {},
    h("td", { "data-label": "When" }, when(entry.created_at)),
    h("td", { "data-label": "Who" }, entry.actor_name || entry.actor_id || "system"),
    h("td", { "data-label": "Action" }, entry.action),
    h("td", { "data-label": "Target" }, target),
    h("td", { "data-label": "Why" }, entry.reason || ""));
}

function errorRow(entry) {
  const trace = entry.traceback ? h("details", {}, h("summary", {}, "Traceback"), h("pre", { class: "staff-trace" }, entry.traceback)) : null;
  return h("tr", {},
    h("td", { "data-label": "When" }, when(entry.created_at)),
    h("td", { "data-label": "Level" }, entry.level),
    h("td", { "data-label": "Where" }, [entry.logger, entry.method, entry.path].filter(Boolean).join(" ")),
    h("td", { "data-label": "Message" }, entry.message, trace));
}

const HEADS = { audit: ["When", "Who", "Action", "Target", "Why"], errors: ["When", "Level", "Where", "Message"] };

/** Route view: /staff/logs */
export async function staffLogs(outlet, params) {
  let source = params?.query?.get("source") === "errors" ? "errors" : "audit";
  let page = 1;
  const status = statusRegion();
  const tabs = h("div", { role: "tablist", "aria-label": "Logs", class: "staff-tabs" });
  const form = h("form", { class: "staff-filters", role: "search", "aria-label": "Filter the log" });
  const table = h("table", { class: "staff-table" });
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const panel = h("div", { role: "tabpanel" }, form, status, table, h("div", { class: "staff-pager" }, prev, next));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/logs"), h("h1", {}, "Logs"), tabs, panel));
  if (!isAdmin()) {
    panel.hidden = tabs.hidden = true;
    outlet.querySelector(".staff-page").append(h("p", { class: "status error" }, "Only administrators can read the logs."));
    return;
  }

  function filters() {
    const [, , own] = TABS.find(([key]) => key === source);
    const pick = (name, options) => h("select", { name }, h("option", { value: "" }, "Any"), options.map((v) => h("option", { value: v }, v)));
    replace(form,
      field("From", h("input", { type: "date", name: "date_from" })),
      field("To", h("input", { type: "date", name: "date_to" })),
      own.map(([name, label, options]) => field(label, options ? pick(name, options) : h("input", { type: "search", name, maxlength: 100 }))),
      h("button", { type: "submit" }, "Filter"));
  }

  function drawTabs() {
    replace(tabs, TABS.map(([key, label]) => h("button", {
      type: "button", role: "tab", class: key === source ? "" : "secondary", "aria-selected": String(key === source),
      onclick: () => { source = key; page = 1; drawTabs(); filters(); load(); },
    }, label)));
  }

  async function load() {
    const query = new URLSearchParams({ source, page: String(page), page_size: String(PAGE_SIZE) });
    for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) query.set(key, String(value).trim());
    say(status, "Loading…");
    try {
      const body = await api.get(`${LOGS}?${query}`);
      const head = h("thead", {}, h("tr", {}, HEADS[source].map((label) => h("th", { scope: "col" }, label))));
      replace(table, head, h("tbody", {}, body.results.map(source === "audit" ? auditRow : errorRow)));
      say(status, body.count ? `${body.count} entries · page ${body.current_page} of ${body.total_pages}` : "Nothing logged matches.");
      prev.disabled = !body.previous;
      next.disabled = !body.next;
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load the log.", "error");
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); page = 1; load(); });
  prev.addEventListener("click", () => { page = Math.max(1, page - 1); load(); });
  next.addEventListener("click", () => { page += 1; load(); });
  drawTabs();
  filters();
  await load();
}
