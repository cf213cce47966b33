// What a host or moderator may do to one member, and doing it over REST.

import * as api from "../api.js";
import { nameOf } from "../names.js";

/**
 * The actions `ctx`'s user may take on `member`: [{id, label, confirm?, run() → message}].
 * Hosts promote, demote, hand over the host role and remove; moderators remove participants.
 */
export function actionsFor(ctx, member) {
  const target = member.user;
  if (!target?.id || target.id === ctx.me?.id || member.role === "host") return [];
  const base = `/api/parties/${ctx.partyId}`;
  const name = nameOf(target);
  const act = (path, body) => async () => (await api.post(`${base}/${path}`, body))?.message;
  const actions = [];
  const host = ctx.role() === "host";
  if (host && member.role === "participant") {
    actions.push({ id: "promote", label: "Make moderator", run: act(`participants/${target.id}/promote/`) });
  }
  if (host && member.role === "moderator") {
    actions.push({ id: "demote", label: "Remove moderator role", run: act(`participants/${target.id}/demote/`) });
  }
  if (host) {
    actions.push({
      id: "host",
      label: "Make host",
      confirm: `Make ${name} the host? You will become a moderator.`,
      run: act("transfer-host/", { user_id: target.id }),
    });
  }
  if (host || (ctx.isModerator() && member.role === "participant")) {
    actions.push({
      id: "kick",
      label: "Remove from party",
      confirm: `Remove ${name} from the party? They can join again.`,
      run: act(`participants/${target.id}/kick/`),
    });
  }
  return actions;
}
