#!/usr/bin/env python3
"""Lists the calls C2 left out of line in the compiles of the methods a pattern names, from a -XX:+LogCompilation log.

A call left in a kernel's batch loop or stream update costs more than the call: the kernel (or the part it is made on)
escapes into it and its fields go through memory on every bar, and the loop's values are spilled around it. Rare
paths are where such calls hide: C2 never inlines a method that has never run ("never executed"), inlines a call it
counts rare only up to 35 bytes of bytecode ("too big"), and keeps a branch it has seen fewer than 40 times even if
never taken. docs/performance-log.md, "Calls a young profile kept in the loop", has what this found.

Usage (loop-calls.sh runs it for every kernel):
  java -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=sma.log \\
      -cp ta-bench/target/benchmarks.jar io.ta.bench.BatchCpu sma 12
  python3 ta-bench/scripts/loop-calls.py sma.log '_Descriptor batch'

Prints one line per C2 compile and call left out: compile id, osr or std, the method and bytecode index of the
call, the callee, the call's profile count (-1: none) and C2's reason. Calls from constructors and the argument
checks before a batch's loop are not listed.
"""
import re
import sys

SETUP = ("Checks.", "validate", "&lt;init&gt;", "newKernel", "highestOneBit", "firstLength")


def main(path, pattern):
    log = open(path, encoding="utf-8", errors="replace").read()
    compiler = {m.group(1): m.group(2)
                for m in re.finditer(r"<nmethod compile_id='(\d+)'[^>]*compiler='(\w+)'", log)}
    for task in re.finditer(r"<task compile_id='(\d+)'([^>]*)method='([^']*)'.*?</task>", log, re.S):
        cid, attrs, method = task.groups()
        if pattern not in method or compiler.get(cid) != "c2":
            continue
        body = task.group(0)
        klass = {k.group(1): k.group(2).split(".")[-1]
                 for k in re.finditer(r"<klass id='(\d+)' name='([^']*)'", body)}
        name = {m.group(1): klass.get(m.group(2), "?") + "." + m.group(3)
                for m in re.finditer(r"<method id='(\d+)' holder='(\d+)' name='([^']*)'", body)}
        lines = body.split("\n")
        parsing = []  # the methods being parsed, innermost last
        bci = "?"
        for i, line in enumerate(lines):
            p = re.search(r"<parse method='(\d+)'", line)
            if p:
                parsing.append(name.get(p.group(1), "?"))
                continue
            if "<parse_done" in line and parsing:
                parsing.pop()
                continue
            b = re.search(r"<bc code='\d+' bci='(\d+)'", line)
            if b:
                bci = b.group(1)
            c = re.search(r"<call method='(\d+)' count='(-?\d+)'", line)
            if not c:
                continue
            for follow in lines[i + 1:i + 4]:
                fail = re.search(r"inline_fail reason='([^']*)'", follow)
                if fail:
                    site = (parsing[-1] if parsing else "?") + "@" + bci
                    callee = name.get(c.group(1), "?")
                    if not any(s in site or s in callee for s in SETUP):
                        kind = "osr" if "osr" in attrs else "std"
                        print(cid, kind, site, "->", callee, "count", c.group(2), fail.group(1))
                if fail or "<inline_success" in follow:
                    break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "_Descriptor batch")
