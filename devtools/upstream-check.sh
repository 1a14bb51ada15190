#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The driver as a DPDK maintainer receives it: devtools/upstream-series.sh writes the patch
# series on DPDK 26.07 (the full source, ../shared/dpdk/dpdk-26.07.0.tar.xz, unpacked once
# into a git tree in the cache), then:
#   build     each patch, in-tree, unchanged: developer mode, -Dwerror, -Dcheck_includes
#   testpmd   that build's (static) dpdk-testpmd sees two simulated ports, both up
#   checkpatch   DPDK's devtools/checkpatches.sh (Linux checkpatch.pl from Debian's
#             linux-source, codespell): errors, warnings, and the CHECKs not listed with
#             a reason in devtools/upstream/checkpatch-checks.txt; forbidden tokens
#   meson, spdx, symbols   check-meson.py, check-spdx-tag.sh, check-symbol-change.py
#   docs      DPDK's HTML guides with sphinx-build -W (Debian's python3-sphinx)
#   intree_25.11.2   the driver in that release's tree too (devtools/intree-build.sh: build
#             and testpmd), when its tarball is there (QT2025_UPSTREAM_ALSO: the releases)
# Prints "qt-test upstream: N passed, N failed" and one summary line; exit 0 when clean.
#   QT2025_DPDK_SRC    folder with the tarball (default: <repo>/../shared/dpdk)
#   QT2025_DPDK_CACHE  cache folder (default: ~/.cache/net_qt2025/dpdk)
#   QT2025_UPSTREAM_DOCS=0   skips the guides
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
ver=${QT2025_UPSTREAM_VERSION:-26.07.0}
srcdir=${QT2025_DPDK_SRC:-$repo/../shared/dpdk}
cache=${QT2025_DPDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/net_qt2025/dpdk}
tarball=$srcdir/dpdk-$ver.tar.xz
[ -f "$tarball" ] || { echo "upstream-check: no $tarball"; exit 1; }
start=$(date +%s)
# DPDK's meson and checks run python3 with pyelftools and sphinx: Debian's
export PATH=/usr/bin:$PATH
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

need=()
for p in linux-source codespell gawk python3-sphinx python3-sphinx-rtd-theme; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "upstream-check: installing ${need[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"${need[@]}" >/dev/null
fi

sum=$(sha256sum "$tarball" | cut -c1-16)
top=$cache/upstream-$ver-$sum
mkdir -p "$cache"
exec 9>"$cache/upstream-$ver.lock"
flock 9
tree=$top/dpdk
bld=$top/build
out=$top/series
log=$top/log
mkdir -p "$top" "$log"

# checkpatch.pl and its data files, from the newest linux-source tarball
lsrc=$(ls /usr/src/linux-source-*.tar.xz | sort -V | tail -n 1)
cpdir=$top/checkpatch
if [ ! -x "$cpdir/scripts/checkpatch.pl" ]; then
	mkdir -p "$cpdir"
	tar -xf "$lsrc" -C "$cpdir" --strip-components=1 --wildcards \
		'*/scripts/checkpatch.pl' '*/scripts/spelling.txt' '*/scripts/const_structs.checkpatch'
fi

# the pristine release as a git tree, tagged qt2025-base
if ! git -C "$tree" rev-parse -q --verify qt2025-base >/dev/null 2>&1; then
	echo "upstream-check: unpacking DPDK $ver into $tree"
	rm -rf "$tree" "$bld"
	mkdir -p "$tree"
	tar -xf "$tarball" -C "$tree" --strip-components=1
	git -C "$tree" init -q
	git -C "$tree" add -A
	git -C "$tree" -c user.name=dpdk -c user.email=dpdk@localhost commit -q -m "DPDK $ver"
	git -C "$tree" tag qt2025-base
fi
git -C "$tree" checkout -q -f qt2025-base

pass=0
fail=0
results=()
res() {           # name, ok(0/1), detail
	if [ "$2" = 0 ]; then
		pass=$((pass + 1)); echo "ok   upstream.$1: $3"
	else
		fail=$((fail + 1)); echo "FAIL upstream.$1: $3"
	fi
	results+=("$1 $3")
}

QT2025_UPSTREAM_BASE=qt2025-base "$repo/devtools/upstream-series.sh" "$tree" "$out" |
	tail -n 1
