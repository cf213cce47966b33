"""A model as a response shows it: the model plus response-only fields, for its schema."""


class Shown:
    """Reads like `obj` for a response schema, with `extra` fields on top (obj is untouched).

    Services return one where a response carries a figure the model does not store (a live
    online count, the caller's role, a score); the view's `@blp.response` schema dumps it.
    """

    def __init__(self, obj, **extra):
        self._obj = obj
        self.__dict__.update(extra)

    def __getattr__(self, name):
        return getattr(self._obj, name)
