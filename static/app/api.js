// The REST client: JSON in and out, bearer tokens, one refresh on 401, errors as ApiError.

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

  /** The message plus the first field error, for showing to a person. */
  describe() {
    const fields = Object.entries(this.errors)
      .map(([field, problems]) => `${field}: ${[problems].flat().join(" ")}`)
      .join("; ");
    return fields ? `${this.message} ${fields}` : this.message;
  }
}

let refreshing = null;

/** Trade the refresh token for new tokens once, even when many requests ask at the same time. */
export function refresh() {
  const refreshToken = session.current()?.refresh_token;
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch("/api/auth/refresh/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh: refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        session.clear();
        return false;
      }
      const body = await response.json();
      session.save({ access_token: body.access, refresh_token: body.refresh });
      return true;
    })
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
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => request("GET", path);
export const post = (path, body = {}) => request("POST", path, body);
export const patch = (path, body) => request("PATCH", path, body);
export const del = (path, body) => request("DELETE", path, body);

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
