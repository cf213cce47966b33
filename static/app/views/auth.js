// Views: sign in (with the two-factor code step) and sign up.

import * as api from "../api.js";
import { h, replace } from "../dom.js";
import { navigate } from "../router.js";
import * as session from "../session.js";
import { field, onSubmit, safeNext, statusRegion } from "./forms.js";

/** The stored user with the profile's display name folded in (the header shows it). */
export function sessionUser(user) {
  const profile = user?.profile || {};
  const { profile: _dropped, ...rest } = user || {};
  return { ...rest, display_name: profile.display_name ?? user?.display_name ?? null };
}

// Tokens from login, 2FA or register: keep them, learn the display name, then go on.
async function finish(body, next) {
  session.save({ access_token: body.access_token, refresh_token: body.refresh_token, user: sessionUser(body.user) });
  try {
    session.save({ user: sessionUser(await api.get("/api/users/profile/")) });
  } catch {
    // The sign-in worked; the header simply shows the first name until the profile loads.
  }
  navigate(next, { replace: true });
}

function page(title, ...children) {
  return h("section", { class: "auth-card card", "aria-labelledby": "auth-title" }, h("h1", { id: "auth-title" }, title), ...children);
}

function input(name, type, autocomplete, extra = {}) {
  return h("input", { name, type, autocomplete, required: true, ...extra });
}

function withNext(path, next) {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** Route view: /signin — email and password, then the 2FA code when the account asks for it. */
export function signin(outlet, { query }) {
  const next = safeNext(query);
  if (session.current()) {
    // After this render finishes: navigating from inside a render would race the router.
    setTimeout(() => navigate(next, { replace: true }));
    return;
  }
  const card = h("div", { class: "auth" });
  outlet.append(card);
  passwordStep(card, next, "", false);
}

// The first render leaves focus to the router (it focuses the page); later steps move it here.
function passwordStep(card, next, email = "", focus = true) {
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h(
    "form",
    { class: "form-stack", "aria-label": "Sign in" },
    field("Email", input("email", "email", "username", { value: email })),
    field("Password", input("password", "password", "current-password")),
    status,
    h("div", { class: "row" }, button),
  );
  onSubmit(form, { button, status, busyText: "Signing in…" }, async (values) => {
    const body = await api.post("/api/auth/login/", { email: values.email.trim(), password: values.password });
    if (body.requires_2fa) codeStep(card, next, body.two_factor_token, values.email);
    else await finish(body, next);
  });
  replace(
    card,
    page(
      "Sign in",
      form,
      h("p", { class: "muted" }, "New here? ", h("a", { href: withNext("/signup", next) }, "Create an account")),
    ),
  );
  if (focus) form.elements.email.focus();
}

function codeStep(card, next, token, email) {
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Verify");
  const code = input("code", "text", "one-time-code", { maxLength: 32, spellcheck: "false", autocapitalize: "off" });
  const form = h(
    "form",
    { class: "form-stack", "aria-label": "Two-factor code" },
    field("Authentication code", code, "The 6-digit code from your authenticator app, or one of your backup codes."),
    status,
    h(
      "div",
      { class: "row" },
      button,
      h("button", { type: "button", class: "secondary", onclick: () => passwordStep(card, next, email) }, "Back"),
    ),
  );
  onSubmit(form, { button, status, busyText: "Verifying…", onError: () => code.select() }, async () => {
    const body = await api.post("/api/auth/2fa/verify/", { two_factor_token: token, code: code.value.replace(/\s+/g, "") });
    await finish(body, next);
  });
  replace(card, page("Two-step verification", form));
  code.focus();
}

/** Route view: /signup — create an account, then go on signed in. */
export function signup(outlet, { query }) {
  const next = safeNext(query);
  if (session.current()) {
    // After this render finishes: navigating from inside a render would race the router.
    setTimeout(() => navigate(next, { replace: true }));
    return;
  }
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Create account");
  const form = h(
    "form",
    { class: "form-stack", "aria-label": "Create an account" },
    h(
      "div",
      { class: "form-pair" },
      field("First name", input("first_name", "text", "given-name", { maxLength: 150 })),
      field("Last name", input("last_name", "text", "family-name", { maxLength: 150, required: false })),
    ),
    field("Email", input("email", "email", "email")),
    field("Password", input("password", "password", "new-password", { minLength: 8 }), "At least 8 characters, mixing letters with digits or symbols."),
    field("Confirm password", input("confirm_password", "password", "new-password")),
    status,
    h("div", { class: "row" }, button),
  );
  onSubmit(form, { button, status, busyText: "Creating…" }, async (values) => {
    const body = await api.post("/api/auth/register/", { ...values, email: values.email.trim() });
    await finish(body, next);
  });
  outlet.append(
    h(
      "div",
      { class: "auth" },
      page(
        "Create your account",
        form,
        h("p", { class: "muted" }, "Already have an account? ", h("a", { href: withNext("/signin", next) }, "Sign in")),
      ),
    ),
  );
}
