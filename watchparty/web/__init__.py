"""The browser client: a server-rendered shell; the single-page app in static/app/."""
