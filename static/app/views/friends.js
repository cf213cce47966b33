// View: friends — your friends, requests sent to you (accept/decline) and by you (cancel),
// people you may know (with why), a search to add someone, block/unblock, and reporting someone.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { describe, onPresence } from "../people.js";
import { statusRegion } from "./forms.js";

function person(user, ...actions) {
  return h("li", { class: "person-row", dataset: { user: user.id } }, h("a", { class: "person-name", href: `/users/${user.id}` }, nameOf(user)), h("span", { class: "row" }, actions));
}

function button(label, onclick, kind = "secondary") {
  return h("button", { type: "button", class: `${kind} small`, onclick }, label);
}

const REASONS = [["harassment", "Harassment"], ["spam", "Spam"], ["hate_speech", "Hate speech"], ["inappropriate_content", "Inappropriate content"], ["other", "Something else"]];

/** Show (or update) a friend's presence on their row: a dot and "Online", "Watching …", … */
function showPresence(list, p) {
  const row = list.querySelector(`li[data-user="${p.user.id}"]`);
  if (!row) return;
  let line = row.querySelector(".presence");
  if (!line) {
    line = h("span", { class: "presence" });
    row.querySelector(".person-name").after(line);
  }
  line.dataset.status = p.status;
  line.textContent = describe(p);
}

const DID = { hosted_party: "hosted", joined_party: "joined", uploaded_video: "uploaded" };

/** Friends' recent activity: "Bob hosted “Film night”", the party linked to its room. */
function showActivity(list, items) {
  replace(list, items.map((item) => {
    const thing = item.party || item.video;
    const title = item.party ? h("a", { href: `/party/${item.party.id}` }, `“${thing.title}”`) : `“${thing.title}”`;
    return h("li", { class: "person-row" }, h("span", { class: "person-name" }, `${nameOf(item.user)} ${DID[item.kind]} `, title), h("span", { class: "muted" }, new Date(item.at).toLocaleString()));
  }));
  if (!items.length) list.append(h("li", { class: "muted" }, "Nothing yet."));
}

/** Replace a row's actions with a small report form (reason, details, Send). */
function openReport(row, user, send) {
  const reason = h("select", { "aria-label": `Why are you reporting ${nameOf(user)}?` }, REASONS.map(([v, t]) => h("option", { value: v }, t)));
  const details = h("input", { type: "text", maxlength: "2000", "aria-label": "Details (optional)", placeholder: "Details (optional)" });
  const form = h("form", { class: "row report-form" }, reason, details, h("button", { type: "submit", class: "danger small" }, "Send report"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send({ reported_user_id: user.id, reason: reason.value, description: details.value.trim() });
  });
  row.querySelector(".row").replaceWith(form);
  reason.focus();
}

/** Route view: /friends */
export async function friends(outlet) {
  const status = statusRegion();
  const lists = {
    friends: h("ul", { class: "people-list", "aria-label": "Your friends" }),
    incoming: h("ul", { class: "people-list", "aria-label": "Requests to you" }),
    outgoing: h("ul", { class: "people-list", "aria-label": "Requests you sent" }),
    suggested: h("ul", { class: "people-list", "aria-label": "People you may know" }),
    found: h("ul", { class: "people-list", "aria-label": "Search results" }),
    blocked: h("ul", { class: "people-list", "aria-label": "Blocked" }),
    activity: h("ul", { class: "people-list", "aria-label": "What friends did" }),
  };
  const query = h("input", { type: "search", name: "q", minlength: "2", maxlength: "100", "aria-label": "Search people" });
  const search = h("form", { class: "row search" }, query, h("button", { type: "submit" }, "Search"));
  const section = (title, ...body) => h("section", { class: "panel" }, h("h2", {}, title), ...body);
  outlet.append(
    h("div", { class: "friends-page" },
      h("h1", {}, "Friends"),
      status,
      section("Your friends", lists.friends),
      section("What friends did", lists.activity),
      section("Requests", h("h3", {}, "Sent to you"), lists.incoming, h("h3", {}, "Sent by you"), lists.outgoing),
      section("Find people", search, lists.found),
      section("People you may know", lists.suggested),
      section("Blocked", lists.blocked),
    ),
  );

  async function act(promise, done) {
    try {
      await promise;
      say(status, done, "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
    load();
  }
  const ask = (user) => act(api.post(`/api/users/${user.id}/friend-request/`), `Friend request sent to ${nameOf(user)}.`);
  const block = (user) => act(api.post("/api/users/block/", { user_id: user.id }), `${nameOf(user)} is blocked.`);
  const report = (user) => (event) =>
    openReport(event.target.closest("li"), user, (body) => act(api.post("/api/users/report/", body), `Thank you: ${nameOf(user)} was reported to the moderators.`));

  async function load() {
    const [mine, pending, maybe, blocked, seen, activity] = await Promise.all([
      api.get("/api/users/friends/?page_size=100"),
      api.get("/api/users/friends/requests/"),
      api.get("/api/users/friends/suggestions/"),
      api.get("/api/users/blocked/"),
      api.get("/api/users/online-status/"),
      api.get("/api/users/friends/activity/?page_size=20"),
    ]).catch(() => [{ results: [] }, { incoming: [], outgoing: [] }, [], [], { friends: [] }, { results: [] }]);
    const empty = (list, text) => (list.childElementCount ? null : list.append(h("li", { class: "muted" }, text)));
    replace(lists.friends, mine.results.map((f) => person(f, button("Remove", () => act(api.request("DELETE", `/api/users/friends/${f.id}/remove/`), `${nameOf(f)} removed.`)), button("Block", () => block(f), "danger"))));
    empty(lists.friends, "No friends yet: find people below.");
    seen.friends.forEach((p) => showPresence(lists.friends, p));
    replace(lists.incoming, pending.incoming.map((r) => person(r.from_user, button("Accept", () => act(api.post(`/api/users/friends/${r.id}/accept/`), `You and ${nameOf(r.from_user)} are friends.`), "primary"), button("Decline", () => act(api.post(`/api/users/friends/${r.id}/decline/`), "Request declined.")))));
    empty(lists.incoming, "None.");
    replace(lists.outgoing, pending.outgoing.map((r) => person(r.to_user, button("Cancel", () => act(api.request("DELETE", `/api/users/friends/requests/${r.id}/`), "Request cancelled.")))));
    empty(lists.outgoing, "None.");
    replace(lists.suggested, maybe.map((s) => person(s, h("span", { class: "muted" }, s.reasons.join(" · ")), button("Add friend", () => ask(s)))));
    empty(lists.suggested, "No suggestions yet.");
    replace(lists.blocked, blocked.map((b) => person(b.user, button("Unblock", () => act(api.post("/api/users/unblock/", { user_id: b.user.id }), `${nameOf(b.user)} is unblocked.`)))));
    empty(lists.blocked, "Nobody.");
    showActivity(lists.activity, activity.results);
  }

  search.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = query.value.trim();
    if (q.length < 2) return say(status, "Type at least 2 characters.", "error");
    const page = await api.get(`/api/users/search/?q=${encodeURIComponent(q)}`).catch(() => ({ results: [] }));
    replace(lists.found, page.results.map((u) => person(u, button("Add friend", () => ask(u)), button("Block", () => block(u), "danger"), button("Report", report(u)))));
    if (!page.results.length) lists.found.append(h("li", { class: "muted" }, "Nobody by that name."));
  });
  await load();
  return onPresence((p) => showPresence(lists.friends, p));
}
