"""The shell loads the client, its pinned libraries, and the codecs HLS playback needs."""


def test_shell_is_served_at_client_paths_with_a_strict_script_policy(client):
    for path in ("/", "/signin", "/upload", "/join/ABC123"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b'src="/static/app/main.js"' in response.data
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_vendored_libraries_load_and_chromium_can_play_h264(viewers):
    viewer = viewers().open("/signin")
    page = viewer.page
    page.wait_for_function("!!(window.io && window.Hls)")
    assert page.evaluate("Hls.isSupported()") is True
    assert page.evaluate("Hls.version") == "1.7.4"
    codec = 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"'
    assert page.evaluate(f"MediaSource.isTypeSupported('{codec}')") is True
    assert viewer.errors() == []


def test_watch_party_fixture_streams_a_real_ladder(watch_party, users, client):
    headers = users.session_headers(watch_party["guest"])
    stream = client.get(f"/api/videos/{watch_party['video_id']}/stream/", headers=headers)
    assert stream.status_code == 200, stream.get_json()
    assert "streaming_url" in stream.get_json()


def test_client_code_never_turns_strings_into_html():
    from pathlib import Path

    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser")
    app = Path(__file__).resolve().parents[2] / "static" / "app"
    offenders = [
        f"{path.name}: {sink}"
        for path in sorted(app.rglob("*.js"))
        for sink in sinks
        if sink in path.read_text()
    ]
    assert list(app.rglob("*.js")) and offenders == []
