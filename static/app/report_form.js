// The inline "Report" form any view opens for a piece of content: a reason (from the server's
// list), optional details, Send; posts to /api/moderation/reports/.

import * as api from "./api.js";
import { h, say } from "./dom.js";

let reasons = null;

async function reasonList() {
  reasons = reasons || api.get("/api/moderation/report-types/").catch(() => [{ value: "other", label: "Something else" }]);
  return reasons;
}

/**
 * Open the report form inside `slot` for {contentType, contentId, what} ("this message",
 * "Trolly"); `opener` gets focus back when it closes. One form per slot at a time.
 */
export async function openReportForm(slot, { contentType, contentId, what }, opener) {
  const key = `report-${contentId}`;
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const reason = h("select", { id: `${key}-reason`, name: "reason" }, (await reasonList()).map((r) => h("option", { value: r.value }, r.label)));
  const details = h("textarea", { id: `${key}-details`, name: "description", rows: 2, maxlength: 2000 });
  const submit = h("button", { type: "submit", class: "danger" }, "Send report");
  const close = () => {
    slot.replaceChildren();
    opener?.focus();
  };

  async function onsubmit(event) {
    event.preventDefault();
    submit.disabled = true;
    try {
      await api.post("/api/moderation/reports/", { content_type: contentType, content_id: contentId, reason: reason.value, description: details.value.trim() });
      say(status, "Thank you: the report was sent to the moderators.", "ok");
      setTimeout(close, 1500);
    } catch (error) {
      say(status, error.describe ? error.describe() : String(error), "error");
      submit.disabled = false;
    }
  }

  const form = h("form", { class: "sanction report-form", "aria-label": `Report ${what}`, onsubmit },
    h("label", { for: reason.id }, `Why are you reporting ${what}?`), reason,
    h("label", { for: details.id }, "Details (optional)"), details,
    h("div", { class: "row" }, submit, h("button", { type: "button", class: "secondary", onclick: close }, "Cancel")),
    status);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  slot.replaceChildren(form);
  reason.focus();
}
