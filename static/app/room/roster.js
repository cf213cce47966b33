// Keeping the member list current from `presence` events (single joins/leaves and batches).

function setOnline(list, user, online) {
  if (!user?.id) return list;
  const index = list.findIndex((p) => p.user?.id === user.id);
  if (index === -1) {
    return online ? [...list, { user, role: "participant", status: "active", is_online: true }] : list;
  }
  const copy = list.slice();
  copy[index] = { ...copy[index], is_online: online };
  return copy;
}

/** The member list after one `presence` event: {event: joined|left|batch, user, joined, left}. */
export function applyPresence(list, data) {
  if (data.event === "batch") {
    let next = list;
    for (const user of data.joined || []) next = setOnline(next, user, true);
    for (const user of data.left || []) next = setOnline(next, user, false);
    return next;
  }
  return setOnline(list, data.user, data.event === "joined");
}
