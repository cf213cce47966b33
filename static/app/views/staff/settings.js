// Staff page /staff/settings: every site setting with a control for its type (a switch, a
// number, a list of words), each saved on its own; the server checks the value and says why
// it refuses one, beside the field.

import * as api from "../../api.js";
import { h, say } from "../../dom.js";
import { field, showApiError, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const LIST = "/api/admin/settings/";
const UPDATE = "/api/admin/settings/update/";
const humane = (key) => key.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

function control(setting) {
  const name = "setting_value";
  if (setting.type === "boolean") return h("input", { type: "checkbox", name, checked: Boolean(setting.value) });
  if (setting.type === "integer") return h("input", { type: "number", name, value: String(setting.value), inputmode: "numeric" });
  if (setting.type === "list") return h("textarea", { name, rows: 4, value: (setting.value || []).join("\n") });
  return h("input", { type: "text", name, value: JSON.stringify(setting.value) });
}

function valueOf(setting, input) {
  if (setting.type === "boolean") return input.checked;
  if (setting.type === "list") return input.value.split("\n").map((word) => word.trim()).filter(Boolean);
  if (setting.type === "integer") return input.value.trim(); // the server parses and checks it
  try {
    return JSON.parse(input.value);
  } catch {
    return input.value;
  }
}

function settingForm(setting, reason) {
  const label = humane(setting.key);
  const status = statusRegion();
  if (setting.type === "maintenance") {
    return h("section", { class: "card staff-setting", "aria-label": label }, h("h2", {}, label),
      h("p", { class: "muted" }, setting.description), h("a", { href: "/staff/maintenance" }, "Open the maintenance page"));
  }
  const input = control(setting);
  const form = h("form", { class: "card staff-setting", "aria-label": label, novalidate: true },
    h("h2", {}, label),
    field(setting.type === "boolean" ? `${label}: on` : label, input, `${setting.description} (default: ${JSON.stringify(setting.default)})`),
    h("button", { type: "submit" }, `Save ${label.toLowerCase()}`),
    status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
    const body = { setting_key: setting.key, setting_value: valueOf(setting, input), reason: reason.value.trim() };
    try {
      const saved = await api.post(UPDATE, body);
      say(status, `Saved: ${JSON.stringify(saved.setting.value)}.`, "ok");
    } catch (error) {
      const errors = error.errors?.[setting.key] ? { setting_value: error.errors[setting.key] } : error.errors;
      showApiError(form, status, Object.assign(error, { errors }));
    }
  });
  return form;
}

/** Route view: /staff/settings */
export async function staffSettings(outlet) {
  const status = statusRegion();
  const reason = h("input", { type: "text", name: "reason", maxlength: 500 });
  const list = h("div", { class: "staff-grid" });
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/settings"), h("h1", {}, "Site settings"), status,
    field("Reason for changes (kept in the audit log)", reason), list));
  if (!isAdmin()) {
    say(status, "Only administrators can change settings.", "error");
    return;
  }
  try {
    const body = await api.get(LIST);
    list.append(...body.settings.map((setting) => settingForm(setting, reason)));
  } catch (error) {
    say(status, error.describe ? error.describe() : "Could not load the settings.", "error");
  }
}
