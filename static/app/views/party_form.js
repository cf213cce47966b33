// Lobby: the "start a party" form — a title, public or private, and what to play (one of your
// ready videos or a direct HLS/MP4 URL).

import * as api from "../api.js";
import { formValues, h, say } from "../dom.js";
import { navigate } from "../router.js";
import { busy, clearErrors, field, showApiError, statusRegion } from "./forms.js";

/** Create a party (`POST /api/parties/`) and open its room; throws ApiError on refusal. */
export async function startParty(body) {
  const party = await api.post("/api/parties/", body);
  navigate(`/party/${party.id}`);
  return party;
}

/** The party visibility choice (lobby and upload share it); `value` picks the default. */
export function visibilityField(value = "public") {
  const select = h(
    "select",
    { name: "visibility" },
    h("option", { value: "public" }, "Public: anyone can join"),
    h("option", { value: "private" }, "Private: room code or invite only"),
  );
  select.value = value;
  return field("Visibility", select);
}

function sourceChoice(value, label, checked) {
  const id = `party-source-${value}`;
  return h(
    "div",
    { class: "form-choice" },
    h("input", { type: "radio", name: "source", value, id, checked }),
    h("label", { for: id }, label),
  );
}

/** The create-party form for the signed-in user `me`. */
export function partyForm(me) {
  const status = statusRegion();
  const button = h("button", { type: "submit" }, "Create party");
  const videos = h("select", { name: "video_id", disabled: true }, h("option", { value: "" }, "Loading your videos…"));
  const url = h("input", { name: "media_url", type: "url", placeholder: "https://example.com/video.m3u8", maxLength: 2000 });
  const byVideo = sourceChoice("video", "One of my videos", false);
  const byUrl = sourceChoice("url", "A media URL (HLS .m3u8 or MP4)", true);
  const form = h(
    "form",
    { class: "form-stack", "aria-labelledby": "create-title" },
    field("Title", h("input", { name: "title", required: true, maxLength: 200, autocomplete: "off" })),
    visibilityField(),
    h(
      "fieldset",
      { class: "source" },
      h("legend", {}, "What to play"),
      h("div", { class: "row" }, byVideo, byUrl),
      field("Your ready video", videos),
      field("Media URL", url),
    ),
    h("p", { class: "muted small" }, h("a", { href: "/upload" }, "Upload a video"), " to play your own file."),
    status,
    h("div", { class: "row" }, button),
  );

  // Only the chosen source's control is enabled, so keyboard users skip the other one.
  function sync() {
    const choice = form.elements.source.value;
    videos.disabled = choice !== "video" || !videos.dataset.count;
    url.disabled = choice !== "url";
    url.required = choice === "url";
  }
  let touched = false;
  form.addEventListener("change", (event) => {
    if (event.target.name !== "source") return;
    touched = true;
    sync();
  });

  async function loadVideos() {
    try {
      const page = await api.get(`/api/videos/?uploaded_by=${encodeURIComponent(me.id)}&status=ready&page_size=100`);
      const ready = page.results || [];
      if (!ready.length) {
        videos.replaceChildren(h("option", { value: "" }, "No ready videos yet"));
        byVideo.querySelector("input").disabled = true;
      } else {
        videos.dataset.count = String(ready.length);
        videos.replaceChildren(...ready.map((v) => h("option", { value: v.id }, v.title)));
        if (!touched) byVideo.querySelector("input").checked = true;
      }
    } catch {
      videos.replaceChildren(h("option", { value: "" }, "Could not load your videos"));
    }
    sync();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    say(status, "");
    const values = formValues(form);
    const body = { title: values.title.trim(), visibility: values.visibility };
    if (values.source === "video") body.video_id = values.video_id;
    else body.media_url = values.media_url.trim();
    if (!body.video_id && !body.media_url) {
      say(status, "Choose a video or give a media URL.", "error");
      return;
    }
    await busy(button, async () => {
      try {
        await startParty(body);
      } catch (error) {
        showApiError(form, status, error);
      }
    }, "Creating…");
  });

  sync();
  loadVideos();
  return form;
}
