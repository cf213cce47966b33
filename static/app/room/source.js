// Loading what the party plays into the <video>: an uploaded video (its HLS master playlist from
// the API) or a media URL (HLS through hls.js, anything else natively). Playback tokens expire,
// so a fatal network error fetches a fresh stream URL and resumes where the party is. A source
// that answers with an HTTP error or is not playable media is "broken", said with its reason;
// only a failure with no answer at all is blamed on the viewer's connection.

import * as api from "../api.js";
import { sourceKey } from "./sync.js";

const HLS_TYPE = "application/vnd.apple.mpegurl";
const RETRY_MS = [1000, 3000, 9000];

const isPlaylist = (url) => /\.m3u8($|[?#])/i.test(url);
const BROKEN = "The video source is broken";
const CONNECTION = "Your connection dropped: the video will try again when it is back.";

/** Why a source failed, when it was not the connection: an HTTP status or unplayable bytes. */
function brokenBecause(video, hlsData) {
  const status = hlsData?.response?.code;
  if (status >= 400) return `it answered HTTP ${status}.`;
  if (hlsData?.type === "mediaError") return "its video cannot be decoded.";
  const code = video.error?.code;
  if (code === 4) return "it is not playable media, or it could not be found.";
  if (code === 3) return "its video cannot be decoded.";
  return null;
}

/**
 * A source loader for `video`: load(state) switches to what the state plays (a no-op when it
 * already does); `onTracks(tracks)` hears its subtitle tracks. `where()` gives the position to resume at; `onError(text, kind)` shows a
 * problem (`kind`: "source" when the media itself is broken, else "connection").
 */
export function createSource(video, { where, onError, onTracks = () => {} }) {
  let hls = null;
  let key = "";
  let round = 0; // bumps on every switch, so a late answer for an old source is ignored
  let failures = 0;
  let retryTimer = null;
  let gaveUp = false;
  let broken = null; // the reason the last failure was the source's, or null

  function reset() {
    clearTimeout(retryTimer);
    if (hls) hls.destroy();
    hls = null;
    video.removeAttribute("src");
    video.load(); // drops the old media at once: readyState 0 until the new one loads
  }

  async function load(state) {
    const next = sourceKey(state);
    if (next === key) return;
    key = next;
    failures = 0;
    gaveUp = false;
    const mine = ++round;
    reset();
    video.dataset.source = state.video_id || state.media_url || "";
    onTracks([]);
    if (!next) return;
    try {
      const info = state.video_id ? await streamInfo(state.video_id) : null;
      if (mine !== round) return;
      const media = { language: "und", label: "Subtitles", url: state.subtitle_track, auth: true };
      onTracks(info ? info.subtitles || [] : state.subtitle_track ? [media] : []);
      attach(info ? info.streaming_url : state.media_url, mine, Boolean(state.video_id));
    } catch (error) {
      if (mine === round) onError(error.describe ? error.describe() : "The video could not be loaded.");
    }
  }

  const streamInfo = (videoId) => api.get(`/api/videos/${encodeURIComponent(videoId)}/stream/`);
  const streamUrl = async (videoId) => (await streamInfo(videoId)).streaming_url;

  /** Play `url`: HLS through hls.js where MSE exists, else natively. */
  function attach(url, mine, playlist = isPlaylist(url)) {
    const Hls = window.Hls;
    if (playlist && Hls?.isSupported()) {
      hls = new Hls({ startPosition: Math.max(0, where() || 0) });
      let mediaRecoveries = 0; // in a row, without a fragment appended in between
      hls.on(Hls.Events.FRAG_LOADED, () => {
        failures = 0;
      });
      hls.on(Hls.Events.FRAG_BUFFERED, () => {
        mediaRecoveries = 0;
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal || mine !== round) return;
        // A stall or decoder hiccup recovers in place; a stream that never appends again does not.
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries++ < 2) hls.recoverMediaError();
        else retry(mine, brokenBecause(video, data));
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } else if (!playlist || video.canPlayType(HLS_TYPE)) {
      video.src = url;
      video.addEventListener("error", () => mine === round && retry(mine, brokenBecause(video)), { once: true });
    } else {
      onError("This browser cannot play HLS video.");
    }
  }

  /** A fatal error (an expired token, a dropped connection, a broken source): reload at the
   * party's spot; after the last try say whose fault it is. A media URL that answers with an
   * error is not retried: it is not ours to fix. */
  function retry(mine, reason = null) {
    broken = navigator.onLine ? reason : null;
    const external = !key.startsWith("video:");
    if (failures >= RETRY_MS.length || (broken && external)) {
      gaveUp = true;
      if (broken) onError(`${BROKEN}: ${broken}`, "source");
      else onError(CONNECTION, "connection");
      return;
    }
    const wait = RETRY_MS[failures];
    failures += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(async () => {
      if (mine !== round) return;
      const videoId = key.startsWith("video:") ? key.slice(6) : null;
      try {
        const url = videoId ? await streamUrl(videoId) : key.slice(4); // a fresh token each time
        if (mine !== round) return;
        if (hls) hls.destroy();
        hls = null;
        attach(url, mine, videoId ? true : isPlaylist(url));
      } catch {
        if (mine === round) retry(mine);
      }
    }, wait);
  }

  return {
    load,
    /** After a reconnect: if loading had given up, start over. */
    revive() {
      if (!gaveUp || !key) return;
      gaveUp = false;
      failures = 0;
      retry(round);
    },
    /** Stop loading and drop the media. */
    destroy() {
      round += 1;
      reset();
    },
  };
}
