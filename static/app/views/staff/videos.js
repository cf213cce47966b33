// Staff page /staff/videos: every video (search by title or owner, status), delete one.

import { h } from "../../dom.js";
import { nameOf } from "../../names.js";
import { listing } from "./listing.js";

const size = (bytes) => (bytes ? `${(bytes / 1048576).toFixed(1)} MB` : "—");

/** Route view: /staff/videos */
export function staffVideos(outlet) {
  return listing(outlet, {
    current: "/staff/videos",
    title: "Videos",
    endpoint: "/api/admin/videos/",
    filters: [["search", "Title or owner"], ["status", "Status", ["uploading", "processing", "ready", "failed"]], ["visibility", "Visibility", ["public", "unlisted", "private"]]],
    columns: [
      ["Title", (v) => h("a", { href: `/videos/${encodeURIComponent(v.id)}` }, v.title)],
      ["Owner", (v) => `${nameOf(v.owner, "")} <${v.owner?.email || "?"}>`],
      ["Status", (v) => `${v.status}, ${v.visibility}`],
      ["Size", (v) => size(v.file_size)],
      ["Uploaded", (v) => new Date(v.created_at).toLocaleString()],
    ],
    name: (v) => v.title,
    remove: (v) => `/api/admin/videos/${encodeURIComponent(v.id)}/delete/`,
    removed: (v) => `“${v.title}” was deleted; its files are being removed.`,
  });
}
