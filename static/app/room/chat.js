// Room panel: the party chat. Messages arrive on the /chat socket; mine show at once as
// "Sending…" and are matched to the stored copy by client_id (never shown twice). A message
// staff show again after review arrives as `restored` and takes its place in time order.

import { h, say } from "../dom.js";
import { call, uid } from "../sockets.js";
import { createComposer } from "./chat_composer.js";
import { createChatFilter } from "./chat_settings.js";
import { openSanctionForm } from "./chat_moderation.js";
import { openReportForm } from "../report_form.js";
import { onRoomConnect } from "./joining.js";
import { quoteText, renderMessage, renderNotice } from "./message.js";
import { nameOf } from "../names.js";
import { rerenderKeepingFocus, rolesKey } from "./social_util.js";

const KEEP = 300; // messages kept in the page; older ones scroll away for good
const NOTICES = { mute_user: "was muted", ban_user: "was banned from the chat", warn_user: "was warned" };

/** Mount the chat panel into `region`; returns a cleanup function. */
export function mountChat(ctx, region) {
  const socket = ctx.sockets.chat;
  const messages = new Map(); // id -> message, in arrival order
  const pending = new Map(); // client_id -> element of my message not yet stored
  const list = h("ol", { class: "chat-log", role: "log", "aria-label": "Messages", tabindex: "0" });
  const slowNote = h("p", { class: "chat-slow", hidden: true });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const jump = h("button", { type: "button", class: "secondary chat-jump", hidden: true, onclick: () => scrollToEnd() }, "New messages ↓");
  const composer = createComposer(ctx.partyId, send);
  const filter = createChatFilter(ctx); // host and moderators only: the party's blocked words
  let settings = null;
  let joined = false;
  let lastRoles = "";
  let retry = null; // {text, replyTo, clientId} of the last send that failed
  let chatOff = false; // the join ack's allow_chat (the party may have changed since the snapshot)
  let hidden = new Set(); // authors whose messages are not shown (people you blocked)
  const allowed = () => !chatOff && ctx.party?.allow_chat !== false;
  const handlers = {
    canReply: allowed,
    onReply: (message) => composer.replyTo(message),
    onDelete: remove,
    onSanction: (message, kind, opener) =>
      openSanctionForm(ctx, message, kind, list.querySelector(`[data-id="${message.id}"] .msg-tools`), opener),
    onReport: (message, opener) =>
      openReportForm(list.querySelector(`[data-id="${message.id}"] .msg-tools`), { contentType: "chat_message", contentId: message.id, what: `the message from ${nameOf(message.user)}` }, opener),
  };

  region.append(h("h2", {}, "Chat"), slowNote, status, h("div", { class: "chat-scroll" }, list, jump), composer.element, filter.element);

  const nearEnd = () => list.scrollHeight - list.scrollTop - list.clientHeight < 48;
  function scrollToEnd() {
    list.scrollTop = list.scrollHeight;
    jump.hidden = true;
  }

  const element = (message) => renderMessage(ctx, message, { parent: messages.get(message.reply_to), handlers });

  function add(message) {
    if (!message?.id || messages.has(message.id) || hidden.has(message.user?.id)) return;
    const follow = nearEnd() || message.user?.id === ctx.me?.id;
    messages.set(message.id, message);
    const mine = message.client_id && pending.get(message.client_id);
    if (mine) {
      mine.replaceWith(element(message));
      pending.delete(message.client_id);
    } else {
      list.append(element(message));
    }
    while (messages.size > KEEP) {
      const [oldest] = messages.keys();
      messages.delete(oldest);
      list.querySelector(`[data-id="${oldest}"]`)?.remove();
    }
    if (follow) scrollToEnd();
    else jump.hidden = false;
  }

  /** A held-back message shown again (`restored`): in time order, before any later one. */
  function restore(message) {
    if (!message?.id || messages.has(message.id) || hidden.has(message.user?.id)) return;
    const at = Date.parse(message.created_at);
    const entries = [...messages.entries()];
    const index = entries.findIndex(([, known]) => Date.parse(known.created_at) > at);
    if (index < 0) add(message);
    else {
      entries.splice(index, 0, [message.id, message]);
      messages.clear();
      entries.forEach(([id, known]) => messages.set(id, known));
      list.querySelector(`[data-id="${entries[index + 1][0]}"]`)?.before(element(message));
    }
    list.querySelectorAll(`[data-quote="${message.id}"]`).forEach((quote) => {
      quote.lastChild.textContent = quoteText(message);
    });
  }

  function renderAll() {
    rerenderKeepingFocus(list, () => {
      list.replaceChildren(...[...messages.values()].map(element), ...pending.values());
    });
  }

  async function send(text, replyTo) {
    // Resending what just failed reuses its client_id: if the first try did reach the server
    // (a timeout on a flaky link), it is still stored only once.
    const again = retry && retry.text === text && retry.replyTo === replyTo;
    const clientId = again ? retry.clientId : uid();
    const draft = { client_id: clientId, text, reply_to: replyTo, user: ctx.me };
    const el = renderMessage(ctx, draft, { parent: messages.get(replyTo), pending: true, handlers });
    pending.set(clientId, el);
    list.append(el);
    scrollToEnd();
    const ack = await call(socket, "send", { party_id: ctx.partyId, text, reply_to: replyTo || undefined, client_id: clientId });
    retry = ack.ok ? null : { text, replyTo, clientId };
    if (ack.ok) add(ack.message);
    else {
      pending.get(clientId)?.remove();
      pending.delete(clientId);
    }
    return ack;
  }

  async function remove(message) {
    const ack = await call(socket, "delete", { party_id: ctx.partyId, message_id: message.id });
    if (!ack.ok) say(status, ack.message || "The message could not be deleted.", "error");
  }

  function removed({ message_id: id }) {
    const el = list.querySelector(`[data-id="${id}"]`);
    if (el?.contains(document.activeElement)) composer.focus(); // focus must not vanish with it
    el?.remove();
    messages.delete(id);
    list.querySelectorAll(`[data-quote="${id}"]`).forEach((quote) => {
      quote.lastChild.textContent = quoteText(null);
    });
  }

  function applySettings(next) {
    settings = { ...settings, ...next };
    const exempt = ctx.isModerator();
    slowNote.hidden = !settings.slow_mode;
    slowNote.textContent = settings.slow_mode
      ? `Slow mode: one message every ${settings.slow_mode_interval} s${exempt ? " (hosts and moderators are exempt)" : ""}.`
      : "";
    composer.setSettings(settings, exempt);
    filter.update(settings);
  }

  function applyOpen(banned) {
    if (banned) composer.setClosed(banned);
    else composer.setClosed(allowed() ? null : "Chat is turned off in this party.");
  }

  async function join() {
    const ack = await call(socket, "join", { party_id: ctx.partyId });
    if (!ack.ok) {
      say(status, ack.message || "Could not open the chat.", "error");
      if (ack.error === "chat_banned") applyOpen(ack.message);
      return;
    }
    joined = true;
    region.dataset.state = "joined"; // for styling and tests: the room's messages reach us now
    say(status, "");
    chatOff = ack.allow_chat === false;
    hidden = new Set(ack.hidden_user_ids || []); // people you blocked: not shown
    messages.clear();
    list.setAttribute("aria-busy", "true"); // one announcement for the history, not fifty
    for (const message of ack.messages || []) messages.set(message.id, message);
    renderAll();
    list.removeAttribute("aria-busy");
    applySettings(ack.settings || {});
    applyOpen(null);
    scrollToEnd();
  }

  function moderation(note) {
    const text = NOTICES[note.action];
    if (!text) return;
    list.append(renderNotice(`${nameOf(note.user)} ${text}${note.reason ? `: ${note.reason}` : "."}`));
    if (nearEnd()) scrollToEnd();
    if (note.user?.id === ctx.me?.id && note.action === "mute_user") say(status, "You were muted in this chat.", "error");
  }

  list.addEventListener("scroll", () => {
    if (nearEnd()) jump.hidden = true;
  });
  socket.on("message", add);
  socket.on("deleted", removed);
  socket.on("restored", restore);
  socket.on("settings", applySettings);
  socket.on("moderation", moderation);
  socket.on("banned", (note) => applyOpen(`You are banned from this chat${note.until ? ` until ${new Date(note.until).toLocaleString()}` : ""}.`));
  socket.on("disconnect", () => {
    joined = false;
    region.dataset.state = "connecting";
  });
  const offConnect = onRoomConnect(ctx, socket, join);
  const offParticipants = ctx.on("participants", () => {
    const roles = rolesKey(ctx);
    if (roles === lastRoles) return;
    lastRoles = roles;
    if (joined) renderAll();
    if (settings) applySettings({});
  });
  const offParty = ctx.on("party", () => {
    chatOff = false; // the party's own fields are newer than our last join
    applyOpen(null);
  });

  return () => {
    offConnect();
    offParticipants();
    offParty();
    composer.destroy();
    filter.destroy();
    ["message", "deleted", "restored", "settings", "moderation", "banned"].forEach((name) => socket.off(name));
  };
}
