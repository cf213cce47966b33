// Live processing progress of an upload: `video_progress` events on /videos, with a poll of
// processing-status as the fallback for any event missed (a reconnect, a busy tab).

import * as api from "../api.js";
import { h } from "../dom.js";
import { connect } from "../sockets.js";

const POLL_MS = 3000;
const FINAL = new Set(["ready", "failed"]);
const STEPS = {
  uploading: "Receiving the file",
  queued: "Waiting for a worker",
  probing: "Checking the file",
  transcoding: "Transcoding",
  thumbnail_generation: "Making a thumbnail",
  publishing: "Publishing",
  retrying: "Retrying",
  ready: "Ready",
  failed: "Failed",
};

/**
 * Open the /videos socket now (before the upload ends, so a fast transcode's events are not
 * missed); `track(videoId, onUpdate)` then reports that video's state until it is final.
 */
export function progressFeed() {
  const socket = connect("/videos");
  const latest = new Map();
  let listener = null;
  let timer = null;
  socket.on("video_progress", (event) => {
    latest.set(event.video_id, event);
    listener?.(event);
  });

  function close() {
    clearInterval(timer);
    listener = null;
    socket.disconnect();
  }

  function track(videoId, onUpdate) {
    let final = false;
    const deliver = (state) => {
      if (final || state.video_id !== videoId) return;
      final = FINAL.has(state.status);
      onUpdate(state);
      if (final) close();
    };
    listener = deliver;
    if (latest.has(videoId)) deliver(latest.get(videoId));
    const poll = async () => {
      try {
        const state = await api.get(`/api/videos/${videoId}/processing-status/`);
        deliver({ ...state, video_id: String(state.video_id), step: stepOf(state) });
      } catch {
        // The socket may still deliver; the next poll tries again.
      }
    };
    timer = setInterval(poll, POLL_MS);
    poll();
  }

  return { track, close };
}

// The poll has no step name: take the step in progress from `processing_steps`.
function stepOf(state) {
  if (state.status !== "processing") return state.status;
  const running = Object.entries(state.processing_steps || {}).find(([, s]) => s === "in_progress");
  if (!running) return null;
  return running[0] === "quality_variants" ? "transcoding" : running[0];
}

function remaining(iso) {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  if (!Number.isFinite(seconds)) return "";
  if (seconds <= 1) return "Almost done";
  return seconds < 90 ? `About ${seconds} s left` : `About ${Math.round(seconds / 60)} min left`;
}

/** The processing panel: a bar, the step and an ETA; `update(state)` redraws it. */
export function processingPanel() {
  const bar = h("progress", { max: 100, value: 0, "aria-labelledby": "processing-label" });
  const percent = h("span", { class: "percent" }, "0 %");
  const step = h("span", { class: "step" }, STEPS.queued);
  const eta = h("span", { class: "eta muted" });
  const element = h(
    "div",
    { class: "progress-block processing" },
    h("p", { id: "processing-label", class: "progress-label" }, "Processing"),
    h("div", { class: "progress-row" }, bar, percent),
    h("p", { class: "progress-detail" }, step, " ", eta),
  );
  let shown = 0;

  function update(state) {
    // The poll can be a beat behind the socket: never move the bar backwards within an attempt.
    const value = state.status === "ready" ? 100 : Math.max(state.step === "retrying" ? 0 : shown, Number(state.progress) || 0);
    shown = value;
    bar.value = value;
    percent.textContent = `${value} %`;
    const name = STEPS[state.step] || STEPS[state.status];
    if (name) step.textContent = name;
    eta.textContent = state.estimated_completion && !FINAL.has(state.status) ? remaining(state.estimated_completion) : "";
  }

  return { element, update };
}
