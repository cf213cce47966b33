// View: one video (/videos/:id) — the player, title, owner, description, Like, "Watch together"
// (a party playing it), Report (not on your own) and the comments. A video the caller may not
// see, or one not playable yet, shows the API's message instead.

import * as api from "../api.js";
import { clock, h, say } from "../dom.js";
import { nameOf } from "../names.js";
import { openReportForm } from "../report_form.js";
import * as session from "../session.js";
import { busy, statusRegion } from "./forms.js";
import { startParty, visibilityField } from "./party_form.js";
import { commentsSection } from "./video_comments.js";

const HLS_TYPE = "application/vnd.apple.mpegurl";

/** The player: the stream's HLS playlist in a <video> (hls.js unless the browser plays HLS). */
async function player(video, slot) {
  let info;
  try {
    info = await api.get(`/api/videos/${video.id}/stream/`);
  } catch (error) {
    slot.replaceChildren(h("p", { class: "video-unplayable muted" }, error.message || "This video cannot be played."));
    return () => {};
  }
  const element = h("video", { controls: true, playsinline: true, class: "video-player", poster: info.thumbnail_url || undefined, "aria-label": video.title });
  slot.replaceChildren(element);
  if (window.Hls?.isSupported() && !element.canPlayType(HLS_TYPE)) {
    const hls = new window.Hls();
    hls.loadSource(info.streaming_url);
    hls.attachMedia(element);
    return () => hls.destroy();
  }
  element.src = info.streaming_url;
  return () => element.removeAttribute("src");
}

function likeButton(video, status) {
  const button = h("button", { type: "button", class: "secondary small" });
  const show = (liked, count) => {
    button.setAttribute("aria-pressed", String(liked));
    button.textContent = `${liked ? "Liked" : "Like"} (${count})`;
  };
  show(Boolean(video.is_liked), video.likes_count);
  button.addEventListener("click", async () => {
    const liked = button.getAttribute("aria-pressed") === "true";
    try {
      const answer = await api.request(liked ? "DELETE" : "POST", `/api/videos/${video.id}/like/`, liked ? undefined : { is_like: true });
      show(answer.is_liked, answer.like_count);
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
  });
  return button;
}

/** "Watch together": a visibility choice and a button that starts a party playing the video. */
function watchTogether(video, slot, status) {
  const open = () => {
    const start = h("button", { type: "submit", class: "small" }, "Start the party");
    const cancel = h("button", { type: "button", class: "secondary small", onclick: () => slot.replaceChildren() }, "Cancel");
    const form = h("form", { class: "form-stack video-party-form", "aria-label": "Watch together" },
      visibilityField(video.visibility === "private" ? "private" : "public"), h("div", { class: "row" }, start, cancel));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { title: video.title, video_id: video.id, visibility: form.elements.visibility.value };
      busy(start, async () => {
        try {
          await startParty(body);
        } catch (error) {
          say(status, error.describe?.() || String(error), "error");
        }
      }, "Starting…");
    });
    slot.replaceChildren(form);
    form.elements.visibility.focus();
  };
  return h("button", { type: "button", class: "small", onclick: open }, "Watch together");
}

/** Route view: /videos/:id */
export async function videoPage(outlet, { id }) {
  const status = statusRegion();
  const page = h("div", { class: "video-page" });
  outlet.append(page);
  let video;
  try {
    video = await api.get(`/api/videos/${encodeURIComponent(id)}/`);
  } catch (error) {
    page.append(h("h1", {}, "Video"), h("p", { class: "muted", role: "alert" }, error.message || "This video is not available."));
    return null;
  }
  const owner = video.uploaded_by;
  const mine = session.user()?.id === owner?.id;
  const stage = h("div", { class: "video-stage" }, h("p", { class: "muted" }, "Loading the player…"));
  const reportSlot = h("div", { class: "report-slot" });
  const partySlot = h("div", { class: "party-slot" });
  const report = (event) => openReportForm(reportSlot, { contentType: "video", contentId: video.id, what: `“${video.title}”` }, event.currentTarget);
  const ready = video.status === "ready";
  const comments = commentsSection(video, status);
  const facts = [`${video.views_count} view${video.views_count === 1 ? "" : "s"}`, new Date(video.uploaded_at).toLocaleDateString(), video.duration ? clock(video.duration) : null].filter(Boolean).join(" · ");
  page.append(
    h("section", { class: "panel video-main", "aria-labelledby": "video-title" },
      stage,
      h("h1", { id: "video-title" }, video.title),
      h("p", { class: "video-meta" }, owner ? h("a", { href: `/users/${owner.id}` }, nameOf(owner)) : null, h("span", { class: "muted" }, ` ${facts}`)),
      video.description ? h("p", { class: "video-description" }, video.description) : null,
      h("div", { class: "row video-actions" },
        likeButton(video, status),
        ready && (mine || video.visibility !== "private") ? watchTogether(video, partySlot, status) : null,
        mine ? null : h("button", { type: "button", class: "secondary small", "aria-label": `Report “${video.title}”`, onclick: report }, "Report")),
      status, partySlot, reportSlot),
    comments.element,
  );
  const stop = await player(video, stage);
  await comments.load().catch((error) => say(status, error.describe?.() || String(error), "error"));
  return stop;
}
