// View: notifications — all of yours or the unread ones, each opening what it is about, with
// mark read, delete, mark all read, clear all and load more; new ones and marks made elsewhere
// arrive live over the bell's connection.

import * as api from "../api.js";
import { ago, BASE, markRead, onNotifications, pathOf } from "../bell.js";
import { h, replace, say } from "../dom.js";
import { navigate } from "../router.js";
import { statusRegion } from "./forms.js";
import { button } from "./groups.js";
import { confirmButton } from "./group_members.js";

const PAGE_SIZE = 20;

/** Route view: /notifications */
export async function notificationsPage(outlet) {
  const status = statusRegion();
  const list = h("ul", { class: "people-list notification-list", "aria-label": "Your notifications" });
  const summary = h("p", { class: "muted notification-summary" });
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Load more");
  const filters = { all: button("All", () => show(false)), unread: button("Unread", () => show(true)) };
  const tools = h("div", { class: "row notification-tools" });
  let unreadOnly = false;
  let page = 1;
  let unread = 0;

  outlet.append(
    h("div", { class: "friends-page notifications-page" },
      h("div", { class: "row notification-head" }, h("h1", {}, "Notifications"), h("a", { href: "/settings/notifications" }, "Notification settings")),
      status,
      h("section", { class: "panel" },
        h("div", { class: "row notification-bar" }, h("div", { class: "row", role: "group", "aria-label": "Show" }, filters.all, filters.unread), tools),
        summary, list, more),
    ),
  );

  const rowOf = (id) => list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  const rows = () => [...list.querySelectorAll("li[data-id]")];

  function counted(count) {
    if (count !== undefined) unread = count;
    summary.textContent = unread ? `${unread} unread` : "All read.";
    list.querySelector(".notification-empty")?.remove();
    if (!rows().length) list.append(h("li", { class: "muted notification-empty" }, unreadOnly ? "No unread notifications." : "No notifications yet."));
  }

  async function act(promise, done) {
    try {
      const result = await promise;
      say(status, done, "ok");
      return result;
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
      return null;
    }
  }

  function read(li) {
    li.classList.remove("unread");
    li.querySelector(".notification-new")?.remove();
    li.querySelector(".notification-mark")?.remove();
    if (unreadOnly) li.remove();
  }

  function item(n) {
    const href = pathOf(n.data);
    const open = async (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
      event.preventDefault();
      if (!n.read) await markRead(n.id).catch(() => null);
      navigate(href);
    };
    const mark = n.read ? null : h("button", { type: "button", class: "secondary small notification-mark", "aria-label": `Mark “${n.title}” read`, onclick: () => act(markRead(n.id), "Marked as read.") }, "Mark read");
    const remove = h("button", { type: "button", class: "danger small", "aria-label": `Delete “${n.title}”`, onclick: () => act(api.request("DELETE", `${BASE}${n.id}/`), "Notification deleted.") }, "Delete");
    return h("li", { class: `person-row notification-row${n.read ? "" : " unread"}`, dataset: { id: n.id, type: n.type } },
      h("div", { class: "notification-text" },
        h("a", { class: "notification-title", href, onclick: open }, n.title),
        n.read ? null : h("span", { class: "badge notification-new" }, "New"),
        n.count > 1 ? h("span", { class: "badge" }, `×${n.count}`) : null,
        h("p", { class: "notification-message" }, n.message),
        h("span", { class: "muted notification-time" }, ago(n.updated_at || n.created_at))),
      h("span", { class: "row" }, mark, remove),
    );
  }

  async function load(reset) {
    if (reset) page = 1;
    const query = `${BASE}?page_size=${PAGE_SIZE}&page=${page}${unreadOnly ? "&read=false" : ""}`;
    const body = await act(api.get(query), "");
    if (!body) return;
    if (reset) replace(list);
    const seen = new Set(rows().map((li) => li.dataset.id));
    list.append(...body.results.filter((n) => !seen.has(n.id)).map(item));
    more.hidden = !body.next;
    counted(body.unread_count);
  }

  function show(onlyUnread) {
    unreadOnly = onlyUnread;
    filters.all.setAttribute("aria-pressed", String(!onlyUnread));
    filters.unread.setAttribute("aria-pressed", String(onlyUnread));
    load(true);
  }

  const markAll = button("Mark all read", () => act(api.post(`${BASE}mark-all-read/`), "All marked as read."));
  const clearAll = confirmButton("Clear all", "Delete every notification?", () => act(api.request("DELETE", `${BASE}clear-all/`), "All notifications deleted.").then(() => load(true)), "Clear all notifications");
  tools.append(markAll, clearAll);
  more.addEventListener("click", () => {
    page += 1;
    load(false);
  });

  const stop = onNotifications((event, payload) => {
    if (event === "notification") {
      rowOf(payload.notification.id)?.remove();
      list.prepend(item(payload.notification));
    } else if (event === "read") {
      (payload.ids ? payload.ids.map(rowOf).filter(Boolean) : rows()).forEach(read);
    } else if (event === "deleted") {
      (payload.ids ? payload.ids.map(rowOf).filter(Boolean) : rows()).forEach((li) => li.remove());
    }
    counted(payload?.unread_count);
  });
  show(false);
  return stop;
}
