// View: /help/tickets/:id — one support ticket and its thread, with a reply box. A reply from
// the other side appears as soon as its notification arrives; staff also set the status.

import * as api from "../api.js";
import { onNotifications } from "../bell.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { field, onSubmit, statusRegion } from "./forms.js";
import { CATEGORIES, PRIORITIES, STATUSES } from "./help_contact.js";
import { SUPPORT } from "./help_faq.js";
import { isAdmin } from "./staff/nav.js";

function messageItem(m) {
  const who = m.from_staff ? `${nameOf(m.author)} (support)` : nameOf(m.author);
  return h("li", { class: `ticket-message${m.from_staff ? " from-staff" : ""}` },
    h("p", { class: "ticket-meta muted" }, who, " · ", new Date(m.created_at).toLocaleString()),
    h("p", { class: "ticket-text" }, m.message));
}

function staffControls(ticket, status, reload) {
  const select = h("select", { name: "status", "aria-label": "Ticket status" },
    Object.entries(STATUSES).map(([value, label]) => h("option", { value, selected: value === ticket.status ? "selected" : null }, label)));
  const save = async () => {
    try {
      await api.post(`${SUPPORT}tickets/${ticket.id}/status/`, { status: select.value });
      say(status, "Status saved.", "ok");
      await reload();
    } catch (error) {
      say(status, error.describe ? error.describe() : "The status did not change.", "error");
    }
  };
  return h("div", { class: "row ticket-staff" }, select, h("button", { type: "button", class: "secondary small", onclick: save }, "Set status"));
}

/** Route view: /help/tickets/:id */
export async function ticketPage(outlet, { id }) {
  const status = statusRegion();
  const head = h("div", { class: "ticket-head" });
  const thread = h("ol", { class: "ticket-thread", "aria-label": "Messages", "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Send reply");
  const form = h("form", { class: "form-stack", "aria-label": "Reply" },
    field("Your reply", h("textarea", { name: "message", required: true, rows: 4, maxLength: 5000 })), h("div", { class: "row" }, submit));
  outlet.append(h("div", { class: "help-page ticket-page" }, h("p", {}, h("a", { href: "/help" }, "← Help centre")), head, status,
    h("section", { class: "panel" }, h("h2", {}, "Conversation"), thread, form)));

  async function load() {
    let ticket;
    try {
      ticket = await api.get(`${SUPPORT}tickets/${encodeURIComponent(id)}/`);
    } catch (error) {
      replace(head, h("h1", {}, "Ticket not found"));
      form.hidden = true;
      say(status, error.status === 404 ? "This ticket does not exist or is not yours." : error.describe?.() || "Could not load it.", "error");
      return;
    }
    replace(head, h("h1", {}, ticket.subject),
      h("p", { class: "muted" }, `${CATEGORIES[ticket.category] || ticket.category} · ${PRIORITIES[ticket.priority] || ticket.priority} priority · `,
        h("span", { class: `badge status-${ticket.status}` }, STATUSES[ticket.status] || ticket.status)),
      h("p", { class: "ticket-text" }, ticket.description),
      isAdmin() ? staffControls(ticket, status, load) : null);
    replace(thread, ticket.messages.map(messageItem));
    if (!ticket.messages.length) thread.append(h("li", { class: "muted" }, "No replies yet: support will answer here."));
    form.hidden = ticket.status === "closed";
  }

  onSubmit(form, { button: submit, status, busyText: "Sending…" }, async (values) => {
    await api.post(`${SUPPORT}tickets/${encodeURIComponent(id)}/messages/`, { message: values.message.trim() });
    form.reset();
    say(status, "Reply sent.", "ok");
    await load();
  });
  const stop = onNotifications((event, payload) => {
    if (event === "notification" && payload?.notification?.data?.ticket_id === id) load();
  });
  await load();
  return stop;
}
