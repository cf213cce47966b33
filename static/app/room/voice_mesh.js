// The WebRTC mesh of a voice room: one RTCPeerConnection per other person, negotiated through
// the /rtc `signal` event ("perfect negotiation": the peer with the larger id is polite and
// yields when both offer at once), so adding a camera or a screen later renegotiates by itself.

import { call } from "../sockets.js";

/**
 * Make the mesh: `socket` is the /rtc connection, `local` a MediaStream whose tracks are sent,
 * `onRemote(userId, stream)` is told of each peer's incoming media.
 */
export function createMesh({ socket, partyId, me, iceServers, policy, local, onRemote }) {
  const peers = new Map(); // user id -> {pc, polite, making, ignore, stream, senders}
  const config = { iceServers, iceTransportPolicy: policy || "all" };
  let muted = false;

  function silence(entry, on) {
    for (const track of local.getAudioTracks()) entry.senders.get(track.id)?.replaceTrack(on ? null : track);
  }

  function send(to, kind, data) {
    return call(socket, "signal", { party_id: partyId, to, kind, data });
  }

  function peer(userId) {
    if (peers.has(userId)) return peers.get(userId);
    const pc = new RTCPeerConnection(config);
    const entry = { pc, polite: me > userId, making: false, ignore: false, stream: new MediaStream(), senders: new Map() };
    peers.set(userId, entry);
    pc.onicecandidate = ({ candidate }) => candidate && send(userId, "ice", candidate.toJSON());
    pc.ontrack = ({ track }) => {
      entry.stream.addTrack(track);
      onRemote(userId, entry.stream);
    };
    pc.onnegotiationneeded = async () => {
      try {
        entry.making = true;
        await pc.setLocalDescription();
        await send(userId, "offer", { type: pc.localDescription.type, sdp: pc.localDescription.sdp });
      } finally {
        entry.making = false;
      }
    };
    local.getTracks().forEach((track) => entry.senders.set(track.id, pc.addTrack(track, local)));
    if (muted) silence(entry, true);
    return entry;
  }

  async function receive({ from, kind, data }) {
    const entry = peer(from);
    const { pc } = entry;
    if (kind === "ice") {
      try {
        await pc.addIceCandidate(data);
      } catch (error) {
        if (!entry.ignore) throw error;
      }
      return;
    }
    const collision = kind === "offer" && (entry.making || pc.signalingState !== "stable");
    entry.ignore = !entry.polite && collision;
    if (entry.ignore) return;
    await pc.setRemoteDescription(data);
    if (kind === "offer") {
      await pc.setLocalDescription();
      await send(from, "answer", { type: pc.localDescription.type, sdp: pc.localDescription.sdp });
    }
  }

  return {
    peers,
    /** Connect to people already in voice (the newcomer offers). */
    connect(userIds) {
      userIds.filter((id) => id !== me).forEach(peer);
    },
    receive,
    /** Close connections to people no longer in voice. */
    keep(userIds) {
      for (const [id, entry] of peers) {
        if (!userIds.includes(id)) {
          entry.pc.close();
          peers.delete(id);
        }
      }
    },
    /** Send a new local track (camera, screen) to everyone. */
    addTrack(track) {
      local.addTrack(track);
      for (const entry of peers.values()) entry.senders.set(track.id, entry.pc.addTrack(track, local));
    },
    /** Muted: send no audio packets at all (not only silence); unmuted: the microphone again. */
    mute(on) {
      muted = on;
      for (const entry of peers.values()) silence(entry, on);
    },
    /** Stop sending a local track. */
    removeTrack(track) {
      local.removeTrack(track);
      for (const entry of peers.values()) {
        const sender = entry.senders.get(track.id);
        if (sender) entry.pc.removeTrack(sender);
        entry.senders.delete(track.id);
      }
    },
    close() {
      for (const entry of peers.values()) entry.pc.close();
      peers.clear();
    },
    /** Bytes of audio sent and received, and whether a relay (TURN) carries them, per peer. */
    async stats() {
      const out = [];
      for (const [id, { pc }] of peers) {
        const report = await pc.getStats();
        const row = { peer: id, sent: 0, received: 0, relay: false, state: pc.connectionState };
        const pairs = [];
        const candidates = new Map();
        report.forEach((s) => {
          if (s.type === "outbound-rtp" && s.kind === "audio") row.sent += s.bytesSent || 0;
          if (s.type === "inbound-rtp" && s.kind === "audio") row.received += s.bytesReceived || 0;
          if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded") pairs.push(s);
          if (s.type === "local-candidate") candidates.set(s.id, s);
        });
        row.relay = pairs.some((p) => candidates.get(p.localCandidateId)?.candidateType === "relay");
        out.push(row);
      }
      return out;
    },
  };
}
