// View: notification settings — the email and push master switches, one switch per topic, the
// channels of each kind (Advanced), quiet hours, and this browser's push opt-in (push.js).

import * as api from "../api.js";
import { h, say } from "../dom.js";
import { busy, field, showApiError, statusRegion } from "./forms.js";
import { pushSection } from "./push.js";

const PREFS = "/api/notifications/preferences/";
const MASTERS = [
  ["email_notifications", "Email", "Send me notifications by email."],
  ["push_notifications", "Push", "Send notifications to this browser and my phone."],
];
// The topic switches (users/settings.py), labelled as in notifications/kinds.py.
export const TOPICS = {
  friend_requests: "Friend requests and acceptances",
  party_invites: "Party invitations",
  party_reminders: "A scheduled party is starting",
  friend_activity: "A friend started a public party",
  chat_mentions: "Mentions in a party chat",
  direct_messages: "Direct messages",
  group_invitations: "Group invitations",
  video_comments: "Comments on your videos and replies to you",
  video_processing: "Your uploads are ready or failed",
  creator_income: "Tips and new subscribers",
  creator_posts: "Posts by creators you follow",
  billing: "Your subscriptions and payments",
  moderation: "Moderation decisions",
  support: "Replies to your support tickets",
  announcements: "Announcements from the team",
  marketing_emails: "News and offers",
};
export const KINDS = {
  friend_request: "Friend requests", friend_accepted: "Accepted friend requests", party_invitation: "Party invitations",
  friend_party_started: "A friend started a public party", party_starting: "A scheduled party is starting", mention: "Mentions in a party chat",
  new_message: "Direct messages", group_invitation: "Group invitations", video_comment: "Comments on your videos",
  comment_reply: "Replies to your comments", video_ready: "Your video is ready", video_failed: "Your video failed to process",
  tip_received: "Tips", new_subscriber: "New subscribers", creator_posted: "Posts by creators you follow",
  subscription_renewed: "Subscription renewed", subscription_payment_failed: "A payment failed", subscription_ending: "A subscription is ending",
  moderation_decision: "Moderation decisions", support_reply: "Replies to your support tickets",
  support_assigned: "Support tickets assigned to you (staff)", support_status: "Status changes of your support tickets",
  feedback_status: "Status changes of your feedback", broadcast: "Announcements from the team",
  marketing: "News and offers", test: "Test notifications",
};
const CHANNELS = [["email", "Email"], ["web_push", "Browser"], ["mobile_push", "Phone"]];
const humane = (key) => key.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

function check(name, label, checked, hint) {
  const box = h("input", { type: "checkbox", name, id: `pref-${name}`, checked: !!checked });
  return h("div", { class: "form-choice switch" }, box, h("label", { for: box.id }, label), hint ? h("span", { class: "muted small" }, hint) : null);
}

function matrix(channels) {
  const head = h("tr", {}, h("th", { scope: "col" }, "Kind"), CHANNELS.map(([, label]) => h("th", { scope: "col" }, label)));
  const order = Object.keys(KINDS);
  const rank = (kind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  const rows = Object.entries(channels).sort(([a], [b]) => rank(a) - rank(b)).map(([kind, on]) => {
    const name = KINDS[kind] || humane(kind);
    return h("tr", { dataset: { kind } }, h("th", { scope: "row" }, name),
      CHANNELS.map(([channel, label]) => h("td", {}, h("input", { type: "checkbox", checked: !!on[channel], dataset: { kind, channel }, "aria-label": `${name}: ${label.toLowerCase()}` }))));
  });
  return h("table", { class: "channel-matrix" }, h("thead", {}, head), h("tbody", {}, rows));
}

/** Route view: /settings/notifications */
export async function notificationSettings(outlet) {
  const status = statusRegion();
  const root = h("div", { class: "friends-page notification-settings" },
    h("div", { class: "row notification-head" }, h("h1", {}, "Notification settings"), h("a", { href: "/notifications" }, "Your notifications")),
    status);
  outlet.append(root);
  let prefs;
  try {
    prefs = await api.get(PREFS);
  } catch (error) {
    say(status, error.describe ? error.describe() : "Could not load your settings.", "error");
    return;
  }
  const skip = new Set([...MASTERS.map(([k]) => k), "party_invitations", "marketing", "in_app"]);
  const topics = Object.keys(prefs).filter((k) => typeof prefs[k] === "boolean" && !skip.has(k));
  topics.sort((a, b) => Object.keys(TOPICS).indexOf(a) - Object.keys(TOPICS).indexOf(b));
  const from = h("input", { type: "time", name: "quiet_hours_start", value: prefs.quiet_hours_start || "" });
  const until = h("input", { type: "time", name: "quiet_hours_end", value: prefs.quiet_hours_end || "" });
  const save = h("button", { type: "submit" }, "Save");
  const saved = statusRegion();
  const form = h("form", { class: "form-stack", "aria-label": "Notification settings" },
    h("fieldset", {}, h("legend", {}, "Channels"), h("p", { class: "muted small" }, "You always see notifications here, in the app."),
      MASTERS.map(([key, label, hint]) => check(key, label, prefs[key], hint))),
    h("fieldset", {}, h("legend", {}, "Tell me about"), topics.map((key) => check(key, TOPICS[key] || humane(key), prefs[key]))),
    h("details", { class: "channel-details" }, h("summary", {}, "Advanced: channels for each kind"), matrix(prefs.channels || {})),
    h("fieldset", {}, h("legend", {}, "Quiet hours"), h("p", { class: "muted small" }, "No email or push in this time (your time zone). Leave both empty for none."),
      h("div", { class: "form-pair" }, field("Quiet from", from), field("Quiet until", until))),
    saved,
    h("div", { class: "row" }, save),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { quiet_hours_start: from.value || null, quiet_hours_end: until.value || null, channels: {} };
    for (const key of [...MASTERS.map(([k]) => k), ...topics]) body[key] = form.elements.namedItem(key).checked;
    for (const box of form.querySelectorAll("input[data-channel]")) {
      body.channels[box.dataset.kind] = { ...body.channels[box.dataset.kind], [box.dataset.channel]: box.checked };
    }
    await busy(save, async () => {
      try {
        await api.request("PUT", PREFS, body);
        say(saved, "Settings saved.", "ok");
      } catch (error) {
        showApiError(form, saved, error);
      }
    }, "Saving…");
  });
  root.append(h("section", { class: "panel" }, h("h2", {}, "What reaches you"), form), pushSection());
}
