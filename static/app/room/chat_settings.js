// The host's and party moderators' "Chat filter": the party's blocked words (chat settings'
// `blocked_words`), added and removed locally, then saved with one PATCH. Guests never see it;
// the server refuses a message holding one of the words (`blocked_word`).

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { uid } from "../sockets.js";

/** Build the control; returns {element, update(settings), destroy()}. Hidden until update()
 * finds the viewer is the host or a moderator. */
export function createChatFilter(ctx) {
  const id = `filter-word-${uid()}`;
  const words = h("ul", { class: "chat-filter-words", "aria-label": "Blocked words" });
  const input = h("input", { id, name: "word", type: "text", autocomplete: "off", placeholder: "a word" });
  const add = h("form", { class: "chat-filter-add row" }, h("label", { for: id }, "Add a word"), input,
    h("button", { type: "submit", class: "secondary small" }, "Add"));
  const save = h("button", { type: "button", class: "primary small chat-filter-save" }, "Save filter");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const element = h("details", { class: "chat-filter", hidden: true },
    h("summary", {}, "Chat filter"),
    h("p", { class: "muted" }, "Messages containing these words (whole words, any case) are refused."),
    words, add, h("div", { class: "row" }, save), status);
  let saved = [];
  let draft = [];
  let busy = false;

  const dirty = () => draft.join("\n") !== saved.join("\n");
  function render() {
    replace(words, draft.length
      ? draft.map((word) => h("li", {}, h("span", { class: "chat-filter-word" }, word),
          h("button", { type: "button", class: "link", "aria-label": `Remove ${word}`, onclick: () => {
            draft = draft.filter((w) => w !== word);
            render();
          } }, "Remove")))
      : h("li", { class: "muted" }, "No words yet."));
    save.disabled = busy || !dirty();
  }

  add.addEventListener("submit", (event) => {
    event.preventDefault();
    const word = input.value.trim();
    if (!word) return say(status, "Type a word to add.", "error");
    if (!draft.some((w) => w === word.toLowerCase())) draft = [...draft, word];
    input.value = "";
    say(status, "");
    render();
    input.focus();
  });
  save.addEventListener("click", async () => {
    busy = true;
    render();
    say(status, "Saving…");
    try {
      const current = await api.patch(`/api/chat/${ctx.partyId}/settings/`, { blocked_words: draft });
      saved = draft = [...(current.blocked_words || [])];
      say(status, "Filter saved.");
    } catch (error) {
      say(status, error.describe ? error.describe() : "The filter could not be saved.", "error");
    }
    busy = false;
    render();
  });

  return {
    element,
    /** New settings (the join ack or a `settings` broadcast): show them unless mid-edit. */
    update(settings) {
      element.hidden = !ctx.isModerator();
      const next = [...(settings?.blocked_words || saved)];
      if (!dirty() && !busy) draft = [...next];
      saved = next;
      render();
    },
    destroy() {
      element.remove();
    },
  };
}
