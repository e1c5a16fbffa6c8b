"""The ABI freeze check of libta: the built library and header against the committed description of ABI v1.

The description (docs/api/ffi-abi-v1.txt) has three sections, each compared line by line:
  [symbols]  the exported dynamic symbols with their version node (nm -D --defined-only)
  [header]   ta_engine.h normalized: comments and TA_API dropped, whitespace collapsed, one declaration per line
  [layout]   size and field offsets of every struct and of ta_status, printed by a program gcc compiles against the
             header (abi_layout.c)
A line of the description missing from the build is an incompatible change (a symbol removed, a signature, constant
or layout changed) and fails the build. A line in the build missing from the description is an addition (a new
function in a new version node, a new status code): compatible, but it fails too until it is recorded on purpose
with --update, so the description never drifts from the library.

Usage: python3 abi_check.py LIBTA_SO HEADER LAYOUT_PROGRAM DESCRIPTION [--update]
"""

import re
import subprocess
import sys


def symbols(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True, text=True).stdout
    lines = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            lines.append(f"{parts[1]} {parts[2]}")
    return sorted(lines)


def header(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    lines = []
    body = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            words = line.split()
            # Constants are ABI; include guards, the export macro and C++ linkage guards are not.
            if words[0] == "#define" and len(words) >= 3 and words[1].startswith("TA_") and words[1] != "TA_API":
                lines.append(" ".join(words))
            continue
        body.append(line)
    code = " ".join(body)
    code = code.replace("extern \"C\" {", " ").replace("TA_API", " ")
    code = re.sub(r"\s+", " ", code)
    depth = 0
    current = ""
    for ch in code:
        current += ch
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == ";" and depth == 0:
            lines.append(current.strip())
            current = ""
    rest = current.strip().strip("}").strip()
    if rest:
        lines.append(rest)
    normalized = []
    for line in lines:
        line = re.sub(r"\s*([(),;{}])\s*", r"\1", line).replace(",", ", ")
        normalized.append(re.sub(r"\s*\*\s*", " *", line))
    return normalized


def layout(program):
    out = subprocess.run([program], check=True, capture_output=True, text=True).stdout
    return [l for l in out.splitlines() if l.strip()]


def current(lib, hdr, program):
    return {"symbols": symbols(lib), "header": header(hdr), "layout": layout(program)}


def render(sections):
    out = ["# libta C ABI v1: the frozen description the build checks (ta-ffi/src/test/python/abi_check.py).",
           "# A line missing from the build fails it (incompatible change); a new line fails it until recorded",
           "# deliberately: python3 ta-ffi/src/test/python/abi_check.py ... --update (see docs/api/ffi-contract-v1.md)."]
    for name in ("symbols", "header", "layout"):
        out.append(f"[{name}]")
        out.extend(sections[name])
    return "\n".join(out) + "\n"


def parse(path):
    sections = {}
    name = None
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.startswith("# ") or not line.strip():
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1]
            sections[name] = []
        else:
            sections[name].append(line)
    return sections


def main(argv):
    lib, hdr, program, description = argv[1:5]
    now = current(lib, hdr, program)
    if "--update" in argv:
        with open(description, "w", encoding="utf-8") as f:
            f.write(render(now))
        print(f"abi: wrote {description}")
        return 0
    frozen = parse(description)
    removed = []
    added = []
    for name in ("symbols", "header", "layout"):
        have = now[name]
        want = frozen.get(name, [])
        removed += [f"[{name}] {l}" for l in want if l not in have]
        added += [f"[{name}] {l}" for l in have if l not in want]
    for line in removed:
        print(f"abi: INCOMPATIBLE, missing or changed: {line}", file=sys.stderr)
    for line in added:
        print(f"abi: not in {description} (a compatible addition must be recorded deliberately): {line}",
              file=sys.stderr)
    total = sum(len(v) for v in now.values())
    failures = 1 if removed or added else 0
    print(f"libta ABI check: {total} lines of symbols, header and layout compared with {description}")
    print(f"{1 - failures} passed, {failures} failed")
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv))
