"""Validate a SARIF log (standard input) against a JSON schema (first argument).

Prints one line per error and exits 1 when there is any, 0 when the log is valid.
Needs the `jsonschema` package (pip install jsonschema).
"""

import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    instance = json.load(sys.stdin)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(instance), key=str)
    for error in errors:
        print("/".join(str(p) for p in error.absolute_path), error.message)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
