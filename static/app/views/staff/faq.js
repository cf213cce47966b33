// Staff page /staff/faq: the FAQ editor. Categories and their questions: create, edit in place,
// delete (confirmed); the API's validation errors appear beside the fields they concern. What is
// saved here is what the help centre (/help) shows.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { field, onSubmit, statusRegion } from "../forms.js";
import { confirmButton } from "../group_members.js";
import { isAdmin, staffNav } from "./nav.js";
import { pager } from "./pager.js";

const FAQ = "/api/support/faq/";
const CATEGORIES = `${FAQ}categories/`;

const input = (name, value = "", max = 200) => h("input", { type: "text", name, value, maxlength: max });
const position = (value = 0) => h("input", { type: "number", name: "position", value: String(value), min: 0, max: 10000 });

/** The form's values as an API body: trimmed text, `position` as a number. */
function bodyOf(values) {
  const body = {};
  for (const [key, value] of Object.entries(values)) body[key] = key === "position" ? (value === "" ? 0 : Number(value)) : String(value);
  return body;
}

/** A form (novalidate: the API's checks are shown) that runs `save(body)` on submit. */
function editor(name, fields, label, status, save, cancel) {
  const submit = h("button", { type: "submit" }, label);
  const form = h("form", { class: "form-stack staff-editor", "aria-label": name, novalidate: true }, fields,
    h("div", { class: "row" }, submit, cancel ? h("button", { type: "button", class: "secondary", onclick: cancel }, "Cancel") : null));
  onSubmit(form, { button: submit, status, busyText: "Saving…" }, async (values) => save(bodyOf(values), form));
  return form;
}

/** Route view: /staff/faq */
export async function staffFaq(outlet) {
  const status = statusRegion();
  const catList = h("ul", { class: "report-queue", "aria-label": "Categories" });
  const faqList = h("ul", { class: "report-queue", "aria-label": "Questions" });
  const shown = h("select", { name: "category" });
  const filters = h("form", { class: "staff-filters", role: "search", "aria-label": "Filter questions" }, field("Category", shown), h("button", { type: "submit" }, "Show"));
  const summary = h("p", { class: "muted" });
  const prev = h("button", { type: "button", class: "secondary" }, "Previous");
  const next = h("button", { type: "button", class: "secondary" }, "Next");
  const newCat = h("div");
  const newFaq = h("div");
  const body = h("div", { class: "staff-grid faq-editor" },
    h("section", { class: "panel" }, h("h2", {}, "Categories"), catList, h("h3", {}, "New category"), newCat),
    h("section", { class: "panel" }, h("h2", {}, "Questions"), filters, summary, faqList, h("div", { class: "staff-pager" }, prev, next), h("h3", {}, "New question"), newFaq));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/faq"), h("h1", {}, "FAQ"), status, body));
  if (!isAdmin()) {
    body.hidden = true;
    say(status, "Only administrators can edit the FAQ.", "error");
    return;
  }
  let categories = [];

  const catFields = (c = {}) => [field("Name", input("name", c.name, 80)),
    field("Description", h("textarea", { name: "description", rows: 2, maxlength: 1000 }, c.description || "")), field("Position", position(c.position))];
  const faqFields = (f = {}) => [
    field("Category", h("select", { name: "category_id" }, categories.map((c) => h("option", { value: c.id, selected: c.id === f.category?.id ? "selected" : null }, c.name)))),
    field("Question", input("question", f.question, 200)),
    field("Answer", h("textarea", { name: "answer", rows: 4, maxlength: 5000 }, f.answer || "")), field("Position", position(f.position))];

  async function remove(path, done) {
    try {
      await api.request("DELETE", path);
      say(status, done, "ok");
      await reload();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  }

  function item(label, extra, edit, path, done) {
    const li = h("li", { class: "report-item" });
    const view = () => replace(li, h("p", {}, h("strong", {}, label), " ", extra),
      h("div", { class: "staff-actions" }, h("button", { type: "button", class: "secondary", "aria-label": `Edit “${label}”`, onclick: () => replace(li, edit(view)) }, "Edit"),
        confirmButton("Delete", `Delete “${label}”?`, () => remove(path, done), `Delete “${label}”`)));
    view();
    return li;
  }

  const catItem = (c) => item(c.name, h("span", { class: "muted" }, `${c.faq_count} ${c.faq_count === 1 ? "question" : "questions"}`),
    (back) => editor(`Edit category “${c.name}”`, catFields(c), "Save category", status, async (b) => {
      await api.patch(`${CATEGORIES}${c.id}/`, b);
      say(status, `Category “${b.name}” saved.`, "ok");
      await reload();
    }, back), `${CATEGORIES}${c.id}/`, `Category “${c.name}” deleted.`);

  const faqItem = (f) => item(f.question, h("span", { class: "badge" }, f.category.name),
    (back) => editor(`Edit “${f.question}”`, faqFields(f), "Save question", status, async (b) => {
      await api.patch(`${FAQ}${f.id}/`, b);
      say(status, `“${b.question}” saved.`, "ok");
      await reload();
    }, back), `${FAQ}${f.id}/`, `“${f.question}” deleted.`);

  const loadFaq = pager({
    form: filters, prev, next, summary, status,
    empty: "No questions yet.",
    failed: "Could not load the questions.",
    show: (results) => replace(faqList, results.map(faqItem)),
    fetchPage: (page) => {
      const query = new URLSearchParams({ page: String(page), page_size: "50" });
      if (shown.value) query.set("category", shown.value);
      return api.get(`${FAQ}?${query}`);
    },
  });

  async function reload() {
    try {
      categories = await api.get(CATEGORIES);
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load the categories.", "error");
      return;
    }
    const chosen = shown.value;
    replace(catList, categories.length ? categories.map(catItem) : h("li", { class: "muted" }, "No categories yet."));
    replace(shown, h("option", { value: "" }, "All"), categories.map((c) => h("option", { value: c.id, selected: c.id === chosen ? "selected" : null }, c.name)));
    replace(newCat, editor("New category", catFields(), "Add category", status, async (b, form) => {
      const made = await api.post(CATEGORIES, b);
      form.reset();
      say(status, `Category “${made.name}” added.`, "ok");
      await reload();
    }));
    replace(newFaq, categories.length ? editor("New question", faqFields(), "Add question", status, async (b, form) => {
      const made = await api.post(FAQ, b);
      form.reset();
      say(status, `“${made.question}” added.`, "ok");
      await reload();
    }) : h("p", { class: "muted" }, "Add a category first."));
    await loadFaq();
  }
  await reload();
}
