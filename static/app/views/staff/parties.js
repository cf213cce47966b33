// Staff page /staff/parties: every party (search, status) with its report count, delete one.

import { nameOf } from "../../names.js";
import { listing } from "./listing.js";

/** Route view: /staff/parties */
export function staffParties(outlet) {
  return listing(outlet, {
    current: "/staff/parties",
    title: "Parties",
    endpoint: "/api/admin/parties/",
    filters: [["search", "Title or host"], ["status", "Status", ["scheduled", "live", "paused", "ended"]]],
    columns: [
      ["Title", (p) => p.title],
      ["Host", (p) => nameOf(p.host)],
      ["Status", (p) => `${p.status}, ${p.visibility}`],
      ["People", (p) => `${p.participant_count ?? 0} / ${p.max_participants}`],
      ["Reports", (p) => String(p.report_count ?? 0)],
    ],
    name: (p) => p.title,
    remove: (p) => `/api/admin/parties/${encodeURIComponent(p.id)}/delete/`,
    removed: (p) => `“${p.title}” was deleted.`,
  });
}
