// The "New poll" form for hosts and moderators: a question, 2–10 options, a duration.

import { h, say } from "../dom.js";
import { describeAck } from "../api.js";

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 10;
const DURATIONS = [
  [30, "30 seconds"],
  [60, "1 minute"],
  [120, "2 minutes"],
  [300, "5 minutes"],
  [600, "10 minutes"],
  [1800, "30 minutes"],
];

/**
 * Build the form; `create({question, options, duration})` resolves with the socket ack.
 * Returns the element (a disclosure button and the form it opens).
 */
export function createPollForm(partyId, create) {
  const id = (name) => `poll-${name}-${partyId}`;
  const question = h("input", { id: id("question"), name: "question", required: true, maxlength: "500", autocomplete: "off" });
  const options = h("ol", { class: "poll-form-options" });
  const duration = h("select", { id: id("duration"), name: "duration" },
    DURATIONS.map(([seconds, text]) => h("option", { value: String(seconds), selected: seconds === 300 ? "selected" : false }, text)));
  const addButton = h("button", { type: "button", class: "secondary", onclick: () => addOption(true) }, "Add option");
  const submit = h("button", { type: "submit" }, "Start poll");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const form = h("form", { class: "poll-form", id: id("form"), hidden: true, onsubmit },
    h("label", { for: question.id }, "Question"), question,
    h("fieldset", {}, h("legend", {}, "Options"), options, addButton),
    h("label", { for: duration.id }, "Open for"), duration,
    h("div", { class: "row" }, submit, h("button", { type: "button", class: "secondary", onclick: () => toggle(false) }, "Cancel")),
    status);
  const opener = h("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": form.id, onclick: () => toggle(form.hidden) }, "New poll");

  function renumber() {
    const rows = [...options.children];
    rows.forEach((row, i) => {
      const input = row.querySelector("input");
      const label = row.querySelector("label");
      input.id = id(`option-${i}`);
      label.htmlFor = input.id;
      label.textContent = `Option ${i + 1}`;
      const remove = row.querySelector("button");
      remove.setAttribute("aria-label", `Remove option ${i + 1}`);
      remove.disabled = rows.length <= MIN_OPTIONS;
    });
    addButton.disabled = rows.length >= MAX_OPTIONS;
  }

  function addOption(focus) {
    if (options.children.length >= MAX_OPTIONS) return;
    const input = h("input", { name: "option", required: true, maxlength: "200", autocomplete: "off" });
    const row = h("li", { class: "poll-form-option" }, h("label", {}), h("div", { class: "row" }, input,
      h("button", { type: "button", class: "link", onclick: () => removeOption(row) }, "✕")));
    options.append(row);
    renumber();
    if (focus) input.focus();
  }

  function removeOption(row) {
    if (options.children.length <= MIN_OPTIONS) return;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    next?.querySelector("input")?.focus();
  }

  function reset() {
    form.reset();
    options.replaceChildren();
    for (let i = 0; i < MIN_OPTIONS; i += 1) addOption(false);
    say(status, "");
  }

  function toggle(open) {
    form.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
    if (open) question.focus();
    else opener.focus();
  }

  async function onsubmit(event) {
    event.preventDefault();
    const texts = [...options.querySelectorAll("input")].map((input) => input.value.trim());
    if (!question.value.trim() || texts.some((text) => !text)) {
      say(status, "Fill in the question and every option (or remove the empty ones).", "error");
      return;
    }
    submit.disabled = true;
    const ack = await create({ question: question.value.trim(), options: texts, duration: Number(duration.value) });
    submit.disabled = false;
    if (!ack.ok) {
      say(status, describeAck(ack, "The poll was not created."), "error");
      return;
    }
    reset();
    toggle(false);
  }

  reset();
  return h("div", { class: "poll-new" }, opener, form);
}
