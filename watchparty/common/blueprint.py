"""The project's REST Blueprint: flask-smorest with 400 (not 422) for invalid input."""

import functools
from collections.abc import Mapping

import flask_smorest
import marshmallow as ma
from flask_smorest.arguments import ArgumentsMixin
from webargs.flaskparser import FlaskParser


class Parser(FlaskParser):
    """webargs parser that reports validation failures as 400 Bad Request."""

    DEFAULT_VALIDATION_STATUS = 400


def _instance(schema) -> ma.Schema:
    return schema() if isinstance(schema, type) else schema


def multipart_schema(form, files) -> type[ma.Schema]:
    """One schema of a multipart body's text fields and files together (documentation only:
    each part is still parsed by its own @arguments); one class per pair."""
    return _multipart(type(_instance(form)), type(_instance(files)))


@functools.cache
def _multipart(form: type[ma.Schema], files: type[ma.Schema]) -> type[ma.Schema]:
    name = form.__name__.removesuffix("Schema") + "WithFilesSchema"
    return ma.Schema.from_dict(form._declared_fields | files._declared_fields, name=name)


class Blueprint(flask_smorest.Blueprint):
    """A documented REST blueprint; views parse with @arguments and dump with @response."""

    ARGUMENTS_PARSER = Parser()

    def _prepare_arguments_doc(self, doc, doc_info, *, api, spec, **kwargs):
        """flask-smorest documents one body per operation: a view that parses both `form`
        and `files` gets one multipart/form-data body holding both (else the form fields
        would appear as OpenAPI 2 `formData` parameters, which OpenAPI 3 does not have)."""
        params = (doc_info.get("arguments") or {}).get("parameters") or []
        by_location = {p["in"]: p for p in params if isinstance(p, Mapping)}
        if "form" in by_location and "files" in by_location:
            form = by_location["form"]
            params.remove(form)
            files = by_location["files"]
            files["schema"] = multipart_schema(form["schema"], files["schema"])
            files["required"] = files.get("required", True) or form.get("required", True)
        return super()._prepare_arguments_doc(doc, doc_info, api=api, spec=spec, **kwargs)


assert issubclass(Blueprint, ArgumentsMixin)
