// Room panel: invite. Everyone can share the 6-character room code (and, for a public party, the
// room's own address); the host and moderators can also make an invite link that admits its
// holder even to a private party; and anyone may invite one of their friends from a list.

import * as api from "../api.js";
import { copyText, h, replace, say } from "../dom.js";
import { uid } from "../sockets.js";
import { createFriendInvites } from "./invite_friends.js";

function copyButton(label, value, field, status) {
  return h(
    "button",
    {
      type: "button",
      class: "secondary copy",
      onclick: async () => {
        const ok = await copyText(value(), field);
        say(status, ok ? `Copied: ${value()}` : "Could not copy: select the text and copy it.", ok ? "ok" : "error");
      },
    },
    label,
  );
}

/** Mount the invite panel into `region`; returns a cleanup function. */
export function mountInvite(ctx, region) {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const body = h("div", { class: "invite-body" });
  const friends = createFriendInvites(ctx, status);
  region.append(h("h2", {}, "Invite friends"), body, friends.node, status);
  let drawn = "";

  function render() {
    const party = ctx.party;
    if (!party) return;
    const mod = ctx.isModerator();
    const key = `${party.room_code}:${party.is_public}:${mod}`;
    if (key === drawn) return;
    drawn = key;

    const codeId = `room-code-${uid()}`;
    const code = h("input", { id: codeId, class: "room-code", type: "text", readonly: true, value: party.room_code, size: "8" });
    code.addEventListener("focus", () => code.select());
    const linkId = `invite-link-${uid()}`;
    const pageUrl = party.is_public ? `${location.origin}/party/${party.id}` : "";
    const link = h("input", { id: linkId, class: "invite-link", type: "text", readonly: true, value: pageUrl });
    link.addEventListener("focus", () => link.select());
    const copyLink = copyButton("Copy link", () => link.value, link, status);
    copyLink.hidden = !pageUrl;
    const linkRow = h("div", {}, h("label", { for: linkId }, "Invite link"), h("div", { class: "row invite-row" }, link, copyLink));
    linkRow.hidden = !pageUrl;

    const create = h("button", { type: "button", class: "secondary" }, "Create invite link");
    create.addEventListener("click", async () => {
      create.disabled = true;
      try {
        const invite = await api.post(`/api/parties/${party.id}/generate-invite/`, {});
        link.value = invite.invite_url;
        linkRow.hidden = false;
        copyLink.hidden = false;
        const until = invite.expires_at ? new Date(invite.expires_at) : null;
        const when = until && !Number.isNaN(until.getTime()) ? ` until ${until.toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}` : "";
        say(status, `Invite link ready: it works${when}.`, "ok");
        link.focus();
      } catch (error) {
        say(status, error.describe ? error.describe() : "Could not create an invite link.", "error");
      } finally {
        create.disabled = false;
      }
    });

    const hint = mod
      ? "Share the room code, or create an invite link (it also works for private parties)."
      : party.is_public
        ? "Share the room code or this room's link."
        : "Share the room code: people enter it in the lobby to join.";
    replace(
      body,
      h("label", { for: codeId }, "Room code"),
      h("div", { class: "row code-row" }, code, copyButton("Copy code", () => party.room_code, code, status)),
      linkRow,
      mod ? h("div", { class: "row" }, create) : null,
      h("p", { class: "muted hint" }, hint),
    );
  }

  const offs = [ctx.on("snapshot", render), ctx.on("participants", render)];
  offs.push(ctx.on("snapshot", friends.refresh), ctx.on("participants", friends.refresh));
  render();
  return () => offs.forEach((off) => off());
}
