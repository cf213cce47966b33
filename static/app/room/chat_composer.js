// The chat box: a labelled textarea (Enter sends, Shift+Enter is a new line), the reply bar,
// slow-mode countdown on the send button, a length counter near the party's limit, and the
// error shown right under it.

import { h, say } from "../dom.js";
import { nameOf } from "../names.js";
import { lengthCounter } from "./chat_length.js";
import { excerpt, retryAfter } from "./social_util.js";

/**
 * Build the composer. `send(text, replyTo)` resolves with the socket ack. Returns
 * {element, replyTo(message), setSettings(settings, exempt), setClosed(text|null), focus()}.
 */
export function createComposer(partyId, send) {
  const fieldId = `chat-input-${partyId}`;
  // No maxlength: the browser would cut a long paste silently; the counter says what is wrong.
  const input = h("textarea", { id: fieldId, name: "text", rows: "2", autocomplete: "off", placeholder: "Say something…" });
  const button = h("button", { type: "submit", class: "chat-send" }, "Send");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const length = lengthCounter(input, status);
  const replyText = h("span", { class: "reply-text" });
  const replyBar = h("div", { class: "reply-bar", hidden: true },
    replyText,
    h("button", { type: "button", class: "link", "aria-label": "Cancel reply", onclick: () => replyTo(null) }, "✕"));
  const closedNote = h("p", { class: "chat-closed", hidden: true });
  const form = h("form", { class: "chat-form", onsubmit: submit },
    h("div", { class: "chat-label-row" }, h("label", { for: fieldId }, "Message"), length.element),
    replyBar, h("div", { class: "chat-compose" }, input, button), status);

  let replying = null;
  let busy = false;
  let settings = { slow_mode: false };
  let exempt = false;
  let waitUntil = 0;
  let timer = null;

  function replyTo(message) {
    replying = message;
    replyBar.hidden = !message;
    replyText.textContent = message ? `Replying to ${nameOf(message.user)}: ${excerpt(message.text, 50)}` : "";
    input.focus();
  }

  function tick() {
    const left = Math.ceil((waitUntil - Date.now()) / 1000);
    if (left > 0 && !busy) {
      button.disabled = true;
      button.textContent = `Wait ${left} s`;
      button.setAttribute("aria-label", `Send (slow mode: wait ${left} seconds)`);
      return;
    }
    clearInterval(timer);
    timer = null;
    button.removeAttribute("aria-label");
    if (!busy) {
      button.disabled = false;
      button.textContent = "Send";
    }
  }

  function cooldown(seconds) {
    waitUntil = Date.now() + seconds * 1000;
    clearInterval(timer);
    timer = setInterval(tick, 250);
    tick();
  }

  async function submit(event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy || !closedNote.hidden) return;
    if (!length.check({ again: true })) return;
    const left = Math.ceil((waitUntil - Date.now()) / 1000);
    if (left > 0) {
      say(status, `Slow mode is on: you can send again in ${left} s.`, "error");
      return;
    }
    busy = true;
    input.readOnly = true; // readOnly, not disabled: the field keeps keyboard focus
    button.disabled = true;
    button.textContent = "Sending…";
    say(status, "");
    const ack = await send(text, replying?.id || null);
    busy = false;
    input.readOnly = false;
    button.textContent = "Send";
    button.disabled = false;
    if (ack.ok) {
      if (input.value.trim() === text) input.value = "";
      length.check();
      replyTo(null);
      if (settings.slow_mode && !exempt) cooldown(settings.slow_mode_interval);
    } else {
      say(status, ack.message || "The message was not sent.", "error");
      if (ack.error === "message_too_long") length.refused();
      const wait = ack.error === "slow_mode" || ack.error === "rate_limited" ? retryAfter(ack.detail) : null;
      if (wait) cooldown(wait);
      input.focus();
    }
  }

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === "Escape" && replying) {
      replyTo(null);
    }
  });

  return {
    element: h("div", { class: "chat-composer" }, closedNote, form),
    replyTo,
    focus: () => input.focus(),
    destroy: () => clearInterval(timer),
    setSettings(next, isExempt) {
      settings = { ...settings, ...next };
      exempt = isExempt;
      length.setLimit(settings.max_message_length);
      if (!settings.slow_mode || exempt) cooldown(0);
    },
    setClosed(text) {
      closedNote.hidden = !text;
      closedNote.textContent = text || "";
      form.hidden = Boolean(text);
    },
  };
}
