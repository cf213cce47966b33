// Lobby lists: a titled section of party cards loaded from one API listing, with empty and
// error states.

import * as api from "../api.js";
import { h, replace } from "../dom.js";
import { nameOf } from "../names.js";
import { openReportForm } from "../report_form.js";

const STATUS = { live: "Live", paused: "Paused", scheduled: "Not started", ended: "Ended" };

function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

/** A "☆ Favorite" button: adds the party to your favorites (seen on the Library page). */
function favoriteButton(party) {
  const button = h("button", { type: "button", class: "secondary small favorite", "aria-label": `Add ${party.title} to favorites` }, "☆ Favorite");
  button.addEventListener("click", async () => {
    try {
      await api.post("/api/users/favorites/add/", { content_type: "party", content_id: party.id });
      button.textContent = "★ Favorite";
      button.disabled = true;
    } catch {
      button.textContent = "Could not add";
    }
  });
  return button;
}

/** "Report" on someone else's party: the inline form opens at the foot of its card. */
function reportParty(party) {
  const slot = h("div", { class: "report-slot" });
  const open = (event) => openReportForm(slot, { contentType: "party", contentId: party.id, what: `“${party.title}”` }, event.currentTarget);
  return [h("button", { type: "button", class: "secondary small", "aria-label": `Report ${party.title}`, onclick: open }, "Report"), slot];
}

/** One party as a card: title linking to its room, host, status, people online (not once ended). */
export function partyCard(party, me) {
  const online = party.online_count || 0;
  const mine = me && party.host?.id === me.id;
  const status = party.status === "scheduled" && party.scheduled_start ? `Starts ${when(party.scheduled_start)}` : STATUS[party.status] || party.status;
  return h(
    "li",
    { class: `party-card card status-${party.status}`, dataset: { partyId: party.id } },
    h("h3", { class: "party-title" }, h("a", { href: `/party/${party.id}` }, party.title)),
    h("p", { class: "party-host muted" }, mine ? "Hosted by you" : `Hosted by ${nameOf(party.host, "someone")}`),
    party.group_name ? h("p", { class: "party-group muted" }, `For the group ${party.group_name}`) : null,
    h(
      "p",
      { class: "party-meta" },
      h("span", { class: `badge badge-${party.status}` }, status),
      party.visibility === "private" ? h("span", { class: "badge" }, "Private") : null,
      // An ended party has nobody watching to count: its "Ended" badge says it all.
      party.status === "ended" ? null : h("span", { class: `online${online ? " watched" : ""}` }, online === 1 ? "1 watching" : `${online} watching`),
    ),
    me ? favoriteButton(party) : null,
    me && !mine ? reportParty(party) : null,
  );
}

/**
 * A lobby section listing parties from `path`; returns {element, load}. `load()` (re)fetches
 * and re-renders; the first load shows "Loading…", later ones keep the old cards until done.
 */
export function partySection({ id, title, path, empty, me, hideEmpty = false }) {
  const list = h("div", { class: "party-list", "aria-busy": "true" }, h("p", { class: "muted" }, "Loading…"));
  const element = h("section", { class: "lobby-section", id, "aria-labelledby": `${id}-title`, hidden: hideEmpty }, h("h2", { id: `${id}-title` }, title), list);

  // Resolves when the list is drawn (never rejects: failures are drawn too).
  async function load() {
    list.setAttribute("aria-busy", "true");
    try {
      const page = await api.get(path);
      const parties = page.results || [];
      element.hidden = hideEmpty && !parties.length; // a section that only shows when it has some
      if (!parties.length) replace(list, h("p", { class: "empty muted" }, empty));
      else replace(list, h("ul", { class: "party-grid" }, parties.map((p) => partyCard(p, me))));
    } catch (error) {
      replace(
        list,
        h("p", { class: "status error" }, error.describe ? error.describe() : "Could not load this list."),
        h("button", { type: "button", class: "secondary", onclick: load }, "Try again"),
      );
    } finally {
      list.setAttribute("aria-busy", "false");
    }
  }

  return { element, load };
}
