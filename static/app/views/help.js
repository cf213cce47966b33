// View: /help — the help centre: the FAQ (search, categories, helpful votes), a contact form
// that files a support ticket, and your tickets. One ticket's thread: help_ticket.js.

import { h } from "../dom.js";
import * as session from "../session.js";
import { statusRegion } from "./forms.js";
import { contactPanel, ticketsPanel } from "./help_contact.js";
import { faqPanel } from "./help_faq.js";

/** Route view: /help (open to everyone; contacting support needs a sign-in). */
export async function helpPage(outlet) {
  const status = statusRegion();
  const faq = faqPanel(status);
  const page = h("div", { class: "help-page" }, h("h1", {}, "Help centre"), status, faq.panel);
  outlet.append(page);
  if (!session.user()) {
    page.append(h("section", { class: "panel" }, h("h2", {}, "Contact support"),
      h("p", {}, h("a", { href: "/signin?next=/help" }, "Sign in"), " to ask us a question and follow your tickets.")));
    await faq.load();
    return;
  }
  const tickets = ticketsPanel(status);
  page.append(contactPanel(status, tickets.load), tickets.panel);
  await Promise.all([faq.load(), tickets.load()]);
}
