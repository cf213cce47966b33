// The end of an item: "Ended", and when the queue has more, "Up next: <title> in 5 s" counting
// down to the server's `advance_at`, with Cancel for those who control playback (the party
// then stays on the last frame). Hidden while something plays.

import { describeAck } from "../api.js";
import { h, say } from "../dom.js";
import { call } from "../sockets.js";
import { atEnd } from "./sync.js";

/** Mount the up-next banner into `region`; returns a cleanup function. */
export function mountUpNext(ctx, region) {
  const text = h("span", { class: "upnext-text" });
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
  const status = h("span", { class: "status", role: "status", "aria-live": "polite" });
  const banner = h("div", { class: "upnext", role: "status", hidden: true }, text, cancel, status);
  region.append(banner);
  let state = null;
  let offsetMs = 0; // server clock minus ours, from the join snapshot

  function render() {
    const due = state?.advance_at;
    const ended = atEnd(state);
    banner.hidden = !ended;
    if (!ended) return;
    if (due && state.up_next) {
      const left = Math.max(0, Math.ceil((due - (Date.now() + offsetMs)) / 1000));
      text.textContent = `Ended. Up next: ${state.up_next.title} in ${left} s`;
    } else {
      text.textContent = "Ended.";
    }
    cancel.hidden = !(due && ctx.canControl());
  }

  cancel.addEventListener("click", async () => {
    const ack = await call(ctx.sockets.party, "queue_cancel", { party_id: ctx.partyId });
    say(status, ack.ok ? "" : describeAck(ack, "Could not cancel."), ack.ok ? "info" : "error");
  });
  const ticker = setInterval(render, 250);
  const offs = [
    ctx.on("snapshot", (snap) => {
      offsetMs = (snap.server_time || Date.now()) - Date.now();
      state = snap.state;
      render();
    }),
    ctx.on("playback", (next) => {
      state = next;
      render();
    }),
  ];
  return () => {
    clearInterval(ticker);
    offs.forEach((off) => off());
  };
}
