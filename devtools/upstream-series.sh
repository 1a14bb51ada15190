#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Writes the driver as a DPDK patch series: commits on branch net-qt2025 of DPDK_TREE (a
# git clone of DPDK; the branch starts at QT2025_UPSTREAM_BASE, default HEAD) in the order
# of DPDK's doc/guides/contributing/new_driver.rst, then `git format-patch` into OUTDIR
# (default DPDK_TREE/../qt2025-series), cover letter included:
#   1 skeleton: MAINTAINERS, release notes, the guide, its index entry, features ini
#   2 probe and configuration   3 queues, Rx and Tx   4 statistics
#   5 link                      6 PHY management: the rest of the glue and base code,
#                                 the driver's meson.build; the build is enabled here
#   7 the device model (sim/, the net_qt2025_sim vdev)
# The glue is one call graph around qt2025_ethdev.c, so patches 2-5 add code that the
# build compiles from patch 6 on. The files come from this clone's work tree (tracked
# files only); a file no pattern below names goes into patch 6. Inputs besides the driver:
# devtools/upstream/*.entry (MAINTAINERS entry, release note, cover letter; their leading
# "# " lines are comments). Ends with one summary line.
# Usage: upstream-series.sh DPDK_TREE [OUTDIR]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
tree=$(cd "${1:?usage: upstream-series.sh DPDK_TREE [OUTDIR]}" && pwd)
out=${2:-$tree/../qt2025-series}
base=${QT2025_UPSTREAM_BASE:-HEAD}
up=$repo/devtools/upstream
drv=drivers/net/qt2025

g() { git -C "$tree" "$@"; }
[ -z "$(g status --porcelain --untracked-files=no)" ] ||
	{ echo "upstream-series: $tree has uncommitted changes" >&2; exit 1; }
name=$(git -C "$repo" config user.name || echo "net_qt2025 authors")
email=$(git -C "$repo" config user.email || echo "qt2025@localhost")
export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email
export GIT_AUTHOR_DATE=${GIT_AUTHOR_DATE:-2026-07-20T12:00:00Z}
export GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
g checkout -q -B net-qt2025 "$base"
g clean -qfdx -- "$drv" doc/guides/nics

mapfile -t files < <(git -C "$repo" ls-files "$drv")
declare -A done_=()
# copies the driver files whose path (under drivers/net/qt2025/) matches the regex $1
take() {
	local f rel
	for f in "${files[@]}"; do
		rel=${f#"$drv"/}
		[ -z "${done_[$f]:-}" ] && [[ $rel =~ $1 ]] || continue
		mkdir -p "$tree/$(dirname "$f")"
		cp "$repo/$f" "$tree/$f"
		done_[$f]=1
		g add "$f"
	done
}
entry() { sed '/^# /d' "$up/$1.entry"; }
commit() {        # subject, body
	g commit -q -s -m "net/qt2025: $1" -m "$2"
}
# inserts line $3 into file $1 before the first line matching regex $2 that sorts after it
insert_sorted() {
	python3 - "$tree/$1" "$2" "$3" <<'PY'
import re, sys
path, pat, new = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3]
lines = open(path).read().split("\n")
for i, ln in enumerate(lines):
    m = pat.match(ln)
    if m and m.group(1) > pat.match(new).group(1):
        lines.insert(i, new)
        break
else:
    sys.exit(f"no place for {new!r} in {path}")
open(path, "w").write("\n".join(lines))
PY
}

# 1: skeleton
mkdir -p "$tree/doc/guides/nics/features"
cp "$repo/doc/guides/nics/qt2025.rst" "$tree/doc/guides/nics/qt2025.rst"
cp "$repo/doc/guides/nics/features/qt2025.ini" "$tree/doc/guides/nics/features/qt2025.ini"
insert_sorted doc/guides/nics/index.rst '^    ([a-z0-9_]+)$' '    qt2025'
python3 - "$tree/MAINTAINERS" <(entry MAINTAINERS) <<'PY'
import sys
path, entry = sys.argv[1], open(sys.argv[2]).read().strip("\n")
text = open(path).read()
anchor = "\nWangxun ngbe\n"
if anchor not in text:
    sys.exit("MAINTAINERS: no 'Wangxun ngbe' entry to insert before")
