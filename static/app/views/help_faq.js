// The help centre's FAQ: category buttons, a search, and entries that open in place (the read
// is counted) with "Helpful" / "Not helpful" votes for signed-in people.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import * as session from "../session.js";

export const SUPPORT = "/api/support/";

function counts(faq) {
  return `${faq.helpful} found this helpful · ${faq.not_helpful} did not`;
}

function voteButtons(faq, status) {
  const tally = h("span", { class: "muted faq-tally" }, counts(faq));
  const buttons = [];
  const cast = async (helpful) => {
    try {
      const saved = await api.post(`${SUPPORT}faq/${faq.id}/vote/`, { helpful });
      tally.textContent = counts(saved);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.helpful === String(saved.my_vote))));
      say(status, "Thanks for your vote.", "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "The vote did not count.", "error");
    }
  };
  for (const [helpful, label] of [[true, "Helpful"], [false, "Not helpful"]]) {
    buttons.push(h("button", {
      type: "button", class: "secondary small", dataset: { helpful: String(helpful) },
      "aria-pressed": String(faq.my_vote === helpful), onclick: () => cast(helpful),
    }, label));
  }
  const voting = session.user() ? buttons : [h("a", { href: "/signin?next=/help" }, "Sign in to vote")];
  return h("div", { class: "row faq-votes", role: "group", "aria-label": `Was “${faq.question}” helpful?` }, h("span", {}, "Was this helpful?"), voting, tally);
}

function faqItem(faq, status) {
  const body = h("div", { class: "faq-body" }, h("p", { class: "faq-answer" }, faq.answer), voteButtons(faq, status));
  const item = h("details", { class: "faq-item", dataset: { faq: faq.id } },
    h("summary", {}, h("span", { class: "faq-question" }, faq.question), h("span", { class: "badge" }, faq.category.name)),
    body);
  let counted = false;
  item.addEventListener("toggle", () => {
    if (!item.open || counted) return;
    counted = true;
    api.get(`${SUPPORT}faq/${faq.id}/view/`).catch(() => {});
  });
  return item;
}

/** The FAQ panel: categories, a search box and the entries; returns {panel, load}. */
export function faqPanel(status) {
  const list = h("div", { class: "faq-list", role: "list", "aria-label": "Questions" });
  const chips = h("div", { class: "row faq-categories", role: "group", "aria-label": "Categories" });
  const query = h("input", { type: "search", name: "search", maxlength: "200", "aria-label": "Search the FAQ", placeholder: "How do I…" });
  const form = h("form", { class: "row search faq-search", role: "search" }, query, h("button", { type: "submit" }, "Search"));
  let category = "";

  async function load() {
    const params = new URLSearchParams({ page_size: "100" });
    if (category) params.set("category", category);
    if (query.value.trim()) params.set("search", query.value.trim());
    try {
      const page = await api.get(`${SUPPORT}faq/?${params}`);
      replace(list, page.results.map((f) => h("div", { role: "listitem" }, faqItem(f, status))));
      if (!page.results.length) list.append(h("p", { class: "muted" }, "No question matches. Ask us below."));
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load the FAQ.", "error");
    }
  }

  function chip(slug, label) {
    return h("button", {
      type: "button", class: "secondary small", "aria-pressed": String(slug === category),
      onclick: (event) => {
        category = slug;
        chips.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === event.currentTarget)));
        load();
      },
    }, label);
  }

  async function loadCategories() {
    const cats = await api.get(`${SUPPORT}faq/categories/`).catch(() => []);
    replace(chips, chip("", "All"), cats.map((c) => chip(c.slug, c.name)));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  const panel = h("section", { class: "panel help-faq" }, h("h2", {}, "Frequently asked questions"), form, chips, list);
  return { panel, load: () => Promise.all([loadCategories(), load()]) };
}
