"""What the two peer checkers share: their command line."""

import sys


def arguments(program):
    """(DIR, output file or None) from `program DIR [--output FILE]`; exits with the usage otherwise."""
    args = sys.argv[1:]
    if len(args) == 3 and args[1] == "--output":
        return args[0].rstrip("/"), args[2]
    if len(args) != 1:
        sys.exit(f"usage: {program} DIR [--output FILE]")
    return args[0].rstrip("/"), None
