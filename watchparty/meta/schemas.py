"""Schemas of the service endpoints."""

import marshmallow as ma


class RootSchema(ma.Schema):
    message = ma.fields.String()
    version = ma.fields.String()
    endpoints = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())


class TestSchema(ma.Schema):
    message = ma.fields.String()
    authenticated = ma.fields.Boolean()
    user_id = ma.fields.String(allow_none=True)
    timestamp = ma.fields.String()


class HealthSchema(ma.Schema):
    status = ma.fields.String()
    services = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    queues = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())
    timestamp = ma.fields.String()
