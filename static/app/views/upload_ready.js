// Upload view, the end of it: start a party with the ready video (the lobby's visibility
// choice), and bring that outcome into view, since it lands below the fold of a long form.

import { h, say } from "../dom.js";
import { navigate } from "../router.js";
import { busy } from "./forms.js";
import { startParty, visibilityField } from "./party_form.js";

/** The next step once the video is ready: a visibility choice and "Start a party"; {element, start}. */
export function readyActions(result, status) {
  // The lobby's choice; a private video starts a private party unless the person says otherwise.
  const visibility = visibilityField(result.video?.visibility === "private" ? "private" : "public");
  const start = h("button", { type: "submit" }, "Start a party with this video");
  const again = h("button", { type: "button", class: "secondary", onclick: () => navigate("/upload", { replace: true }) }, "Upload another");
  const form = h("form", { class: "form-stack ready-form", "aria-label": "Start a party" }, visibility, h("div", { class: "row ready-actions" }, start, again));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { title: result.video?.title || "Watch party", video_id: result.video_id, visibility: form.elements.visibility.value };
    busy(start, async () => {
      try {
        await startParty(body);
      } catch (error) {
        say(status, error.describe ? error.describe() : String(error), "error");
      }
    }, "Starting…");
  });
  return { element: form, start };
}

/** Bring the outcome (status and next step) into view; focus `target` unless focus is elsewhere. */
export function reveal(card, element, target) {
  const active = document.activeElement;
  const idle = !active || [document.body, document.getElementById("app")].includes(active) || card.contains(active);
  if (target && idle) target.focus({ preventScroll: true });
  const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "end", behavior: calm ? "auto" : "smooth" });
}
