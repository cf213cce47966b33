// Room panel: the people in the party with role, presence and (for hosts and moderators) a
// menu of actions per member. Re-rendered from ctx.participants on every change, which is
// also where your own role changes arrive (role_notice.js tells you).

import { h, replace, say } from "../dom.js";
import { actionsFor } from "./member_actions.js";
import { initials, nameOf } from "../names.js";
import { roleNotice } from "./role_notice.js";
import { rerenderKeepingFocus, roleBadge } from "./social_util.js";

const RANK = { host: 0, moderator: 1 };

function avatar(user) {
  if (user?.avatar) return h("img", { class: "avatar", src: user.avatar, alt: "", width: "32", height: "32" });
  return h("span", { class: "avatar initials", "aria-hidden": "true" }, initials(user));
}

/** Mount the people panel into `region`; returns a cleanup function. */
export function mountPeople(ctx, region) {
  const count = h("span", { class: "people-count" });
  const list = h("ul", { class: "people-list" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  let openFor = null; // the user id whose menu is open
  let confirming = null; // {userId, action} waiting for "Yes"
  let working = false;
  const heading = h("h2", { tabindex: "-1" }, "People ", count);
  const notice = roleNotice(ctx);
  region.append(heading, list, status);
  // Over the page, not in this panel: on a phone the panel is far below the video.
  (region.closest(".room") || region).append(notice.element);

  async function perform(action) {
    working = true;
    render();
    try {
      say(status, (await action.run()) || "Done.", "ok");
      openFor = confirming = null;
    } catch (error) {
      say(status, error.describe ? error.describe() : String(error), "error");
    }
    working = false;
    render();
    // The menu (and the button that had focus) may be gone: keep focus in the panel.
    if (!region.contains(document.activeElement)) {
      (list.querySelector(`[data-key="menu:${action.userId}"]`) || heading).focus();
    }
  }

  function menu(member, actions) {
    const id = member.user.id;
    if (confirming?.userId === id) {
      const action = confirming.action;
      return h("div", { class: "person-menu", id: `menu-${id}`, role: "group", "aria-label": action.label },
        h("p", {}, action.confirm),
        h("div", { class: "row" },
          h("button", { type: "button", class: "danger", disabled: working, dataset: { key: `yes:${id}` }, onclick: () => perform(action) }, `Yes, ${action.label.toLowerCase()}`),
          h("button", { type: "button", class: "secondary", dataset: { key: `no:${id}` }, onclick: () => { confirming = null; render(); focusKey(`menu:${id}`); } }, "Cancel")));
    }
    return h("div", { class: "person-menu", id: `menu-${id}`, role: "group", "aria-label": `Actions for ${nameOf(member.user)}` },
      actions.map((action) => h("button", {
        type: "button", class: "secondary", disabled: working, dataset: { key: `${action.id}:${id}` },
        onclick: () => {
          const bound = { ...action, userId: id };
          if (!action.confirm) return perform(bound);
          confirming = { userId: id, action: bound };
          render();
          focusKey(`yes:${id}`);
        },
      }, action.label)));
  }

  function focusKey(key) {
    list.querySelector(`[data-key="${key}"]`)?.focus();
  }

  function row(member) {
    const user = member.user || {};
    const online = Boolean(member.is_online);
    const actions = ctx.isModerator() ? actionsFor(ctx, member) : [];
    const open = openFor === user.id && actions.length > 0;
    const toggle = actions.length
      ? h("button", {
          type: "button", class: "link person-toggle", "aria-expanded": String(open), "aria-controls": `menu-${user.id}`,
          "aria-label": `Actions for ${nameOf(user)}`, dataset: { key: `menu:${user.id}` },
          onclick: () => { openFor = open ? null : user.id; confirming = null; render(); },
        }, "⋯")
      : null;
    return h("li", { class: `person${online ? " online" : ""}`, dataset: { user: user.id, role: member.role } },
      h("div", { class: "person-row" },
        avatar(user),
        h("span", { class: "person-name" }, nameOf(user), user.id === ctx.me?.id ? h("span", { class: "muted" }, " (you)") : null),
        roleBadge(member.role),
        h("span", { class: "presence" }, h("span", { class: "dot", "aria-hidden": "true" }), online ? "online" : "offline"),
        toggle),
      open ? menu(member, actions) : null);
  }

  function render() {
    const members = ctx.participants
      .map((member, index) => ({ member, index }))
      .sort((a, b) => (RANK[a.member.role] ?? 2) - (RANK[b.member.role] ?? 2) || a.index - b.index)
      .map(({ member }) => member);
    count.textContent = `(${members.filter((m) => m.is_online).length} online)`;
    rerenderKeepingFocus(list, () => replace(list, members.map(row)));
  }

  region.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !openFor) return;
    const id = openFor;
    openFor = confirming = null;
    render();
    focusKey(`menu:${id}`);
  });
  render();
  const off = ctx.on("participants", render);
  return () => {
    off();
    notice.destroy();
    notice.element.remove();
  };
}
