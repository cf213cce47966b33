// This viewer's own controls, which never affect anyone else: mute, volume and full screen.

import { h } from "../dom.js";

const VOLUME_KEY = "watchparty.volume";

/** Mute, volume and full-screen controls for ctx.player; returns {node, destroy()}. */
export function mountLocalControls(ctx) {
  const video = ctx.player?.video;
  const mute = h("button", { type: "button", class: "secondary mute", "aria-pressed": "false" }, "Mute");
  const volume = h("input", {
    type: "range",
    class: "volume",
    min: "0",
    max: "1",
    step: "0.05",
    "aria-label": "Volume",
  });
  const full = h("button", { type: "button", class: "secondary" }, "Full screen");
  const node = h("div", { class: "controls-local" }, mute, volume, full);
  if (!video) return { node, destroy() {} };

  const saved = Number(localStorage.getItem(VOLUME_KEY));
  if (Number.isFinite(saved) && localStorage.getItem(VOLUME_KEY) !== null) video.volume = saved;
  volume.value = String(video.volume);

  function show() {
    mute.textContent = video.muted ? "Unmute" : "Mute";
    mute.setAttribute("aria-pressed", String(video.muted));
    volume.value = String(video.muted ? 0 : video.volume);
  }
  mute.addEventListener("click", () => {
    video.muted = !video.muted;
  });
  volume.addEventListener("input", () => {
    video.volume = Number(volume.value);
    video.muted = video.volume === 0;
    localStorage.setItem(VOLUME_KEY, volume.value);
  });
  full.addEventListener("click", () => {
    const frame = video.closest(".player-frame") || video;
    if (document.fullscreenElement) document.exitFullscreen();
    else frame.requestFullscreen?.().catch(() => {});
  });
  video.addEventListener("volumechange", show);
  show();
  return { node, destroy: () => video.removeEventListener("volumechange", show) };
}
