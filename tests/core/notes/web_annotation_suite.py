"""The W3C Web Annotation test suite's assertions, run offline with jsonschema.

The suite (vendored in web_annotation_suite/, W3C licence) lists JSON schemas in `.test`
files; each is a MUST, SHOULD or MAY assertion that an object is expected to be valid
against. Its `$ref`s name the definitions files by their ids ("annotations.json#/..."),
so every schema is registered under its id; "date-time" and "uri" are checked here, as
jsonschema's own checks for them need packages we do not otherwise use.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SUITE = Path(__file__).with_name("web_annotation_suite")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")  # RFC 3986: scheme ":" then the rest


@dataclass(frozen=True)
class Result:
    name: str
    kind: str  # "must", "should" or "may"
    passed: bool


def run(test_file: str, value: Any, skip: frozenset[str] = frozenset()) -> list[Result]:
    """Every assertion of `test_file` (e.g. "annotations/annotationMusts.test") on `value`,
    but those named in `skip`."""
    listing = json.loads((SUITE / test_file).read_text(encoding="utf-8"))
    results = []
    for path in listing["assertions"]:
        name = Path(path).name
        if name in skip:
            continue
        schema = json.loads((SUITE / path).read_text(encoding="utf-8"))
        validator = jsonschema.Draft4Validator(
            schema, registry=_registry(), format_checker=_formats()
        )
        valid = validator.is_valid(value)
        results.append(Result(name, schema["assertionType"],
                              valid == (schema["expectedResult"] == "valid")))  # fmt: skip
    return results


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SUITE.rglob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        )
    return Registry().with_resources(resources)


@cache
def _formats() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_SCHEME.match(value)))
    return checker


def _is_date_time(value: object) -> bool:
    """RFC 3339: a date, "T", a time, and a zone ("Z" or an offset)."""
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
