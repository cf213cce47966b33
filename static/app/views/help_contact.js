// The help centre's contact form (it files a support ticket) and the list of your tickets,
// each opening its thread at /help/tickets/<id>.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import * as session from "../session.js";
import { field, onSubmit } from "./forms.js";
import { SUPPORT } from "./help_faq.js";

export const CATEGORIES = { technical: "Technical problem", account: "Account", billing: "Billing", content: "Content", other: "Something else" };
export const PRIORITIES = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };
export const STATUSES = { open: "Open", pending: "Waiting for you", resolved: "Resolved", closed: "Closed" };

const options = (map, selected) => Object.entries(map).map(([value, label]) => h("option", { value, selected: value === selected ? "selected" : null }, label));

/** One ticket as a row of the list: its subject linked to its thread, status and date. */
function ticketRow(ticket) {
  return h("li", { class: "ticket-row", dataset: { ticket: ticket.id } },
    h("a", { class: "ticket-subject", href: `/help/tickets/${ticket.id}` }, ticket.subject),
    h("span", { class: `badge status-${ticket.status}` }, STATUSES[ticket.status] || ticket.status),
    h("span", { class: "muted" }, new Date(ticket.updated_at).toLocaleString()));
}

/** "Your tickets": returns {panel, load}. */
export function ticketsPanel(status) {
  const title = session.user()?.is_staff ? "All tickets" : "Your tickets";
  const list = h("ul", { class: "ticket-list", "aria-label": title });
  async function load() {
    try {
      const page = await api.get(`${SUPPORT}tickets/?page_size=50`);
      replace(list, page.results.map(ticketRow));
      if (!page.results.length) list.append(h("li", { class: "muted" }, "No tickets yet."));
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load your tickets.", "error");
    }
  }
  return { panel: h("section", { class: "panel" }, h("h2", {}, title), list), load };
}

/** "Contact support": a form that files a ticket, then `filed(ticket)`. */
export function contactPanel(status, filed) {
  const submit = h("button", { type: "submit" }, "Send to support");
  const form = h("form", { class: "form-stack help-contact", "aria-label": "Contact support" },
    field("Subject", h("input", { name: "subject", required: true, maxLength: 200, autocomplete: "off" })),
    field("Topic", h("select", { name: "category" }, options(CATEGORIES, "technical"))),
    field("Priority", h("select", { name: "priority" }, options(PRIORITIES, "medium"))),
    field("What happened?", h("textarea", { name: "description", required: true, rows: 5, maxLength: 5000 })),
    h("div", { class: "row" }, submit));
  onSubmit(form, { button: submit, status, busyText: "Sending…" }, async (values) => {
    const ticket = await api.post(`${SUPPORT}tickets/`, {
      subject: values.subject.trim(), description: values.description.trim(), category: values.category, priority: values.priority,
    });
    form.reset();
    say(status, `Ticket “${ticket.subject}” sent: we will answer here and by email.`, "ok");
    await filed(ticket);
  });
  return h("section", { class: "panel" }, h("h2", {}, "Contact support"), form);
}
