// View: groups — the groups you are in, a form to create one, a search over public groups to
// join, and the group invitations you hold (join or decline). One group's page: group_page.js.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { navigate } from "../router.js";
import { nameOf } from "../names.js";
import { busy, field, onSubmit, statusRegion } from "./forms.js";

export const GROUPS = "/api/social/groups/";
export const ROLES = { owner: "Owner", admin: "Admin", member: "Member" };
export const VISIBILITY = { public: "Public", invite_only: "Invite-only" };

/** A small button: button("Join", fn, "primary", "Join Film club"). */
export function button(label, onclick, kind = "secondary", name) {
  return h("button", { type: "button", class: `${kind} small`, onclick, "aria-label": name }, label);
}

/** A titled panel of the page. */
export function section(title, ...body) {
  return h("section", { class: "panel" }, h("h2", {}, title), ...body);
}

/** Run `promise`, say `done` (or the error) in `status`, then `after()`; true when it worked. */
export async function act(status, promise, done, after) {
  let worked = false;
  try {
    await promise;
    say(status, done, "ok");
    worked = true;
  } catch (error) {
    say(status, error.describe ? error.describe() : "That did not work.", "error");
  }
  await after?.();
  return worked;
}

/** One group as a row: its name linked to its page, a badge, a line, then `actions`. */
function groupRow(group, line, ...actions) {
  return h(
    "li",
    { class: "person-row group-row", dataset: { group: group.id } },
    h("a", { class: "person-name", href: `/groups/${group.id}` }, group.name),
    h("span", { class: "badge" }, VISIBILITY[group.visibility] || group.visibility),
    line ? h("span", { class: "muted" }, line) : null,
    h("span", { class: "row" }, actions),
  );
}

const people = (n) => (n === 1 ? "1 member" : `${n} members`);

function createForm(status) {
  const submit = h("button", { type: "submit" }, "Create group");
  const visibility = h(
    "select",
    { name: "visibility" },
    h("option", { value: "public" }, "Public: anyone can find and join"),
    h("option", { value: "invite_only" }, "Invite-only: members you invite"),
  );
  const form = h(
    "form",
    { class: "form-stack group-form", "aria-label": "Create a group" },
    field("Group name", h("input", { name: "name", required: true, maxLength: 80, autocomplete: "off" })),
    field("Description", h("textarea", { name: "description", rows: 3, maxLength: 1000 }), "Optional: what the group watches."),
    field("Who can join", visibility),
    h("div", { class: "row" }, submit),
  );
  onSubmit(form, { button: submit, status, busyText: "Creating…" }, async (values) => {
    const group = await api.post(GROUPS, { name: values.name.trim(), description: values.description.trim(), visibility: values.visibility });
    navigate(`/groups/${group.id}`);
  });
  return form;
}

/** Route view: /groups */
export async function groupsPage(outlet) {
  const status = statusRegion();
  const mine = h("ul", { class: "people-list", "aria-label": "Your groups" });
  const found = h("ul", { class: "people-list", "aria-label": "Groups found" });
  const invited = h("ul", { class: "people-list", "aria-label": "Group invitations" });
  const query = h("input", { type: "search", name: "q", maxlength: "80", "aria-label": "Search groups", placeholder: "Name or topic" });
  const search = h("form", { class: "row search" }, query, h("button", { type: "submit" }, "Find groups"));
  outlet.append(
    h("div", { class: "friends-page groups-page" },
      h("h1", {}, "Groups"),
      status,
      section("Your groups", mine),
      section("Invitations", invited),
      section("Find groups", search, found),
      section("Create a group", createForm(status)),
    ),
  );
  const empty = (list, text) => (list.childElementCount ? null : list.append(h("li", { class: "muted" }, text)));

  async function load() {
    const [groups, invitations] = await Promise.all([api.get(`${GROUPS}?page_size=100`), api.get(`${GROUPS}invitations/`)]).catch((error) => {
      say(status, error.describe ? error.describe() : "Could not load your groups.", "error");
      return [{ results: [] }, []];
    });
    replace(mine, groups.results.map((g) => groupRow(g, `${ROLES[g.my_role] || ""} · ${people(g.members_count)}`)));
    empty(mine, "You are in no group yet: find one or create one.");
    replace(invited, invitations.map((i) => groupRow(i.group, `from ${nameOf(i.inviter)}`,
      button("Join", () => act(status, api.post(`${GROUPS}${i.group.id}/join/`), `You joined ${i.group.name}.`, load), "primary", `Join ${i.group.name}`),
      button("Decline", () => act(status, api.post(`${GROUPS}${i.group.id}/decline/`), "Invitation declined.", load), "secondary", `Decline ${i.group.name}`))));
    empty(invited, "No invitations.");
  }

  async function find() {
    const q = query.value.trim();
    const page = await api.get(`${GROUPS}?scope=public&page_size=50${q ? `&q=${encodeURIComponent(q)}` : ""}`).catch((error) => {
      say(status, error.describe ? error.describe() : "The search did not work.", "error");
      return { results: [] };
    });
    const join = (g) => () => act(status, api.post(`${GROUPS}${g.id}/join/`), `You joined ${g.name}.`, () => Promise.all([load(), find()]));
    replace(found, page.results.map((g) => groupRow(g, people(g.members_count),
      g.my_role ? h("span", { class: "badge" }, ROLES[g.my_role]) : button("Join", join(g), "primary", `Join ${g.name}`))));
    empty(found, q ? "No public group by that name." : "No public groups yet.");
  }

  search.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(search.querySelector("button"), find);
  });
  await load();
}
