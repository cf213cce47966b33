"""Friends raise notifications: a request reaches the addressee, its acceptance the requester,
and a friend's public party going live reaches the host's friends (not for a private party)."""

from tests.notifications.producer_kit import befriend, inbox, of_type, only


def _ask(client, users, sender, target):
    return client.post(
        f"/api/users/{target.id}/friend-request/", headers=users.session_headers(sender)
    )


def test_a_friend_request_notifies_the_addressee_and_its_acceptance_the_requester(client, users):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Babbage")
    request = _ask(client, users, ada, bob).get_json()["request"]
    item = only(client, users, bob, "friend_request")
    assert item["title"] == "New friend request" and item["read"] is False
    assert item["message"] == "Ada Lovelace sent you a friend request"
    assert item["data"] == {"request_id": request["id"], "sender_id": str(ada.id)}
    assert inbox(client, users, ada)["count"] == 0  # nobody hears of their own doing

    accepted = client.post(
        f"/api/users/friends/{request['id']}/accept/", headers=users.session_headers(bob)
    )
    assert accepted.status_code == 200
    item = only(client, users, ada, "friend_accepted")
    assert item["message"] == "Bob Babbage accepted your friend request"
    assert item["data"]["user_id"] == str(bob.id)
    assert of_type(client, users, bob, "friend_accepted") == []


def test_asking_back_accepts_and_tells_the_first_asker_once(client, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    _ask(client, users, ada, bob)
    assert _ask(client, users, bob, ada).get_json()["request"]["status"] == "accepted"
    assert only(client, users, ada, "friend_accepted")["count"] == 1
    assert of_type(client, users, ada, "friend_request") == []  # asking back is no new request


def _party(client, users, host, visibility: str) -> str:
    body = {"title": f"{visibility.title()} night", "visibility": visibility}
    created = client.post("/api/parties/", json=body, headers=users.session_headers(host))
    assert created.status_code == 201, created.get_json()
    return created.get_json()["id"]


def test_a_public_party_going_live_tells_the_hosts_friends_once(client, users, run_jobs):
    host, friend, stranger = (users.create(first_name=n) for n in ("Hana", "Finn", "Sam"))
    befriend(client, users, host, friend)
    party_id = _party(client, users, host, "public")
    for _ in range(2):  # starting again is not news
        started = client.post(
            f"/api/parties/{party_id}/start/", headers=users.session_headers(host)
        )
        assert started.status_code == 200, started.get_json()
        run_jobs()
    item = only(client, users, friend, "friend_party_started")
    assert item["count"] == 1 and item["message"] == "Hana Tester started “Public night”"
    assert item["data"]["party_id"] == party_id and item["data"]["host_id"] == str(host.id)
    assert of_type(client, users, stranger, "friend_party_started") == []
    assert of_type(client, users, host, "friend_party_started") == []


def test_a_private_party_going_live_tells_nobody(client, users, run_jobs):
    host, friend = users.create(), users.create()
    befriend(client, users, host, friend)
    party_id = _party(client, users, host, "private")
    client.post(f"/api/parties/{party_id}/start/", headers=users.session_headers(host))
    run_jobs()
    assert of_type(client, users, friend, "friend_party_started") == []
