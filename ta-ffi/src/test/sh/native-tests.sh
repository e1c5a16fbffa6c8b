#!/usr/bin/env bash
# The foreign-language tests of libta, run by the Maven build (ta-ffi/pom.xml, phase integration-test) after the
# library, ta-engine.jar and the Java golden values (GoldenWriter) exist:
#   1. ABI freeze: exported symbols, normalized header and struct layout vs docs/api/ffi-abi-v1.txt
#   2. C smoke test: every function, bit-identical results vs Java, every status code, threads
#   3. Python ctypes smoke test: the same contract from a second language with no compiler
#   4. Leak check: 10,000 compile/run/stream/free cycles natively (live handles 0, bounded Java heap, resident set),
#      then the same loop under valgrind memcheck with JVM-only noise suppressed (TA_LEAK_VALGRIND_CYCLES, default
#      200: valgrind runs the JVM 50-100x slower, see docs/api/ffi-contract-v1.md "How it is tested")
#
# Usage: native-tests.sh JAVA_HOME LIB_DIR GOLDEN_DIR WORK_DIR
set -euo pipefail
java_home="$1"; lib="$2"; golden="$3"; work="$4"
here="$(cd "$(dirname "$0")/.." && pwd)"   # ta-ffi/src/test
repo="$(cd "$here/../../.." && pwd)"
mkdir -p "$work"

for tool in gcc python3 valgrind nm; do
  if ! command -v "$tool" >/dev/null; then
    echo "native-tests: $tool is required (Debian: apt-get install $tool); -Dta.ffi.skipNative=true skips these tests" >&2
    exit 1
  fi
done

cflags=(-std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror -I"$lib" -I"$here/c")
link=(-L"$lib" -lta -Wl,-rpath,"$lib")
gcc "${cflags[@]}" -o "$work/smoke" "$here/c/smoke.c" "$here/c/golden.c" "${link[@]}" -lpthread -ldl
gcc "${cflags[@]}" -o "$work/leak" "$here/c/leak.c" "$here/c/golden.c" "${link[@]}"
gcc "${cflags[@]}" -o "$work/abi_layout" "$here/c/abi_layout.c"

failed=0
step() { echo; echo "== libta: $1"; }

step "ABI freeze check"
python3 "$here/python/abi_check.py" "$lib/libta.so.1" "$repo/ta-ffi/src/main/c/ta_engine.h" "$work/abi_layout" \
  "$repo/docs/api/ffi-abi-v1.txt" || failed=1

# The C test finds the jar next to libta.so (no TA_CLASSPATH) and libjvm through JAVA_HOME; Python is given both
# explicitly through TA_CLASSPATH and TA_JVM, so each way of locating the engine is exercised.
step "C smoke test"
(cd "$work" && env -u TA_CLASSPATH -u TA_JVM JAVA_HOME="$java_home" TA_JVM_OPTIONS="-Xmx256m -XX:+UseSerialGC" \
  ./smoke "$golden" "$work/no-such-libjvm.so") || failed=1

step "Python ctypes smoke test"
(cd "$work" && env -u JAVA_HOME TA_CLASSPATH="$lib/ta-engine.jar" TA_JVM="$java_home/lib/server/libjvm.so" \
  TA_JVM_OPTIONS="-Xmx256m -XX:+UseSerialGC" python3 "$here/python/smoke.py" "$lib/libta.so" "$golden") || failed=1

# -Xmx48m: Java objects kept alive by a leaked JNI reference (each cycle allocates ~100 KiB of arrays) would exhaust
# the heap within a few hundred cycles. The resident-set bound is a coarse guard against native leaks of more than a
# few KiB per cycle; the JIT and glibc's arenas account for the ~15 MiB of growth seen after warm-up.
step "leak check: 10,000 cycles"
(cd "$work" && env JAVA_HOME="$java_home" TA_JVM_OPTIONS="-Xms48m -Xmx48m -XX:+AlwaysPreTouch -XX:+UseSerialGC" \
  ./leak "$golden" 10000 65536) || failed=1

cycles="${TA_LEAK_VALGRIND_CYCLES:-200}"
step "leak check: $cycles cycles under valgrind memcheck"
# Every caller kept (500, valgrind's most): the suppressions know Java's stack banging by the JavaCalls::call_helper
# frame below it, and a call from libta into Java can run more than 60 Java frames deep (a plan's compilation, with
# class initializers), which hid that frame: a fresh-clone CI run failed on such a stack, all 60 callers Java code.
(cd "$work" && env JAVA_HOME="$java_home" TA_JVM_OPTIONS="-Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" \
  valgrind --quiet --error-exitcode=97 --num-callers=500 --undef-value-errors=no \
    --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --suppressions="$here/valgrind/jvm.supp" --log-file="$work/valgrind.log" \
    ./leak "$golden" "$cycles") || { failed=1; echo "valgrind found errors: $work/valgrind.log"; tail -60 "$work/valgrind.log"; }

echo
if [ "$failed" -ne 0 ]; then
  echo "libta native tests FAILED"
  exit 1
fi
echo "libta native tests passed"
