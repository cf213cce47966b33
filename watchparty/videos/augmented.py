"""A model seen with a few computed attributes beside its columns, for a response schema."""


class Augmented:
    """`model` with `extra` attributes on top: a response schema dumps both as one object.

    Trending scores and a caller's `is_liked` are per query, not per row: they ride beside
    the model instead of being set on the (session-wide) instance."""

    def __init__(self, model, **extra) -> None:
        self._model = model
        vars(self).update(extra)

    def __getattr__(self, name: str):
        if name == "_model":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self._model, name)

    def __repr__(self) -> str:
        return f"Augmented({self._model!r}, {sorted(vars(self).keys() - {'_model'})})"
