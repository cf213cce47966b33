// Controllers' actions beyond play/seek/speed: change the video (one of your ready uploads or a
// media URL) and, for the host, end the party (after a confirmation).

import * as api from "../api.js";
import { formValues, h, replace, say } from "../dom.js";
import { navigate } from "../router.js";
import { uid } from "../sockets.js";

async function myVideos(ctx) {
  const query = new URLSearchParams({ uploaded_by: ctx.me?.id || "", status: "ready", page_size: "100" });
  const page = await api.get(`/api/videos/?${query}`);
  return page.results || [];
}

function changeVideo(ctx, sendControl) {
  const ids = { pick: `pick-${uid()}`, url: `url-${uid()}` };
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const pick = h("select", { id: ids.pick, name: "video_id" }, h("option", { value: "" }, "Loading your videos…"));
  const url = h("input", { id: ids.url, name: "media_url", type: "url", placeholder: "https://…/video.m3u8" });
  const submit = h("button", { type: "submit" }, "Play this video");
  const form = h(
    "form",
    { class: "change-video-form" },
    h("label", { for: ids.pick }, "One of your ready videos"),
    pick,
    h("label", { for: ids.url }, "…or a media URL (HLS or MP4)"),
    url,
    h("div", { class: "row" }, submit),
    status,
  );
  const details = h("details", { class: "change-video" }, h("summary", {}, "Change video"), form);

  details.addEventListener("toggle", async () => {
    if (!details.open) return;
    try {
      const videos = await myVideos(ctx);
      const current = ctx.player?.sync.state?.video_id;
      replace(
        pick,
        h("option", { value: "" }, videos.length ? "Choose a video" : "You have no ready videos"),
        videos.map((v) => h("option", { value: v.id }, v.id === current ? `${v.title} (playing)` : v.title)),
      );
    } catch (error) {
      replace(pick, h("option", { value: "" }, "Could not load your videos"));
      say(status, error.describe ? error.describe() : "Could not load your videos.", "error");
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const media = values.media_url.trim();
    if (!media && !values.video_id) {
      say(status, "Choose one of your videos or paste a media URL.", "error");
      return;
    }
    submit.disabled = true;
    say(status, "Switching…");
    const ack = await sendControl(ctx, status, "video", media ? { media_url: media } : { video_id: values.video_id });
    submit.disabled = false;
    if (ack.ok) {
      form.reset();
      say(status, "");
      details.open = false;
    }
  });
  return details;
}

function endParty(ctx) {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const end = h("button", { type: "button", class: "danger end-party" }, "End party");
  const yes = h("button", { type: "button", class: "danger" }, "End it for everyone");
  const no = h("button", { type: "button", class: "secondary" }, "Cancel");
  const confirm = h("div", { class: "confirm row", hidden: true }, h("span", {}, "End the party for everyone?"), yes, no);
  const ask = (open) => {
    confirm.hidden = !open;
    end.hidden = open;
    (open ? no : end).focus();
  };
  end.addEventListener("click", () => ask(true));
  no.addEventListener("click", () => ask(false));
  yes.addEventListener("click", async () => {
    yes.disabled = true;
    say(status, "Ending the party…");
    try {
      await api.post(`/api/parties/${ctx.partyId}/end/`);
      // The room leaves on the `ended` broadcast; if this socket missed it, leave anyway.
      setTimeout(() => {
        if (!document.body.contains(yes)) return;
        navigate("/", { replace: true });
        window.dispatchEvent(new CustomEvent("watchparty:notice", { detail: "The party has ended." }));
      }, 2000);
    } catch (error) {
      yes.disabled = false;
      say(status, error.describe ? error.describe() : "Could not end the party.", "error");
    }
  });
  return h("div", { class: "end" }, end, confirm, status);
}

/**
 * The controllers' actions (change video; end party for the host). `sendControl(ctx, status,
 * action, extra)` sends a playback command and shows a refusal.
 */
export function mountHostActions(ctx, sendControl) {
  const host = ctx.role() === "host";
  return h("div", { class: "host-actions" }, changeVideo(ctx, sendControl), host ? endParty(ctx) : null);
}
