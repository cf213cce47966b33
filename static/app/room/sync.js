// The sync engine: holds the party's authoritative playback state and drives a media element to
// it. No DOM building here: it only reads and sets the element's currentTime, playbackRate,
// play() and pause() and listens to its media events, so the protocol logic stays readable.
//
// A state says "from server time `at`, the video is at `position` and, while playing, advances
// at `rate`". The engine converts `at` to the local clock and acts at that instant, so every
// viewer starts, pauses and seeks on the same frame. To join a running video it "cues": it
// seeks a little ahead of the party, waits paused until that frame is buffered, and starts
// exactly when the party reaches it, so seek and buffering time never become drift. Small
// drift is left to the server's rate nudges (`correct`); large drift is cued away here.

import { localNow } from "./clock.js";

const LOCAL_SEEK_S = 0.25; // further off than this and we cue; below, the server's nudges work
const START_SLACK_S = 0.04; // a start this far off still just plays (no cue)
const PAUSE_SLACK_S = 0.04; // a paused element this close (a frame) stays put: a seek would make
// the next start slow (decoders pre-roll after every seek)
const SETTLE_MS = 300; // after playback (re)starts, let it run before judging or reporting
const TICK_MS = 100;
const MAX_CUES = 4; // tries before giving up on cueing and just seeking
const VISIBLE_MS = 80; // a nudge closing less drift than this is shown as "in sync": nobody sees it

/** The key of what a state plays: a video id or a media URL (or "" for nothing). */
export function sourceKey(state) {
  return state?.video_id ? `video:${state.video_id}` : state?.media_url ? `url:${state.media_url}` : "";
}

/** Whether a state rests on the last frame of what it plays (the server says `ended`). */
export function atEnd(state) {
  return Boolean(state && !state.playing && state.duration && state.position >= state.duration - 0.05);
}

/**
 * Drive `media` from states: createSync({media, clock, startLag?}) → engine with adopt(state),
 * correct(fix), unblock(), report(), status(), target(), on(name, fn), destroy(). Events:
 * "state" (a newer state was adopted), "source" (it plays something else), "blocked" (autoplay
 * refused or allowed), "status" (the indicator's mode changed), "learned" (new start lags, to
 * keep for the next page load).
 */
