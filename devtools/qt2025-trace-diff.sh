#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# qt2025-trace-diff.sh [--reads] [--values] [-n N] A B: holds two access traces of a
# bring-up (the trace=PATH devarg's format, doc/guides/nics/qt2025.rst "Access trace")
# against each other, typically a card's (PATH) and the model's (PATH.model, or the
# model's trace of the same bring-up), and prints the first N (10) places where they part.
# Compared: register writes (except MDIO_CMD/DATA/ADDR, whose transactions are compared
# instead), MDIO writes with their values, MDIO reads by register; --values compares what
# MDIO reads returned too, --reads adds register reads (polls count once; the model's
# trace has none). Times are shown, never compared. Exit 0: same sequence; 1: they differ.
set -euo pipefail

reads=0
values=0
max=10
while [ $# -gt 2 ]; do
	case $1 in
	--reads) reads=1 ;;
	--values) values=1 ;;
	-n) max=$2; shift ;;
	*) break ;;
	esac
	shift
done
if [ $# -ne 2 ] || [ ! -r "$1" ] || [ ! -r "$2" ]; then
	echo "usage: $0 [--reads] [--values] [-n N] TRACE_A TRACE_B" >&2
	exit 2
fi

# one comparable key per access, with the original line number and time beside it
norm() {
	awk -v reads="$reads" -v values="$values" '
	/^#/ || NF < 3 || $2 == "event" { next }
	$2 == "wr32" && ($3 == "0x6034" || $3 == "0x6038" || $3 == "0x603c") { next }
	$2 == "rd32" && !reads { next }
	$2 == "rd32" { key = "rd32 " $3 }
	$2 == "wr32" { key = "wr32 " $3 " " $4 }
	$2 == "mdio_wr" { key = "mdio_wr " $3 " " $4 " " $5 }
	$2 == "mdio_rd" { key = "mdio_rd " $3 " " $4 (values ? " " $5 : "") }
	$2 ~ /^(rd32|wr32|mdio_wr|mdio_rd)$/ { printf "%s\t%d\t%s\n", key, NR, $1 }
	' "$1"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
norm "$1" >"$tmp/a"
norm "$2" >"$tmp/b"
na=$(wc -l <"$tmp/a")
nb=$(wc -l <"$tmp/b")

# walk both in step; after a difference, realign on the next key both have within 64
awk -F'\t' -v max="$max" -v A="$1" -v B="$2" '
NR == FNR { ka[++na] = $1; la[na] = $2; ta[na] = $3; next }
{ kb[++nb] = $1; lb[nb] = $2; tb[nb] = $3 }
END {
	i = 1; j = 1; shown = 0; diffs = 0
	while (i <= na || j <= nb) {
		if (i <= na && j <= nb && ka[i] == kb[j]) { i++; j++; continue }
		diffs++
		if (shown < max) {
			printf "difference %d:\n", diffs
			if (i <= na) printf "  %s:%d (%s us): %s\n", A, la[i], ta[i], ka[i]
			else printf "  %s: ends\n", A
			if (j <= nb) printf "  %s:%d (%s us): %s\n", B, lb[j], tb[j], kb[j]
			else printf "  %s: ends\n", B
			shown++
		}
		# realign: the nearest pair of equal keys ahead
		best = -1
		for (d = 1; d <= 64 && best < 0; d++)
			for (x = 0; x <= d; x++)
				if (i + x <= na && j + d - x <= nb && ka[i + x] == kb[j + d - x]) {
					best = x; bd = d; break
				}
		if (best < 0) { i++; j++ } else { i += best; j += bd - best }
	}
	printf "%d accesses compared against %d: %s\n", na, nb,
	       diffs == 0 ? "same sequence" : diffs " differences"
	exit diffs == 0 ? 0 : 1
}' "$tmp/a" "$tmp/b"
