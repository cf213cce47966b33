// Room panel: the emoji bar, and every reaction in the room floating up over the video.

import { h, say } from "../dom.js";
import { call } from "../sockets.js";
import { face, REACTIONS } from "./emoji.js";
import { onInteractiveJoin } from "./joining.js";

const MAX_FLOATING = 40; // a burst from a big room must not pile up thousands of nodes

/** Mount the reactions bar into `region`; returns a cleanup function. */
export function mountReactions(ctx, region) {
  const socket = ctx.sockets.interactive;
  const layer = h("div", { class: "reaction-layer", "aria-hidden": "true" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const buttons = REACTIONS.map(({ emoji, name }) =>
    h("button", { type: "button", class: "secondary reaction-button", "aria-label": `React: ${name}`, title: name, onclick: () => react(emoji) }, face(emoji)));
  const off = h("p", { class: "muted reactions-off", hidden: true }, "Reactions are turned off in this party.");
  let clearTimer = null;

  region.append(h("div", { class: "reaction-bar", role: "group", "aria-label": "Send a reaction" }, buttons), off, status);
  // Over the picture (full screen too); beside the bar if there is no player to float over.
  (ctx.player?.video?.closest(".player-frame") || region).append(layer);

  function flash(text) {
    say(status, text, "error");
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => say(status, ""), 3000);
  }

  async function react(emoji) {
    const videoTs = Math.max(0, Number(ctx.player?.position() ?? 0) || 0);
    const ack = await call(socket, "react", { party_id: ctx.partyId, emoji, video_ts: videoTs });
    if (!ack.ok) flash(ack.message || "The reaction was not sent.");
  }

  function float(reaction) {
    while (layer.childElementCount >= MAX_FLOATING) layer.firstElementChild.remove();
    const node = h("span", { class: "float-emoji" }, face(reaction.emoji));
    node.style.left = `${8 + Math.random() * 84}%`;
    node.style.setProperty("--sway", `${Math.round(Math.random() * 40 - 20)}px`);
    node.style.setProperty("--rise", `${Math.round(layer.clientHeight * 0.75)}px`);
    const done = () => node.remove();
    node.addEventListener("animationend", done);
    setTimeout(done, 4000); // in case the animation never runs (hidden tab, no CSS)
    layer.append(node);
  }

  function applyAllowed() {
    const allowed = ctx.party?.allow_reactions !== false;
    buttons.forEach((button) => {
      button.disabled = !allowed;
    });
    off.hidden = allowed;
  }

  socket.on("reaction", float);
  const offJoin = onInteractiveJoin(ctx, (ack) => {
    if (ack.ok) region.dataset.state = "joined";
    applyAllowed();
  });
  const offSnapshot = ctx.on("snapshot", applyAllowed);
  const offParty = ctx.on("party", applyAllowed);
  return () => {
    layer.remove();
    socket.off("reaction", float);
    offJoin();
    offSnapshot();
    offParty();
    clearTimeout(clearTimer);
  };
}
