#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Writes the PMD info C file of a driver archive: DPDK's own buildtools/pmdinfogen.py run on
# the archive's objects, as DPDK's gen-pmdinfo-cfile.py does in-tree (that helper's
# arguments differ between 24.11 and 25.11; pmdinfogen.py's are the same in all three).
# Usage: pmdinfo.sh PYTHON PMDINFOGEN_PY ARCHIVE OUTPUT
set -euo pipefail

py=$1
gen=$2
archive=$(realpath "$3")
out=$4
tmp=$(mktemp -d "$out.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

objs=()
while read -r m; do
	if [ -f "$m" ]; then        # thin archive: the member is the object file itself
		objs+=("$m")
	else
		(cd "$tmp" && ar x "$archive" "$m")
		objs+=("$tmp/$m")
	fi
done < <(ar t "$archive")
"$py" "$gen" elf "${objs[@]}" "$out"
