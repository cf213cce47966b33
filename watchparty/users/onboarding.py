"""Onboarding: a checklist, partly derived from the account and partly ticked by the client."""

from collections.abc import Callable

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.users.models import User


def _profile_complete(user: User) -> bool:
    """Named, plus at least one of display name, bio or avatar."""
    named = bool(user.first_name and user.last_name)
    return named and bool(user.display_name or user.bio or user.avatar)


# key -> (title, derived check or None when the client marks it)
STEPS: dict[str, tuple[str, Callable[[User], bool] | None]] = {
    "verify_email": ("Verify your email address", lambda user: bool(user.is_verified)),
    "complete_profile": ("Complete your profile", _profile_complete),
    "choose_preferences": ("Choose your preferences", None),
    "take_tour": ("Take the tour", None),
}
MARKABLE = [key for key, (_, derived) in STEPS.items() if derived is None]


def status(user: User) -> dict:
    """Whether onboarding is finished, and each step with its state."""
    marked = set(user.onboarding_steps or [])
    steps = [
        {"key": key, "title": title, "completed": derived(user) if derived else key in marked}
        for key, (title, derived) in STEPS.items()
    ]
    return {"onboarding_completed": bool(user.onboarding_completed), "steps": steps}


def advance(user: User, step: str | None = None, completed: bool | None = None) -> dict:
    """Mark one client-side step done and/or finish (or reopen) onboarding."""
    if step is None and completed is None:
        raise ValidationError(
            "Send `step` to mark a step, or `completed` to finish onboarding.",
            errors={"step": ["Missing data for required field."]},
        )
    if step is not None:
        if step not in MARKABLE:
            reason = "is derived from your account" if step in STEPS else "is not a step"
            raise ValidationError(
                f"`{step}` {reason}; steps you can mark: {', '.join(MARKABLE)}.",
                errors={"step": [f"Must be one of: {', '.join(MARKABLE)}."]},
            )
        user.onboarding_steps = sorted(set(user.onboarding_steps or []) | {step})
        if all(entry["completed"] for entry in status(user)["steps"]):
            user.onboarding_completed = True
    if completed is not None:
        user.onboarding_completed = completed
    db.session.commit()
    return status(user)
