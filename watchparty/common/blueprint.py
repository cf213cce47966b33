"""The project's REST Blueprint: flask-smorest with 400 (not 422) for invalid input."""

import flask_smorest
from flask_smorest.arguments import ArgumentsMixin
from webargs.flaskparser import FlaskParser


class Parser(FlaskParser):
    """webargs parser that reports validation failures as 400 Bad Request."""

    DEFAULT_VALIDATION_STATUS = 400


class Blueprint(flask_smorest.Blueprint):
    """A documented REST blueprint; views parse with @arguments and dump with @response."""

    ARGUMENTS_PARSER = Parser()


assert issubclass(Blueprint, ArgumentsMixin)
