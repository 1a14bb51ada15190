#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Out-of-tree builds only: writes the plugin's linker version script from the
# RTE_EXPORT_EXPERIMENTAL_SYMBOL marks of its sources, as DPDK 25.07 and later do in-tree
# (buildtools/gen-version-map.py), so that one list says what is exported.
# Usage: gen-version-map.sh OUTPUT SOURCE...
set -euo pipefail

out=$1
shift
syms=$(sed -nE 's/^RTE_EXPORT_EXPERIMENTAL_SYMBOL\(([A-Za-z0-9_]+), *[0-9.]+\)$/\1/p' "$@" | sort -u)
{
	printf 'DPDK_23 {\n\tlocal: *;\n};\n\nEXPERIMENTAL {\n\tglobal:\n\n'
	for s in $syms; do
		printf '\t%s;\n' "$s"
	done
	printf '};\n'
} >"$out"
[ -n "$syms" ] || { echo "gen-version-map: no RTE_EXPORT_EXPERIMENTAL_SYMBOL in $*" >&2; exit 1; }
