"""The built-in platform plans: the seed of the plans table (admins may edit the rows after)."""

GB = 1024**3
FREE = "free"

# Limit keys (see Plan.limits); None means "no limit".
STORAGE, VIDEOS, PARTIES, SEATS = (
    "storage_bytes",
    "videos_per_month",
    "parties_per_month",
    "max_participants",
)

CATALOGUE: tuple[dict, ...] = (
    {
        "id": FREE,
        "name": "Free",
        "description": "Watch together with friends.",
        "amount": 0,
        "interval": "month",
        "features": [
            "Host up to 10 parties a month",
            "Upload up to 5 videos a month",
            "2 GB of video storage",
            "Up to 50 people in a party",
        ],
        # 50 seats: the default size of a party, so a free host can always create one.
        "limits": {STORAGE: 2 * GB, VIDEOS: 5, PARTIES: 10, SEATS: 50},
        "is_premium": False,
        "sort_order": 0,
    },
    {
        "id": "basic",
        "name": "Basic",
        "description": "More uploads and bigger parties.",
        "amount": 499,
        "interval": "month",
        "features": [
            "Unlimited parties",
            "Upload up to 50 videos a month",
            "20 GB of video storage",
            "Up to 100 people in a party",
        ],
        "limits": {STORAGE: 20 * GB, VIDEOS: 50, PARTIES: None, SEATS: 100},
        "is_premium": False,
        "sort_order": 1,
    },
    {
        "id": "premium",
        "name": "Premium",
        "description": "Everything, without limits, plus premium-only videos.",
        "amount": 999,
        "interval": "month",
        "features": [
            "Unlimited parties and uploads",
            "200 GB of video storage",
            "Up to 1,000 people in a party",
            "Premium-only videos",
        ],
        "limits": {STORAGE: 200 * GB, VIDEOS: None, PARTIES: None, SEATS: 1000},
        "is_premium": True,
        "sort_order": 2,
    },
)


def entry(plan_id: str) -> dict | None:
    """The catalogue's entry for `plan_id`."""
    return next((item for item in CATALOGUE if item["id"] == plan_id), None)
