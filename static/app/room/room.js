// The party room: opens the three sockets, joins, keeps the member list, mounts the panels.

import { h, say } from "../dom.js";
import { navigate } from "../router.js";
import * as session from "../session.js";
import { call, connect } from "../sockets.js";
import { mountChat } from "./chat.js";
import { mountControls } from "./controls.js";
import { mountInvite } from "./invite.js";
import { mountPeople } from "./people.js";
import { mountPlayer } from "./player.js";
import { mountPolls } from "./polls.js";
import { mountQueue } from "./queue.js";
import { mountReactions } from "./reactions.js";
import { applyPresence } from "./roster.js";
import { mountUpNext } from "./upnext.js";
import { mountVoice } from "./voice.js";

const ROLE_RANK = { host: 0, moderator: 1 };
// Join refusals worth retrying; any other (ended, not a member, pending, missing) is final.
const RETRY = new Set(["timeout", "server_error", "internal_error", "busy", "rate_limited", "service_unavailable"]);

/**
 * The room's shared context, handed to every panel:
 *   partyId, me (the signed-in user), party (the join snapshot's party), participants,
 *   sockets {party, chat, interactive}, player (set by the player panel: {video, position()}),
 *   role() and isModerator(), and an event bus: on(name, fn) / emit(name, detail).
 * Bus events: "snapshot" {party, state, participants, server_time} after every (re)join,
 *   "participants" (the list changed), "party" (the party's fields: after a (re)join, or when
 *   the host changes them), "playback" (the player adopted a newer state).
 */
function makeContext(partyId) {
  const bus = new EventTarget();
  const ctx = {
    partyId,
    me: session.user(),
    party: null,
    participants: [],
    player: null,
    sockets: {},
    on(name, fn) {
      const handler = (event) => fn(event.detail);
      bus.addEventListener(name, handler);
      return () => bus.removeEventListener(name, handler);
    },
    emit(name, detail) {
      bus.dispatchEvent(new CustomEvent(name, { detail }));
    },
    role() {
      const mine = ctx.participants.find((p) => p.user?.id === ctx.me?.id);
      return mine?.role || "participant";
    },
    isModerator() {
      return ctx.role() in ROLE_RANK;
    },
    canControl() {
      const policy = ctx.party?.control_policy || "host";
      if (policy === "everyone") return true;
      return policy === "moderators" ? ctx.isModerator() : ctx.role() === "host";
    },
  };
  return ctx;
}

function layout() {
  const regions = {
    title: h("h1", { class: "room-title" }, "Joining…"),
    status: h("p", { class: "status", role: "status", "aria-live": "polite" }),
    stage: h("section", { class: "stage", "aria-label": "Video" }),
    controls: h("section", { class: "controls", "aria-label": "Playback controls" }),
    upnext: h("section", { class: "upnext-region", "aria-label": "Up next" }),
    queue: h("section", { class: "panel queue", "aria-label": "Queue" }),
    reactions: h("section", { class: "reactions", "aria-label": "Reactions" }),
    invite: h("section", { class: "invite", "aria-label": "Invite" }),
    chat: h("section", { class: "panel chat", "aria-label": "Chat" }),
    people: h("section", { class: "panel people", "aria-label": "Participants" }),
    polls: h("section", { class: "panel polls", "aria-label": "Polls" }),
    voice: h("section", { class: "voice", "aria-label": "Voice chat" }),
  };
  const main = h("div", { class: "room-main" }, regions.stage, regions.upnext, regions.controls, regions.reactions, regions.voice);
  // Chat first: it is what people use most while watching; on a phone it follows the video.
  const side = h("div", { class: "room-side" }, regions.chat, regions.queue, regions.polls, regions.people, regions.invite);
  const root = h("div", { class: "room" }, h("header", { class: "room-head" }, regions.title, regions.status), main, side);
  return { root, regions };
}

/** Route view: /party/:id */
export async function room(outlet, { id }) {
  const ctx = makeContext(id);
  const { root, regions } = layout();
  outlet.append(root);
  ctx.sockets = { party: connect("/party"), chat: connect("/chat"), interactive: connect("/interactive") };
  const party = ctx.sockets.party;
  let closed = false;

  let retry = null;
  let attempts = 0;
  async function join() {
    clearTimeout(retry);
    const ack = await call(party, "join", { party_id: id }, 15000);
    if (closed || !party.connected) return; // gone, or a reconnect will join again
    if (!ack.ok) {
      if (!RETRY.has(ack.error)) {
        leaveRoom(ack.message || "You cannot join this party.");
        return;
      }
      // A slow or busy server: try again while connected, backing off to 30 s.
      attempts += 1;
      say(regions.status, `${ack.message || "Could not join."} Trying again…`, "error");
      retry = setTimeout(join, Math.min(30000, 1000 * 2 ** attempts));
      return;
    }
    attempts = 0;
    ctx.party = ack.party;
    ctx.participants = ack.participants || [];
    regions.title.textContent = ack.party.title;
    document.title = `${ack.party.title} · Watchparty`;
    say(regions.status, "");
    ctx.emit("snapshot", ack);
    ctx.emit("party", ctx.party);
    ctx.emit("participants", ctx.participants);
  }

  party.on("connect", join);
  party.on("disconnect", () => say(regions.status, "Connection lost: reconnecting…", "error"));
  party.on("party", (data) => {
    ctx.party = { ...ctx.party, ...data.party }; // the host changed the settings or the title
    regions.title.textContent = ctx.party.title;
    document.title = `${ctx.party.title} · Watchparty`;
    ctx.emit("party", ctx.party);
  });
  party.on("participants", (data) => {
    ctx.participants = data.participants || [];
    ctx.emit("participants", ctx.participants);
  });
  party.on("presence", (data) => {
    ctx.participants = applyPresence(ctx.participants, data);
    ctx.emit("participants", ctx.participants);
  });
  party.on("kicked", (data) => leaveRoom(`You were removed from this party${data.reason ? `: ${data.reason}` : "."}`));
  party.on("ended", () => leaveRoom("The party has ended."));

  const unmounts = [
    mountPlayer(ctx, regions.stage),
    mountControls(ctx, regions.controls),
    mountUpNext(ctx, regions.upnext),
    mountQueue(ctx, regions.queue),
    mountReactions(ctx, regions.reactions),
    mountInvite(ctx, regions.invite),
    mountPeople(ctx, regions.people),
    mountPolls(ctx, regions.polls),
    mountChat(ctx, regions.chat),
    mountVoice(ctx, regions.voice),
  ];

  function close() {
    if (closed) return;
    closed = true;
    clearTimeout(retry);
    document.title = "Watchparty";
    unmounts.forEach((fn) => typeof fn === "function" && fn());
    Object.values(ctx.sockets).forEach((s) => s.disconnect());
  }

  function leaveRoom(message) {
    close();
    navigate("/", { replace: true });
    window.dispatchEvent(new CustomEvent("watchparty:notice", { detail: message }));
  }

  return close;
}
