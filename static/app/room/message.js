// One chat message as DOM: author, role, time, the quoted parent of a reply, text, actions.
// Every value from the server becomes a text node (h() never parses markup).

import { h } from "../dom.js";
import { nameOf } from "../names.js";
import { excerpt, roleBadge, roleOf, timeTag } from "./social_util.js";

/** The quote line of a reply: the parent's author and an excerpt (or that it is gone). */
export function quoteText(parent) {
  return parent ? `${nameOf(parent.user)}: ${excerpt(parent.text)}` : "A message that is no longer shown";
}

function canSanction(ctx, authorId) {
  if (!ctx.isModerator() || !authorId || authorId === ctx.me?.id) return false;
  const role = roleOf(ctx, authorId);
  return role === "participant" || (role === "moderator" && ctx.role() === "host");
}

function actionsFor(ctx, message, handlers) {
  const author = nameOf(message.user);
  const mine = message.user?.id === ctx.me?.id;
  const button = (key, label, text, onclick) =>
    h("button", { type: "button", class: "link msg-action", "aria-label": label, dataset: { key: `${key}:${message.id}` }, onclick }, text);
  const buttons = [];
  if (handlers.canReply()) buttons.push(button("reply", `Reply to ${author}`, "Reply", () => handlers.onReply(message)));
  if (mine || ctx.isModerator()) {
    buttons.push(button("delete", `Delete message from ${author}`, "Delete", () => handlers.onDelete(message)));
  }
  if (!mine && message.id && message.user?.id && handlers.onReport) {
    buttons.push(button("report", `Report message from ${author}`, "Report", (e) => handlers.onReport(message, e.currentTarget)));
  }
  if (canSanction(ctx, message.user?.id)) {
    buttons.push(button("mute", `Mute ${author}`, "Mute", (e) => handlers.onSanction(message, "mute", e.currentTarget)));
    buttons.push(button("ban", `Ban ${author} from the chat`, "Ban", (e) => handlers.onSanction(message, "ban", e.currentTarget)));
  }
  return buttons;
}

/**
 * Build the element of a message. `parent` is the replied-to message (undefined when it is not
 * loaded); `pending` marks my message until the server has stored it. Handlers: canReply(),
 * onReply(message), onDelete(message), onSanction(message, "mute"|"ban", button),
 * onReport(message, button).
 */
export function renderMessage(ctx, message, { parent, pending = false, handlers }) {
  const author = nameOf(message.user);
  const mine = message.user?.id === ctx.me?.id;
  const quote = message.reply_to
    ? h("p", { class: "msg-quote", dataset: { quote: message.reply_to } },
        h("span", { class: "visually-hidden" }, "In reply to "), quoteText(parent))
    : null;
  return h(
    "li",
    { class: `msg${mine ? " mine" : ""}${pending ? " pending" : ""}`, dataset: { id: message.id || "", clientId: message.client_id || "" } },
    h("div", { class: "msg-head" },
      h("span", { class: "msg-author" }, author),
      roleBadge(roleOf(ctx, message.user?.id)),
      pending ? h("span", { class: "msg-state" }, "Sending…") : timeTag(message.created_at)),
    quote,
    h("p", { class: "msg-text" }, message.text),
    pending ? null : h("div", { class: "msg-actions" }, actionsFor(ctx, message, handlers)),
    h("div", { class: "msg-tools" }),
  );
}

/** A one-line notice in the chat log (a mute, a ban, a warning): no author, no actions. */
export function renderNotice(text) {
  return h("li", { class: "msg notice" }, h("p", { class: "msg-text" }, text));
}
