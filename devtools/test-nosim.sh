#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The production plugin, built with -Dsim=false into its own folder (BUILD-nosim): it builds
# without warnings, carries no symbol of the device model, loads into dpdk-testpmd, and
# offers no simulator vdev. Ends with "qt-test nosim: N passed, N failed".
# Usage: test-nosim.sh BUILD (the main build folder, whose SDK headers it reuses)
set -uo pipefail
cd "$(dirname "$0")/.."

main=$1
dir="$main-nosim"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   nosim.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL nosim.$1: $2"; }

sdk=$main/config/sdk-include
opts=(-Dsim=false)
[ -f "$sdk/ethdev_driver.h" ] && opts+=("-Dsdk_headers=$PWD/$sdk")
if [ ! -f "$dir/build.ninja" ]; then
	meson setup "$dir" "${opts[@]}" >"$main/nosim-setup.log" 2>&1 ||
		{ cat "$main/nosim-setup.log"; rm -rf "$dir"; }
fi
log=$(ninja -C "$dir" 2>&1)
plugin=$dir/librte_net_qt2025.so
if [ -f "$plugin" ] && ! echo "$log" | grep -qiE 'warning|error'; then
	ok build
else
	ko build "$(echo "$log" | grep -iE 'warning|error' | head -n 5)"
fi

syms=$( (nm -D "$plugin"; nm "$plugin") 2>/dev/null | grep -ciE 'qt_sim|sim_(phy|mdio|nicfw)')
[ -f "$plugin" ] && [ "$syms" -eq 0 ] && ok no_model_symbols || ko no_model_symbols "$syms"

# the simulator controls of rte_pmd_qt2025.h are there, and answer -ENOTSUP
out=$(app/test-qt2025/api_exports.sh "$plugin" drivers/net/qt2025/rte_pmd_qt2025.h nosim 2>&1)
[ $? -eq 0 ] && ok api_exports || ko api_exports "$(echo "$out" | grep FAIL | head -n 3)"

out=$(echo quit | timeout 60 dpdk-testpmd -d "$plugin" --no-huge -m 512 --no-pci \
	--file-prefix "qt2025-nosim-$$" -- -i --total-num-mbufs=2048 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && ! echo "$out" | grep -qE 'Cannot init plugins|Error'; then
	ok testpmd_loads
else
	ko testpmd_loads "exit $rc: $(echo "$out" | grep -E 'Cannot|Error' | head -n 3)"
fi

out=$(echo quit | timeout 60 dpdk-testpmd -d "$plugin" --no-huge -m 512 --no-pci \
	--file-prefix "qt2025-nosim2-$$" --vdev net_qt2025_sim0 -- -i 2>&1)
echo "$out" | grep -q 'Cannot init EAL: No such device' &&
	ok no_sim_vdev || ko no_sim_vdev "the vdev was not refused: $(echo "$out" | tail -n 3)"

echo "qt-test nosim: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
