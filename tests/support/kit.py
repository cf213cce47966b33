"""Helpers for the help centre's tests: FAQ content made by staff, tickets and feedback filed
through the API the way the client does."""

BASE = "/api/support"


def call(client, users, who, method: str, path: str, expect: int = 200, **body):
    """`method` on BASE + path as `who` (None: anonymous); asserts the status, returns JSON."""
    headers = users.session_headers(who) if who is not None else {}
    kwargs = {"json": body} if method in ("post", "patch") else {}
    response = getattr(client, method)(BASE + path, headers=headers, **kwargs)
    assert response.status_code == expect, response.get_json()
    return response.get_json()


def category(client, users, staff, name: str = "Account", **fields) -> dict:
    """A FAQ category created by staff."""
    return call(client, users, staff, "post", "/faq/categories/", 201, name=name, **fields)


def entry(client, users, staff, cat: dict, question: str, answer: str, **fields) -> dict:
    """A FAQ entry created by staff in `cat`."""
    body = {"category_id": cat["id"], "question": question, "answer": answer, **fields}
    return call(client, users, staff, "post", "/faq/", 201, **body)


def ticket(client, users, owner, subject: str = "Upload stuck", **fields) -> dict:
    """A ticket filed by `owner`."""
    body = {"description": "It stops at 99%", "category": "technical", "priority": "high"}
    return call(client, users, owner, "post", "/tickets/", 201, subject=subject, **body | fields)


def feedback(client, users, author, title: str = "Dark mode", **fields) -> dict:
    """Feedback sent by `author`."""
    body = {"type": "feature_request", "description": "Please add a dark theme"} | fields
    return call(client, users, author, "post", "/feedback/", 201, title=title, **body)
