// View: upload a video — the bytes with a progress bar (cancellable), then the live transcode
// progress, then "start a party with this video" (scrolled into view, with a visibility choice).

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { navigate } from "../router.js";
import { clearErrors, field, showApiError, statusRegion } from "./forms.js";
import { processingPanel, progressFeed } from "./transcode.js";
import { readyActions, reveal } from "./upload_ready.js";

function uploadBar() {
  const bar = h("progress", { max: 100, value: 0, "aria-labelledby": "upload-label" });
  const percent = h("span", { class: "percent" }, "0 %");
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel upload");
  const element = h(
    "div",
    { class: "progress-block uploading" },
    h("p", { id: "upload-label", class: "progress-label" }, "Uploading"),
    h("div", { class: "progress-row" }, bar, percent, cancel),
  );
  const show = (fraction) => {
    const value = Math.min(100, Math.round(fraction * 100));
    bar.value = value;
    percent.textContent = `${value} %`;
  };
  return { element, show, cancel };
}

function uploadForm() {
  const visibility = h(
    "select",
    { name: "visibility" },
    h("option", { value: "private" }, "Private: only you, and parties you host"),
    h("option", { value: "unlisted" }, "Unlisted: anyone with the link"),
    h("option", { value: "public" }, "Public: listed in the catalogue"),
  );
  const description = h("textarea", { name: "description", rows: 3, maxLength: 5000 });
  const file = h("input", { type: "file", name: "video_file", accept: "video/*", required: true });
  const button = h("button", { type: "submit" }, "Upload");
  const fields = h(
    "fieldset",
    { class: "plain" },
    h("legend", { class: "visually-hidden" }, "Video details"),
    field("Video file", file, "MP4, MOV, MKV, WebM, AVI, WMV or FLV."),
    field("Title", h("input", { name: "title", required: true, maxLength: 200, autocomplete: "off" })),
    field("Description", description),
    field("Visibility", visibility),
    h("div", { class: "row" }, button),
  );
  const form = h("form", { class: "form-stack", "aria-labelledby": "upload-title" }, fields);
  // A title from the file name saves typing; the person can still change it.
  file.addEventListener("change", () => {
    const title = form.elements.title;
    if (!title.value && file.files[0]) title.value = file.files[0].name.replace(/\.[^.]+$/, "").slice(0, 200);
  });
  return { form, fields };
}

/** Route view: /upload */
export function upload(outlet) {
  const status = statusRegion();
  const progress = h("div", { class: "upload-progress" });
  const actions = h("div", { class: "upload-actions" });
  const { form, fields } = uploadForm();
  const card = h(
    "section",
    { class: "card upload-card", "aria-labelledby": "upload-title" },
    h("h1", { id: "upload-title" }, "Upload a video"),
    h("p", { class: "muted" }, "Keep this page open until the upload finishes; processing carries on without it."),
    form,
    progress,
    status,
    actions,
  );
  outlet.append(card);
  let transfer = null;
  let feed = null;
  let left = false; // the person navigated away: nothing may start after that

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    say(status, "");
    const data = new FormData(form);
    const bar = uploadBar();
    replace(progress, bar.element);
    fields.disabled = true;
    feed = progressFeed();
    bar.cancel.addEventListener("click", () => transfer?.abort());
    let result;
    try {
      transfer = api.upload("/api/videos/upload/", data, bar.show);
      result = await transfer.promise;
    } catch (error) {
      feed.close();
      if (left) return;
      fields.disabled = false;
      replace(progress);
      showApiError(form, status, error);
      return;
    } finally {
      transfer = null;
    }
    if (left) return;
    bar.show(1);
    bar.cancel.remove();
    const panel = processingPanel();
    progress.append(panel.element);
    say(status, "Uploaded. Processing your video…", "info");
    feed.track(result.video_id, (state) => {
      panel.update(state);
      if (state.status === "ready") {
        say(status, "Your video is ready.", "ok");
        const ready = readyActions(result, status);
        actions.append(ready.element);
        reveal(card, actions, ready.start);
      } else if (state.status === "failed") {
        say(status, `Processing failed: ${state.failure_reason || "unknown reason"}`, "error");
        const retry = h("button", { type: "button", class: "secondary", onclick: () => navigate("/upload", { replace: true }) }, "Try another file");
        actions.append(h("div", { class: "row" }, retry));
        reveal(card, actions, retry);
      }
    });
  });

  return () => {
    left = true;
    transfer?.abort();
    feed?.close();
  };
}
