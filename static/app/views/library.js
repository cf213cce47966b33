// View: library — what you watched (from the player and from parties; delete one or clear all)
// and your favorite videos and parties (open or remove them). Video titles open /videos/:id.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { statusRegion } from "./forms.js";

function minutes(seconds) {
  const m = Math.round(seconds / 60);
  return m < 1 ? "under a minute" : `${m} min`;
}

/** A favorite opens its party or video page; a history entry its video's page, else its party. */
function linkTo(item) {
  if (item.content_type) return `/${item.content_type === "party" ? "party" : "videos"}/${item.content_id}`;
  if (item.video_id) return `/videos/${item.video_id}`;
  return item.party_id ? `/party/${item.party_id}` : null;
}

/** A history entry of a video watched in a party also links that party. */
function partyLink(item) {
  return item.video_id && item.party_id ? h("a", { class: "small", href: `/party/${item.party_id}`, "aria-label": `The party ${item.title} was watched in` }, "Party") : null;
}

/** Route view: /library */
export async function library(outlet) {
  const status = statusRegion();
  const watched = h("ul", { class: "people-list", "aria-label": "Watch history" });
  const liked = h("ul", { class: "people-list", "aria-label": "Favorites" });
  const clear = h("button", { type: "button", class: "danger small" }, "Clear history");
  const row = (item, text, remove) => {
    const href = linkTo(item);
    return h("li", { class: "person-row" }, href ? h("a", { class: "person-name", href }, item.title) : h("span", { class: "person-name" }, item.title), h("span", { class: "muted" }, text), partyLink(item), h("button", { type: "button", class: "secondary small", onclick: remove, "aria-label": `Remove ${item.title}` }, "Remove"));
  };
  outlet.append(
    h("div", { class: "friends-page" },
      h("h1", {}, "Library"),
      status,
      h("section", { class: "panel" }, h("h2", {}, "Favorites"), liked),
      h("section", { class: "panel" }, h("div", { class: "row" }, h("h2", {}, "Watch history"), clear), watched),
    ),
  );
  async function act(promise, done) {
    try {
      await promise;
      say(status, done, "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
    load();
  }
  async function load() {
    const [history, favorites] = await Promise.all([api.get("/api/users/watch-history/?page_size=100"), api.get("/api/users/favorites/?page_size=100")]).catch(() => [{ results: [] }, { results: [] }]);
    replace(watched, history.results.map((e) => row(e, `${minutes(e.seconds)} · ${new Date(e.last_watched_at).toLocaleDateString()}`, () => act(api.request("DELETE", `/api/users/watch-history/${e.id}/`), `${e.title} removed from your history.`))));
    if (!history.results.length) watched.append(h("li", { class: "muted" }, "Nothing watched yet."));
    replace(liked, favorites.results.map((f) => row(f, f.content_type === "party" ? "Party" : "Video", () => act(api.request("DELETE", `/api/users/favorites/${f.id}/remove/`), `${f.title} removed from your favorites.`))));
    if (!favorites.results.length) liked.append(h("li", { class: "muted" }, "No favorites yet: use ☆ Favorite on a party."));
  }
  clear.addEventListener("click", () => act(api.request("DELETE", "/api/users/watch-history/"), "Your watch history is cleared."));
  await load();
}
