"""Videos: uploads, storage, HLS transcoding, playback and engagement."""
