// Building DOM without HTML strings: every text value becomes a text node, never markup.

/** Create an element: h("button", {class: "x", onclick: fn, "aria-label": "Play"}, "Play"). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key in node && typeof value !== "string") {
      node[key] = value; // properties such as value, checked, disabled
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Append children: nodes as they are, strings and numbers as text nodes, arrays flattened. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace everything inside `node` with `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The value of every named field of a form, as strings (files stay File objects). */
export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) values[key] = value;
  return values;
}

/** Show a message in an aria-live status region; kind is "error", "ok" or "info". */
export function say(region, text, kind = "info") {
  if (!region) return;
  region.className = `status ${kind}`;
  region.textContent = text || "";
}

/** Format seconds as m:ss or h:mm:ss. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return hh ? `${hh}:${String(mm).padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}

/** Copy text to the clipboard; falls back to selecting a field when the API is missing. */
export async function copyText(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (field) {
      field.select();
      return document.execCommand && document.execCommand("copy");
    }
    return false;
  }
}
