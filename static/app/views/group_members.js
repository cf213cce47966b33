// Group page: the members list with what an owner or admin may do to each (change the role,
// hand the group over, remove), and the form to invite a friend.

import * as api from "../api.js";
import { h, replace } from "../dom.js";
import { nameOf } from "../names.js";
import { button, ROLES } from "./groups.js";

/** A button that asks `question` in place (Yes / Cancel) before it runs `run`. */
export function confirmButton(label, question, run, name, kind = "danger") {
  const holder = h("span", { class: "row confirm" });
  const ask = () =>
    replace(holder, h("span", {}, question), button("Yes", run, "danger", `Yes: ${label.toLowerCase()}`), button("Cancel", reset));
  const reset = () => replace(holder, button(label, ask, kind, name));
  reset();
  return holder;
}

/** What `myRole` may do to `member` (never to yourself or the owner; admins only to members). */
function actions(me, myRole, member, change) {
  const { user, role } = member;
  const name = nameOf(user);
  if (!["owner", "admin"].includes(myRole) || user.id === me.id || role === "owner") return [];
  if (myRole === "admin" && role !== "member") return [];
  const to = (next, text) => () => change("PUT", user, { role: next }, text);
  const list = [
    role === "member"
      ? button("Make admin", to("admin", `${name} is now an admin.`), "secondary", `Make ${name} an admin`)
      : button("Make member", to("member", `${name} is now a member.`), "secondary", `Make ${name} a member`),
  ];
  if (myRole === "owner") {
    list.push(confirmButton("Make owner", `Hand the group to ${name}?`, to("owner", `${name} is now the owner.`), `Make ${name} the owner`, "secondary"));
  }
  list.push(button("Remove", () => change("DELETE", user, undefined, `${name} was removed.`), "danger", `Remove ${name}`));
  return list;
}

/** The members as rows: name linked to their profile, a role badge, and the allowed actions. */
export function memberRows(list, rows, me, myRole, change) {
  replace(
    list,
    rows.map((m) =>
      h(
        "li",
        { class: "person-row", dataset: { user: m.user.id } },
        h("a", { class: "person-name", href: `/users/${m.user.id}` }, nameOf(m.user)),
        h("span", { class: `badge role-${m.role}` }, ROLES[m.role] || m.role),
        h("span", { class: "row" }, actions(me, myRole, m, change)),
      ),
    ),
  );
}

/** The invite-a-friend form: friends not yet in the group; `invite(friend)` sends one. */
export async function inviteForm(memberIds, invite) {
  const page = await api.get("/api/users/friends/?page_size=100").catch(() => ({ results: [] }));
  const friends = page.results.filter((f) => !memberIds.has(f.id));
  if (!friends.length) {
    return h("p", { class: "muted" }, "No friend to invite: ", h("a", { href: "/friends" }, "add friends"), " first.");
  }
  const pick = h("select", { "aria-label": "Friend to invite" }, friends.map((f) => h("option", { value: f.id }, nameOf(f))));
  const form = h("form", { class: "row group-pick" }, pick, h("button", { type: "submit", class: "small" }, "Invite"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    invite(friends.find((f) => f.id === pick.value));
  });
  return form;
}