export function createSync({ media, clock, startLag: learned = {} }) {
  const bus = new EventTarget();
  let state = null;
  let timer = null; // the action scheduled at the state's `at`
  let fixTimer = null; // a server seek correction scheduled at its `at`
  let nudge = null; // {rate, timer}: a server rate correction being held
  let cue = null; // {dest, started, tries, timer, corrective}: paused ahead, waiting for the party
  let prep = 0.2; // learned: seconds a cue needs (seek + buffer) before it can start
  // Learned: ms from play() until frames move. A start right after a seek waits for the
  // decoders to pre-roll (~80 ms in Chromium); a start where it paused is nearly instant.
  const startLag = { seeked: 40, resumed: 0, ...learned };
  let seekedSinceStart = true; // a fresh source counts as seeked
  let learning = null; // {kind, expected}: the last start, measured at the next judged tick
  let settleUntil = 0;
  let resyncUntil = 0;
  let blocked = false;
  let stalled = false;
  let drift = null; // smoothed seconds ahead (+) or behind (−) the state
  let mode = "";

  const emit = (name, detail) => bus.dispatchEvent(new CustomEvent(name, { detail }));

  /** Where the held state says playback is at local time `local` (seconds). */
  function target(local = localNow()) {
    if (!state) return 0;
    const at = clock.toLocal(state.at);
    if (!state.playing || local <= at) return state.position;
    return state.position + ((local - at) / 1000) * state.rate;
  }

  const duration = () => (Number.isFinite(media.duration) ? media.duration : Infinity);
  const ended = () => state?.playing && target() >= duration() - 0.05;
  const loaded = () => media.readyState >= 1;
  const settle = () => {
    settleUntil = localNow() + SETTLE_MS;
  };

  function adopt(next) {
    if (!next || (state && (Number(next.seq) || 0) <= state.seq)) return false;
    const before = state ? sourceKey(state) : null; // null: the first state always loads
    state = { ...next, seq: Number(next.seq) || 0, position: Number(next.position) || 0, rate: Number(next.rate) || 1 };
    clearNudge(false);
    clearCue();
    clearTimeout(fixTimer);
    drift = null;
    learning = null;
    emit("state", state);
    if (sourceKey(state) !== before) emit("source", state);
    schedule();
    update();
    return true;
  }

  function schedule() {
    clearTimeout(timer);
    timer = null;
    const wait = clock.toLocal(state.at) - localNow();
    if (wait <= 1) return act(true);
    // Paused now: show the starting frame early, so at `at` there is only play() left to do,
    // and call it early by the learned start lag. A lead too short for that: act (cue) now.
    const starting = state.playing && loaded() && media.paused;
    if (starting && Math.abs(media.currentTime - state.position) > PAUSE_SLACK_S) {
      media.currentTime = state.position;
    }
    const early = wait - (starting ? lag() : 0);
    if (early <= 1) return act(true);
    timer = setTimeout(() => {
      timer = null;
      act(true);
    }, early);
  }

  /** Bring the element to the state now; `fresh`: a state just took effect (tight tolerance). */
  function act(fresh) {
    if (!state || !loaded() || timer || cue) return;
    media.playbackRate = nudge ? nudge.rate : state.rate;
    if (!state.playing) {
      if (!media.paused) media.pause();
      if (Math.abs(media.currentTime - state.position) > PAUSE_SLACK_S) media.currentTime = state.position;
    } else if (ended()) {
      // Past the end: let a playing element finish; put a late one (joined after) at the end.
      if (media.paused && !media.ended && media.currentTime < duration() - LOCAL_SEEK_S) {
        media.currentTime = duration();
      }
    } else {
      // Paused: judge where it would be once frames move, a start lag after play().
      const off = media.currentTime - target(localNow() + (media.paused ? lag() : 0));
      if (Math.abs(off) > (fresh ? START_SLACK_S : LOCAL_SEEK_S)) startCue(!fresh);
      else if (media.paused && !blocked) start(off);
    }
  }

  /** Seek ahead of the party and hold there until it arrives (see checkCue). */
  function startCue(corrective, tries = 0) {
    clearCue();
    const ahead = Math.min(4, Math.max(0.15, prep * 1.5 + 0.1)) * state.rate;
    const dest = target() + ahead;
    if (tries >= MAX_CUES || dest >= duration()) {
      media.currentTime = target(); // too slow to cue (or nearly over): seek, nudges finish it
      if (media.paused && !blocked) start();
      return;
    }
    if (!media.paused) media.pause();
    media.currentTime = dest;
    cue = { dest, started: localNow(), tries, timer: null, corrective };
    if (corrective) resyncUntil = localNow() + 1500;
    update();
  }

  /** A cue is buffered: start at the instant the party reaches its frame (or cue further). */
  function checkCue() {
    if (!cue || cue.timer || media.seeking || media.readyState < 3) return;
    const now = localNow();
    prep = prep * 0.5 + ((now - cue.started) / 1000) * 0.5;
    const arrive = clock.toLocal(state.at) + ((cue.dest - state.position) / state.rate) * 1000;
    const wait = arrive - now - lag();
    if (wait < 0) return startCue(cue.corrective, cue.tries + 1);
    cue.timer = setTimeout(() => {
      cue = null;
      start();
    }, wait);
  }

  function clearCue() {
    if (cue) clearTimeout(cue.timer);
    cue = null;
  }

  const kind = () => (seekedSinceStart || media.seeking ? "seeked" : "resumed");
  const lag = () => startLag[kind()];

  /** play(); `expected`: the offset (s) this start knowingly accepts, so it isn't learned as lag. */
  function start(expected = 0) {
    settle();
    learning = { kind: kind(), expected };
    seekedSinceStart = false;
    const started = media.play();
    started
      ?.then(() => blocked && setBlocked(false))
      .catch((error) => {
        // NotAllowedError: autoplay with sound needs a click. AbortError: a newer load/pause won.
        if (error?.name === "NotAllowedError") setBlocked(true);
      });
  }

  function setBlocked(value) {
    blocked = value;
    emit("blocked", value);
    update();
  }

  const judging = () =>
    state && !timer && !cue && loaded() && !media.seeking && media.readyState >= 3 && localNow() >= settleUntil;

  /** Every tick: advance a cue; measure drift; cue when far off; keep play/pause right. */
  function tick() {
    if (cue) checkCue();
    if (!judging() || blocked) return update();
    if (!state.playing || ended() || media.paused) {
      drift = null;
      act(media.paused);
      return update();
    }
    const off = media.currentTime - target();
    drift = drift === null || Math.abs(off - drift) > 0.1 ? off : drift * 0.7 + off * 0.3;
    if (learning) {
      // Behind right after a start: play() takes a moment to move frames; start earlier next time.
      const { kind: which, expected } = learning;
      const error = off - expected;
      if (Math.abs(error) < LOCAL_SEEK_S) {
        startLag[which] = Math.min(250, Math.max(0, startLag[which] - error * 500));
        emit("learned", { ...startLag });
      }
      learning = null;
    }
    if (Math.abs(off) > LOCAL_SEEK_S) startCue(true);
    update();
  }

  /** A server `correct`: hold a rate until the drift is gone, or seek to the formula position. */
  function correct(fix) {
    if (!state || !fix || timer || cue) return;
    if (fix.action === "rate") {
      const rate = Number(fix.rate) || state.rate;
      const ratio = rate / state.rate;
      if (!state.playing || Math.abs(ratio - 1) < 1e-4) return clearNudge(true);
      const hold = Math.min(10000, Math.abs(Number(fix.drift_ms) || 0) / Math.abs(ratio - 1));
      clearNudge(false);
      nudge = { rate, drift: Number(fix.drift_ms) || 0, timer: setTimeout(() => clearNudge(true), hold) };
      media.playbackRate = rate;
      update();
    } else if (fix.action === "seek") {
      clearNudge(true);
      clearTimeout(fixTimer);
      // The server's position is our formula's for the same state: cue to it, or set it if paused.
      const at = clock.toLocal(Number(fix.at) || clock.toServer(localNow()));
      fixTimer = setTimeout(
        () => (state.playing ? startCue(true) : act(true)),
        Math.max(0, at - localNow()),
      );
    }
  }

  function clearNudge(restore) {
    if (!nudge) return;
    clearTimeout(nudge.timer);
    nudge = null;
    if (restore && state) media.playbackRate = state.rate;
    update();
  }

  /** The body of a `report` now, or null when the element is between states and would mislead. */
  function report() {
    if (!judging() || blocked || ended()) return null;
    return {
      position: Math.max(0, media.currentTime),
      playing: !media.paused,
      buffering: stalled,
      rtt: Math.round((clock.rtt ?? 0) * 10) / 10,
      sampled_at: clock.toServer(localNow()),
    };
  }

  /** The indicator's view: {mode, drift_ms, rtt, waiting}. */
  function status() {
    const waiting = state?.reason === "waiting" ? state.waiting || [] : [];
    let now = "sync";
    if (!state || !sourceKey(state)) now = "idle";
    else if (atEnd(state)) now = "ended";
    else if (blocked) now = "blocked";
    else if (!loaded()) now = "loading";
    else if (stalled) now = "buffering";
    else if (waiting.length) now = "waiting";
    else if (localNow() < resyncUntil) now = "resyncing";
    else if (nudge && Math.abs(nudge.drift) >= VISIBLE_MS) now = "catching-up";
    return { mode: now, drift_ms: drift === null ? null : drift * 1000, rtt: clock.rtt, waiting };
  }

  function update() {
    const next = status().mode;
    if (next !== mode) {
      mode = next;
      emit("status", status());
    }
  }

  const onMedia = {
    seeking: () => {
      seekedSinceStart = true;
    },
    emptied: () => {
      seekedSinceStart = true;
    },
    loadedmetadata: () => act(true),
    seeked: () => checkCue(),
    canplay: () => checkCue(),
  };
  Object.entries(onMedia).forEach(([name, fn]) => media.addEventListener(name, fn));
  const ticker = setInterval(tick, TICK_MS);

  return {
    get state() {
      return state;
    },
    target,
    adopt,
    correct,
    report,
    status,
    /** A click allowed playback: start at the synced position (call inside the click handler). */
    unblock() {
      media.play()?.catch(() => {}); // inside the gesture: this unlocks the element for later
      setBlocked(false);
      clearCue();
      act(true);
    },
    /** The element stalls (true) or recovered (false). */
    setStalled(value) {
      stalled = value;
      update();
    },
    on(name, fn) {
      const handler = (event) => fn(event.detail);
      bus.addEventListener(name, handler);
      return () => bus.removeEventListener(name, handler);
    },
    destroy() {
      clearInterval(ticker);
      clearTimeout(timer);
      clearTimeout(fixTimer);
      clearCue();
      clearNudge(false);
      Object.entries(onMedia).forEach(([name, fn]) => media.removeEventListener(name, fn));
    },
  };
}
