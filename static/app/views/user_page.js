// View: a user's public profile (/users/:id) — their card, and the friend button that fits
// where you stand (Add friend, Request sent, Accept, Friends), Message, Follow and a link to the
// creator page when they are a creator, Block and Report.
// A private profile or one that is gone says so instead of the card.

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { nameOf } from "../names.js";
import { openReportForm } from "../report_form.js";
import * as session from "../session.js";
import { statusRegion } from "./forms.js";

/** A website as a link only when it is http(s); anything else stays text. */
function site(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return h("a", { href: parsed.href, rel: "nofollow noopener", target: "_blank" }, url);
  } catch {
    // not a URL: shown as typed
  }
  return h("span", {}, url);
}

const FRIEND_LABELS = { none: "Add friend", request_sent: "Request sent", request_received: "Accept request", friends: "Friends", blocked: "Blocked" };

/** The friend button for where the caller stands with `user` ({status, request_id}). */
function friendButton(user, standing, act) {
  const button = h("button", { type: "button", class: "primary small friend-button" });
  const show = (s) => {
    standing = s;
    button.textContent = FRIEND_LABELS[s.status] || "Add friend";
    button.disabled = !["none", "request_received"].includes(s.status);
  };
  show(standing);
  button.addEventListener("click", async () => {
    const accepting = standing.status === "request_received";
    const url = accepting ? `/api/users/friends/${standing.request_id}/accept/` : `/api/users/${user.id}/friend-request/`;
    const done = accepting ? `You and ${nameOf(user)} are friends.` : `Friend request sent to ${nameOf(user)}.`;
    if (await act(api.post(url), done)) show(await api.get(`/api/users/${user.id}/friendship/`));
  });
  return button;
}

/** Follow / Following with the follower count, and the creator page link, for a creator. */
async function creatorActions(user, act) {
  let follow;
  try {
    follow = await api.get(`/api/creators/${user.id}/follow/`);
  } catch {
    return []; // not a creator
  }
  const button = h("button", { type: "button", class: "secondary small" });
  const show = (s) => {
    follow = s;
    button.textContent = `${s.following ? "Following" : "Follow"} · ${s.followers_count}`;
    button.setAttribute("aria-pressed", String(s.following));
  };
  show(follow);
  button.addEventListener("click", () =>
    act(api.request(follow.following ? "DELETE" : "POST", `/api/creators/${user.id}/follow/`), follow.following ? "Unfollowed." : `You follow ${nameOf(user)}.`).then((s) => s && show(s)));
  return [button, h("a", { class: "button secondary small", href: `/creators/${user.id}` }, "Creator page")];
}

/** Route view: /users/:id */
export async function userPage(outlet, { id }) {
  const status = statusRegion();
  const page = h("div", { class: "friends-page user-page" }, status);
  outlet.append(page);
  let user;
  try {
    user = await api.get(`/api/users/${encodeURIComponent(id)}/profile/`);
  } catch (error) {
    page.append(h("h1", {}, "Profile"), h("p", { class: "muted" }, error.status === 403 ? "This profile is private." : "No such person."));
    return;
  }
  const act = async (promise, done) => {
    try {
      const result = await promise;
      say(status, done, "ok");
      return result || true;
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
      return null;
    }
  };
  const mine = session.user()?.id === user.id;
  const standing = mine ? null : await api.get(`/api/users/${user.id}/friendship/`).catch(() => ({ status: "none", request_id: null }));
  const creator = mine ? [] : await creatorActions(user, act);
  const reportSlot = h("div", { class: "report-slot" });
  const report = (event) => openReportForm(reportSlot, { contentType: "user", contentId: user.id, what: nameOf(user) }, event.currentTarget);
  const facts = [user.location && h("li", {}, user.location), user.website && h("li", {}, site(user.website)), h("li", { class: "muted" }, `Joined ${new Date(user.date_joined).toLocaleDateString()}`)];
  page.append(
    h("section", { class: "panel" },
      user.avatar ? h("img", { class: "avatar", src: user.avatar, alt: "", width: "64", height: "64" }) : null,
      h("h1", {}, nameOf(user)),
      user.bio ? h("p", { class: "bio" }, user.bio) : null,
      h("ul", { class: "people-list", "aria-label": "About" }, facts.filter(Boolean)),
      mine
        ? h("p", {}, h("a", { href: "/profile" }, "Edit your profile"))
        : h("div", { class: "row" },
            friendButton(user, standing, act),
            h("a", { class: "button secondary small", href: `/messages?with=${user.id}` }, "Message"),
            ...creator,
            h("button", { type: "button", class: "danger small", onclick: () => act(api.post("/api/users/block/", { user_id: user.id }), `${nameOf(user)} is blocked.`) }, "Block"),
            h("button", { type: "button", class: "secondary small", onclick: report }, "Report"),
          ),
      mine ? null : reportSlot,
    ),
  );
}
