// The header's search box: a search landmark between the brand and the nav; submitting it
// opens /search?q=… (views/search.js), which shows grouped results and, with no words, Discover.

import { h } from "./dom.js";
import { navigate } from "./router.js";

/** Put the search box before `nav` in the header; it shows the words of the page it opened. */
export function mountSearch(nav) {
  const input = h("input", { type: "search", name: "q", maxlength: "200", placeholder: "Search", "aria-label": "Search Watchparty", autocomplete: "off" });
  const form = h("form", { class: "site-search", role: "search", "aria-label": "Site" }, input,
    h("button", { type: "submit", class: "secondary" }, "Go"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
  });
  const sync = () => {
    if (location.pathname === "/search") input.value = new URLSearchParams(location.search).get("q") || "";
  };
  window.addEventListener("popstate", sync);
  sync();
  nav.before(form);
  return { input };
}
