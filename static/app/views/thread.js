// One conversation on the Messages page: its messages (oldest first, "Earlier messages" pages
// back), the composer, typing indicators and "Seen" receipts, all live over /messaging.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import * as session from "../session.js";
import { call, uid } from "../sockets.js";

const PAGE = 30;
const TYPING_SHOWN_MS = 6000; // a "typing" the sender never took back fades after this
const TYPING_RESENT_MS = 3000; // while typing, the others are told again this often

/** The words of a message; an invitation or a share also links what it names. */
function body(message) {
  const text = message.text ? h("span", { class: "dm-text" }, message.text) : null;
  if (message.message_type === "party_invite" && message.party) {
    return [text, h("a", { class: "dm-link", href: `/party/${message.party.id}` }, `Join “${message.party.title}”`)];
  }
  if (message.message_type === "video_share" && message.video) {
    return [text, h("a", { class: "dm-link", href: `/videos/${message.video.id}` }, `Shared a video: “${message.video.title}”`)];
  }
  return text;
}

function bubble(message, mine) {
  const when = new Date(message.created_at);
  return h("li", { class: `dm${mine ? " mine" : ""}`, dataset: { id: message.id || "", client: message.client_id || "" } },
    mine ? null : h("span", { class: "dm-from" }, nameOf(message.sender)),
    body(message),
    h("time", { class: "dm-time", datetime: message.created_at || "" }, message.created_at ? when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "sending…"),
  );
}

/** Open `conversation` in `pane` on `socket`; returns {receive, typing, read, close}. */
export function openThread(pane, conversation, socket, { onBack, onRead }) {
  const me = session.user()?.id;
  const others = conversation.participants.filter((p) => p.id !== me);
  const log = h("ol", { class: "dm-log", role: "log", "aria-label": "Conversation", "aria-live": "polite" });
  const typingLine = h("p", { class: "dm-typing muted", "aria-live": "polite" });
  const seen = h("p", { class: "dm-seen muted" });
  const status = h("p", { class: "status", role: "status" });
  const earlier = h("button", { type: "button", class: "secondary small", hidden: true }, "Earlier messages");
  const box = h("input", { type: "text", name: "message", maxlength: "2000", autocomplete: "off", "aria-label": "Write a message", placeholder: "Write a message" });
  const form = h("form", { class: "dm-compose" }, box, h("button", { type: "submit", class: "primary small" }, "Send"));
  replace(pane,
    h("div", { class: "dm-head" },
      h("button", { type: "button", class: "link dm-back", onclick: onBack }, "‹ Conversations"),
      h("h2", {}, others.map(nameOf).join(", ") || "Just you")),
    earlier, log, seen, typingLine, status, form);
  const shown = new Map(); // id or client_id -> element
  const typers = new Map(); // user id -> [name, timer]
  let oldest = null;
  let lastMine = null;

  const place = (message, { before = false } = {}) => {
    const key = message.id || message.client_id;
    const existing = shown.get(message.id) || shown.get(message.client_id);
    const node = bubble(message, message.sender?.id === me);
    if (existing) existing.replaceWith(node);
    else if (before) log.prepend(node);
    else log.append(node);
    shown.set(key, node);
    if (message.client_id) shown.set(message.client_id, node);
    if (message.sender?.id === me && message.created_at && !before) lastMine = message;
    if (!before) log.scrollTop = log.scrollHeight;
  };
  const showSeen = () => {
    const at = lastMine && new Date(lastMine.created_at);
    const readers = at ? others.filter((p) => p.last_read_at && new Date(p.last_read_at) >= at) : [];
    seen.textContent = readers.length ? `Seen by ${readers.map(nameOf).join(", ")}` : "";
  };
  const showTyping = () => {
    const names = [...typers.values()].map(([name]) => name);
    typingLine.textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
  };
  const markRead = async () => {
    if (document.hidden) return;
    const ack = await call(socket, "read", { conversation_id: conversation.id });
    if (ack.ok) onRead(conversation.id);
  };
  const loadPage = async () => {
    const query = `page_size=${PAGE}${oldest ? `&before=${oldest}` : ""}`;
    const page = await api.get(`/api/messaging/conversations/${conversation.id}/messages/?${query}`);
    const top = log.firstChild;
    page.results.forEach((message) => place(message, { before: true }));
    if (page.results.length) oldest = page.results[page.results.length - 1].id;
    earlier.hidden = page.results.length < PAGE;
    if (!top) {
      lastMine = page.results.find((m) => m.sender?.id === me) || null;
      log.scrollTop = log.scrollHeight;
    }
    showSeen();
  };
  earlier.addEventListener("click", () => loadPage().catch((error) => say(status, error.describe(), "error")));

  let typingSent = 0;
  let idle = null;
  const tellTyping = (typing) => {
    typingSent = typing ? Date.now() : 0;
    call(socket, "typing", { conversation_id: conversation.id, typing });
  };
  box.addEventListener("input", () => {
    clearTimeout(idle);
    if (!box.value.trim()) return typingSent && tellTyping(false);
    if (Date.now() - typingSent > TYPING_RESENT_MS) tellTyping(true);
    idle = setTimeout(() => tellTyping(false), TYPING_RESENT_MS + 1000);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    clearTimeout(idle);
    const clientId = uid();
    place({ client_id: clientId, text, message_type: "text", sender: { id: me }, created_at: null });
    shown.get(clientId).classList.add("pending");
    box.value = "";
    typingSent = 0;
    const ack = await call(socket, "send", { conversation_id: conversation.id, message: text, client_id: clientId });
    if (ack.ok) {
      place(ack.message);
      showSeen();
      say(status, "");
    } else {
      shown.get(clientId)?.remove();
      shown.delete(clientId);
      box.value = text;
      say(status, api.describeAck(ack, "Your message was not sent."), "error");
    }
  });

  loadPage().then(markRead).catch((error) => say(status, error.describe ? error.describe() : "Could not load the conversation.", "error"));
  box.focus();
  return {
    id: conversation.id,
    /** A `message` event for this conversation. */
    receive(message) {
      typers.delete(message.sender?.id);
      showTyping();
      place(message);
      if (message.sender?.id !== me) markRead();
      showSeen();
    },
    /** A `restored` event: a message staff show again, put back in time order. */
    restore(message) {
      if (!message?.id || shown.get(message.id)?.isConnected) return; // `deleted` took it off the page only
      const at = Date.parse(message.created_at);
      const later = [...log.querySelectorAll("li.dm[data-id]")].find((li) => {
        const time = li.querySelector("time")?.getAttribute("datetime");
        return li.dataset.id && time && Date.parse(time) > at;
      });
      const node = bubble(message, message.sender?.id === me);
      if (later) later.before(node);
      else log.append(node);
      shown.set(message.id, node);
    },
    /** A `typing` event for this conversation. */
    typing({ user, typing }) {
      clearTimeout(typers.get(user.id)?.[1]);
      if (typing) typers.set(user.id, [nameOf(user), setTimeout(() => { typers.delete(user.id); showTyping(); }, TYPING_SHOWN_MS)]);
      else typers.delete(user.id);
      showTyping();
    },
    /** A `read` event for this conversation. */
    read({ user_id: userId, last_read_at: at }) {
      const reader = others.find((p) => p.id === userId);
      if (reader) reader.last_read_at = at;
      showSeen();
    },
    /** The page shows again: catch up on reading. */
    visible: markRead,
    close() {
      clearTimeout(idle);
      if (typingSent) tellTyping(false);
      typers.forEach(([, timer]) => clearTimeout(timer));
    },
  };
}