patches=$(ls "$out"/*.patch | grep -v '/0000-')
commits=$(git -C "$tree" rev-list --reverse qt2025-base..net-qt2025)

# build: every patch, in one build folder (each step rebuilds what it changed)
[ -f "$bld/build.ninja" ] || "$repo/devtools/intree-build.sh" --setup "$tree" "$bld" "$log/setup.log" ||
	{ tail -n 20 "$log/setup.log"; rm -rf "$bld"; }
# A patch before the one that lists qt2025 in drivers/net/meson.build is checked to change
# nothing the build reads (safe to bisect through) rather than built: building it would
# take the driver out of rte_build_config.h, and so rebuild all of DPDK twice per run.
built=0
n=0
first=
for c in $commits; do
	n=$((n + 1))
	rm -f "$log/build-$n.log"
	git -C "$tree" checkout -q "$c"
	if ! grep -q "'qt2025'" "$tree/drivers/net/meson.build"; then
		other=$(git -C "$tree" diff --name-only "$c^" "$c" |
			grep -vE '^(doc/|MAINTAINERS$|drivers/net/qt2025/)' || true)
		if [ -z "$other" ]; then
			built=$((built + 1))
		else
			echo "patch $n changes what the build reads before the driver is enabled: $other"
		fi
		continue
	fi
	first=${first:-$n}
	if [ -f "$bld/build.ninja" ] && ninja -C "$bld" build.ninja >"$log/build-$n.log" 2>&1 &&
		ninja -C "$bld" $("$repo/devtools/intree-build.sh" --targets "$bld") \
			>>"$log/build-$n.log" 2>&1; then
		built=$((built + 1))
	else
		grep -E -A5 'error|ERROR' "$log/build-$n.log" | head -n 30
		echo "patch $n does not build (log: $log/build-$n.log)"
	fi
done
drv_so=$(ls "$bld"/drivers/librte_net_qt2025.so* 2>/dev/null | head -n 1)
# a compiler or linker warning that -Werror did not stop still counts (not meson's own
# WARNINGs about DPDK's meson files)
warn=$(cat "$log"/build-*.log 2>/dev/null | grep -c ': warning:' || true)
res build "$([ "$built" -eq "$n" ] && [ -n "$drv_so" ] && [ "$warn" -eq 0 ] && echo 0 || echo 1)" \
	"$built/$n patches build in-tree (-Dwerror, check_includes; compiled from patch ${first:-?}, the ones before it change nothing the build reads), $warn warnings"

# testpmd: the in-tree (static) testpmd, no -d, two simulated ports on one wire
up=$("$repo/devtools/intree-build.sh" --testpmd "$bld" "$log/testpmd.log")
res testpmd "$([ "$up" -eq 2 ] && echo 0 || echo 1)" "$up of 2 simulated ports up (log: $log/testpmd.log)"

# checkpatch (and the forbidden tokens it checks) on every patch; its awk scripts with gawk,
# as on a machine whose awk is gawk: Debian's mawk matches none of their \< \> patterns
cd "$tree"
mkdir -p "$top/gawk"
ln -sf "$(command -v gawk)" "$top/gawk/awk"
PATH=$top/gawk:$PATH DPDK_CHECKPATCH_PATH=$cpdir/scripts/checkpatch.pl \
	DPDK_CHECKPATCH_CODESPELL=$(python3 -c 'import codespell_lib, os
print(os.path.dirname(codespell_lib.__file__) + "/data/dictionary.txt")') \
	./devtools/checkpatches.sh $patches >"$log/checkpatch.log" 2>&1 || true
nerr=$(grep -c '^ERROR:' "$log/checkpatch.log" || true)
nwarn=$(grep -c '^WARNING:' "$log/checkpatch.log" || true)
# a CHECK is listed as "TYPE<tab>FILE<tab>reason" (FILE relative to the DPDK tree)
allowed=$repo/devtools/upstream/checkpatch-checks.txt
checks=$(awk -v allowed="$allowed" '
	BEGIN { while ((getline l < allowed) > 0) if (l !~ /^#/ && l != "") {
		split(l, a, "\t"); ok[a[1] "\t" a[2]] = 1 } }
	/^CHECK:/ { t = $1; sub(/^CHECK:/, "", t); sub(/:$/, "", t); pending = t; next }
	pending != "" && /^#[0-9]+: FILE: / { f = $3; sub(/:[0-9]+:$/, "", f)
		if (!ok[pending "\t" f]) print "CHECK:" pending " " f; pending = "" }' \
	"$log/checkpatch.log")
ncheck=$(echo -n "$checks" | grep -c . || true)
nlisted=$(grep -c '^CHECK:' "$log/checkpatch.log" || true)
nlisted=$((nlisted - ncheck))
# the forbidden tokens and checkpatches.sh's own checks (attributes, tags)
forbidden=$(grep -cE '^(Warning|Error) in |^Please (use|only put) |must appear alone|^Use __rte_packed|always be used in pairs' \
	"$log/checkpatch.log" || true)
valid=$(sed -nE 's/^([0-9]+\/[0-9]+) valid patch.*/\1/p' "$log/checkpatch.log")
res checkpatch "$([ $((nerr + nwarn + ncheck)) -eq 0 ] && echo 0 || echo 1)" \
	"$nerr errors, $nwarn warnings, $ncheck checks ($nlisted listed), ${valid:-?} valid patches"
res forbidden_tokens "$([ "$forbidden" -eq 0 ] && echo 0 || echo 1)" "$forbidden"
[ $((nerr + nwarn + ncheck + forbidden)) -eq 0 ] ||
	{ grep -E '^(ERROR|WARNING):|^(Warning|Error) in |^Please |must appear|^Use __rte' \
		"$log/checkpatch.log" | sort | uniq -c |
		sort -rn | head -n 20; echo "$checks" | sort | uniq -c | sort -rn | head -n 20; }

python3 devtools/check-meson.py >"$log/meson.log" 2>&1 || true
nmeson=$(grep -c 'drivers/net/qt2025' "$log/meson.log" || true)
res check_meson "$([ "$nmeson" -eq 0 ] && echo 0 || echo 1)" "$nmeson"
./devtools/check-spdx-tag.sh >"$log/spdx.log" 2>&1 || true
nspdx=$(grep -cE 'qt2025' "$log/spdx.log" || true)
res spdx "$([ "$nspdx" -eq 0 ] && echo 0 || echo 1)" "$nspdx"
python3 devtools/check-symbol-change.py --patch $patches >"$log/symbols.log" 2>&1 || true
nsym=$(grep -cvE '^INFO: rte_pmd_qt2025_[a-z_]+ in drivers/net has been added to EXPERIMENTAL ABI\.$' \
	"$log/symbols.log" || true)
res symbol_change "$([ "$nsym" -eq 0 ] && echo 0 || echo 1)" "$nsym"
[ "$nmeson$nspdx$nsym" = 000 ] || grep -h qt2025 "$log/meson.log" "$log/spdx.log" "$log/symbols.log" |
	head -n 20

if [ "${QT2025_UPSTREAM_DOCS:-1}" != 0 ]; then
	sphinx-build -q -W --keep-going -b html -d "$top/doctrees" doc/guides "$top/html" \
		>"$log/docs.log" 2>&1 || true
	ndoc=$(grep -ciE 'warning|error' "$log/docs.log" || true)
	res docs "$([ "$ndoc" -eq 0 ] && [ -f "$top/html/nics/qt2025.html" ] && echo 0 || echo 1)" \
		"$ndoc warnings"
	[ "$ndoc" -eq 0 ] || head -n 20 "$log/docs.log"
fi
git -C "$tree" checkout -q net-qt2025

# the same driver in the trees of the other releases there are sources of: build and testpmd
for v in ${QT2025_UPSTREAM_ALSO-25.11.2}; do
	[ -f "$srcdir/dpdk-$v.tar.xz" ] || continue
	o=$("$repo/devtools/intree-build.sh" "$v" 2>&1)
	echo "$o" | grep -vE '^(qt-test|intree-build:) '
	res "intree_$v" "$(echo "$o" | grep -q "^qt-test intree-$v: [0-9]* passed, 0 failed\$" &&
		echo 0 || echo 1)" "$(echo "$o" | sed -n 's/^qt-test intree-[^:]*: //p') (build, testpmd)"
done

echo "qt-test upstream: $pass passed, $fail failed"
echo "upstream-check: DPDK $ver in $(($(date +%s) - start)) s: $(printf '%s; ' "${results[@]}")series in $out"
[ "$fail" -eq 0 ]
