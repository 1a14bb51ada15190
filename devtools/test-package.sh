#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The Debian package as a user installs it: devtools/make-deb.sh builds it from BUILD, then
# in a mount namespace of its own, where /usr, /etc and /var/lib/dpkg are overlays that
# vanish with it (the machine, and whatever else runs on it, never sees the package):
# dpkg -i; Debian's dpdk-testpmd, given no -d, finds the driver and brings two simulated
# ports up; a secondary (dpdk-proc-info, no -d) sees both ports; dpkg -r removes every
# file and testpmd then finds no driver. Needs root; without it, one line and no count.
# Ends with "qt-test package: N passed, N failed". Usage: test-package.sh [BUILD]
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
label=package

if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
	echo "package: skipped: needs root and unshare (a private mount namespace)"
	echo "qt-test $label: 0 passed, 0 failed"
	exit 0
fi
if [ "${QT2025_IN_PKG_NS:-}" != 1 ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	deb=$("$repo/devtools/make-deb.sh" "$build" "$tmp" | tail -n 1)
	[ -f "$deb" ] || { echo "FAIL $label.make_deb"; echo "qt-test $label: 0 passed, 1 failed"; exit 1; }
	echo "ok   $label.make_deb ($(basename "$deb"))"
	QT2025_IN_PKG_NS=1 QT2025_DEB=$deb QT2025_PKG_TMP=$tmp \
		unshare -m --propagation private "$0" "$build"
	rc=$?
	pmd=$(find /usr/lib -path '*/dpdk/pmds-*/librte_net_qt2025.so' 2>/dev/null)
	if [ -z "$pmd" ] && ! dpkg-query -W dpdk-qt2025 >/dev/null 2>&1; then
		echo "ok   $label.system_untouched"
		echo "qt-test $label: 2 passed, 0 failed"
	else
		echo "FAIL $label.system_untouched: ${pmd:-dpdk-qt2025 is installed}"
		echo "qt-test $label: 1 passed, 1 failed"
		rc=1
	fi
	exit "$rc"
fi

# ---- inside the namespace ----
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1${2:+ ($2)}"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
t=$QT2025_PKG_TMP
for d in /usr /etc /var/lib/dpkg; do
	n=$t/ov$(echo "$d" | tr / _)
	mkdir -p "$n/u" "$n/w"
	mount -t overlay overlay -o "lowerdir=$d,upperdir=$n/u,workdir=$n/w" "$d" ||
		{ ko overlay "cannot overlay $d"; echo "qt-test $label: $pass passed, $fail failed"; exit 1; }
done

prefix=qt2025-pkg-$$
# A secondary needs a primary with hugepages (22.11 shares no --no-huge memory): 64 pages
# of 2 MB are added for the run, on a hugetlbfs mounted in this namespace only.
hp=/sys/kernel/mm/hugepages/hugepages-2048kB
eal=(--no-huge -m 512)
added=0
if [ -w "$hp/nr_hugepages" ]; then
	before=$(cat "$hp/nr_hugepages")
	echo $((before + 64)) >"$hp/nr_hugepages"
	added=$(($(cat "$hp/nr_hugepages") - before))
	mkdir -p /dev/hugepages
	if [ "$added" -ge 64 ] && mount -t hugetlbfs -o pagesize=2M none /dev/hugepages; then
		eal=(-m 96)
	fi
fi
trap '[ "$added" -gt 0 ] && echo $(($(cat "$hp/nr_hugepages") - added)) >"$hp/nr_hugepages"' EXIT
# testpmd (no -d) with two simulated ports and, 6 s in, dpdk-proc-info (no -d) as its
# secondary; prints the number of qt2025 ports testpmd lists, and of those up 20 s in
testpmd_ports() {         # log
	(sleep 6; echo "show port summary all"; sleep 16; echo "show port summary all"
		sleep 1; echo quit) |
		timeout 60 dpdk-testpmd "${eal[@]}" --no-pci --file-prefix "$prefix" \
		--vdev net_qt2025_sim0,wire=pkg,timing=fast \
		--vdev net_qt2025_sim1,wire=pkg,timing=fast -- -i --total-num-mbufs=2048 >"$1" 2>&1 &
	local tp=$! re='^[01] +[0-9A-F:]{17} +net_qt2025_sim[01] +net_qt2025_sim +'
	sleep 7
	timeout 30 dpdk-proc-info --file-prefix "$prefix" --log-level=lib.eal:error -- --show-port \
		>"$1.secondary" 2>&1
	wait "$tp"
	echo "$(grep -cE "$re" "$1" | awk '{print int($1 / 2)}') $(tail -n 40 "$1" | grep -cE "$re(up|UP)")"
}
out=$(DEBIAN_FRONTEND=noninteractive dpkg -i "$QT2025_DEB" 2>&1) && ok dpkg_install ||
	ko dpkg_install "$out"
pmd=$(dpkg -L dpdk-qt2025 2>/dev/null | grep '/dpdk/pmds-.*/librte_net_qt2025\.so$')
[ -n "$pmd" ] && [ -f "$pmd" ] && ok in_pmd_dir "$pmd" || ko in_pmd_dir "no plugin in a pmds- folder"
read -r n up < <(testpmd_ports "$t/testpmd.log")
[ "$n" -eq 2 ] && ok testpmd_without_d "2 ports, $up up" ||
	ko testpmd_without_d "$n ports: $(grep -iE 'error|fail|No Ethernet' "$t/testpmd.log" | head -n 3)"
s=$(grep -cE 'net_qt2025_sim[01]' "$t/testpmd.log.secondary")
if [ "${eal[0]}" = --no-huge ]; then
	echo "package: secondary_without_d skipped: no 2 MB hugepages to add"
else
	[ "$s" -ge 2 ] && ok secondary_without_d "dpdk-proc-info sees both ports" ||
		ko secondary_without_d "$(grep -vE '^[0-9]+: ' "$t/testpmd.log.secondary" | tail -n 3)"
fi
out=$(dpkg -r dpdk-qt2025 2>&1) && ok dpkg_remove || ko dpkg_remove "$out"
[ ! -e "${pmd:-/nonexistent}" ] && [ ! -e /usr/share/doc/dpdk-qt2025 ] &&
	ok removed_files || ko removed_files "$pmd or the doc folder is left"
read -r n up < <(testpmd_ports "$t/testpmd-after.log")
[ "$n" -eq 0 ] && ok gone_after_remove || ko gone_after_remove "$n ports still there"
echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
