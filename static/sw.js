// Watchparty's service worker (served at /sw.js, scope /): shows a Web Push notification and
// opens what it is about when clicked. The payload is watchparty/notifications/push_web.py's
// {id, type, title, message, url, count}. Nothing is cached here.

const ICON = "/static/icons/icon-192.png";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function parse(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch {
    return { message: data.text() };
  }
}

self.addEventListener("push", (event) => {
  const payload = parse(event.data);
  const title = payload.title || "Watchparty";
  const options = {
    body: payload.message || "",
    icon: ICON,
    badge: ICON,
    tag: payload.id || undefined, // the same notification again replaces the shown one
    renotify: Boolean(payload.id && payload.count > 1),
    data: { url: payload.url || "/notifications", id: payload.id || null },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

/** Focus a Watchparty tab at `path` (same origin only), or open one. */
async function openUrl(path) {
  let url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin) url = new URL("/notifications", self.location.origin);
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const tab = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (!tab) return self.clients.openWindow(url.href);
  try {
    await tab.focus();
    return await tab.navigate(url.href); // only a tab this worker controls can be navigated
  } catch {
    return self.clients.openWindow(url.href);
  }
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openUrl((event.notification.data && event.notification.data.url) || "/notifications"));
});
