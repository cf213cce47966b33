// Telling you when your own part in the room changes: made a moderator or the host, or no
// longer, and above all whether you can now control playback (a role change, or the host
// changing who may). A short notice over the page, announced to screen readers.

import { h } from "../dom.js";

const SHOW_MS = 8000;
const BECAME = { host: "You are now the host.", moderator: "You are now a moderator." };
const LEFT = { host: "You are no longer the host.", moderator: "You are no longer a moderator." };

/** Watch `ctx` for changes of your role and control; returns {element, destroy()}. */
export function roleNotice(ctx) {
  // The live region stays in the page (an inserted one is often not announced); empty, the
  // notice takes no room. The button sits beside it, so it is not read out as news.
  const text = h("p", { class: "role-notice-text", role: "status", "aria-live": "polite" });
  const close = h("button", { type: "button", class: "link", "aria-label": "Dismiss", hidden: true, onclick: () => hide() }, "✕");
  const element = h("div", { class: "role-notice" }, text, close);
  let seen = null; // {role, control} once the first snapshot is in
  let timer = null;

  function hide() {
    clearTimeout(timer);
    text.textContent = "";
    close.hidden = true;
  }

  function show(message) {
    clearTimeout(timer);
    text.textContent = message;
    close.hidden = false;
    timer = setTimeout(hide, SHOW_MS);
  }

  function check() {
    if (!ctx.party || !ctx.participants.length) return;
    const now = { role: ctx.role(), control: ctx.canControl() };
    if (seen && (now.role !== seen.role || now.control !== seen.control)) {
      const role = now.role === seen.role ? null : BECAME[now.role] || LEFT[seen.role];
      const control = now.control === seen.control ? null : now.control ? "You can now control playback." : "You can no longer control playback.";
      show([role, control].filter(Boolean).join(" "));
    }
    seen = now;
  }

  const offs = [ctx.on("participants", check), ctx.on("party", check)];
  return {
    element,
    destroy() {
      clearTimeout(timer);
      offs.forEach((off) => off());
    },
  };
}
