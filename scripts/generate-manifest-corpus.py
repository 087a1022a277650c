#!/usr/bin/env python3
"""Writes a large, valid manifest corpus for the `deskform validate` benchmark.

Each file declares 100 objects and 1,000 user references: 25 companies (10 members and 10 observers
each), 25 groups (10 members), 25 locations (13 roots and 12 sublocations, 10 members each) and 25 KB
categories (5 roots with 4 children). With the default 200 files, in 10 folders: 20,000 objects and
200,000 user references.

Usage: generate-manifest-corpus.py DIR [--files 200]
"""
import argparse
import os

parser = argparse.ArgumentParser()
parser.add_argument("directory")
parser.add_argument("--files", type=int, default=200)
args = parser.parse_args()

USERS = [f"user{n:05d}" for n in range(5000)]
objects = references = 0


def users(seed):
    """Ten distinct users."""
    global references
    references += 10
    return "[" + ", ".join(USERS[(seed * 10 + i) % len(USERS)] for i in range(10)) + "]"


for f in range(args.files):
    folder = os.path.join(args.directory, f"client{f % 10:02d}")
    os.makedirs(folder, exist_ok=True)
    seed = f * 1000
    out = ["companies:"]
    for i in range(25):
        out += [f"  - name: Company {f}-{i}", f"    external_id: C-{f:03d}-{i:02d}",
                f"    groups: [Group {f}-{i}]", f"    members: {users(seed)}", f"    observers: {users(seed + 1)}"]
        seed += 2
        objects += 1
    out.append("groups:")
    for i in range(25):
        out += [f"  - name: Group {f}-{i}", f"    members: {users(seed)}"]
        seed += 1
        objects += 1
    out.append("locations:")
    for i in range(13):
        out += [f"  - name: Site {f}-{i}", f"    members: {users(seed)}"]
        seed += 1
        objects += 1
        if i < 12:
            out += ["    children:", f"      - name: Floor {i}", f"        members: {users(seed)}"]
            seed += 1
            objects += 1
    out.append("kb_categories:")
    for i in range(5):
        out += [f"  - name: Topic {f}-{i}", "    children:"]
        out += [f"      - name: Subtopic {j}" for j in range(4)]
        objects += 5
    with open(os.path.join(folder, f"manifest{f:03d}.yaml"), "w") as handle:
        handle.write("\n".join(out) + "\n")

print(f"{args.files} files, {objects} objects, {references} user references in {args.directory}")
