"""Voice chat, cameras and screen shares in a party: WebRTC signalling, state and TURN."""
