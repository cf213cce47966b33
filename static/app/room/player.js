// Room panel: the synchronized player. Wires the /party socket to the sync engine (sync.js), the
// source loader (source.js) and the indicator; sends reports and readiness; offers a button
// when the browser refuses to start playback with sound.

import { h, say } from "../dom.js";
import { nameOf } from "../names.js";
import { localNow, serverClock } from "./clock.js";
import { createIndicator } from "./indicator.js";
import { createSubtitles } from "./subtitles.js";
import { createSource } from "./source.js";
import { createSync } from "./sync.js";

const REPORT_MS = 1000;
const LAG_KEY = "watchparty.startLag"; // this browser's learned start latency, kept across reloads
const STALL_MS = 700; // a `waiting` shorter than this is a seek settling, not a stall

function remembered() {
  try {
    return JSON.parse(localStorage.getItem(LAG_KEY)) || {};
  } catch {
    return {};
  }
}

/** Mount the player into `region`; sets ctx.player = {video, position(), sync, clock}. */
export function mountPlayer(ctx, region) {
  const socket = ctx.sockets.party;
  // No native controls: seeking is the controllers' business and goes through the server.
  const video = h("video", { class: "player-video", playsinline: true, preload: "auto" });
  video.setAttribute("aria-label", "Party video");
  const join = h("button", { type: "button", class: "player-join", hidden: true }, "Click to join playback");
  const empty = h("p", { class: "player-empty muted", hidden: true }, "No video is playing yet.");
  const problem = h("p", { class: "status", role: "alert" });
  const indicator = createIndicator((id) => nameOf(ctx.participants.find((p) => p.user?.id === id)?.user));
  const subtitles = createSubtitles(ctx, video);
  region.append(h("div", { class: "player-frame" }, video, empty, join), indicator.node, subtitles.node, problem);

  const clock = serverClock(socket);
  const sync = createSync({ media: video, clock, startLag: remembered() });
  const source = createSource(video, {
    where: () => sync.target(localNow()),
    onTracks: (tracks) => subtitles.set(tracks),
    onError: (text, kind = "source") => {
      say(problem, text, "error");
      problem.dataset.kind = kind; // the source's fault, or this viewer's connection
    },
  });
  ctx.player = { video, position: () => video.currentTime, sync, clock };

  let connected = socket.connected;
  let readySent = null; // what the server last heard from this connection about readiness
  let stallTimer = null;
  const showStatus = () => indicator.show(connected ? sync.status() : { ...sync.status(), mode: "reconnecting" });
  const offs = [
    sync.on("status", showStatus),
    sync.on("source", (state) => {
      say(problem, "");
      empty.hidden = Boolean(state.video_id || state.media_url);
      source.load(state);
    }),
    sync.on("state", (state) => ctx.emit("playback", state)),
    sync.on("learned", (lags) => localStorage.setItem(LAG_KEY, JSON.stringify(lags))),
    sync.on("blocked", (blocked) => {
      join.hidden = !blocked;
      // Offer the button to keyboard users too, unless they are already busy somewhere else.
      const idle = [document.body, document.getElementById("app")].includes(document.activeElement);
      if (blocked && idle) join.focus();
    }),
    ctx.on("snapshot", (ack) => {
      connected = true;
      clock.rough(ack.server_time);
      readySent = null; // a new connection: the server must hear it again
      sync.adopt(ack.state);
      source.revive();
      clock.resync();
      if (video.readyState >= 3) sendReady(true);
      showStatus();
    }),
  ];
  join.addEventListener("click", () => sync.unblock()); // play() must run inside the click

  // Readiness for wait-for-ready: tell the server only on a change, and only about real stalls.
  function sendReady(ready) {
    if (readySent === ready || !socket.connected || !ctx.party) return;
    readySent = ready;
    socket.emit("ready", { party_id: ctx.partyId, ready });
  }
  function recovered() {
    clearTimeout(stallTimer);
    if (problem.textContent) say(problem, "");
    sync.setStalled(false);
    sendReady(true);
  }
  const media = {
    canplay: recovered,
    playing: recovered,
    waiting: () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        if (video.readyState >= 3) return;
        sync.setStalled(true);
        sendReady(false);
      }, STALL_MS);
    },
    emptied: () => clearTimeout(stallTimer),
  };
  Object.entries(media).forEach(([name, fn]) => video.addEventListener(name, fn));

  const socketEvents = {
    state: (state) => sync.adopt(state),
    correct: (fix) => sync.correct(fix),
    disconnect: () => {
      connected = false;
      showStatus();
    },
  };
  Object.entries(socketEvents).forEach(([name, fn]) => socket.on(name, fn));

  const reporter = setInterval(() => {
    const body = sync.report();
    // Fire and forget: a `busy` answer only means "send the next one", which we do anyway.
    if (body && socket.connected && ctx.party) socket.emit("report", { party_id: ctx.partyId, ...body });
    showStatus();
  }, REPORT_MS);
  showStatus();

  return () => {
    clearInterval(reporter);
    clearTimeout(stallTimer);
    offs.forEach((off) => off());
    Object.entries(socketEvents).forEach(([name, fn]) => socket.off(name, fn));
    clock.stop();
    sync.destroy();
    source.destroy();
    subtitles.destroy();
  };
}
