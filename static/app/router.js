// A small History-API router: paths map to views; same-origin links navigate without a reload.

import * as session from "./session.js";

const routes = [];
let cleanup = null;
let outlet = null;
let renders = 0; // a slow view must not install its cleanup over a newer one's
let shown = null; // path + query of the view on screen: a #fragment change keeps it

/** Register a view for a path pattern such as "/party/:id". */
export function route(pattern, view, { auth = true } = {}) {
  const names = [];
  const regex = new RegExp(
    `^${pattern.replace(/:(\w+)/g, (_, name) => {
      names.push(name);
      return "([^/]+)";
    })}/?$`,
  );
  routes.push({ regex, names, view, auth });
}

/** Go to `path` (pushes history unless `replace`), then render its view. */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState({}, "", path);
  else history.pushState({}, "", path);
  render();
}

function matchRoute(pathname) {
  for (const r of routes) {
    const match = pathname.match(r.regex);
    if (!match) continue;
    try {
      return { r, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
    } catch {
      return null; // a malformed %-escape: no such page
    }
  }
  return null;
}

/** Render the view for the current location into the outlet. */
export async function render() {
  const token = ++renders;
  const { pathname, search } = location;
  shown = pathname + search;
  const found = matchRoute(pathname);
  if (typeof cleanup === "function") cleanup();
  cleanup = null;
  outlet.replaceChildren();
  if (!found) {
    outlet.append(document.createTextNode("Page not found."));
    return;
  }
  const params = { ...found.params, query: new URLSearchParams(search) };
  if (found.r.auth && !session.current()) {
    navigate(`/signin?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    return;
  }
  let result = null;
  try {
    result = await found.r.view(outlet, params);
  } catch (error) {
    console.error(error);
    if (token === renders) outlet.replaceChildren(document.createTextNode("Something went wrong. Reload the page."));
    return;
  }
  if (token !== renders) {
    if (typeof result === "function") result();
    return;
  }
  cleanup = result || null;
  outlet.focus({ preventScroll: true });
}

/** Start routing into `element`. */
export function start(element) {
  outlet = element;
  window.addEventListener("popstate", () => {
    if (location.pathname + location.search !== shown) render(); // not for a #fragment
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin) return;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    if (link.pathname.startsWith("/api/") || link.hasAttribute("download")) return;
    if (link.hash && link.pathname + link.search === shown) return; // an in-page #fragment
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
  render();
}
