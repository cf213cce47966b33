// The REST client: JSON in and out, bearer tokens, one refresh on 401, errors as ApiError.

import { refused } from "./maintenance.js";
import * as session from "./session.js";

/** An API error carrying the server's one error shape. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `Request failed (${status})`);
    this.status = status;
    this.code = body?.error || "http_error";
    this.errors = body?.errors || {};
    this.body = body || {};
  }

  /** The message plus the field errors (nested ones flattened), for showing to a person. */
  describe() {
    const fields = Object.entries(this.errors)
      .map(([field, problems]) => `${field}: ${flatText(problems).join(" ")}`)
      .join("; ");
    return fields ? `${this.message} ${fields}` : this.message;
  }
}

function flatText(problems) {
  if (problems && typeof problems === "object") return Object.values(problems).flatMap(flatText);
  return [String(problems)];
}

/** An error ack from a socket event ({ok: false, message, errors}), described like ApiError. */
export function describeAck(ack, fallback) {
  return new ApiError(0, { ...ack, message: ack?.message || fallback }).describe();
}

let refreshing = null;

async function renew(sent) {
  const stored = session.current()?.refresh_token;
  if (!stored) return false;
  if (stored !== sent) return true; // another tab renewed the session while we waited
  const response = await fetch("/api/auth/refresh/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh: stored }),
  });
  if (response.status === 401 || response.status === 403) {
    session.clear(); // the session is over (expired, revoked, or signed out elsewhere)
    return false;
  }
  if (!response.ok) return false; // rate limited or the server is down: keep the session
  const body = await response.json();
  session.save({ access_token: body.access, refresh_token: body.refresh });
  return true;
}

/**
 * Trade the refresh token for new tokens. Refresh tokens work once and a replay revokes the
 * session, so tabs take turns through a Web Lock and a tab that finds the token already
 * renewed uses the new one instead of sending the old one again.
 */
export function refresh() {
  const sent = session.current()?.refresh_token;
  if (!sent) return Promise.resolve(false);
  const locked = navigator.locks?.request("watchparty-refresh", () => renew(sent));
  refreshing ??= (locked || renew(sent))
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function headersFor(body) {
  const headers = { Accept: "application/json" };
  const token = session.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined && !(body instanceof FormData)) headers["Content-Type"] = "application/json";
  return headers;
}

/** Call the API: request("POST", "/api/parties/", {title}) → parsed JSON, or throws ApiError. */
export async function request(method, path, body, retried = false) {
  const response = await fetch(path, {
    method,
    headers: headersFor(body),
    body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 401 && !retried && session.current()?.refresh_token) {
    if (await refresh()) return request(method, path, body, true);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text.slice(0, 200) };
  }
  if (response.status === 503 && data?.error === "maintenance") refused(data);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** GET a path. */
export const get = (path) => request("GET", path);
/** POST a JSON body. */
export const post = (path, body = {}) => request("POST", path, body);
/** PATCH a JSON body. */
export const patch = (path, body) => request("PATCH", path, body);

/**
 * Upload a multipart form with progress: onProgress(fraction) as bytes leave the browser.
 * Resolves with the parsed JSON body, or rejects with ApiError; an expired token is refreshed
 * and the upload sent once more. Returns {promise, abort}.
 */
export function upload(path, form, onProgress) {
  let xhr = null;
  let aborted = false;
  const send = () =>
    new Promise((resolve, reject) => {
      xhr = new XMLHttpRequest();
      xhr.open("POST", path);
      const token = session.accessToken();
      if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        let data = null;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = { message: `Upload failed (${xhr.status})` };
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data);
        else reject(new ApiError(xhr.status, data));
      };
      xhr.onerror = () => reject(new ApiError(0, { message: "The upload was interrupted." }));
      xhr.onabort = () => reject(new ApiError(0, { message: "Upload cancelled." }));
      xhr.send(form);
    });
  const promise = send().catch(async (error) => {
    if (error.status !== 401 || aborted || !(await refresh())) throw error;
    return send();
  });
  return {
    promise,
    abort: () => {
      aborted = true;
      xhr?.abort();
    },
  };
}
