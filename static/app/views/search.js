// View: /search?q=&type= — global search: type tabs with counts, results grouped by type; with
// no words, Discover (featured videos, trending parties, recommendations, popular categories).

import * as api from "../api.js";
import { h } from "../dom.js";
import { navigate } from "../router.js";

const TABS = [["all", "All"], ["videos", "Videos"], ["parties", "Parties"], ["users", "People"], ["creators", "Creators"], ["posts", "Posts"]];
const HEADINGS = Object.fromEntries(TABS);

function link(kind, hit) {
  const href = { videos: `/videos/${hit.id}`, parties: `/party/${hit.id}`, users: `/users/${hit.id}`, creators: `/creators/${hit.id}`, posts: `/creators/${hit.creator_id}` }[kind];
  return h("a", { href }, hit.title || hit.username || "Untitled");
}

function detail(kind, hit) {
  if (kind === "videos") return hit.owner ? `by ${hit.owner}` : "";
  if (kind === "parties") return `hosted by ${hit.host} · ${hit.participants_count} in · ${hit.status}`;
  if (kind === "creators") return hit.bio || "";
  if (kind === "posts") return hit.locked ? "For subscribers" : (hit.text || "").slice(0, 140);
  return hit.display_name || "";
}

function group(kind, hits) {
  const id = `search-${kind}`;
  return h("section", { class: "card search-group", "aria-labelledby": id }, h("h2", { id }, HEADINGS[kind]),
    h("ul", { class: "search-hits", "aria-label": HEADINGS[kind] },
      ...hits.map((hit) => h("li", {}, link(kind, hit), h("span", { class: "muted" }, detail(kind, hit))))));
}

function tabs(q, current, counts) {
  return h("div", { class: "search-tabs", role: "group", "aria-label": "Result types" },
    ...TABS.map(([type, label]) => {
      const count = type === "all" ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[type] || 0;
      return h("button", { type: "button", class: type === current ? "" : "secondary", "aria-pressed": String(type === current),
        onclick: () => navigate(`/search?q=${encodeURIComponent(q)}&type=${type}`) }, `${label} (${count})`);
    }));
}

async function results(page, q, type) {
  let found;
  try {
    found = await api.get(`/api/search/?q=${encodeURIComponent(q)}&type=${encodeURIComponent(type)}`);
  } catch (error) {
    page.append(h("p", { class: "status error", role: "alert" }, error.message || "Search failed."));
    return;
  }
  page.append(tabs(q, type, found.facets.types),
    h("p", { class: "muted", role: "status" }, `${found.total_results} results for “${found.query}”`));
  for (const [kind, hits] of Object.entries(found.results)) {
    if (hits.length) page.append(group(kind, hits));
  }
}

async function discover(page) {
  const found = await api.get("/api/search/discover/");
  const section = (title, items, render) => h("section", { class: "card search-group", "aria-label": title }, h("h2", {}, title),
    items.length ? h("ul", { class: "search-hits" }, ...items.map((item) => h("li", {}, render(item)))) : h("p", { class: "muted" }, "Nothing yet."));
  page.append(h("h2", {}, "Discover"),
    section("Featured videos", found.featured_videos, (v) => link("videos", v)),
    section("Trending parties", found.trending_parties, (p) => link("parties", p)),
    section("Recommended", found.recommended_content, (r) => h("span", {}, link(r.type === "party" ? "parties" : "videos", r), h("span", { class: "muted" }, ` ${r.reason}`))),
    section("Popular categories", found.popular_categories, (c) => h("span", {}, `${c.name} (${c.count})`)));
}

/** Route view: /search (open to everyone; what each caller finds is what they may see). */
export async function searchPage(outlet, { query }) {
  const q = (query.get("q") || "").trim();
  const type = TABS.some(([t]) => t === query.get("type")) ? query.get("type") : "all";
  const page = h("div", { class: "search-page" }, h("h1", {}, q ? "Search" : "Discover"));
  outlet.append(page);
  await (q ? results(page, q, type) : discover(page));
}
