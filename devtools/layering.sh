#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Calls run one way (design.md "Layout"): from the built glue objects, every undefined
# symbol is mapped to the glue object that defines it (an arrow user -> definer); any cycle
# among the arrows fails, and the arrows of each cycle are printed. base/ and sim/ objects
# are below the glue and are not part of the graph. Usage: layering.sh [BUILD_DIR]
# (default build/); with -v also prints every arrow. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

verbose=0
if [ "${1:-}" = -v ]; then
	verbose=1
	shift
fi
builddir=${1:-build}
objdir=$builddir/libqt2025_drv.a.p
if ! ls "$objdir"/drivers_net_qt2025_qt2025_*.o >/dev/null 2>&1; then
	echo "layering: no glue objects in $objdir (build first)"
	exit 1
fi

# "object symbol" lines: D for defined (global), U for undefined
syms=$(for o in "$objdir"/drivers_net_qt2025_qt2025_*.o; do
	name=$(basename "$o" .c.o)
	name=${name#drivers_net_qt2025_}
	nm -g "$o" | awk -v n="$name" '$1 == "U" { print "U", n, $2; next }
		NF == 3 && $2 ~ /[TDBRCV]/ { print "D", n, $3 }'
done)

arrows=$(echo "$syms" | awk '$1 == "D" { def[$3] = $2; next }
	{ use[NR] = $2 " " $3 }
	END { for (i in use) { split(use[i], a, " ");
		if ((a[2] in def) && def[a[2]] != a[1]) print a[1], def[a[2]] } }' | sort -u)

[ "$verbose" -eq 1 ] && echo "$arrows" | sed 's/ / -> /; s/^/    /'

# strongly connected components (Tarjan), printed with the arrows inside each
report=$(echo "$arrows" | awk '
function visit(v,   i, w) {
	idx[v] = low[v] = ++counter; stack[++sp] = v; onst[v] = 1
	for (i = 1; i <= nout[v]; i++) {
		w = out[v, i]
		if (!(w in idx)) { visit(w); if (low[w] < low[v]) low[v] = low[w] }
		else if (onst[w] && idx[w] < low[v]) low[v] = idx[w]
	}
	if (low[v] == idx[v]) {
		n = 0
		do { w = stack[sp--]; onst[w] = 0; comp[++n] = w; inc[w] = ncomp + 1 } while (w != v)
		ncomp++
		if (n > 1) {
			s = ""
			for (i = 1; i <= n; i++) s = s " " comp[i]
			print "cycle among" s ":"
			for (a = 1; a <= narr; a++) if (inc[from[a]] == ncomp && inc[to[a]] == ncomp)
				print "    " from[a] " -> " to[a]
		}
	}
}
NF == 2 { from[++narr] = $1; to[narr] = $2; out[$1, ++nout[$1]] = $2; node[$1]; node[$2] }
END { for (v in node) if (!(v in idx)) visit(v) }')

narrows=$(echo "$arrows" | grep -c . || true)
nobj=$(ls "$objdir"/drivers_net_qt2025_qt2025_*.o | wc -l)
if [ -n "$report" ]; then
	echo "$report"
	ncyc=$(echo "$report" | grep -c '^cycle' || true)
	echo "layering: $nobj glue objects, $narrows arrows, $ncyc cycle(s): FAIL"
	exit 1
fi
echo "layering: $nobj glue objects, $narrows arrows, no cycle"
