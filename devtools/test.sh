#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The README's test command: sets up what is missing, builds, runs every test (model-level
# suites, EAL suites on the simulator, testpmd with the plugin, lint) and ends with the line
# "N passed, N failed" counting test cases.
set -uo pipefail
cd "$(dirname "$0")/.."

build=${QT2025_BUILD:-build}
summary() { echo "$1 passed, $2 failed"; exit "$3"; }

./devtools/setup.sh || { echo "test.sh: setup failed"; summary 0 1 1; }
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" >"$build.setup.log" 2>&1 || {
		cat "$build.setup.log"; echo "test.sh: meson setup failed"; summary 0 1 1; }
	rm -f "$build.setup.log"
fi
ninja -C "$build" || { echo "test.sh: build failed"; summary 0 1 1; }

meson test -C "$build" --no-rebuild --print-errorlogs -v "$@"
mrc=$?

# Each test program prints "qt-test <suite>: N passed, N failed"; a program that died
# before its summary counts as one failed case.
read -r passed failed < <(python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, re, sys
p = f = 0
pat = re.compile(r"^qt-test \S+: (\d+) passed, (\d+) failed$", re.M)
for line in open(sys.argv[1]):
    t = json.loads(line)
    out = (t.get("stdout") or "") + (t.get("stderr") or "")
    m = pat.findall(out)
    if m:
        p += sum(int(a) for a, _ in m)
        f += sum(int(b) for _, b in m)
        if t["result"] != "OK" and not any(int(b) for _, b in m):
            f += 1
    elif t["result"] == "OK":
        p += 1
    else:
        f += 1
print(p, f)
PY
)
# The production plugin (-Dsim=false), in its own build folder.
nosim_out=$(./devtools/test-nosim.sh "$build" 2>&1)
echo "$nosim_out"
read -r np nf < <(echo "$nosim_out" | sed -n 's/^qt-test nosim: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
passed=$((${passed:-0} + ${np:-0}))
failed=$((${failed:-0} + ${nf:-1}))
[ "${nf:-1}" -eq 0 ] || mrc=1

# The README's main command, as CI would run it: no terminal, must exit 0.
if QT2025_BUILD="$build" ./devtools/run.sh </dev/null >"$build/run-sh.log" 2>&1 &&
	[ "$(grep -c 'link state change event' "$build/run-sh.log")" -ge 6 ] &&
	grep -qE 'RX-packets: +[1-9][0-9]* +RX-dropped: +0' "$build/run-sh.log"; then
	echo "ok   run.sh (log: $build/run-sh.log)"
	passed=$((${passed:-0} + 1))
else
	echo "FAIL run.sh: see $build/run-sh.log"; tail -n 20 "$build/run-sh.log"
	failed=$((${failed:-0} + 1))
	mrc=1
fi

if [ "$mrc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
	failed=1
fi
summary "${passed:-0}" "${failed:-1}" $(( mrc != 0 || ${failed:-1} != 0 ))
