"""Every request the Tokopedia & Shop adapter sends, held to TikTok Shop's own OpenAPI description (issue 16.7).

The operations TokoDesk calls are vendored in tests/oas/tts_operations.json (from npm @tts-open-toolkit/cli 0.1.7,
MIT; see tests/oas/README.md and regenerate.py). `check()` names each way a request leaves the description:
an operation that is not there (path and method), a query parameter it does not have, a required parameter or
header missing, a query value or body field of the wrong type or outside the values the description lists, a body
field the operation does not have.

tests/conftest.py hooks it into the sandbox's TikTok Shop dialect for every test, so each integration test that
talks to the sandbox is also an OAS test; a violation fails the test that caused it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SPEC = Path(__file__).resolve().parent / "oas" / "tts_operations.json"

# Every signed call carries these (the signing guide, research/tiktokshop-api.md §2); the OAS does not repeat them
# per operation. The token travels in the x-tts-access-token header, never in the query.
SIGNING = frozenset({"app_key", "sign", "timestamp"})
# Stricter than the OAS: it marks shop_cipher optional on every shop operation, while the per-endpoint reference
# pages (Get Order Detail, Ship Package, Cancel Order, ...) require it, and the API answers 106013 without it.
# We keep requiring it on every operation that lists it; the one global call we make (authorized shops) must not
# carry it.
SHOP_CIPHER = "shop_cipher"


@cache
def operations() -> dict[str, dict]:
    return json.loads(SPEC.read_text())["operations"]


@cache
def _routes() -> list[tuple[str, re.Pattern, str]]:
    """(method, path regex, operation key); literal paths before templated ones (`packages/ship` is not an id)."""
    out = []
    for key in operations():
        method, route = key.split(" ", 1)
        pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(route))
        out.append((method, re.compile(f"^{pattern}$"), key))
    out.sort(key=lambda r: ("{" in r[2], r[2]))
    return out


def find(method: str, path: str) -> str | None:
    for wanted, pattern, key in _routes():
        if wanted == method.upper() and pattern.match(path):
            return key
    return None


def _value_errors(name: str, value: str, schema: dict) -> list[str]:
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items") or {}
        return [e for part in value.split(",") for e in _value_errors(name, part, items)]
    if kind == "integer":
        try:
            number = int(value)
        except ValueError:
            return [f"query {name}={value!r} is not an integer"]
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and number < low) or (high is not None and number > high):
            return [f"query {name}={number} is outside [{low}, {high}]"]
        return []
    if kind == "boolean" and value not in ("true", "false"):
        return [f"query {name}={value!r} is not true/false"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"query {name}={value!r} is not one of {schema['enum']}"]
    return []


def _unknown_fields(value: Any, schema: dict, where: str) -> list[str]:
    """Body fields the operation does not describe (the OAS leaves additionalProperties open: a misspelt field
    would be silently ignored by the API, so the check is stricter here)."""
    out: list[str] = []
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        props = schema["properties"]
        for name, item in value.items():
            if name not in props:
                out.append(f"body field {where}{name} is not in the operation")
            else:
                out.extend(_unknown_fields(item, props[name], f"{where}{name}."))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            out.extend(_unknown_fields(item, schema["items"], f"{where[:-1]}[{i}]."))
    return out


def check(method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes) -> list[str]:
    """Every way this request leaves the vendored description ([] when it follows it)."""
    key = find(method, path)
    if key is None:
        return [f"{method} {path} is not an operation of the vendored OAS (tests/oas/operations.txt)"]
    op = operations()[key]
    problems: list[str] = []
    params = {p["name"]: p for p in op["parameters"]}
    lower_headers = {k.lower() for k in headers}
    for name, param in params.items():
        where = param["in"]
        required = param.get("required") or (name == SHOP_CIPHER and where == "query")
        if where == "query" and name in query:
            problems.extend(_value_errors(name, str(query[name]), param.get("schema") or {}))
        elif where == "query" and required:
            problems.append(f"required query parameter {name} is missing")
        elif where == "header" and required and name.lower() not in lower_headers:
            problems.append(f"required header {name} is missing")
    for name in query:
        if name not in SIGNING and (name not in params or params[name]["in"] != "query"):
            problems.append(f"query parameter {name} is not in the operation")
    if op.get("multipartBody") is not None:
        return [f"{key}: {p}" for p in problems + _form_errors(op["multipartBody"], headers, body)]
    schema = op.get("requestBody")
    payload: Any = None
    if body:
        try:
            payload = json.loads(body)
        except ValueError:
            problems.append("the body is not JSON")
    if schema is None:
        if payload not in (None, {}):
            problems.append("the operation takes no body, but one was sent")
    elif payload is not None:
        validator = jsonschema.Draft7Validator(schema)
        for error in sorted(validator.iter_errors(payload), key=lambda e: list(e.absolute_path)):
            at = ".".join(str(p) for p in error.absolute_path) or "(the body)"
            problems.append(f"body {at}: {error.message}")
        problems.extend(_unknown_fields(payload, schema, ""))
    return [f"{key}: {p}" for p in problems]


def _form_errors(schema: dict, headers: Mapping[str, str], body: bytes) -> list[str]:
    """An upload: a multipart/form-data body whose fields are the operation's (a file where it says binary)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if not content_type.lower().startswith("multipart/form-data"):
        return [f"the body must be multipart/form-data, not {content_type or 'untyped'}"]
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    problems, fields = [], schema.get("properties") or {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        field = fields.get(name)
        if field is None:
            problems.append(f"form field {name} is not in the operation")
        elif (field.get("format") == "binary") != (part.get_filename() is not None):
            problems.append(f"form field {name} must {'' if field.get('format') == 'binary' else 'not '}be a file")
        elif field.get("enum") and part.get_payload(decode=True).decode() not in field["enum"]:
            problems.append(f"form field {name}: not one of {', '.join(field['enum'])}")
    return problems
