// View: messages — your conversations (the latest first, unread counts), a new conversation
// with one or more friends, and the open conversation (views/thread.js), all live on /messaging.
// /messages?with=<user id> opens (or starts) the conversation with that person.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import * as session from "../session.js";
import { connect } from "../sockets.js";
import { statusRegion } from "./forms.js";
import { openThread } from "./thread.js";

function title(conversation, me) {
  const others = conversation.participants.filter((p) => p.id !== me);
  return others.map(nameOf).join(", ") || "Just you";
}

function preview(message, me) {
  if (!message) return "No messages yet";
  const who = message.sender?.id === me ? "You: " : "";
  if (message.message_type === "party_invite") return `${who}invited you to a party`;
  if (message.message_type === "video_share") return `${who}shared a video`;
  return who + message.text;
}

/** The friends to start a conversation with, as checkboxes, and a Start button. */
function starter(onStart) {
  const choices = h("fieldset", { class: "dm-friends" }, h("legend", {}, "Friends"));
  const form = h("form", { class: "dm-new" }, choices, h("button", { type: "submit", class: "primary small" }, "Start conversation"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const ids = [...form.querySelectorAll("input:checked")].map((box) => box.value);
    if (ids.length) onStart(ids);
  });
  api.get("/api/users/friends/?page_size=100").then((page) => {
    if (!page.results.length) choices.append(h("p", { class: "muted" }, "Add friends first, on the Friends page."));
    page.results.forEach((friend) => choices.append(h("label", { class: "check" }, h("input", { type: "checkbox", name: "with", value: friend.id }), nameOf(friend))));
  }).catch(() => choices.append(h("p", { class: "muted" }, "Your friends could not be loaded.")));
  return h("details", { class: "panel" }, h("summary", {}, "New conversation"), form);
}

/** Route view: /messages */
export async function messages(outlet, { query }) {
  const me = session.user()?.id;
  const status = statusRegion();
  const list = h("ul", { class: "dm-list", "aria-label": "Conversations" });
  const pane = h("section", { class: "dm-pane panel", "aria-label": "Open conversation" }, h("p", { class: "muted" }, "Pick a conversation, or start one."));
  const page = h("div", { class: "messages-page" },
    h("aside", { class: "dm-side" }, h("h1", {}, "Messages"), status, starter(start), list),
    pane);
  outlet.append(page);
  const socket = connect("/messaging");
  let thread = null;

  async function load() {
    const found = await api.get("/api/messaging/conversations/?page_size=100").catch(() => ({ results: [] }));
    replace(list, found.results.map((c) => h("li", {},
      h("button", { type: "button", class: `dm-row${thread?.id === c.id ? " open" : ""}`, dataset: { conversation: c.id }, onclick: () => show(c) },
        h("span", { class: "dm-name" }, title(c, me)),
        c.unread_count ? h("span", { class: "badge", "aria-label": `${c.unread_count} unread` }, String(c.unread_count)) : null,
        h("span", { class: "dm-preview muted" }, preview(c.last_message, me))))));
    if (!found.results.length) list.append(h("li", { class: "muted" }, "No conversations yet."));
    return found.results;
  }
  function show(conversation) {
    thread?.close();
    history.replaceState({}, "", `/messages?c=${conversation.id}`);
    page.dataset.open = "thread";
    thread = openThread(pane, conversation, socket, {
      onBack: () => {
        thread?.close();
        thread = null;
        delete page.dataset.open;
        history.replaceState({}, "", "/messages");
        load();
      },
      onRead: () => load(),
    });
    list.querySelectorAll(".dm-row").forEach((row) => row.classList.toggle("open", row.dataset.conversation === conversation.id));
  }
  async function start(ids) {
    try {
      show(await api.post("/api/messaging/conversations/", { participant_ids: ids }));
      load();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That conversation could not be started.", "error");
    }
  }

  socket.on("message", (message) => (thread?.id === message.conversation_id ? thread.receive(message) : load()));
  socket.on("typing", (event) => thread?.id === event.conversation_id && thread.typing(event));
  socket.on("read", (event) => thread?.id === event.conversation_id && thread.read(event));
  socket.on("conversation", load);
  socket.on("left", load);
  // A direct message staff removed (moderation) leaves the open thread at once.
  socket.on("deleted", (event) => outlet.querySelector(`li.dm[data-id="${CSS.escape(event.message_id)}"]`)?.remove());
  // …and one staff show again after review comes back in its place.
  socket.on("restored", (message) => thread?.id === message.conversation_id && thread.restore(message));
  const onVisible = () => !document.hidden && thread?.visible();
  document.addEventListener("visibilitychange", onVisible);

  const conversations = await load();
  const wanted = query.get("c");
  if (query.get("with")) await start([query.get("with")]);
  else if (wanted) {
    const known = conversations.find((c) => c.id === wanted);
    try {
      show(known || (await api.get(`/api/messaging/conversations/${encodeURIComponent(wanted)}/`)));
    } catch (error) {
      say(status, error.describe ? error.describe() : "No such conversation.", "error");
    }
  }
  return () => {
    thread?.close();
    document.removeEventListener("visibilitychange", onVisible);
    socket.disconnect();
  };
}
