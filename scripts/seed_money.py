"""Seeding creators, tips and billing for scripts/seed_fuzz.py, paid through localstripe."""

from seed_helpers import card, ids, inner, wait_for


def seed_creators(people: dict) -> dict:
    """Three creators (the user with a tier); subscriptions and tips between them."""
    user, bob, carol, admin = (people[k]["api"] for k in ("user", "bob", "carol", "admin"))
    user.post("/api/creators/", {"bio": "I make seeded clips", "subscription_price": 5})
    bob.post("/api/creators/", {"bio": "Bob's channel", "subscription_price": 3})
    admin.post("/api/creators/", {"bio": "Staff picks", "subscription_price": 1})
    body = {"name": "Fan", "price": 3, "benefits": ["Early access"]}
    tier = inner(user.post("/api/creators/me/tiers/", body), "tier")
    creator, bob_id = people["user"]["id"], people["bob"]["id"]
    pay = {"payment_method_id": card(), "tier_id": str(tier["id"])}
    carol.post(f"/api/creators/{creator}/subscribe/", pay, expect=(201, 202))
    user.post(
        f"/api/creators/{bob_id}/subscribe/", {"payment_method_id": card()}, expect=(201, 202)
    )
    for api, to in ((carol, creator), (user, bob_id), (admin, creator)):
        tip = {"creator_id": to, "amount": 2, "message": "Thanks", "payment_method_id": card()}
        api.post("/api/payments/tips/", tip, expect=(201, 202))
    return {"tier_id": [str(tier["id"])], "creator_id": [creator, bob_id, people["admin"]["id"]]}


def seed_billing(people: dict, tag: str) -> dict:
    """Platform subscriptions, an address, a promo code; the invoices arrive by webhook."""
    user, carol, admin = (people[k]["api"] for k in ("user", "carol", "admin"))
    for api, plan in ((user, "premium"), (carol, "basic"), (admin, "basic")):
        api.post("/api/billing/subscribe/", {"plan_id": plan, "payment_method_id": card()})
    address = {"line1": "1 Main St", "city": "Paris", "postal_code": "75001", "country": "FR"}
    user.call("PUT", "/api/billing/address/", json=address)
    code = f"FUZZ{tag.replace('-', '')[-8:]}"
    admin.post("/api/billing/promo-codes/", {"code": code, "percent_off": 10})
    invoices = []
    for api in (user, admin):
        invoices += wait_for(lambda api=api: ids(api.get("/api/billing/history/")), "invoice")
    events = admin.get("/api/billing/admin/webhook-events/")
    admin.post("/api/billing/admin/reconcile/", expect=(200, 201, 202))  # a reconciliation run
    methods = ids(user.get("/api/billing/payment-methods/"))
    return {
        "payment_method_id": methods + ids(admin.get("/api/billing/payment-methods/")),
        "invoice_id": invoices,
        "event_id": ids(events)[:5],
        "promo_code": [code],
    }
