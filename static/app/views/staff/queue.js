// Staff page /staff: the moderation queue (most severe, most reported, oldest first) with
// filters, "Assign to me" and a link to each report's page.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { nameOf } from "../../names.js";
import * as session from "../../session.js";
import { field, statusRegion } from "../forms.js";
import { staffNav } from "./nav.js";
import { pager } from "./pager.js";

const PAGE_SIZE = 20;
const STATUSES = ["open", "assigned", "resolved", "dismissed"];

function choice(name, options, any = "Any") {
  return h("select", { name }, h("option", { value: "" }, any), options.map(([value, label]) => h("option", { value }, label)));
}

/** "3 min ago" style age of an ISO time. */
export function ageOf(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

/** Route view: /staff */
export async function staffQueue(outlet) {
  const status = statusRegion();
  const summary = h("p", { class: "muted" });
  const list = h("ul", { class: "report-queue", "aria-label": "Reports to review" });
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const [types, reasons] = await Promise.all([api.get("/api/moderation/content-types/"), api.get("/api/moderation/report-types/")]).catch(() => [[], []]);
  const form = h(
    "form",
    { class: "staff-filters", role: "search", "aria-label": "Filter reports" },
    field("Content", choice("content_type", types.map((t) => [t.value, t.label]))),
    field("Reason", choice("reason", reasons.map((r) => [r.value, r.label]))),
    field("Status", choice("status", STATUSES.map((s) => [s, s]), "Pending")),
    field("Assigned", choice("assigned", [["me", "To me"], ["none", "Nobody"]])),
    h("button", { type: "submit" }, "Filter"),
  );
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff"), h("h1", {}, "Moderation queue"), form, status, summary, list, h("div", { class: "staff-pager" }, prev, next)));
  async function assignToMe(report) {
    try {
      await api.post(`/api/moderation/admin/reports/${encodeURIComponent(report.id)}/assign/`, { moderator_id: session.user()?.id });
      say(status, "The report is yours.", "ok");
      await load();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  }

  function itemOf(report) {
    const title = `${report.content_type.replace("_", " ")} — ${report.reason.replace("_", " ")}`;
    const who = report.assignee ? `assigned to ${nameOf(report.assignee)}` : "unassigned";
    const mine = report.assignee && report.assignee.id === session.user()?.id;
    const pending = report.status === "open" || report.status === "assigned";
    return h(
      "li",
      { class: "report-item", "data-id": report.id },
      h("p", { class: "report-head" }, h("span", { class: `severity ${report.severity_label}` }, report.severity_label), " ", h("a", { href: `/staff/reports/${encodeURIComponent(report.id)}` }, title)),
      h("p", { class: "muted" }, `${report.reporter_count} reporter(s) · ${ageOf(report.created_at)} · ${report.status}, ${who}`),
      report.description ? h("p", { class: "report-description" }, report.description) : null,
      pending && !mine ? h("button", { type: "button", class: "secondary small", "aria-label": `Assign ${title} to me`, onclick: () => assignToMe(report) }, "Assign to me") : null,
    );
  }

  const load = pager({
    form, prev, next, summary, status,
    empty: "Nothing to review.",
    failed: "Could not load the queue.",
    show: (results) => replace(list, results.map(itemOf)),
    fetchPage: (page) => {
      const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
      for (const [key, value] of new FormData(form).entries()) {
        if (key === "assigned") {
          if (value === "me") query.set("assignee_id", session.user()?.id || "");
          if (value === "none") query.set("unassigned", "true");
        } else if (String(value).trim()) query.set(key, String(value).trim());
      }
      return api.get(`/api/moderation/admin/queue/?${query}`);
    },
  });
  await load();
}
