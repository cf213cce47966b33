// The invite panel's friends list: each friend with an Invite button (a personal invitation,
// which also admits them to a private party), or "In the party" when they already are.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";

/** A list of your friends for `ctx`'s party: {node, refresh()}. */
export function createFriendInvites(ctx, status) {
  const list = h("ul", { class: "people-list invite-friends", "aria-label": "Invite a friend" });
  const node = h("div", { hidden: true }, h("h3", {}, "Your friends"), list);
  const invited = new Set();
  let friends = null;

  async function invite(friend, button) {
    button.disabled = true;
    try {
      await api.post(`/api/parties/${ctx.partyId}/invite/`, { user_ids: [friend.id] });
      invited.add(friend.id);
      say(status, `${nameOf(friend)} is invited.`, "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not send the invitation.", "error");
    }
    draw();
  }

  function draw() {
    if (!friends) return;
    node.hidden = friends.length === 0;
    const here = new Set(ctx.participants.map((p) => p.user?.id));
    replace(
      list,
      friends.map((friend) => {
        let action;
        if (here.has(friend.id)) action = h("span", { class: "muted" }, "In the party");
        else if (invited.has(friend.id)) action = h("span", { class: "muted" }, "Invited");
        else {
          action = h("button", { type: "button", class: "secondary small", "aria-label": `Invite ${nameOf(friend)}` }, "Invite");
          action.addEventListener("click", () => invite(friend, action));
        }
        return h("li", { class: "person-row" }, h("span", { class: "person-name" }, nameOf(friend)), action);
      }),
    );
  }

  async function refresh() {
    if (friends === null) {
      const page = await api.get("/api/users/friends/?page_size=100").catch(() => ({ results: [] }));
      friends = page.results || [];
    }
    draw();
  }
  return { node, refresh };
}
