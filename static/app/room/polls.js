// Room panel: polls. Open polls come with the /interactive join; `poll` events insert or update
// them by id with live counts. Broadcasts carry no "my vote", so my votes are kept here.

import { h, replace, say } from "../dom.js";
import { call } from "../sockets.js";
import { onInteractiveJoin } from "./joining.js";
import { renderPoll, timeText } from "./poll_card.js";
import { createPollForm } from "./poll_form.js";
import { describeAck } from "../api.js";
import { rerenderKeepingFocus, rolesKey } from "./social_util.js";

const KEEP_CLOSED = 5; // closed polls stay visible (with final results) until more pile up

/** Mount the polls panel into `region`; returns a cleanup function. */
export function mountPolls(ctx, region) {
  const socket = ctx.sockets.interactive;
  const polls = new Map(); // id -> poll, oldest first
  const myVotes = new Map(); // poll id -> option id
  const busy = new Set(); // poll ids with a vote on the way
  const errors = new Map(); // poll id -> error text shown on its card
  let offsetMs = 0; // server clock minus ours, from the /party snapshot
  const list = h("div", { class: "poll-list" });
  const empty = h("p", { class: "muted" }, "No polls yet.");
  const newPoll = h("div", { class: "poll-tools" });
  const form = createPollForm(ctx.partyId, (body) => call(socket, "poll_create", { party_id: ctx.partyId, ...body }).then(remember));
  region.append(h("h2", {}, "Polls"), newPoll, empty, list);
  render();

  function remember(ack) {
    if (ack.ok && ack.poll) upsert(ack.poll);
    return ack;
  }

  function upsert(poll) {
    if (poll.my_vote !== undefined && poll.my_vote !== null) myVotes.set(poll.id, poll.my_vote);
    polls.set(poll.id, { ...polls.get(poll.id), ...poll });
    const closed = [...polls.values()].filter((p) => p.closed);
    closed.slice(0, Math.max(0, closed.length - KEEP_CLOSED)).forEach((p) => polls.delete(p.id));
    render();
  }

  function render() {
    const moderator = ctx.isModerator();
    newPoll.hidden = !moderator;
    if (moderator && !newPoll.firstChild) newPoll.append(form);
    empty.hidden = polls.size > 0;
    rerenderKeepingFocus(list, () => {
      // Newest first: a poll just opened is what people are looking for.
      replace(list, [...polls.values()].reverse().map((poll) => {
        const card = renderPoll(poll, { myVote: myVotes.get(poll.id), moderator, offsetMs, busy: busy.has(poll.id), onVote: vote, onClose: close });
        if (errors.has(poll.id)) say(card.querySelector(".poll-status"), errors.get(poll.id), "error");
        return card;
      }));
    });
  }

  // Voting and closing re-render the card without its buttons: keep focus on the card.
  function keepFocusOn(pollId) {
    if (document.activeElement && document.activeElement !== document.body) return;
    list.querySelector(`[data-poll="${pollId}"]`)?.focus();
  }

  async function vote(poll, option) {
    busy.add(poll.id);
    errors.delete(poll.id);
    render();
    const ack = await call(socket, "vote", { poll_id: poll.id, option_id: option.id });
    busy.delete(poll.id);
    if (ack.ok) {
      myVotes.set(poll.id, option.id);
      upsert(ack.poll);
      keepFocusOn(poll.id);
      return;
    }
    if (ack.error === "already_voted") myVotes.set(poll.id, myVotes.get(poll.id) || "unknown");
    errors.set(poll.id, describeAck(ack, "The vote was not counted."));
    render();
    keepFocusOn(poll.id);
  }

  async function close(poll) {
    const ack = await call(socket, "poll_close", { poll_id: poll.id });
    if (ack.ok) {
      errors.delete(poll.id);
      upsert(ack.poll);
    } else {
      errors.set(poll.id, describeAck(ack, "The poll was not closed."));
      render();
    }
    keepFocusOn(poll.id);
  }

  // The time left ticks in place; re-rendering every card each second would steal focus.
  const ticker = setInterval(() => {
    list.querySelectorAll(".poll-time").forEach((node) => {
      const poll = polls.get(node.closest("[data-poll]")?.dataset.poll);
      if (poll) node.textContent = timeText(poll, offsetMs);
    });
  }, 1000);

  socket.on("poll", upsert);
  const offJoin = onInteractiveJoin(ctx, (ack) => {
    if (!ack.ok) {
      replace(list, h("p", { class: "status error", role: "status" }, ack.message || "Could not load the polls."));
      return;
    }
    region.dataset.state = "joined";
    for (const [id, poll] of polls) if (!poll.closed) polls.delete(id); // the ack has all open ones
    (ack.polls || []).forEach(upsert);
    render();
  });
  const offSnapshot = ctx.on("snapshot", (snapshot) => {
    if (snapshot?.server_time) offsetMs = snapshot.server_time - Date.now();
  });
  let lastRoles = "";
  const offParticipants = ctx.on("participants", () => {
    if (rolesKey(ctx) === lastRoles) return; // only who may run polls matters here
    lastRoles = rolesKey(ctx);
    render();
  });
  return () => {
    clearInterval(ticker);
    socket.off("poll", upsert);
    offJoin();
    offSnapshot();
    offParticipants();
  };
}
