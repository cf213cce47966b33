// View: a user's public profile (/users/:id) — their card, and Add friend, Message, Block
// and Report.
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
      await promise;
      say(status, done, "ok");
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  };
  const mine = session.user()?.id === user.id;
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
            h("button", { type: "button", class: "primary small", onclick: () => act(api.post(`/api/users/${user.id}/friend-request/`), `Friend request sent to ${nameOf(user)}.`) }, "Add friend"),
            h("a", { class: "button secondary small", href: `/messages?with=${user.id}` }, "Message"),
            h("button", { type: "button", class: "danger small", onclick: () => act(api.post("/api/users/block/", { user_id: user.id }), `${nameOf(user)} is blocked.`) }, "Block"),
            h("button", { type: "button", class: "secondary small", onclick: report }, "Report"),
          ),
      mine ? null : reportSlot,
    ),
  );
}
