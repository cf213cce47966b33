"""Mutual friends and suggestions: friends of friends and people you watched parties with,
ranked and explained; friends, pending requests and blocked people are never suggested."""

from watchparty.friends import service


def _friends(a, b):
    service.request(a, b)
    service.request(b, a)  # asking back accepts


def test_mutual_friends_and_ranked_explained_suggestions(client, users, parties):
    me, bob, cat, dan, eve, fay = (
        users.create(first_name=n) for n in ("Me", "Bob", "Cat", "Dan", "Eve", "Fay")
    )
    with client.application.test_request_context():
        _friends(me, bob)
        _friends(me, cat)
        _friends(bob, dan)
        _friends(cat, dan)  # Dan: 2 mutual friends
        _friends(bob, eve)  # Eve: 1 mutual friend
        service.request(me, fay)  # pending: not a suggestion
    party = parties.create(me)
    parties.add(party, eve)  # Eve also watched a party with me
    other = parties.create(users.create(first_name="Gus"))
    parties.add(other, me)

    headers = users.session_headers(me)
    mutual = client.get(f"/api/users/{dan.id}/mutual-friends/", headers=headers).get_json()
    assert sorted(u["id"] for u in mutual) == sorted([str(bob.id), str(cat.id)])
    found = client.get("/api/users/friends/suggestions/", headers=headers).get_json()
    by_name = {s["name"].split()[0]: s for s in found}
    assert [s["name"].split()[0] for s in found][:2] == ["Dan", "Eve"]
    assert by_name["Dan"]["reasons"] == ["2 mutual friends"]
    assert by_name["Eve"]["reasons"] == ["1 mutual friend", "watched 1 party with you"]
    assert by_name["Gus"]["reasons"] == ["watched 1 party with you"]
    assert not {"Bob", "Cat", "Fay", "Me"} & set(by_name)

    client.post(f"/api/users/{dan.id}/block/", headers=headers)
    after = client.get("/api/users/friends/suggestions/", headers=headers).get_json()
    assert "Dan" not in {s["name"].split()[0] for s in after}
