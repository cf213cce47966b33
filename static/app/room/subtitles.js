// Subtitles: each viewer picks a track (or none) for their own player; the party's
// `subtitle_language` (the host's choice) is where a viewer starts until they pick. Tracks are
// fetched as text (with the session where the API needs it) and attached as <track> elements
// from blob URLs, so they render the same over hls.js and native playback.

import * as api from "../api.js";
import * as session from "../session.js";
import { h, replace } from "../dom.js";
import { uid } from "../sockets.js";

async function blobOf(track) {
  const headers = track.auth && session.accessToken() ? { Authorization: `Bearer ${session.accessToken()}` } : {};
  const response = await fetch(track.url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return URL.createObjectURL(new Blob([await response.text()], { type: "text/vtt" }));
}

/** The picker for `video`: {node, set(tracks)}; tracks are [{language, label, url, auth?}]. */
export function createSubtitles(ctx, video) {
  const id = `subs-${uid()}`;
  const select = h("select", { id, class: "subtitle-pick" });
  const makeDefault = h("button", { type: "button", class: "secondary small", hidden: true }, "Make default for everyone");
  const node = h("span", { class: "subtitles", hidden: true }, h("label", { for: id }, "Subtitles"), select, makeDefault);
  let picked = null; // this viewer's choice ("" for none), once they made one
  let urls = [];

  function show() {
    const wanted = picked ?? ctx.party?.subtitle_language ?? "";
    [...video.textTracks].forEach((t) => (t.mode = t.language === wanted ? "showing" : "disabled"));
    select.value = [...select.options].some((o) => o.value === wanted) ? wanted : "";
    makeDefault.hidden = ctx.role() !== "host" || !select.value || select.value === ctx.party?.subtitle_language;
  }

  async function set(tracks) {
    video.querySelectorAll("track").forEach((t) => t.remove());
    urls.forEach((url) => URL.revokeObjectURL(url));
    urls = [];
    node.hidden = !tracks.length;
    replace(select, h("option", { value: "" }, "Off"), tracks.map((t) => h("option", { value: t.language }, t.label)));
    for (const track of tracks) {
      try {
        const src = await blobOf(track);
        urls.push(src);
        video.append(h("track", { kind: "subtitles", srclang: track.language, label: track.label, src }));
      } catch {
        select.querySelector(`option[value="${CSS.escape(track.language)}"]`)?.remove();
      }
    }
    show();
  }

  select.addEventListener("change", () => {
    picked = select.value;
    show();
  });
  makeDefault.addEventListener("click", async () => {
    await api.patch(`/api/parties/${ctx.partyId}/`, { subtitle_language: select.value }).catch(() => {});
  });
  const off = ctx.on("party", show);
  return { node, set, destroy: off };
}
