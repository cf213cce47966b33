// The sync indicator every viewer sees: a coloured dot and a word for how in step this player is
// (in sync, catching up, resyncing, buffering, waiting for others, reconnecting), plus the
// current drift and round trip. Screen readers hear only changes that matter to a person: the
// brief corrections of a playing player (catching up, resyncing) are announced as "In sync",
// and the numbers, which change every second, are not announced at all.

import { h } from "../dom.js";

const QUIET = new Set(["catching-up", "resyncing"]); // momentary: spoken as "In sync"
const LABELS = {
  sync: "In sync",
  "catching-up": "Catching up",
  resyncing: "Resyncing",
  buffering: "Buffering",
  loading: "Loading video",
  waiting: "Waiting for others",
  reconnecting: "Reconnecting",
  blocked: "Playback paused by the browser",
  idle: "No video yet",
  ended: "Ended",
};

function waitingText(ids, names) {
  const who = ids.map((id) => names(id)).filter(Boolean);
  const count = ids.length;
  const people = count === 1 ? "1 viewer" : `${count} viewers`;
  return who.length && who.length <= 2 ? `Waiting for ${who.join(" and ")}…` : `Waiting for ${people}…`;
}

/** Mount the indicator: returns {node, show({mode, drift_ms, rtt, waiting}), numbers(...)}. */
export function createIndicator(names = () => null) {
  const dot = h("span", { class: "sync-dot", "aria-hidden": "true" });
  const label = h("span", { class: "sync-label" }, "Joining…");
  const spoken = h("span", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const numbers = h("span", { class: "sync-numbers muted" });
  const node = h("div", { class: "sync-indicator", dataset: { state: "loading" } }, dot, label, numbers, spoken);

  return {
    node,
    /** Show a mode (the live region changes only when the announced words do). */
    show(status) {
      const text = status.mode === "waiting" ? waitingText(status.waiting || [], names) : LABELS[status.mode];
      node.dataset.state = status.mode;
      if (label.textContent !== (text || status.mode)) label.textContent = text || status.mode;
      const say = QUIET.has(status.mode) ? LABELS.sync : label.textContent;
      if (spoken.textContent !== say) spoken.textContent = say;
      this.numbers(status);
    },
    /** Refresh the drift and RTT figures. */
    numbers({ drift_ms: drift, rtt }) {
      const parts = [];
      if (drift !== null && drift !== undefined) parts.push(`drift ${Math.round(drift)} ms`);
      if (rtt !== null && rtt !== undefined) parts.push(`RTT ${Math.round(rtt)} ms`);
      numbers.textContent = parts.join(" · ");
    },
  };
}
