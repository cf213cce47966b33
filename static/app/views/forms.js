// Form building blocks shared by the account, lobby and upload views: labelled fields with their
// own error slot, the server's field errors placed beside them, and buttons that never stay stuck.

import { formValues, h, say } from "../dom.js";

let counter = 0;

/** A labelled control with an error slot: field("Email", h("input", {name: "email"}), "hint"). */
export function field(label, control, hint) {
  counter += 1;
  const id = control.id || `f-${control.name || "field"}-${counter}`;
  control.id = id;
  const error = h("p", { class: "field-error", id: `${id}-error`, "aria-live": "polite" });
  const described = [hint ? `${id}-hint` : null, error.id].filter(Boolean).join(" ");
  control.setAttribute("aria-describedby", described);
  return h(
    "div",
    { class: "form-field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    control,
    error,
  );
}

/** A polite status region for a form or section. */
export function statusRegion() {
  return h("p", { class: "status", role: "status", "aria-live": "polite" });
}

/** Forget every field error shown in `form`. */
export function clearErrors(form) {
  for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
}

/**
 * Show the server's per-field errors beside their controls; the first invalid control gets
 * focus so keyboard and screen-reader users land on the problem. Returns the problems that
 * have no field here (to be shown with the form's message).
 */
export function showErrors(form, errors = {}) {
  const unplaced = [];
  for (const [name, problems] of Object.entries(errors || {})) {
    const text = [problems].flat().join(" ");
    const control = form.elements.namedItem(name);
    const slot = control?.id && form.querySelector(`#${CSS.escape(control.id)}-error`);
    if (!slot) {
      unplaced.push(text);
      continue;
    }
    slot.textContent = text;
    control.setAttribute("aria-invalid", "true");
  }
  // The server's order is not the page's: focus the first invalid field on the page.
  form.querySelector('[aria-invalid="true"]')?.focus();
  return unplaced;
}

/**
 * Show an API error: field errors beside their fields, the server's message in `status`. When
 * the problems sit beside their fields, the general line points there rather than repeating
 * them (or the API's "check the fields in `errors`", written for programmers).
 */
export function showApiError(form, status, error) {
  if (!error?.errors) {
    say(status, String(error?.message || error), "error");
    return;
  }
  const all = Object.values(error.errors).map((problems) => [problems].flat().join(" "));
  const unplaced = form ? showErrors(form, error.errors) : all;
  if (unplaced.length === all.length) {
    say(status, error.describe(), "error");
    return;
  }
  const general = error.code === "validation_error" ? "Please fix the fields marked above." : error.message;
  const repeated = all.includes(general) && !unplaced.includes(general);
  say(status, [repeated ? "" : general, ...unplaced].join(" ").trim(), "error");
}

/**
 * Run `work()` with `button` disabled and marked busy; always re-enabled afterwards, so a
 * failure never leaves a dead button behind.
 */
export async function busy(button, work, busyText) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  if (busyText) button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    if (busyText) button.textContent = label;
  }
}

/**
 * Handle a form's submit: clear the last errors, run `act(values)` with `button` busy, and show
 * a failure's message and field errors; `onError(error)` runs after that when given.
 */
export function onSubmit(form, { button, status, busyText, onError }, act) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    say(status, "");
    const values = formValues(form);
    await busy(
      button,
      async () => {
        try {
          await act(values);
        } catch (error) {
          showApiError(form, status, error);
          onError?.(error);
        }
      },
      busyText,
    );
  });
}

/** A path from a `next` query parameter, only when it stays on this site; else `fallback`. */
export function safeNext(query, fallback = "/") {
  const next = query?.get("next") || "";
  if (!next.startsWith("/")) return fallback;
  let url;
  try {
    url = new URL(next, location.origin); // "//host" and "/\\host" resolve to other origins
  } catch {
    return fallback;
  }
  if (url.origin !== location.origin || url.pathname.startsWith("/signin")) return fallback;
  return url.pathname + url.search;
}
