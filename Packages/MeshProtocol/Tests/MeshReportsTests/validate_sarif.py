#!/usr/bin/env python3
"""Validate SARIF logs against the vendored OASIS SARIF 2.1.0 schema.

Usage: validate_sarif.py FILE...   (use - for stdin)
Exits 0 when every file is valid; prints each error with its JSON path and exits 1 otherwise;
exits 2 when the jsonschema package is missing (pip install jsonschema).
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif.py: the jsonschema package is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

SCHEMA = pathlib.Path(__file__).resolve().parent / "Schema" / "sarif-schema-2.1.0.json"


def main(paths):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in paths or ["-"]:
        text = sys.stdin.read() if path == "-" else pathlib.Path(path).read_text(encoding="utf-8")
        errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
