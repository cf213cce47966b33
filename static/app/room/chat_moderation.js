// The inline form a host or moderator fills to mute or ban a message's author from the chat.

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { nameOf } from "../names.js";

const DURATIONS = [
  ["300", "5 minutes"],
  ["900", "15 minutes"],
  ["3600", "1 hour"],
  ["86400", "1 day"],
  ["", "Until lifted"],
];

/**
 * Open the mute/ban form for the author of `message` inside `slot`; `opener` gets focus back
 * when the form closes. Only one form is open per slot at a time.
 */
export function openSanctionForm(ctx, message, kind, slot, opener) {
  const name = nameOf(message.user);
  const verb = kind === "ban" ? "Ban" : "Mute";
  const uid = `${kind}-${message.id}`;
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const duration = h("select", { id: `${uid}-duration`, name: "duration" },
    DURATIONS.map(([value, text]) => h("option", { value, selected: value === "900" ? "selected" : false }, text)));
  const reason = h("input", { id: `${uid}-reason`, name: "reason", maxlength: "500", autocomplete: "off" });
  const submit = h("button", { type: "submit", class: "danger" }, kind === "ban" ? "Ban from chat" : "Mute in chat");
  const close = () => {
    slot.replaceChildren();
    opener?.focus();
  };

  async function onsubmit(event) {
    event.preventDefault();
    submit.disabled = true;
    const seconds = duration.value ? Number(duration.value) : null;
    const body = kind === "ban"
      ? { user_id: message.user.id, duration: seconds, reason: reason.value }
      : { action: "mute_user", target_id: message.user.id, duration: seconds, reason: reason.value };
    try {
      const done = await api.post(`/api/chat/${ctx.partyId}/${kind === "ban" ? "ban" : "moderate"}/`, body);
      say(status, done.message || `${name} was ${kind === "ban" ? "banned" : "muted"}.`, "ok");
      setTimeout(close, 1500);
    } catch (error) {
      say(status, error.describe ? error.describe() : String(error), "error");
      submit.disabled = false;
    }
  }

  const form = h("form", { class: "sanction", "aria-label": `${verb} ${name}`, onsubmit },
    h("p", { class: "sanction-title" }, `${verb} ${name} in this chat`),
    h("label", { for: duration.id }, "For how long"), duration,
    h("label", { for: reason.id }, "Reason (optional)"), reason,
    h("div", { class: "row" }, submit, h("button", { type: "button", class: "secondary", onclick: close }, "Cancel")),
    status);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  slot.replaceChildren(form);
  duration.focus();
}
