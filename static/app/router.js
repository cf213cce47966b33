// A small History-API router: paths map to views; same-origin links navigate without a reload.

import * as session from "./session.js";

const routes = [];
let cleanup = null;
let outlet = null;
let renders = 0; // a slow view must not install its cleanup over a newer one's

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

/** Render the view for the current location into the outlet. */
export async function render() {
  const token = ++renders;
  const { pathname, search } = location;
  const found = routes
    .map((r) => ({ r, match: pathname.match(r.regex) }))
    .find(({ match }) => match);
  if (typeof cleanup === "function") cleanup();
  cleanup = null;
  outlet.replaceChildren();
  if (!found) {
    outlet.append(document.createTextNode("Page not found."));
    return;
  }
  const params = Object.fromEntries(found.r.names.map((n, i) => [n, decodeURIComponent(found.match[i + 1])]));
  params.query = new URLSearchParams(search);
  if (found.r.auth && !session.current()) {
    navigate(`/signin?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    return;
  }
  const result = await found.r.view(outlet, params);
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
  window.addEventListener("popstate", render);
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin) return;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    if (link.pathname.startsWith("/api/") || link.hasAttribute("download")) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
  render();
}
