"""Request and response bodies of social sign-in."""

import marshmallow as ma
from marshmallow import validate

from watchparty.auth.schemas import SignInSchema

JWT = validate.Length(min=1, max=8192)
TOKEN = validate.Length(min=1, max=4096)
CODE = validate.Length(min=1, max=2048)
NAME = validate.Length(max=150)


class SocialInput(ma.Schema):
    """Provider callbacks carry extra fields; they are ignored."""

    class Meta:
        unknown = ma.EXCLUDE

    redirect_uri = ma.fields.URL(
        require_tld=False, validate=validate.Length(max=500), metadata={"description": "As sent"}
    )
    state = ma.fields.String(
        validate=TOKEN, metadata={"description": "The state from GET /<provider>/"}
    )


def _require_one(data: dict, *names: str) -> None:
    if not any(data.get(name) for name in names):
        message = "One of " + ", ".join(f"`{n}`" for n in names) + " is required."
        raise ma.ValidationError(message, names[0])


class GoogleSignInSchema(SocialInput):
    id_token = ma.fields.String(validate=JWT)
    credential = ma.fields.String(validate=JWT, metadata={"description": "Google Identity"})
    access_token = ma.fields.String(validate=TOKEN)
    code = ma.fields.String(validate=CODE)

    @ma.post_load
    def one_credential(self, data, **kwargs):
        if data.get("credential") and not data.get("id_token"):
            data["id_token"] = data.pop("credential")
        _require_one(data, "id_token", "access_token", "code")
        return data


class GitHubSignInSchema(SocialInput):
    code = ma.fields.String(required=True, validate=CODE)


class FacebookSignInSchema(SocialInput):
    access_token = ma.fields.String(validate=TOKEN)
    code = ma.fields.String(validate=CODE)

    @ma.validates_schema
    def one_credential(self, data, **kwargs):
        _require_one(data, "access_token", "code")


class AppleSignInSchema(SocialInput):
    id_token = ma.fields.String(validate=JWT)
    code = ma.fields.String(validate=CODE)
    first_name = ma.fields.String(validate=NAME, metadata={"description": "First sign-in only"})
    last_name = ma.fields.String(validate=NAME)

    @ma.validates_schema
    def one_credential(self, data, **kwargs):
        _require_one(data, "id_token", "code")


class AuthorizationSchema(ma.Schema):
    provider = ma.fields.String()
    authorization_url = ma.fields.URL()
    state = ma.fields.String()


class SocialSignInSchema(SignInSchema):
    """Tokens (or the 2FA challenge), plus whether the account was just created."""

    created = ma.fields.Boolean()
