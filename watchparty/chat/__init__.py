"""Party chat: messages, settings, moderation, over REST and the /chat namespace."""
