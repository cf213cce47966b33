// Room panel: the queue. Everyone sees what plays and what is up next and may vote to skip;
// members add one of their ready videos or a media URL (as the party's queue policy allows);
// controllers reorder, play now, remove any item and clear; you may always remove your own.
// The server's `queue` broadcast redraws it (a lower `version` than the one shown is stale).

import * as api from "../api.js";
import { clock, formValues, h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { call, uid } from "../sockets.js";
import { rerenderKeepingFocus } from "./social_util.js";

const POLICY = { host: ["host"], moderators: ["host", "moderator"] };

function mayAdd(ctx) {
  const allowed = POLICY[ctx.party?.queue_policy || "everyone"];
  return !allowed || allowed.includes(ctx.role());
}

function addForm(ctx, send) {
  const ids = { pick: `qpick-${uid()}`, url: `qurl-${uid()}`, title: `qtitle-${uid()}` };
  const pick = h("select", { id: ids.pick, name: "video_id" }, h("option", { value: "" }, "Choose a video"));
  const url = h("input", { id: ids.url, name: "media_url", type: "url", placeholder: "https://…/video.mp4" });
  const title = h("input", { id: ids.title, name: "title", maxlength: "200" });
  const submit = h("button", { type: "submit" }, "Add");
  const form = h(
    "form",
    { class: "queue-add" },
    h("label", { for: ids.pick }, "One of your ready videos"),
    pick,
    h("label", { for: ids.url }, "…or a media URL (HLS or MP4)"),
    url,
    h("label", { for: ids.title }, "Title (optional)"),
    title,
    h("div", { class: "row" }, submit),
  );
  const details = h("details", { class: "queue-add-box" }, h("summary", {}, "Add to queue"), form);
  details.addEventListener("toggle", async () => {
    if (!details.open || pick.options.length > 1) return;
    const query = new URLSearchParams({ uploaded_by: ctx.me?.id || "", status: "ready", page_size: "100" });
    const page = await api.get(`/api/videos/?${query}`).catch(() => ({ results: [] }));
    append(pick, page.results || []);
  });
  const append = (select, videos) => videos.forEach((v) => select.append(h("option", { value: v.id }, v.title)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const body = values.media_url.trim() ? { media_url: values.media_url.trim() } : { video_id: values.video_id || null };
    if (values.title.trim()) body.title = values.title.trim();
    submit.disabled = true;
    const ack = await send("queue_add", body, values.media_url.trim() ? "Checking the URL…" : "Adding…");
    submit.disabled = false;
    if (ack.ok) form.reset();
  });
  return details;
}

/** Mount the queue panel into `region`; returns a cleanup function. */
export function mountQueue(ctx, region) {
  const socket = ctx.sockets.party;
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const now = h("p", { class: "queue-now" });
  const skip = h("button", { type: "button", class: "secondary queue-skip" }, "Vote to skip");
  const list = h("ol", { class: "queue-list", "aria-label": "Up next" });
  const empty = h("p", { class: "muted" }, "Nothing queued.");
  const tools = h("div", { class: "queue-tools" });
  const clear = h("button", { type: "button", class: "secondary" }, "Clear queue");
  let queue = null;
  region.append(h("h2", {}, "Queue"), now, skip, empty, list, tools, status);

  async function send(event, extra = {}, pending = "") {
    if (pending) say(status, pending);
    const ack = await call(socket, event, { party_id: ctx.partyId, ...extra }, 20000);
    if (ack.ok) say(status, event === "queue_skip" && !ack.skipped ? `Your vote counts: ${ack.votes} of ${ack.needed}.` : "");
    else say(status, describeAck(ack), "error");
    return ack;
  }
  const describeAck = (ack) => api.describeAck(ack, "The queue refused that.");

  function adopt(shown) {
    if (!shown || (queue && shown.version < queue.version)) return;
    queue = shown;
    render();
  }

  function itemRow(item, index, count) {
    const control = ctx.canControl();
    const mine = item.added_by?.id === ctx.me?.id;
    const act = (label, event, extra, text = label) =>
      h(
        "button",
        {
          type: "button",
          class: "secondary small",
          "aria-label": `${label}: ${item.title}`,
          dataset: { key: `${label}:${item.id}` },
          onclick: () => send(event, { item_id: item.id, ...extra }),
        },
        text,
      );
    const buttons = [
      control && index > 0 ? act("Move up", "queue_move", { index: index - 1 }, "↑") : null,
      control && index < count - 1 ? act("Move down", "queue_move", { index: index + 1 }, "↓") : null,
      control ? act("Play now", "queue_play", {}) : null,
      control || mine ? act("Remove", "queue_remove", {}) : null,
    ];
    const by = nameOf(item.added_by, "someone");
    const length = item.duration ? ` · ${clock(item.duration)}` : "";
    return h("li", { class: "queue-item", dataset: { item: item.id } }, h("span", { class: "queue-title" }, item.title), h("span", { class: "muted" }, ` added by ${by}${length}`), h("span", { class: "row" }, buttons));
  }

  function render() {
    const items = queue?.items || [];
    const current = queue?.current;
    now.textContent = current ? `Now playing: ${current.title}` : "Nothing from the queue is playing.";
    skip.hidden = !current;
    skip.textContent = `Vote to skip (${queue?.skip?.votes || 0} of ${queue?.skip?.needed || 1})`;
    empty.hidden = items.length > 0;
    rerenderKeepingFocus(list, () => replace(list, items.map((item, i) => itemRow(item, i, items.length))));
    clear.hidden = !ctx.canControl() || !items.length;
    if (!tools.firstChild) tools.append(addForm(ctx, send), clear);
    tools.querySelector(".queue-add-box").hidden = !mayAdd(ctx);
  }

  skip.addEventListener("click", () => send("queue_skip"));
  clear.addEventListener("click", () => send("queue_clear"));
  const load = () => api.get(`/api/parties/${ctx.partyId}/queue/`).then(adopt).catch(() => {});
  socket.on("queue", adopt);
  const offs = [ctx.on("snapshot", load), ctx.on("participants", render), ctx.on("party", render)];
  render();
  return () => {
    socket.off("queue", adopt);
    offs.forEach((off) => off());
  };
}
