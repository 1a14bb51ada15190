#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# devtools/qt2025-report.sh --sim as a new user runs it: one report file, whose path is
# the last line, holding what README's "Using a card" asks to send back. Usage:
# report_check.sh BUILD_DIR.
set -uo pipefail

build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
label=report
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }

tmp=$(mktemp -d /tmp/qt2025-report-check-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/fw/tehuti"
printf 'not a firmware\n' >"$tmp/fw/qt2025-2.0.3.3.fw"
sum=$(sha256sum "$tmp/fw/qt2025-2.0.3.3.fw" | cut -d' ' -f1)

out=$(QT2025_BUILD=$build QT2025_REPORT_DIR=$tmp/out QT2025_FW_DIRS=$tmp/fw \
	"$root/devtools/qt2025-report.sh" --sim 2>&1)
rc=$?
path=$(echo "$out" | tail -n 1)
[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "exit $rc: $out"
if [ -f "$path" ] && [ "$(ls "$tmp/out" | wc -l)" -eq 1 ]; then
	ok one_file_path_last
else
	ko one_file_path_last "last line '$path', files: $(ls "$tmp/out" 2>&1)"
	path=/dev/null
fi

# what the report must hold: a pattern for each
check() {
	if grep -Eq "$2" "$path"; then ok "$1"; else ko "$1" "no line matches /$2/"; fi
}
check versions '^DPDK: DPDK [0-9]+\.[0-9]+'
check driver_version '^driver: net_qt2025 [0-9]'
check phy_state '^state: running$'
check fw_versions '^firmware versions \(ethdev\): PHY [0-9.]+, NIC 0x[0-9a-f]+'
check module '^module: 10GBASE-SR'
check eeprom_decoded '^vendor: "QTSIM'
check fw_sha256 "^$sum 15 bytes .*/qt2025-2.0.3.3.fw$"
check fw_absent '^absent .*/tehuti/bdx.bin$'
check steps_ms 'bring-up steps \(ms after probe\): mdio-6mhz [0-9.]+ .* running [0-9.]+'
check mdio_ring '^ +[0-9]+\.[0-9]{3} (rd|wr) 1 [134]\.[0-9A-F]{4} 0x[0-9a-f]{4}'
check phy_snapshot 'PHY registers as last read.* 1:1\.0001=0x'
check register_dump '^0x5000 [A-Z_0-9]+ +0x[0-9a-f]{8}$'
check xstats '^phy_fw_loads 1$'
check debug_log 'QT2025 found at MDIO address 1'

# trace=PATH and the comparison script: the driver's trace and the model's of one bring-up
# are the same sequence; a model trace with the 1 MHz write changed is not, at that line
"$build/app/test-qt2025/qt2025-report" --no-huge -m 512 --no-pci \
	--file-prefix "qt2025-report-check-$$" \
	--vdev "net_qt2025_sim0,timing=fast,trace=$tmp/t" >"$tmp/run.log" 2>&1
diff=$("$root/devtools/qt2025-trace-diff.sh" --values "$tmp/t" "$tmp/t.model" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c ' mdio_wr ' "$tmp/t")" -gt 24543 ]; then
	ok trace_same_as_model
else
	ko trace_same_as_model "exit $rc: $(echo "$diff" | tail -n 3)"
fi
sed 's/wr32 0x6030 0x00003ec8/wr32 0x6030 0x00000a48/' "$tmp/t.model" >"$tmp/t.bad"
bad=$(grep -n 'wr32 0x6030 0x00000a48' "$tmp/t.bad" | tail -n 1 | cut -d: -f1)
diff=$("$root/devtools/qt2025-trace-diff.sh" "$tmp/t" "$tmp/t.bad" 2>&1)
rc=$?
if [ "$rc" -eq 1 ] && echo "$diff" | grep -q "t.bad:$bad (.*wr32 0x6030 0x00000a48"; then
	ok trace_diff_finds_change
else
	ko trace_diff_finds_change "exit $rc: $diff"
fi

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
