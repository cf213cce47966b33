// Joining a party by room code (the lobby's form) or by link (/join/:code: an invite code, or a
// room code shared as a link).

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { navigate } from "../router.js";
import { field, onSubmit, statusRegion } from "./forms.js";

const PENDING_TEXT = "Your request to join awaits the host's approval. You can open the party once they let you in.";

/** Whether a join answer left us waiting for the host's approval. */
export function isPending(result) {
  return result?.participant?.status === "pending";
}

/** Join with a 6-character room code; resolves with the join answer or throws ApiError. */
export function joinByCode(code) {
  return api.post("/api/parties/join-by-code/", { code: code.trim().toUpperCase() });
}

/** The lobby's "join by code" form. */
export function codeForm() {
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Join");
  const code = h("input", {
    name: "code",
    required: true,
    minLength: 6,
    maxLength: 6,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    class: "code-input",
    placeholder: "ABC234",
  });
  const form = h(
    "form",
    { class: "form-stack", "aria-labelledby": "code-title" },
    field("Room code", code, "6 letters and digits, from the host."),
    status,
    h("div", { class: "row" }, button),
  );
  onSubmit(form, { button, status, busyText: "Joining…" }, async (values) => {
    const result = await joinByCode(values.code);
    if (isPending(result)) say(status, PENDING_TEXT, "info");
    else navigate(`/party/${result.party.id}`);
  });
  return form;
}

async function joinByLink(code) {
  try {
    return await api.post("/api/parties/join-by-invite/", { invite_code: code });
  } catch (error) {
    if (error.status !== 404) throw error;
    // Not an invite code: a room code shared as a link works too. Unknown as both: say so.
    try {
      return await joinByCode(code);
    } catch (second) {
      throw second.status === 404 ? error : second;
    }
  }
}

/** Route view: /join/:code — join, then open the room in place of this page. */
export function join(outlet, { code }) {
  // Not awaited: the router must finish rendering this view before we navigate away from it.
  joinThenOpen(outlet, code);
}

async function joinThenOpen(outlet, code) {
  const here = location.pathname;
  const title = h("h1", {}, "Joining the party…");
  const status = statusRegion();
  const back = h("p", { class: "join-back", hidden: true }, h("a", { href: "/" }, "Back to the lobby"));
  outlet.append(h("section", { class: "card join-card", "aria-labelledby": "join-title" }, title, status, back));
  title.id = "join-title";
  say(status, "Checking your invitation…");
  let result;
  try {
    result = await joinByLink(code);
  } catch (error) {
    title.textContent = "Could not join";
    say(status, error.describe ? error.describe() : "Could not join this party.", "error");
    back.hidden = false;
    return;
  }
  if (isPending(result)) {
    title.textContent = result.party?.title || "Waiting for approval";
    say(status, PENDING_TEXT, "info");
    back.hidden = false;
    return;
  }
  // Only if the person is still waiting here (not gone elsewhere meanwhile).
  if (location.pathname === here) navigate(`/party/${result.party.id}`, { replace: true });
}
