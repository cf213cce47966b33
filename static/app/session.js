// The signed-in session: tokens and the user, kept in localStorage so a reload stays signed in.

const KEY = "watchparty.session";
const listeners = new Set();

/** The stored session {access_token, refresh_token, user}, or null when signed out. */
export function current() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

/** The signed-in user, or null. */
export function user() {
  return current()?.user || null;
}

/** The access token, or null. */
export function accessToken() {
  return current()?.access_token || null;
}

/** Store a session (from login, 2FA verify or register) and tell listeners. */
export function save(session) {
  const merged = { ...(current() || {}), ...session };
  localStorage.setItem(KEY, JSON.stringify(merged));
  listeners.forEach((fn) => fn(merged));
}

/** Forget the session and tell listeners. */
export function clear() {
  localStorage.removeItem(KEY);
  listeners.forEach((fn) => fn(null));
}

/** Call `fn(session)` whenever the session changes; returns an unsubscribe function. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
