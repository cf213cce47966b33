// Room panel: playback controls. Controllers (ctx.canControl()) get play/pause, a seek slider,
// speed and the host actions; everyone else sees where playback is and who controls it. Every
// viewer gets volume and full screen. Commands go to the server, never straight to the
// player: the `state` the server broadcasts (scheduled at its `at`) is what moves every player.

import { describeAck } from "../api.js";
import { clock, h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { call, uid } from "../sockets.js";
import { mountHostActions } from "./hostactions.js";
import { atEnd } from "./sync.js";
import { mountLocalControls } from "./local.js";

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
const STEP_S = 5;

const typing = (el) => el?.closest?.("input, textarea, select, [contenteditable]");
// Space on these already activates them natively; toggling as well would undo that click.
const activates = (el) => el?.closest?.("button, a, summary");
// Space and arrows scroll the chat and the side panels: they are not playback keys there.
const scrolling = (el) => el?.closest?.(".room-side, [role=log]");

/** Send a playback command; shows a refusal in `status`. Resolves with the ack. */
export async function sendControl(ctx, status, action, extra = {}) {
  const body = { party_id: ctx.partyId, action, ...extra, cmd_id: uid() };
  const ack = await call(ctx.sockets.party, "control", body);
  if (ack.ok) say(status, "");
  else say(status, describeAck(ack, "The command was refused."), "error");
  return ack;
}

function controllerHint(ctx) {
  const policy = ctx.party?.control_policy || "host";
  const host = nameOf(ctx.participants.find((p) => p.role === "host")?.user, "The host");
  return policy === "moderators" ? `${host} and the moderators control playback.` : `${host} controls playback.`;
}

/** Mount the controls panel into `region`; returns a cleanup function. */
export function mountControls(ctx, region) {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const now = h("span", { class: "time" }, "0:00");
  const total = h("span", { class: "time" }, "0:00");
  const body = h("div", { class: "controls-main" });
  const local = mountLocalControls(ctx);
  region.append(body, local.node, status);

  let view = null; // what is drawn: "none", "control:<role>" or "view:<hint>"
  let parts = {};
  let dragging = false;
  let aim = null; // the last seek sent, until its state arrives: quick presses add up

  const state = () => ctx.player?.sync.state;
  const position = () => ctx.player?.video.currentTime || 0;
  const duration = () => {
    const d = ctx.player?.video.duration;
    return Number.isFinite(d) ? d : 0;
  };

  const command = (action, extra) => sendControl(ctx, status, action, extra);
  const toggle = () => command(state()?.playing ? "pause" : "play");
  const seekTo = (seconds) => {
    aim = Math.round(Math.max(0, Math.min(seconds, duration() || Infinity)) * 1000) / 1000;
    command("seek", { position: aim }).then((ack) => {
      if (!ack.ok) aim = null;
    });
  };
  // From where the party is (not this element, which may be buffering or cued ahead).
  const seekBy = (delta) => seekTo((aim ?? ctx.player?.sync.target() ?? position()) + delta);

  function controllerView() {
    const play = h("button", { type: "button", class: "play-toggle", onclick: toggle }, "Play");
    const slider = h("input", {
      type: "range",
      class: "seek",
      min: "0",
      max: "0",
      step: "any",
      value: "0",
      "aria-label": "Seek",
    });
    slider.addEventListener("input", () => {
      dragging = true;
      now.textContent = clock(slider.value);
    });
    slider.addEventListener("change", () => {
      dragging = false;
      seekTo(Number(slider.value));
    });
    slider.addEventListener("keydown", (event) => {
      const delta = { ArrowLeft: -STEP_S, ArrowDown: -STEP_S, ArrowRight: STEP_S, ArrowUp: STEP_S }[event.key];
      if (delta === undefined) return;
      event.preventDefault(); // ±5 s per press, not the browser's tiny range step
      seekBy(delta);
    });
    const rateId = `rate-${uid()}`;
    const rate = h(
      "select",
      { id: rateId, class: "rate", onchange: () => command("rate", { rate: Number(rate.value) }) },
      RATES.map((r) => h("option", { value: String(r) }, `${r}×`)),
    );
    rate.value = "1";
    const speed = h("span", { class: "speed" }, h("label", { for: rateId }, "Speed"), rate);
    const hint = h("p", { class: "muted keys" }, "Keys: space or K play/pause, ← → seek 5 s.");
    const bar = h("div", { class: "controls-bar" }, play, h("div", { class: "seek-group" }, now, slider, total), speed);
    parts = { play, slider, rate };
    return [bar, mountHostActions(ctx, sendControl), hint];
  }

  function viewerView() {
    const progress = h("progress", { class: "progress", max: "1", value: "0", "aria-label": "Playback position" });
    parts = { progress };
    const bar = h("div", { class: "controls-bar viewer" }, h("div", { class: "seek-group" }, now, progress, total));
    return [bar, h("p", { class: "muted hint" }, controllerHint(ctx))];
  }

  function render() {
    const wanted = !ctx.party ? "none" : ctx.canControl() ? `control:${ctx.role()}` : `view:${controllerHint(ctx)}`;
    if (wanted === view) return;
    view = wanted;
    parts = {};
    if (wanted === "none") replace(body);
    else replace(body, wanted.startsWith("control") ? controllerView() : viewerView());
    refresh();
  }

  /** Follow the player: times, slider, play label, speed. */
  function refresh() {
    const d = duration();
    const t = Math.min(position(), d || Infinity);
    total.textContent = clock(d);
    if (!dragging) now.textContent = clock(t);
    const { play, slider, rate, progress } = parts;
    if (slider && !dragging) {
      slider.max = String(d);
      slider.value = String(t);
      slider.setAttribute("aria-valuetext", `${clock(t)} of ${clock(d)}`);
    }
    if (progress) {
      progress.max = d || 1;
      progress.value = t;
      progress.setAttribute("aria-valuetext", `${clock(t)} of ${clock(d)}`);
    }
    const s = state();
    if (play) {
      const label = s?.playing ? "Pause" : atEnd(s) ? "Replay" : "Play";
      if (play.textContent !== label) play.textContent = label;
      play.dataset.playing = String(Boolean(s?.playing));
    }
    if (rate && s && document.activeElement !== rate) rate.value = String(s.rate);
  }

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!ctx.party || !ctx.canControl() || typing(event.target) || scrolling(event.target)) return;
    if ((event.key === " " && !activates(event.target)) || event.key === "k" || event.key === "K") {
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      seekBy(event.key === "ArrowLeft" ? -STEP_S : STEP_S);
    }
  }

  document.addEventListener("keydown", onKey);
  const ticker = setInterval(refresh, 250);
  const onState = () => {
    aim = null;
    refresh();
  };
  const offs = [
    ctx.on("snapshot", render),
    ctx.on("party", render), // control_policy may have changed
    ctx.on("participants", render),
    ctx.on("playback", onState),
  ];
  render();

  return () => {
    clearInterval(ticker);
    document.removeEventListener("keydown", onKey);
    offs.forEach((off) => off());
    local.destroy();
  };
}
