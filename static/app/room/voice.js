// Room panel: voice chat. Join voice (microphone, optionally the camera), mute, leave, small
// tiles with a speaking ring, a screen-share view, and host/moderator controls. Media flows
// browser to browser (voice_mesh.js); the server relays signalling on /rtc and hands out the
// ICE servers (TURN credentials expire, so they are fetched at every join).

import { describeAck, get, post } from "../api.js";
import { h, replace, say } from "../dom.js";
import { call, connect } from "../sockets.js";
import { createMesh } from "./voice_mesh.js";

const SPEAKING_LEVEL = 0.04; // RMS of the microphone above which one counts as speaking
// Diagnostics: sessionStorage "watchparty.voice.policy" = "relay" sends everything via TURN.
const POLICY_KEY = "watchparty.voice.policy";

/** Mount the voice panel into `region`; returns a cleanup function. */
export function mountVoice(ctx, region) {
  const base = `/api/interactive/parties/${ctx.partyId}`;
  let socket = null;
  let mesh = null;
  let local = null;
  let voice = { peers: [], shares: [], enabled: true };
  let muted = false;
  let camera = null; // the camera's video track while on
  let screen = null; // {track, share} while I share my screen
  let meter = null;
  const remotes = new Map(); // user id -> MediaStream
  const videos = new Map(); // user id -> its <video>, kept across renders so audio never stops
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const note = h("p", { class: "muted voice-note" }, "Joining asks your browser for your microphone (and the camera when you turn it on).");
  const bar = h("div", { class: "voice-bar" });
  const tiles = h("ul", { class: "voice-tiles", "aria-label": "People in voice" });
  const screenView = h("div", { class: "voice-screen", hidden: true });
  region.append(h("h2", {}, "Voice"), note, bar, tiles, screenView, status);
  region.dataset.state = "idle";
  const inVoice = () => Boolean(socket && mesh);
  const mine = () => voice.peers.find((p) => p.user_id === ctx.me?.id);
  render();
  get(`${base}/voice-chat/`).then((body) => {
    voice = body;
    render();
  }).catch(() => {});

  function button(label, onclick, extra = {}) {
    return h("button", { type: "button", class: "btn small", onclick, ...extra }, label);
  }

  function render() {
    const me = mine();
    const controls = [];
    if (!inVoice()) {
      if (voice.enabled) controls.push(button("Join voice", join));
      else controls.push(h("span", { class: "muted" }, "Voice chat is turned off in this party."));
    } else {
      controls.push(button(muted ? "Unmute" : "Mute", toggleMute, { "aria-pressed": muted }));
      controls.push(button(camera ? "Camera off" : "Camera on", toggleCamera, { "aria-pressed": Boolean(camera) }));
      if (navigator.mediaDevices?.getDisplayMedia) controls.push(button(screen ? "Stop sharing" : "Share screen", toggleScreen));
      controls.push(button("Leave voice", leave));
    }
    if (ctx.isModerator()) controls.push(button(voice.enabled ? "Turn voice off" : "Turn voice on", () => manage(voice.enabled ? "disable" : "enable")));
    replace(bar, controls);
    note.hidden = inVoice();
    if (me?.muted_by_moderator) say(status, "A host or moderator muted you.", "error");
    replace(tiles, voice.peers.map(tile));
    renderScreen();
  }

  function tile(peer) {
    const self = peer.user_id === ctx.me?.id;
    const video = videos.get(peer.user_id) || h("video", { autoplay: true, playsinline: true });
    videos.set(peer.user_id, video);
    video.muted = self; // never hear oneself
    if (self && video.srcObject?.getVideoTracks()[0] !== camera) video.srcObject = camera ? new MediaStream([camera]) : null;
    const stream = remotes.get(peer.user_id);
    if (!self && stream && video.srcObject !== stream) video.srcObject = stream;
    video.classList.toggle("voice-audio-only", !peer.camera);
    const name = peer.user?.display_name || peer.user?.name || "Someone";
    const flags = [peer.muted ? "muted" : null, peer.camera ? "camera on" : null].filter(Boolean).join(", ");
    const tools = [];
    if (ctx.isModerator() && !self) {
      tools.push(button(peer.muted_by_moderator ? "Allow to talk" : "Mute for all", () => manage(peer.muted_by_moderator ? "unmute" : "mute", peer.user_id)));
      tools.push(button("Remove from voice", () => manage("remove", peer.user_id)));
    }
    return h("li", { class: `voice-tile${peer.speaking ? " speaking" : ""}`, dataset: { user: peer.user_id, speaking: String(peer.speaking) } },
      video, h("span", { class: "voice-name" }, name, flags ? ` (${flags})` : ""), tools);
  }

  function renderScreen() {
    const share = voice.shares[0];
    screenView.hidden = !share;
    if (!share) return replace(screenView);
    const who = share.user?.display_name || share.user?.name || "Someone";
    const video = h("video", { autoplay: true, playsinline: true, muted: true, class: "voice-screen-video" });
    video.muted = true;
    const mineShare = share.user_id === ctx.me?.id;
    const stream = mineShare ? (screen && new MediaStream([screen.track])) : remotes.get(share.user_id);
    const tracks = stream?.getVideoTracks() || [];
    if (tracks.length) video.srcObject = new MediaStream([tracks[tracks.length - 1]]);
    replace(screenView, h("p", {}, `${who} is sharing a screen`), video);
  }

  async function join() {
    say(status, "Asking for your microphone…");
    let ice;
    try {
      ice = await get(`${base}/voice-chat/`);
      local = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      say(status, error.message || "No microphone: voice chat needs one.", "error");
      return;
    }
    if (!ice.turn) say(status, ice.note);
    socket = connect("/rtc");
    const policy = sessionStorage.getItem(POLICY_KEY) || "all";
    mesh = createMesh({ socket, partyId: ctx.partyId, me: ctx.me.id, iceServers: ice.ice_servers, policy, local, onRemote });
    socket.on("connect", enter); // also how a reconnect re-announces
    socket.on("voice_state", adopt);
    socket.on("signal", (data) => data.party_id === ctx.partyId && mesh?.receive(data).catch(() => {}));
    socket.on("voice_muted", () => setMuted(true));
    socket.on("voice_removed", () => stop("You were removed from voice chat."));
    socket.on("voice_disabled", () => {
      voice = { ...voice, enabled: false, peers: [], shares: [] }; // the server emptied the room
      stop("Voice chat was turned off.");
    });
    socket.on("voice_replaced", () => stop("Your voice moved to another window."));
    listen();
    render();
  }

  async function enter() {
    const ack = await call(socket, "join", { party_id: ctx.partyId, muted, camera: Boolean(camera) });
    if (!ack.ok) return stop(describeAck(ack, "Could not join voice chat."));
    region.dataset.state = "joined";
    if (status.className !== "status error") say(status, "");
    adopt(ack.voice);
    mesh.connect(ack.voice.peers.map((p) => p.user_id));
  }

  function adopt(state) {
    if (!state || state.party_id !== ctx.partyId) return;
    voice = state;
    mesh?.keep(voice.peers.map((p) => p.user_id));
    const gone = (id) => !voice.peers.some((p) => p.user_id === id);
    [...remotes.keys()].filter(gone).forEach((id) => remotes.delete(id));
    [...videos.keys()].filter(gone).forEach((id) => videos.delete(id));
    if (screen && !voice.shares.some((s) => s.id === screen.share.id)) endScreen(false);
    render();
  }

  function onRemote(userId, stream) {
    remotes.set(userId, stream);
    render();
  }

  async function toggleMute() {
    if (!muted && mine()?.muted_by_moderator) return;
    const ack = await call(socket, "media", { party_id: ctx.partyId, muted: !muted });
    if (!ack.ok) return say(status, describeAck(ack, "Could not unmute."), "error");
    setMuted(!muted);
    adopt(ack.voice);
  }

  function setMuted(value) {
    muted = value;
    local?.getAudioTracks().forEach((track) => { track.enabled = !muted; });
    mesh?.mute(muted);
    render();
  }

  async function toggleCamera() {
    if (camera) {
      mesh.removeTrack(camera);
      camera.stop();
      camera = null;
    } else {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
        camera = stream.getVideoTracks()[0];
        mesh.addTrack(camera);
      } catch (error) {
        return say(status, error.message || "No camera.", "error");
      }
    }
    const ack = await call(socket, "media", { party_id: ctx.partyId, camera: Boolean(camera) });
    if (ack.ok) adopt(ack.voice);
  }

  async function toggleScreen() {
    if (screen) return endScreen(true);
    let track;
    try {
      track = (await navigator.mediaDevices.getDisplayMedia({ video: true })).getVideoTracks()[0];
    } catch (error) {
      return say(status, error.message || "Screen sharing was cancelled.", "error");
    }
    const ack = await call(socket, "screen_start", { party_id: ctx.partyId });
    if (!ack.ok) {
      track.stop();
      return say(status, describeAck(ack, "Could not share your screen."), "error");
    }
    screen = { track, share: ack.share };
    track.onended = () => endScreen(true);
    mesh.addTrack(track);
    render();
  }

  function endScreen(tell) {
    if (!screen) return;
    const { track, share } = screen;
    screen = null;
    mesh?.removeTrack(track);
    track.stop();
    if (tell && socket) call(socket, "screen_stop", { party_id: ctx.partyId, share_id: share.id });
    render();
  }

  function listen() {
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    audio.createMediaStreamSource(local).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let speaking = false;
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const level = Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
      const now = !muted && level > SPEAKING_LEVEL;
      if (now === speaking || !socket?.connected) return;
      speaking = now;
      call(socket, "media", { party_id: ctx.partyId, speaking });
    }, 300);
    meter = () => {
      clearInterval(timer);
      audio.close();
    };
  }

  async function leave() {
    if (socket?.connected) await call(socket, "leave", { party_id: ctx.partyId });
    stop("");
  }

  function stop(message) {
    endScreen(false);
    meter?.();
    meter = null;
    mesh?.close();
    mesh = null;
    socket?.disconnect();
    socket = null;
    [local, camera && new MediaStream([camera])].forEach((s) => s?.getTracks().forEach((t) => t.stop()));
    local = null;
    camera = null;
    remotes.clear();
    videos.clear();
    region.dataset.state = "idle";
    voice = { ...voice, peers: voice.peers.filter((p) => p.user_id !== ctx.me?.id) };
    if (message) say(status, message, "error");
    render();
  }

  async function manage(action, userId) {
    try {
      const result = await post(`${base}/voice-chat/manage/`, userId ? { action, user_id: userId } : { action });
      if (!inVoice()) voice = result.voice;
      render();
    } catch (error) {
      say(status, error.describe ? error.describe() : "That did not work.", "error");
    }
  }

  // For diagnostics (and the browser tests): audio bytes each way, per peer.
  window.watchpartyVoiceStats = () => (mesh ? mesh.stats() : Promise.resolve([]));
  const offParticipants = ctx.on("participants", render);
  const offParty = ctx.on("party", (party) => {
    if (typeof party?.voice_enabled !== "boolean" || party.voice_enabled === voice.enabled) return;
    voice = { ...voice, enabled: party.voice_enabled };
    if (voice.enabled && status.textContent === "Voice chat was turned off.") say(status, "");
    render();
  });
  return () => {
    offParticipants();
    offParty();
    stop("");
    delete window.watchpartyVoiceStats;
  };
}