open(path, "w").write(text.replace(anchor, "\n" + entry + "\n" + anchor, 1))
PY
notes=$(cd "$tree/doc/guides/rel_notes" && ls release_[0-9]*_[0-9]*.rst | sort -t_ -k2,2n -k3,3n | tail -n 1)
python3 - "$tree/doc/guides/rel_notes/$notes" <(entry release-note) <<'PY'
import sys
path, entry = sys.argv[1], open(sys.argv[2]).read().strip("\n")
lines = open(path).read().split("\n")
start = lines.index("New Features")
# the end of the section: the line before the next title's underline
end = next(i for i in range(start + 2, len(lines)) if set(lines[i]) == {"-"} and lines[i - 1])
at = end - 1
while lines[at - 1] == "":
    at -= 1
lines[at:at] = ["", *entry.split("\n")]
open(path, "w").write("\n".join(lines))
PY
g add MAINTAINERS doc/guides
commit "add driver skeleton" "Tehuti TN40xx 10G SFP+ cards with the AMCC QT2025 PHY.
This adds the maintainers, the release note, the driver guide and its
features file; the code follows in the next patches."

# 2-5: the glue by feature, base code with what uses it
take '^(qt2025\.h|qt2025_compat\.h|qt2025_ethdev\.[ch]|qt2025_pci\.c|qt2025_devargs\.[ch]|qt2025_ops\.[ch]|base/(qt_osdep\.h|qt_hw\.[ch]|tn40_regs\.h|tn40_hw\.[ch]))$'
commit "add probe and configuration" "PCI probe of the TN40xx NIC (BAR mapping, devargs), device
configuration and information."
take '^(qt2025_rx\.c|qt2025_tx[a-z_]*\.[ch]|qt2025_rxtx\.h|qt2025_port\.[ch]|base/(tn40_fifo\.[ch]|tn40_desc\.h))$'
commit "add queues and Rx/Tx" "Rx and Tx queue setup and release, port start and stop, and the
burst functions on the TN40xx descriptor FIFOs."
take '^(qt2025_xstats\.[ch]|qt2025_telemetry\.[ch]|qt2025_regs_dump\.c|base/tn40_dump\.[ch])$'
commit "add statistics" "Basic and extended statistics, register dump and telemetry."
take '^(qt2025_link[a-z_]*\.[ch]|qt2025_watch\.c|base/(tn40_port|tn40_mdio)\.[ch])$'
commit "add link status and events" "Link status from the PHY, link status change events and the
link judgement of the PHY control thread."

# 6: PHY management and the rest; the driver's meson.build without the model, and the
# build enabled; the model's variants header too, which the devargs hold without the model
sim_re='^(sim/|qt2025_sim)'
for f in "${files[@]}"; do
	rel=${f#"$drv"/}
	[[ ($rel =~ $sim_re && $rel != sim/qt_sim_variants.h) || $rel == meson.build ]] && continue
	take "^${rel//./\\.}\$"
done
# the driver's meson.build up to its model block ("if with_sim" ... "endif")
awk '/^if with_sim$/ { skip = 1; next } skip && /^endif$/ { skip = 0; next } !skip' \
	"$repo/$drv/meson.build" >"$tree/$drv/meson.build"
g add "$drv/meson.build"
insert_sorted drivers/net/meson.build "^        '([a-z0-9_/]+)',$" "        'qt2025',"
g add drivers/net/meson.build
commit "add PHY management" "QT2025 identification and 8051 firmware download over Clause-45
MDIO, TN40xx NIC firmware load, module handling, recovery, and the
experimental API of rte_pmd_qt2025.h, run by one control thread per
port. The driver is built from this patch on."

# 7: the device model
take "$sim_re"
cp "$repo/$drv/meson.build" "$tree/$drv/meson.build"
done_[$drv/meson.build]=1
g add "$drv/meson.build"
commit "add simulated device" "A software model of the TN40xx NIC and the QT2025 PHY, and the
net_qt2025_sim virtual device that runs the driver on it, so that link
handling and the datapath are tested without a card."

left=$(for f in "${files[@]}"; do [ -n "${done_[$f]:-}" ] || echo "$f"; done)
[ -z "$left" ] || { echo "upstream-series: not in the series: $left" >&2; exit 1; }
for f in "${files[@]}"; do
	cmp -s "$repo/$f" "$tree/$f" || { echo "upstream-series: $f differs in the tree" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out"
g format-patch -q --cover-letter --thread -o "$out" "$base..net-qt2025"
cover=$(ls "$out"/0000-*.patch)
sed -i -e 's/\*\*\* SUBJECT HERE \*\*\*/add Tehuti TN40xx QT2025 driver/' \
	-e '/\*\*\* BLURB HERE \*\*\*/{r /dev/stdin
d}' "$cover" < <(entry cover-letter)
n=$(g rev-list --count "$base..net-qt2025")
echo "upstream-series: $n patches in $out (branch net-qt2025 of $tree, base $(g rev-parse --short "$base"))"
