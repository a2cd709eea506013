#!/usr/bin/env python3
"""Checks that the core library's folders depend on each other in one direction.

Each folder of Sources/TieuChi is a layer; a file may name types declared in its own layer or in a layer
below it, never above. The order is the one of issue 6 (support ← numbers ← formats ← schema ←
expressions ← criteria ← survey ← evaluation ← rendering / authoring). Type names are collected from
declarations (struct, enum, class, protocol, typealias, actor); references are identifiers outside
comments and string literals. A member added by an extension is not tracked: the check is about types.
Prints each violation as file:line and exits 1 if there is one.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "TieuChi")
LAYERS = ["Support", "Numbers", "Formats", "Schema", "Expressions", "Criteria", "Survey", "Evaluation",
          "Rendering", "Authoring"]
# Authoring (lint, examples, templates, explanations) phrases what it finds with the renderers' words.
RANK = {name: index for index, name in enumerate(LAYERS)}


# Top-level declarations only (no indentation); private ones are not visible to other files.
DECL = re.compile(r"^(?:@\w+[ \t]+)*(?:(?:public|package|internal|final|indirect|nonisolated)[ \t]+)*"
                  r"(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)", re.M)
IDENT = re.compile(r"\b[A-Z]\w*\b")


def strip(source):
    """Removes comments and string literals (keeping line breaks) so names in them do not count."""
    source = re.sub(r'"""(?:.|\n)*?"""', lambda m: "\n" * m.group(0).count("\n"), source)
    source = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', source)
    source = re.sub(r"/\*(?:.|\n)*?\*/", lambda m: "\n" * m.group(0).count("\n"), source)
    return re.sub(r"//[^\n]*", "", source)


def main():
    files = {}
    for layer in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, layer)
        if not os.path.isdir(folder):
            continue
        if layer not in RANK:
            print(f"Sources/TieuChi/{layer}: a folder that is not a known layer ({', '.join(LAYERS)})")
            return 1
        # A layer's subfolders (Rendering/HTML) belong to it.
        for parent, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                if name.endswith(".swift"):
                    relative = os.path.relpath(os.path.join(parent, name), folder)
                    with open(os.path.join(parent, name), encoding="utf-8") as handle:
                        files[(layer, relative)] = strip(handle.read())
    owner = {}
    for (layer, _), text in files.items():
        for match in DECL.finditer(text):
            owner.setdefault(match.group(1), layer)
    violations = 0
    for (layer, name), text in files.items():
        # A nested type of the file's own (a reader's `Failure`) shadows any layer's type of that name.
        local = set(re.findall(r"\b(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)", text))
        for number, line in enumerate(text.split("\n"), 1):
            for ident in IDENT.findall(line):
                home = None if ident in local else owner.get(ident)
                if home and RANK[home] > RANK[layer]:
                    print(f"Sources/TieuChi/{layer}/{name}:{number}: uses {ident} from {home}")
                    violations += 1
    print(f"{len(files)} files in {len({l for l, _ in files})} layers; {violations} upward references")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
