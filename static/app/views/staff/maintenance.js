// Staff page /staff/maintenance: switch maintenance mode on or off, with the message people see
// and, optionally, when it should end (the API then tells clients how long to wait).

import * as api from "../../api.js";
import { h, say } from "../../dom.js";
import { field, showApiError, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const SWITCH = "/api/admin/maintenance/";

function localInput(iso) {
  if (!iso) return "";
  const when = new Date(iso);
  return new Date(when.getTime() - when.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function describe(state) {
  if (!state.enabled) return "Maintenance mode is off: everyone can use the site.";
  const end = state.until ? ` until ${new Date(state.until).toLocaleString()}` : "";
  return `Maintenance mode is on${end}: only staff can use the site.`;
}

/** Route view: /staff/maintenance */
export async function staffMaintenance(outlet) {
  const status = statusRegion();
  const current = h("p", { class: "maintenance-state", role: "status" });
  const enabled = h("input", { type: "checkbox", name: "enabled" });
  const message = h("textarea", { name: "message", rows: 3, maxlength: 500 });
  const until = h("input", { type: "datetime-local", name: "until" });
  const reason = h("input", { type: "text", name: "reason", maxlength: 500 });
  const form = h("form", { class: "card", "aria-label": "Maintenance mode", novalidate: true },
    h("div", { class: "form-choice switch" }, enabled, h("label", { for: "maintenance-enabled" }, "Maintenance mode on")),
    field("Message people see", message),
    field("Expected end (optional)", until, "Clients are told to retry then."),
    field("Reason (kept in the audit log)", reason),
    h("button", { type: "submit" }, "Save"),
    status);
  enabled.id = "maintenance-enabled";
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/maintenance"), h("h1", {}, "Maintenance"), current, form));
  if (!isAdmin()) {
    form.hidden = true;
    say(current, "Only administrators can switch maintenance mode.", "error");
    return;
  }
  const show = (state) => {
    enabled.checked = state.enabled;
    message.value = state.message || "";
    until.value = localInput(state.until);
    current.textContent = describe(state);
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
    const body = { enabled: enabled.checked, message: message.value.trim(), reason: reason.value.trim() };
    body.until = until.value ? new Date(until.value).toISOString() : null;
    try {
      const saved = await api.post(SWITCH, body);
      show(saved.maintenance);
      say(status, saved.message, "ok");
    } catch (error) {
      showApiError(form, status, error);
    }
  });
  try {
    show(await api.get(SWITCH));
  } catch (error) {
    say(status, error.describe ? error.describe() : "Could not load the maintenance state.", "error");
  }
}
