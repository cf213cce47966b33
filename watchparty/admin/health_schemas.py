"""Schemas of the staff health pages."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField

_f = ma.fields


class HealthCheckSchema(ma.Schema):
    """The fast check: this process answers."""

    status = _f.String()
    process = _f.String()
    uptime_seconds = _f.Float()
    timestamp = UTCDateTimeField()


class ProbeSchema(ma.Schema):
    """One dependency: healthy, unhealthy or not_configured, how long the probe took, why."""

    status = _f.String()
    latency_ms = _f.Float(allow_none=True)
    detail = _f.String(allow_none=True)


class QueueFiguresSchema(ma.Schema):
    depth = _f.Integer()
    started = _f.Integer()
    failed = _f.Integer()


class WorkerSchema(ma.Schema):
    name = _f.String()
    state = _f.String()
    queues = _f.List(_f.String())
    last_heartbeat = UTCDateTimeField(allow_none=True)


class QueuesSchema(ma.Schema):
    """Jobs per queue; RQ workers (mode rq) or the in-process runner (embedded)."""

    mode = _f.String()
    queues = _f.Dict(keys=_f.String(), values=_f.Nested(QueueFiguresSchema))
    workers = _f.List(_f.Nested(WorkerSchema))
    workers_alive = _f.Integer(allow_none=True)
    in_process_running = _f.Integer()
    error = _f.String()


class ProcessConnectionsSchema(ma.Schema):
    process = _f.String()
    connections = _f.Integer()
    namespaces = _f.Dict(keys=_f.String(), values=_f.Integer())
    this_process = _f.Boolean()


class ConnectionsSchema(ma.Schema):
    """Socket.IO connections held by this process (by namespace) and by every live process."""

    this_process = _f.Dict(keys=_f.String(), values=_f.Integer())
    processes = _f.List(_f.Nested(ProcessConnectionsSchema))
    total = _f.Integer()


class ProcessMetricsSchema(ma.Schema):
    pid = _f.Integer()
    id = _f.String()
    cpu_percent = _f.Float()
    memory_rss_bytes = _f.Integer()
    threads = _f.Integer()
    open_files = _f.Integer(allow_none=True)
    uptime_seconds = _f.Float()


class HostMetricsSchema(ma.Schema):
    """Percent of the host's CPU, memory and disk (of the media folder) in use."""

    cpu_usage = _f.Float()
    memory_usage = _f.Float()
    disk_usage = _f.Float()
    load_average = _f.List(_f.Float(), allow_none=True)
    cpu_count = _f.Integer(allow_none=True)
    process = _f.Nested(ProcessMetricsSchema)


class HealthStatusSchema(ma.Schema):
    """Detailed status: overall healthy, degraded or unhealthy, and every part of it."""

    status = _f.String()
    services = _f.Dict(keys=_f.String(), values=_f.Nested(ProbeSchema))
    queues = _f.Nested(QueuesSchema)
    connections = _f.Nested(ConnectionsSchema)
    live_parties = _f.Integer()
    metrics = _f.Nested(HostMetricsSchema)
    timestamp = UTCDateTimeField()


class HealthMetricsSchema(ma.Schema):
    """Host and process figures, connections and live parties."""

    metrics = _f.Nested(HostMetricsSchema)
    connections = _f.Nested(ConnectionsSchema)
    live_parties = _f.Integer()
    timestamp = UTCDateTimeField()


class SystemHealthSchema(ma.Schema):
    """Seed 003's SystemHealth (`celery` is reported as `queue`: this server runs RQ)."""

    status = _f.String()
    services = _f.Dict(keys=_f.String(), values=_f.String())
    metrics = _f.Dict(keys=_f.String(), values=_f.Float())
    queues = _f.Nested(QueuesSchema)
    connections = _f.Nested(ConnectionsSchema)
    live_parties = _f.Integer()
    notes = _f.Dict(keys=_f.String(), values=_f.String())
    timestamp = UTCDateTimeField()
