// A staff list page: a filter form (search and selects), a table of one page of results with a
// delete (confirmed in place) on each row, and previous/next. Videos and parties use it.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { field, statusRegion } from "../forms.js";
import { confirmButton } from "../group_members.js";
import { isAdmin, staffNav } from "./nav.js";
import { pager } from "./pager.js";

const PAGE_SIZE = 20;

function select(name, options) {
  return h("select", { name }, h("option", { value: "" }, "Any"), options.map((value) => h("option", { value }, value)));
}

/**
 * listing(outlet, {current, title, endpoint, filters: [[name, label, options?]], columns:
 * [[label, row => text or node]], name: row => text, remove: row => path, removed: text})
 */
export async function listing(outlet, spec) {
  const status = statusRegion();
  const summary = h("p", { class: "muted" });
  const tbody = h("tbody");
  const table = h("table", { class: "staff-table" }, h("thead", {}, h("tr", {}, [...spec.columns.map(([label]) => h("th", { scope: "col" }, label)), h("th", { scope: "col" }, "Actions")])), tbody);
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const form = h(
    "form",
    { class: "staff-filters", role: "search", "aria-label": `Filter ${spec.title.toLowerCase()}` },
    spec.filters.map(([name, label, options]) => field(label, options ? select(name, options) : h("input", { name, type: "search", maxlength: 100 }))),
    h("button", { type: "submit" }, "Filter"),
  );
  outlet.append(h("div", { class: "staff-page" }, staffNav(spec.current), h("h1", {}, spec.title), form, status, summary, table, h("div", { class: "staff-pager" }, prev, next)));
  if (!isAdmin()) {
    say(status, "Only administrators can manage this.", "error");
    form.hidden = table.hidden = prev.hidden = next.hidden = true;
    return;
  }
  async function remove(row) {
    try {
      await api.request("DELETE", spec.remove(row));
      say(status, spec.removed(row), "ok");
      await load();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  }

  function rowOf(item) {
    const cells = spec.columns.map(([label, value]) => h("td", { "data-label": label }, value(item)));
    const name = spec.name(item);
    const del = confirmButton("Delete", `Delete “${name}”?`, () => remove(item), `Delete ${name}`);
    return h("tr", { "data-id": item.id }, cells, h("td", { "data-label": "Actions" }, del));
  }

  const load = pager({
    form, prev, next, summary, status,
    empty: "Nothing matches.",
    failed: "Could not load the list.",
    show: (results) => replace(tbody, results.map(rowOf)),
    fetchPage: (page) => {
      const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
      for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) query.set(key, String(value).trim());
      return api.get(`${spec.endpoint}?${query}`);
    },
  });
  await load();
}
