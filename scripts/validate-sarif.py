#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 schema (see fetch-sarif-schema.sh).

Usage: scripts/validate-sarif.py [--schema PATH] LOG.sarif...
Exits 0 when every log is valid, 1 when one is not, 2 when the schema or a log cannot be read.
"""
import argparse
import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_SCHEMA = ROOT / ".cache" / "sarif-schema-2.1.0.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=pathlib.Path, default=DEFAULT_SCHEMA)
    parser.add_argument("logs", nargs="+", type=pathlib.Path)
    args = parser.parse_args()

    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
    except OSError as error:
        print(f"cannot read the SARIF schema: {error}; run scripts/fetch-sarif-schema.sh",
              file=sys.stderr)
        return 2
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    invalid = 0
    for path in args.logs:
        try:
            log = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read: {error}", file=sys.stderr)
            return 2
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(part) for part in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        invalid += bool(errors)
        if not errors:
            print(f"{path}: valid SARIF 2.1.0")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
