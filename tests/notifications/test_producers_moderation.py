"""A moderation decision reaches the people it concerns: when staff remove a party, its host
hears what happened to their party and each reporter that their report was acted on."""

from tests.notifications.producer_kit import inbox, of_type, only


def _report(client, users, who, party) -> None:
    body = {"party_id": str(party.id), "reason": "spam", "description": "ads everywhere"}
    response = client.post("/api/parties/report/", json=body, headers=users.session_headers(who))
    assert response.status_code == 201, response.get_json()


def test_removing_a_party_tells_its_host_and_its_reporters(client, users, parties):
    host, staff, bystander = users.create(), users.admin(), users.create()
    reporters = [users.create(), users.create()]
    party = parties.create(host, title="Cheap pills", visibility="public")
    for reporter in reporters:
        _report(client, users, reporter, party)
    removed = client.delete(
        f"/api/admin/parties/{party.id}/delete/", headers=users.session_headers(staff)
    )
    assert removed.status_code == 200, removed.get_json()
    item = only(client, users, host, "moderation_decision")
    assert item["title"] == "Your party was removed"
    assert item["message"] == (
        "Staff removed your party “Cheap pills” for breaking the community rules"
    )
    assert item["data"] == {"party_id": str(party.id), "decision": "removed"}
    for reporter in reporters:
        item = only(client, users, reporter, "moderation_decision")
        assert item["title"] == "Action taken on your report"
        assert item["message"] == "Thanks for your report: staff removed the party “Cheap pills”"
    assert of_type(client, users, bystander, "moderation_decision") == []
    assert inbox(client, users, staff)["count"] == 0
