#!/usr/bin/env bash
# Builds libta (the C ABI of ta) with gcc: run by the Maven build (ta-ffi/pom.xml, phase compile).
# Usage: build-native.sh JAVA_HOME OUT_DIR VERSION
# Produces OUT_DIR/libta.so.1 (soname libta.so.1, symbols versioned TA_1) and the link libta.so -> libta.so.1.
# The JDK path is baked in only as the last fallback for finding libjvm.so (see ta_init in ta_engine.h).
# -z nodelete: libta starts threads (the JVM boot thread, shadow threads for callers on foreign stacks) whose code must
# stay mapped; a host that dlcloses libraries at exit (Node unloads koffi-loaded ones) would otherwise unmap it under them.
set -euo pipefail
java_home="$1"; out="$2"; version="$3"
src="$(cd "$(dirname "$0")/../c" && pwd)"
if ! command -v gcc >/dev/null; then
  echo "build-native.sh: gcc is required to build libta (apt-get install gcc)" >&2
  exit 1
fi
if [ ! -f "$java_home/include/jni.h" ]; then
  echo "build-native.sh: no jni.h under $java_home/include (JAVA_HOME must be a JDK)" >&2
  exit 1
fi
mkdir -p "$out"
gcc -std=c11 -O2 -g -fPIC -shared \
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Werror \
  -fvisibility=hidden \
  -DTA_VERSION="\"$version\"" -DTA_BUILD_JAVA_HOME="\"$java_home\"" \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -Wl,-soname,libta.so.1 -Wl,--version-script="$src/libta.map" -Wl,--no-undefined -Wl,-z,defs -Wl,-z,now -Wl,-z,nodelete \
  -o "$out/libta.so.1" "$src/ta_engine.c" -ldl -lpthread
ln -sf libta.so.1 "$out/libta.so"
cp "$src/ta_engine.h" "$out/ta_engine.h"
