// Staff page /staff/reports/:id: the reported content (as text), the report, its history, and
// the forms to resolve it (with an action) or dismiss it.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { nameOf } from "../../names.js";
import { field, onSubmit, statusRegion } from "../forms.js";
import { staffNav } from "./nav.js";
import { ageOf } from "./queue.js";

const ACTIONS = [
  ["no_action", "No action"],
  ["remove", "Remove the content"],
  ["warn", "Warn the owner"],
  ["suspend", "Suspend the owner"],
  ["ban", "Ban the owner"],
];
const DURATIONS = [["", "Until lifted"], ["3600", "1 hour"], ["86400", "1 day"], ["604800", "1 week"], ["2592000", "30 days"]];

function options(pairs) {
  return pairs.map(([value, label]) => h("option", { value }, label));
}

function historyOf(actions) {
  return h(
    "ol",
    { class: "report-history", "aria-label": "History" },
    actions.map((a) => h("li", {}, `${a.action} ${a.actor ? `by ${nameOf(a.actor)}` : "automatically"} · ${ageOf(a.at)}${a.reason ? ` — ${a.reason}` : ""}`)),
  );
}

function decisionForms(report, status, reload) {
  const base = `/api/moderation/admin/reports/${encodeURIComponent(report.id)}`;
  const action = h("select", { name: "action", required: true }, options(ACTIONS));
  const duration = h("select", { name: "duration" }, options(DURATIONS));
  const lasting = field("For how long", duration);
  lasting.hidden = true;
  action.addEventListener("change", () => { lasting.hidden = !["suspend", "ban"].includes(action.value); });
  const resolveButton = h("button", { type: "submit" }, "Resolve");
  const resolve = h("form", { class: "stack", "aria-label": "Resolve the report" }, field("Action", action), lasting, field("Reason", h("textarea", { name: "reason", rows: 2, maxlength: 2000 })), resolveButton);
  onSubmit(resolve, { button: resolveButton, status, busyText: "Resolving…" }, async (values) => {
    const body = { action: values.action, reason: values.reason.trim() };
    if (!lasting.hidden && values.duration) body.duration = Number(values.duration);
    await api.post(`${base}/resolve/`, body);
    say(status, "The report was resolved.", "ok");
    await reload();
  });
  const dismissButton = h("button", { type: "submit", class: "secondary" }, "Dismiss");
  const dismiss = h("form", { class: "stack", "aria-label": "Dismiss the report" }, field("Why dismiss", h("textarea", { name: "reason", rows: 2, maxlength: 2000 })), dismissButton);
  onSubmit(dismiss, { button: dismissButton, status, busyText: "Dismissing…" }, async (values) => {
    await api.post(`${base}/dismiss/`, { reason: values.reason.trim() });
    say(status, "The report was dismissed.", "ok");
    await reload();
  });
  return h("section", { class: "staff-grid", "aria-label": "Decide" }, resolve, dismiss);
}

/** Route view: /staff/reports/:id */
export async function staffReport(outlet, { id }) {
  const status = statusRegion();
  const body = h("div", { class: "report-detail" });
  outlet.append(h("div", { class: "staff-page" }, staffNav(""), h("p", {}, h("a", { href: "/staff" }, "← Back to the queue")), h("h1", {}, "Report"), status, body));

  async function load() {
    try {
      const path = `/api/moderation/reports/${encodeURIComponent(id)}/`;
      const [report, actions] = await Promise.all([api.get(path), api.get(`/api/moderation/admin/reports/${encodeURIComponent(id)}/actions/`)]);
      const pending = report.status === "open" || report.status === "assigned";
      replace(
        body,
        h("section", { "aria-label": "Reported content" }, h("h2", {}, report.content_label), h("blockquote", { class: "reported-content" }, report.content_text || "(no text)"), report.content_hidden ? h("p", { class: "muted" }, "Hidden pending review.") : null),
        h("dl", { class: "report-facts" },
          h("dt", {}, "Reason"), h("dd", {}, `${report.reason.replace("_", " ")} (${report.severity_label})`),
          h("dt", {}, "Reported by"), h("dd", {}, `${nameOf(report.reporter)} and ${Math.max(0, report.reporter_count - 1)} other(s)`),
          h("dt", {}, "Details"), h("dd", {}, report.description || "—"),
          h("dt", {}, "Status"), h("dd", { class: "report-status" }, report.resolution_action ? `${report.status}: ${report.resolution_action.replace("_", " ")}` : report.status),
        ),
        h("h2", {}, "History"),
        historyOf(actions),
        pending ? decisionForms(report, status, load) : null,
      );
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load the report.", "error");
    }
  }
  await load();
}
