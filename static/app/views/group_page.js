// View: one group (/groups/:id) — its name, description and visibility, Join / Leave, the
// members (group_members.js), and its parties: linked to their rooms, and a member who hosts a
// party can host it for the group (every member is invited and sees it in their lobby).

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { navigate } from "../router.js";
import * as session from "../session.js";
import { statusRegion } from "./forms.js";
import { confirmButton, inviteForm, memberRows } from "./group_members.js";
import { act, button, GROUPS, ROLES, section, VISIBILITY } from "./groups.js";

const STATUS = { live: "Live", paused: "Paused", scheduled: "Not started", ended: "Ended" };

function head(group) {
  const size = group.members_count === 1 ? "1 member" : `${group.members_count} members`;
  return h(
    "div",
    { class: "group-head" },
    h("h1", {}, group.name),
    group.description ? h("p", { class: "group-description" }, group.description) : null,
    h(
      "p",
      { class: "row group-meta" },
      h("span", { class: "badge" }, VISIBILITY[group.visibility] || group.visibility),
      h("span", { class: "muted" }, size),
      group.my_role ? h("span", { class: "muted" }, `Your role: ${ROLES[group.my_role] || group.my_role}`) : null,
      group.invited ? h("span", { class: "muted" }, "You are invited") : null,
    ),
  );
}

function partyRows(list, links) {
  replace(
    list,
    links.map(({ party }) =>
      h(
        "li",
        { class: "person-row" },
        h("a", { class: "person-name", href: `/party/${party.id}` }, party.title),
        h("span", { class: `badge badge-${party.status}` }, STATUS[party.status] || party.status),
        h("span", { class: "muted" }, `Hosted by ${nameOf(party.host)}`),
      ),
    ),
  );
  if (!links.length) list.append(h("li", { class: "muted" }, "No party for this group yet."));
}

/** Your open parties not yet hosted for this group, to pick one; `add(party)` links it. */
async function hostForm(me, linked, add) {
  const page = await api.get(`/api/parties/?host=${me.id}&page_size=100`).catch(() => ({ results: [] }));
  const mine = page.results.filter((p) => p.status !== "ended" && !linked.has(p.id));
  if (!mine.length) return h("p", { class: "muted" }, "Start a party in the ", h("a", { href: "/" }, "lobby"), " to host it for the group.");
  const pick = h("select", { "aria-label": "Your party to host for the group" }, mine.map((p) => h("option", { value: p.id }, p.title)));
  const form = h("form", { class: "row group-pick" }, pick, h("button", { type: "submit", class: "small" }, "Host for the group"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    add(mine.find((p) => p.id === pick.value));
  });
  return form;
}

/** Route view: /groups/:id */
export async function groupPage(outlet, { id }) {
  const me = session.user();
  const base = `${GROUPS}${encodeURIComponent(id)}/`;
  const status = statusRegion();
  const body = h("div", { class: "group-body" });
  outlet.append(h("div", { class: "friends-page group-page" }, status, body));
  const run = (promise, done, after = load) => act(status, promise, done, after);

  async function load() {
    let group;
    try {
      group = await api.get(base);
    } catch (error) {
      replace(body, h("h1", {}, "Group"), h("p", { class: "muted" }, error.status === 404 ? "No such group." : error.describe?.() || "Could not load the group."));
      return;
    }
    const role = group.my_role;
    const actions = h("div", { class: "row group-actions" });
    if (!role) {
      actions.append(button("Join group", () => run(api.post(`${base}join/`), `You joined ${group.name}.`), "primary"));
      if (group.invited) actions.append(button("Decline invitation", () => run(api.post(`${base}decline/`), "Invitation declined.")));
    } else {
      actions.append(button("Leave group", () => run(api.post(`${base}leave/`), `You left ${group.name}.`)));
    }
    if (role === "owner") {
      const gone = async () => (await run(api.request("DELETE", base), "Group deleted.", null)) && navigate("/groups");
      actions.append(confirmButton("Delete group", `Delete ${group.name} for everyone?`, gone));
    }
    const members = h("ul", { class: "people-list", "aria-label": "Members" });
    const parties = h("ul", { class: "people-list", "aria-label": "Group parties" });
    const memberPanel = section("Members", members);
    const partyPanel = section("Parties", role ? parties : h("p", { class: "muted" }, "Join the group to see its parties."));
    replace(body, head(group), actions, memberPanel, partyPanel, h("p", {}, h("a", { href: "/groups" }, "← All groups")));

    const [roster, links] = await Promise.all([
      api.get(`${base}members/?page_size=100`).catch((error) => error),
      role ? api.get(`${base}parties/?page_size=50`).catch(() => ({ results: [] })) : { results: [] },
    ]);
    if (roster instanceof Error) {
      replace(members, h("li", { class: "muted" }, roster.describe ? roster.describe() : "Could not load the members."));
    } else {
      const change = (method, user, payload, done) => run(api.request(method, `${base}members/${user.id}/`, payload), done);
      memberRows(members, roster.results, me, role, change);
      if (role === "owner" || role === "admin") {
        const invite = (friend) => run(api.post(`${base}invitations/`, { user_id: friend.id }), `${nameOf(friend)} is invited.`);
        memberPanel.append(h("h3", {}, "Invite a friend"), await inviteForm(new Set(roster.results.map((m) => m.user.id)), invite));
      }
    }
    if (!role) return;
    partyRows(parties, links.results);
    const add = (party) => run(api.post(`${base}parties/`, { party_id: party.id }), `${party.title} is hosted for the group: members are invited.`);
    partyPanel.append(h("h3", {}, "Host one of your parties"), await hostForm(me, new Set(links.results.map((l) => l.party.id)), add));
  }

  await load();
}
