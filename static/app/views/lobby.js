// View: the lobby — notices, join by code, start a party, and the party lists.

import { h } from "../dom.js";
import { navigate } from "../router.js";
import * as session from "../session.js";
import { codeForm } from "./join.js";
import { partyForm } from "./party_form.js";
import { partySection } from "./party_list.js";

const REFRESH_MS = 30_000;
const NOTICE_TTL_MS = 10_000;

// The room says why it closed ("You were removed…") right after navigating here, possibly before
// this view is on screen: keep the latest notice briefly so the lobby can show it when it mounts.
let showNotice = null;
let pending = null;
window.addEventListener("watchparty:notice", (event) => {
  const text = String(event.detail ?? "");
  if (showNotice) showNotice(text);
  else pending = { text, at: Date.now() };
});

function takePending() {
  const notice = pending;
  pending = null;
  return notice && Date.now() - notice.at < NOTICE_TTL_MS ? notice.text : null;
}

function action(id, title, body, area) {
  return h("section", { class: `card lobby-action ${area}`, "aria-labelledby": id }, h("h2", { id }, title), body);
}

/** The notice line: a polite status and, beside it, a Dismiss button; {element, show(text)}. */
function noticeLine() {
  const text = h("p", { class: "notice-text", role: "status", "aria-live": "polite" });
  const dismiss = h("button", { type: "button", class: "link notice-dismiss", "aria-label": "Dismiss notice", hidden: true, onclick: () => show("") }, "✕");
  const element = h("div", { class: "lobby-notice" }, text, dismiss);
  function show(message) {
    text.textContent = message || "";
    dismiss.hidden = !message;
  }
  return { element, show };
}

/** Route view: / */
export function lobby(outlet) {
  const me = session.user();
  const notice = noticeLine();
  const name = me?.display_name || me?.first_name;
  const sections = [
    partySection({ id: "your-parties", title: "Your parties", path: "/api/parties/recent/?page_size=12", empty: "You have not hosted or joined a party yet. Start one or join with a code.", me }),
    partySection({ id: "public-parties", title: "Live now and public", path: "/api/parties/public/?page_size=12", empty: "No public parties right now. Start one!", me }),
    partySection({ id: "trending-parties", title: "Trending", path: "/api/parties/trending/?page_size=6", empty: "Nothing is trending yet.", me }),
  ];
  // Parties hosted for your groups (private ones too): shown only when there is one.
  const groups = partySection({ id: "group-parties", title: "Your groups' parties", path: "/api/social/groups/parties/?page_size=12", empty: "", me, hideEmpty: true });
  sections.splice(1, 0, groups);
  outlet.append(
    h(
      "div",
      { class: "lobby" },
      h("div", { class: "lobby-head" }, h("h1", {}, name ? `Welcome, ${name}` : "Lobby")),
      notice.element,
      h(
        "div",
        { class: "lobby-body" },
        action("code-title", "Join with a code", codeForm(), "lobby-join"),
        h("div", { class: "lobby-lists" }, sections.map((s) => s.element)),
        action("create-title", "Start a party", partyForm(me), "lobby-create"),
      ),
    ),
  );

  showNotice = notice.show;
  const early = takePending();
  if (early) showNotice(early);

  let mounted = true;
  const loadAll = async () => {
    await Promise.all(sections.map((s) => s.load()));
    // A refused refresh signs the browser out (the session was revoked or expired): sign in again.
    if (mounted && !session.current()) navigate("/signin", { replace: true });
  };
  loadAll();
  const timer = setInterval(() => document.visibilityState === "visible" && loadAll(), REFRESH_MS);
  return () => {
    mounted = false;
    clearInterval(timer);
    showNotice = null;
  };
}
