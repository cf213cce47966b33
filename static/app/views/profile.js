// View: your profile — names, display name, bio, location, website, and the avatar.

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { initials } from "../names.js";
import { navigate } from "../router.js";
import * as session from "../session.js";
import { sessionUser } from "./auth.js";
import { busy, clearErrors, field, onSubmit, showApiError, statusRegion } from "./forms.js";

const FIELDS = [
  ["first_name", "First name", "text", 150, "given-name"],
  ["last_name", "Last name", "text", 150, "family-name"],
  ["display_name", "Display name", "text", 50, "nickname"],
  ["location", "Location", "text", 100, "address-level2"],
  ["website", "Website", "url", 200, "url"],
];

function avatarSection(user) {
  const picture = h("div", { class: "avatar-frame" });
  const status = statusRegion();
  const file = h("input", { type: "file", name: "avatar", accept: "image/png,image/jpeg,image/gif,image/webp", required: true });
  const button = h("button", { type: "submit", class: "secondary" }, "Upload avatar");

  function show(url) {
    picture.replaceChildren(
      url
        ? h("img", { class: "avatar-large", src: url, alt: "Your avatar", width: 128, height: 128 })
        : h("span", { class: "avatar-large avatar-initials", "aria-hidden": "true" }, initials(user)),
    );
  }
  show(user.profile?.avatar || user.avatar);

  const form = h("form", { class: "form-stack", "aria-label": "Avatar" }, field("New avatar (JPEG, PNG, GIF or WebP, up to 5 MB)", file), status, h("div", { class: "row" }, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!file.files.length) return;
    const body = new FormData();
    body.append("avatar", file.files[0]);
    await busy(button, async () => {
      try {
        const result = await api.post("/api/users/avatar/upload/", body);
        show(result.avatar_url);
        session.save({ user: { ...session.user(), avatar: result.avatar_url } });
        form.reset();
        say(status, "Avatar updated.", "ok");
      } catch (error) {
        showApiError(form, status, error);
      }
    }, "Uploading…");
  });
  return h("section", { class: "card profile-avatar", "aria-labelledby": "avatar-title" }, h("h2", { id: "avatar-title" }, "Avatar"), picture, form);
}

function detailsForm(user) {
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Save profile");
  const value = (name) => (name in (user.profile || {}) ? user.profile[name] : user[name]) ?? "";
  const controls = FIELDS.map(([name, label, type, max, autocomplete]) =>
    field(label, h("input", { name, type, maxLength: max, autocomplete, value: value(name), required: name === "first_name" })),
  );
  const bio = h("textarea", { name: "bio", rows: 4, maxLength: 500 });
  bio.value = value("bio");
  const form = h(
    "form",
    { class: "form-stack", "aria-label": "Profile details" },
    h("div", { class: "form-pair" }, controls[0], controls[1]),
    controls[2],
    field("Bio", bio, "Up to 500 characters."),
    h("div", { class: "form-pair" }, controls[3], controls[4]),
    status,
    h("div", { class: "row" }, button),
  );
  onSubmit(form, { button, status, busyText: "Saving…" }, async (values) => {
    for (const key of Object.keys(values)) values[key] = values[key].trim();
    const saved = await api.patch("/api/users/profile/", values);
    session.save({ user: sessionUser(saved) });
    say(status, "Profile saved.", "ok");
  });
  return h("section", { class: "card", "aria-labelledby": "details-title" }, h("h2", { id: "details-title" }, "Details"), form);
}

/** Route view: /profile */
export function profile(outlet) {
  // Not awaited: a view that resolves late would outlive the router's bookkeeping of it.
  load(outlet);
}

async function load(outlet) {
  const status = statusRegion();
  const root = h("div", { class: "profile" }, h("h1", {}, "Your profile"), status);
  outlet.append(root);
  say(status, "Loading your profile…");
  let user;
  try {
    user = await api.get("/api/users/profile/");
  } catch (error) {
    if (error.status === 401 && !session.current()) {
      // The session ended elsewhere (signed out, revoked): sign in again and come back.
      navigate("/signin?next=%2Fprofile", { replace: true });
      return;
    }
    say(status, error.describe ? error.describe() : "Could not load your profile.", "error");
    return;
  }
  say(status, "");
  root.append(
    h("p", { class: "muted" }, "Signed in as ", h("strong", {}, user.email), " · ", h("a", { href: "/settings/notifications" }, "Notification settings")),
    h("div", { class: "profile-grid" }, avatarSection(user), detailsForm(user)),
  );
}
