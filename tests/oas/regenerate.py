"""Vendor the TikTok Shop OpenAPI operations TokoDesk calls into tests/oas/tts_operations.json.

    npm pack @tts-open-toolkit/cli@0.1.7 && tar xzf tts-open-toolkit-cli-0.1.7.tgz -C /tmp/tts
    python tests/oas/regenerate.py /tmp/tts/package

Reads operations.txt (one "METHOD /path" a line), takes each operation's parameters and request body from the
package's skills/tts-openapi-guide/references/oas/paths/<first path segment>.json (responses are left out: the
check is of requests), and writes them sorted, so a re-run with the same package gives the same file.

The OAS has no `enum`, `minimum` or `maximum` keywords: the allowed values are written in the descriptions
("Possible values:" then a bulleted list; "Valid range: [1-100]"). Where a description has such a list or range,
it is copied into the schema as `enum` / `minimum` / `maximum` with `x-from-description: true`, so the check can
hold a request to it; a description without one adds nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OAS = Path("skills/tts-openapi-guide/references/oas/paths")
SOURCE = "npm @tts-open-toolkit/cli 0.1.7 (MIT), skills/tts-openapi-guide/references/oas/paths/"

_LIST_HEAD = re.compile(r"(possible|available|allowed|valid) (values|types|document types)\s*:", re.I)
# "- `VALUE`: text", "- VALUE (Default)", "- value": one value a bullet, the token alone or before ":" / "(".
_BULLET = re.compile(r"^\s*-\s*(?:`([A-Za-z0-9_]+)`|([A-Za-z0-9_]{2,}))\s*(?=:|\(|$)")
_RANGE = re.compile(r"valid range\s*:\s*\[\s*(\d+)\s*[-,]\s*(\d+)\s*\]", re.I)


def operations_wanted(path: Path = HERE / "operations.txt") -> list[tuple[str, str]]:
    wanted = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            method, route = line.split()
            wanted.append((method.upper(), route))
    return wanted


def values_from(description: str) -> list[str]:
    """The bulleted values after a "Possible values:" line (empty when the description lists none)."""
    lines = description.splitlines()
    for i, line in enumerate(lines):
        if not _LIST_HEAD.search(line):
            continue
        found = []
        for bullet in lines[i + 1 :]:
            if not bullet.strip():
                if found:
                    break
                continue
            match = _BULLET.match(bullet)
            if not match:
                break
            found.append(match.group(1) or match.group(2))
        if len(found) >= 2:
            return found
    return []


def enrich(schema: dict) -> dict:
    """A copy of `schema` with the values and ranges its descriptions state, all the way down."""
    out = dict(schema)
    description = str(out.get("description") or "")
    values = values_from(description) if out.get("type") in ("string", "array") else []
    if values and out.get("type") == "string":
        out["enum"], out["x-from-description"] = values, True
    elif values and (out.get("items") or {}).get("type") == "string":  # a list of values: each item is one
        out["items"] = dict(out["items"], enum=values, **{"x-from-description": True})
    if out.get("type") == "integer":
        match = _RANGE.search(description)
        if match:
            out["minimum"], out["maximum"] = int(match.group(1)), int(match.group(2))
            out["x-from-description"] = True
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: enrich(v) for k, v in sorted(out["properties"].items())}
    if isinstance(out.get("items"), dict):
        out["items"] = enrich(out["items"])
    return out


def operation(package: Path, method: str, route: str) -> dict:
    module = route.strip("/").split("/")[0]
    spec = json.loads((package / OAS / f"{module}.json").read_text())
    found = spec["paths"].get(route, {}).get(method.lower())
    if found is None:
        raise SystemExit(f"{method} {route} is not in {module}.json of the package: check operations.txt")
    params = []
    for param in found.get("parameters") or []:
        param = dict(param)
        param["schema"] = enrich(dict(param.get("schema") or {}, description=param.get("description", "")))
        params.append(param)
    content = (found.get("requestBody") or {}).get("content") or {}
    body = (content.get("application/json") or {}).get("schema")
    out = {"summary": found.get("summary", ""), "parameters": params,
           "requestBody": enrich(body) if isinstance(body, dict) else None}
    form = (content.get("multipart/form-data") or {}).get("schema")
    if isinstance(form, dict):  # an upload: its form fields (a file field is `format: binary`)
        out["multipartBody"] = enrich(form)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(argv[1])
    version = json.loads((package / "package.json").read_text()).get("version")
    operations = {f"{m} {r}": operation(package, m, r) for m, r in sorted(operations_wanted())}
    out = {"source": SOURCE.replace("0.1.7", str(version)), "licence": "MIT; see LICENSE-tts-open-toolkit.txt",
           "operations": operations}
    (HERE / "tts_operations.json").write_text(json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(operations)} operations written to {HERE / 'tts_operations.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
