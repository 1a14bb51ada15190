#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# What packagers and devbind-style tools see: dpdk-pmdinfo.py on the plugin lists net_qt2025
# (1fc9:4022 with the four card subsystems, its kernel module, its devargs) and
# net_qt2025_sim (its devargs). Usage: pmdinfo_check.sh PLUGIN [dpdk-pmdinfo.py]
# (default: the one on PATH, Debian's dpdk package). It runs under /usr/bin/python3, which
# has pyelftools on Debian. QT2025_TEST_LABEL names the summary line (default: pmdinfo).
set -uo pipefail

plugin=$1
tool=${2:-$(command -v dpdk-pmdinfo.py || true)}
py=/usr/bin/python3
[ -x "$py" ] || py=python3
label=${QT2025_TEST_LABEL:-pmdinfo}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }

if [ -z "$tool" ]; then
	ko runs "no dpdk-pmdinfo.py (Debian package dpdk)"
	echo "qt-test $label: $pass passed, $fail failed"
	exit 1
fi
json=$("$py" "$tool" "$plugin" 2>&1)
rc=$?
[ "$rc" -eq 0 ] && ok runs || ko runs "exit $rc: $(echo "$json" | tail -n 1)"

# one line per fact: "<driver> name|kmod|param <x>|pci <v:d:sv:sd>"
facts=$(echo "$json" | "$py" -c '
import json, re, sys
for d in json.load(sys.stdin):
    n = d.get("name", "?")
    print(n, "name")
    if d.get("kmod"):
        print(n, "kmod", d["kmod"])
    for p in d.get("params", "").split():
        print(n, "param", p.split("=")[0])
    for i in d.get("pci_ids", []):
        print(n, "pci", ":".join(i.get(k, "?") for k in
              ("vendor", "device", "subsystem_vendor", "subsystem_device")))
' 2>&1)
has() { echo "$facts" | grep -qxF "$1"; }

for drv in net_qt2025 net_qt2025_sim; do
	has "$drv name" && ok "$drv" || ko "$drv" "not listed: $(echo "$json" | head -c 300)"
done
missing=
for sub in 1fc9:3015 1186:4d00 1043:8709 1432:8103; do
	has "net_qt2025 pci 1fc9:4022:$sub" || missing="$missing 1fc9:4022:$sub"
done
n=$(echo "$facts" | grep -c '^net_qt2025 pci ')
[ -z "$missing" ] && [ "$n" -eq 4 ] && ok pci_ids || ko pci_ids "$n ids, missing:$missing"
echo "$facts" | grep -qE '^net_qt2025 kmod .*vfio-pci' && ok kmod || ko kmod "no vfio-pci kmod"
missing=
for p in phy_fw nic_fw link_poll_ms fw_force; do
	has "net_qt2025 param $p" || missing="$missing $p"
done
[ -z "$missing" ] && ok params || ko params "net_qt2025 lacks:$missing"
missing=
for p in wire module timing phy_fw nic_fw link_poll_ms fw_force; do
	has "net_qt2025_sim param $p" || missing="$missing $p"
done
[ -z "$missing" ] && ok sim_params || ko sim_params "net_qt2025_sim lacks:$missing"

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
