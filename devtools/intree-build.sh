#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The driver dropped unchanged into a DPDK release's own tree (../shared/dpdk/dpdk-<VERSION>
# .tar.xz, unpacked once into the cache), listed in drivers/net/meson.build and built as
# DPDK's maintainers build it (developer mode, -Dwerror, -Dcheck_includes, static); that
# build's testpmd, given no -d, must see two simulated ports up.
#   intree-build.sh VERSION                prints "qt-test intree-VERSION: N passed, N failed"
#   intree-build.sh --testpmd BUILD LOG    the testpmd look alone, at an in-tree build folder:
#                                          prints how many of the two ports came up
#   intree-build.sh --setup TREE BUILD LOG the meson setup of such a build
#   intree-build.sh --targets BUILD        what such a build makes (below)
#   QT2025_DPDK_SRC, QT2025_DPDK_CACHE     as devtools/dpdk-build.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)

# testpmd BUILD LOG: the in-tree (static) testpmd, no -d, two simulated ports on one wire
testpmd_up() {
	local tp=$1/app/dpdk-testpmd
	[ -x "$tp" ] || { echo 0; return; }
	# a cold bring-up (firmware download) takes about 4 s on a loaded machine
	(sleep 15; echo "show port summary all"; sleep 1; echo quit) |
		timeout 60 "$tp" --no-huge -m 512 --no-pci --file-prefix "qt2025-intree-$$" \
		--vdev net_qt2025_sim0,wire=up,timing=fast --vdev net_qt2025_sim1,wire=up,timing=fast \
		-- -i --total-num-mbufs=2048 >"$2" 2>&1 || true
	grep -cE '^[01] +[0-9A-F:]{17} +net_qt2025_sim[01] +net_qt2025_sim +up +10 Gbps' "$2" ||
		true
}

# meson setup of an in-tree build: the options of every in-tree check
intree_setup() {        # TREE BUILD LOG
	(cd "$1" && PATH=/usr/bin:$PATH meson setup "$2" -Ddeveloper_mode=enabled -Dwerror=true \
		-Dcheck_includes=true -Dplatform=generic -Ddefault_library=static \
		-Denable_drivers=bus/pci,bus/vdev,mempool/ring,net/ring,net/null,net/qt2025 \
		-Denable_libs=kvargs -Denable_apps=test-pmd -Dtests=false -Dexamples= \
		-Denable_docs=false) >"$3" 2>&1
}

# what the driver can break, and what it needs: its libraries (and DPDK's symbol check of
# them), testpmd, and the header checks of rte_pmd_qt2025.h (the rest of DPDK's
# check_includes checks DPDK's own headers, 2,000 objects)
targets() {
	ninja -C "$1" -t targets all 2>/dev/null | cut -d: -f1 | grep -E \
		'^(drivers/librte_net_qt2025\.(a|so[.0-9]*)|drivers/rte_net_qt2025\.sym_chk|app/dpdk-testpmd|buildtools/chkincs/.*rte_pmd_qt2025.*\.o)$'
}

if [ "${1:-}" = --targets ]; then
	targets "${2:?usage: intree-build.sh --targets BUILD}"
	exit 0
fi
if [ "${1:-}" = --testpmd ]; then
	testpmd_up "${2:?usage: intree-build.sh --testpmd BUILD LOG}" "${3:?}"
	exit 0
fi
if [ "${1:-}" = --setup ]; then
	intree_setup "${2:?usage: intree-build.sh --setup TREE BUILD LOG}" "${3:?}" "${4:?}"
	exit
fi

ver=${1:?usage: intree-build.sh VERSION | --testpmd BUILD LOG | --setup TREE BUILD LOG}
srcdir=${QT2025_DPDK_SRC:-$repo/../shared/dpdk}
cache=${QT2025_DPDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/net_qt2025/dpdk}
tarball=$srcdir/dpdk-$ver.tar.xz
label=intree-$ver
[ -f "$tarball" ] || { echo "intree-build: no $tarball"; exit 1; }
top=$cache/intree-$ver-$(sha256sum "$tarball" | cut -c1-16)
tree=$top/src
bld=$top/build
mkdir -p "$cache"
exec 9>"$cache/intree-$ver.lock"
flock 9
if [ ! -f "$tree/drivers/net/meson.build" ]; then
	rm -rf "$top"
	mkdir -p "$tree"
	tar -xf "$tarball" -C "$tree" --strip-components=1
	# the driver's one line in DPDK's list, in its sorted place
	sed -i "0,/^        'r[a-z0-9_]*',\$/s//        'qt2025',\n&/" "$tree/drivers/net/meson.build"
fi
grep -q "^        'qt2025',\$" "$tree/drivers/net/meson.build" ||
	{ echo "intree-build: no place for qt2025 in drivers/net/meson.build"; exit 1; }

# the tracked files of the driver, copied when they differ (the build rebuilds only those)
mapfile -t files < <(git -C "$repo" ls-files drivers/net/qt2025)
for f in "${files[@]}"; do
	mkdir -p "$tree/$(dirname "$f")"
	cmp -s "$repo/$f" "$tree/$f" || cp "$repo/$f" "$tree/$f"
done
(cd "$tree" && find drivers/net/qt2025 -type f) | sort >"$top/present"
printf '%s\n' "${files[@]}" | sort | comm -23 "$top/present" - | (cd "$tree" && xargs -r rm -f)

pass=0
fail=0
res() {
	if [ "$2" = 0 ]; then
		pass=$((pass + 1)); echo "ok   $label.$1: $3"
	else
		fail=$((fail + 1)); echo "FAIL $label.$1: $3"
	fi
}
start=$(date +%s)
[ -f "$bld/build.ninja" ] || intree_setup "$tree" "$bld" "$top/setup.log" ||
	{ tail -n 20 "$top/setup.log"; rm -rf "$bld"; }
rc=1
[ -f "$bld/build.ninja" ] && PATH=/usr/bin:$PATH ninja -C "$bld" build.ninja >"$top/build.log" 2>&1 &&
	PATH=/usr/bin:$PATH ninja -C "$bld" $(targets "$bld") >>"$top/build.log" 2>&1 && rc=0
warn=$(grep -c ': warning:' "$top/build.log" 2>/dev/null || true)
[ "$rc" = 0 ] || grep -E -A5 'error|ERROR' "$top/build.log" | head -n 30
res build "$([ "$rc" = 0 ] && [ "$warn" = 0 ] && echo 0 || echo 1)" \
	"DPDK $ver with the driver in its tree (-Dwerror, check_includes): $warn warnings (log: $top/build.log)"
up=$(testpmd_up "$bld" "$top/testpmd.log")
res testpmd "$([ "$up" = 2 ] && echo 0 || echo 1)" "$up of 2 simulated ports up (log: $top/testpmd.log)"
echo "qt-test $label: $pass passed, $fail failed"
echo "intree-build: DPDK $ver in $(($(date +%s) - start)) s"
[ "$fail" = 0 ]
