// One poll as DOM: the question, each option with its live bar, count and share, the vote
// buttons (until I have voted), time left or "Closed", and Close for hosts and moderators.

import { clock, h } from "../dom.js";

/** Seconds left until `endsAt` (ISO), by the server's clock (`offsetMs` = server − local). */
export function secondsLeft(endsAt, offsetMs = 0) {
  const end = Date.parse(endsAt);
  return Number.isNaN(end) ? 0 : Math.max(0, Math.ceil((end - (Date.now() + offsetMs)) / 1000));
}

/** The time line of a poll: "Closed", "1:05 left", or "Closing…" when its time is up. */
export function timeText(poll, offsetMs) {
  if (poll.closed) return "Closed";
  const left = secondsLeft(poll.ends_at, offsetMs);
  return left > 0 ? `${clock(left)} left` : "Closing…";
}

function optionRow(poll, option, { myVote, canVote, onVote }) {
  const total = poll.total_votes || 0;
  const share = total ? Math.round((option.votes / total) * 100) : 0;
  const chosen = myVote === option.id;
  const count = `${option.votes} ${option.votes === 1 ? "vote" : "votes"} · ${share}%`;
  const bar = h("div", {
    class: "poll-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100",
    "aria-valuenow": String(share), "aria-label": `${option.text}: ${share}%`,
  }, h("span", { class: "poll-fill" }));
  bar.firstChild.style.width = `${share}%`;
  const label = h("span", { class: "poll-option-text" }, option.text, chosen ? h("span", { class: "badge" }, "Your vote") : null);
  const vote = canVote
    ? h("button", { type: "button", class: "secondary poll-vote", "aria-label": `Vote for ${option.text}`, dataset: { key: `vote:${option.id}` }, onclick: () => onVote(poll, option) }, "Vote")
    : null;
  return h("li", { class: `poll-option${chosen ? " chosen" : ""}` },
    h("div", { class: "poll-option-head" }, label, h("span", { class: "poll-count" }, count)), bar, vote);
}

/**
 * Build a poll card. `view`: {myVote, moderator, offsetMs, busy, onVote(poll, option),
 * onClose(poll)}; its status line (errors) goes in the element with class "poll-status".
 */
export function renderPoll(poll, view) {
  const canVote = !poll.closed && !view.myVote && !view.busy;
  const headingId = `poll-${poll.id}`;
  return h("article", { class: `poll${poll.closed ? " closed" : ""}`, "aria-labelledby": headingId, tabindex: "-1", dataset: { poll: poll.id } },
    h("h3", { id: headingId }, poll.question),
    h("p", { class: "poll-meta" },
      h("span", { class: "poll-time", dataset: { ends: poll.ends_at } }, timeText(poll, view.offsetMs)),
      ` · ${poll.total_votes} ${poll.total_votes === 1 ? "vote" : "votes"}`,
      view.myVote ? " · You voted" : null),
    h("ul", { class: "poll-options" }, poll.options.map((option) => optionRow(poll, option, { ...view, canVote }))),
    view.moderator && !poll.closed
      ? h("button", { type: "button", class: "link poll-close", dataset: { key: `close:${poll.id}` }, onclick: () => view.onClose(poll) }, "Close poll")
      : null,
    h("p", { class: "status poll-status", role: "status", "aria-live": "polite" }));
}
