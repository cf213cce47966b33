"""Summarise schemathesis NDJSON reports per identity; exit 1 on any server error or violation.

    fuzz_report.py --violations FILE IDENTITY=a.ndjson[,b.ndjson] ...

For each identity: operations tested, cases, server errors (`not_a_server_error`) and schema
violations (the conformance checks), grouped by operation, check and a short reason. FILE gets
every distinct failure with an example request.
"""

import argparse
import base64
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

SERVER_ERROR = "not_a_server_error"
LABEL = re.compile(r"^[A-Z]+ /")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def reason_of(failure: dict, status: int | None) -> str:
    """A short, stable reason: status code, what is wrong and, for schemas, where."""
    message = failure.get("message") or ""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    first = " ".join(lines[:2] if lines and lines[0].endswith(":") else lines[:1])
    # "<the value> is not of type ..." names the offending value first: keep the rule.
    first = re.sub(r"^[\[{\"].* (is not |is too |does not )", r"<value> \1", first)
    first = UUID.sub("<uuid>", first)[:200]
    where = re.search(r"Schema at (\S+?):", message)
    return f"[{status}] {failure.get('title', '')}: {first}" + (
        f" (at {where.group(1)})" if where else ""
    )


def events(path: Path):
    """(kind, payload) of every event in one NDJSON report."""
    with path.open() as handle:
        for line in handle:
            yield next(iter(json.loads(line).items()))


def operation_of(recorder: dict, case_id: str) -> str:
    """The `METHOD /path` of a case; a stateful scenario chains operations under one label."""
    if LABEL.match(recorder["label"]):
        return recorder["label"]  # (coverage cases may send other methods to the same path)
    case = (recorder["cases"].get(case_id) or {}).get("value") or {}
    return f"{case.get('method', '?').upper()} {case.get('path', recorder['label'])}"


def collect(paths: list[Path]) -> dict:
    """Operations, case ids and failure groups {(op, check, reason): [case ids, example...]}."""
    operations, cases, groups, errors = set(), set(), {}, []
    for path in paths:
        if not path.exists():
            errors.append(f"missing report: {path}")
            continue
        for kind, event in events(path):
            if kind in ("NonFatalError", "FatalError"):
                errors.append(f"{event.get('label', kind)}: {str(event.get('value'))[:300]}")
            recorder = (event.get("recorder") or {}) if kind == "ScenarioFinished" else {}
            if not recorder.get("cases"):
                continue
            operations.update(operation_of(recorder, case_id) for case_id in recorder["cases"])
            cases.update(recorder["cases"])
            for case_id, checks in recorder.get("checks", {}).items():
                for check in checks:
                    if check.get("status") == "failure":
                        record_failure(groups, recorder, case_id, check)
    return {"operations": operations, "cases": cases, "groups": groups, "errors": errors}


def record_failure(groups: dict, recorder: dict, case_id: str, check: dict) -> None:
    """Count one failed check under its group, keeping the first request as the example."""
    interaction = recorder["interactions"].get(case_id) or {}
    response = interaction.get("response") or {}
    failure = (check.get("failure_info") or {}).get("failure") or {}
    reason = reason_of(failure, response.get("status_code"))
    key = (operation_of(recorder, case_id), check["name"], reason)
    if key not in groups:
        request = interaction.get("request") or {}
        groups[key] = [set(), request, response, failure.get("message", "")]
    groups[key][0].add(case_id)


def summary(identity: str, found: dict) -> int:
    """Print one identity's figures and groups; how many things failed."""
    groups = found["groups"]
    errors = {k: v for k, v in groups.items() if k[1] == SERVER_ERROR}
    violations = {k: v for k, v in groups.items() if k[1] != SERVER_ERROR}
    print(
        f"\n## {identity}: {len(found['operations'])} operations, {len(found['cases'])} cases, "
        f"{len(errors)} server errors ({sum(len(v[0]) for v in errors.values())} cases), "
        f"{len(violations)} schema violations ({sum(len(v[0]) for v in violations.values())} cases)"
        + (f", {len(found['errors'])} run errors" if found["errors"] else "")
    )
    for error in found["errors"]:
        print(f"  run error: {error}")
    by_operation = defaultdict(list)
    for (operation, check, reason), (cases, *_) in groups.items():
        by_operation[operation].append((check, reason, len(cases)))
    for operation in sorted(by_operation):
        print(f"  {operation}")
        for check, reason, count in sorted(by_operation[operation]):
            print(f"    {check} x{count}: {reason}")
    return len(errors) + len(violations) + len(found["errors"])


def text_of(body) -> str:
    """A recorded request body as text (NDJSON keeps bytes as base64)."""
    if isinstance(body, dict) and "$base64" in body:
        return base64.b64decode(body["$base64"]).decode("utf-8", "replace")
    return json.dumps(body)


def write_violations(path: Path, found_by_identity: dict) -> None:
    """Every distinct failure, with its example request and the checker's full message."""
    lines = []
    for identity, found in found_by_identity.items():
        for (operation, check, reason), group in sorted(found["groups"].items()):
            cases, request, response, message = group
            body = request.get("body")
            lines += [
                f"[{identity}] {operation} | {check} | x{len(cases)} | {reason}",
                f"    request: {request.get('method')} {request.get('uri')}",
            ]
            if body:
                lines.append(f"    body: {text_of(body)[:300]}")
            lines += ["    " + line for line in message.strip().splitlines()[:12]] + [""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) if lines else "no violations\n")


def main() -> int:
    """Read the reports, print the summary, write the violations file; 1 if anything failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--violations", type=Path, required=True)
    parser.add_argument("reports", nargs="+", help="IDENTITY=report.ndjson[,more.ndjson]")
    options = parser.parse_args()
    found_by_identity, failed = {}, 0
    for spec in options.reports:
        identity, _, files = spec.partition("=")
        found_by_identity[identity] = collect([Path(f) for f in files.split(",")])
    print("# contract run: operations, cases, server errors, schema violations")
    for identity, found in found_by_identity.items():
        failed += summary(identity, found)
    write_violations(options.violations, found_by_identity)
    print(f"\nviolations list: {options.violations}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
