#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The plugin's dynamic symbols are exactly the functions of rte_pmd_qt2025.h (design.md
# "Stable interfaces"), each versioned EXPERIMENTAL, and an application finds them with
# dlsym (Python's ctypes here): without EAL no port exists, so each answers -ENODEV, or
# -ENOTSUP for the simulator controls of a plugin built without the model.
# Usage: api_exports.sh PLUGIN HEADER [nosim]
set -uo pipefail

plugin=$1
header=$2
nosim=${3:-}
label=api_exports${nosim:+_nosim}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }

declared=$(grep -oE '^int (rte_pmd_qt2025_[a-z_]+)\(' "$header" | sed -E 's/^int //; s/\($//' |
	sort | tr '\n' ' ')
exported=$(nm -D --defined-only "$plugin" | awk '$2 == "T" { print $3 }' | sort | tr '\n' ' ')
want=$(for f in $declared; do echo "$f@@EXPERIMENTAL"; done | tr '\n' ' ')
[ -n "$declared" ] && [ "$exported" = "$want" ] && ok exactly_the_header ||
	ko exactly_the_header "exported: $exported; declared: $declared"

other=$(nm -D --defined-only "$plugin" | awk '$2 != "T" && $2 != "A"' | head -n 3)
[ -z "$other" ] && ok no_data_symbols || ko no_data_symbols "$other"

ENODEV=19
ENOTSUP=95
sim_rc=$ENODEV
[ -n "$nosim" ] && sim_rc=$ENOTSUP
out=$(/usr/bin/python3 - "$plugin" <<PY 2>&1
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
buf = ctypes.create_string_buffer(4096)
print(lib.rte_pmd_qt2025_phy_get(0, buf), lib.rte_pmd_qt2025_sim_cable(0, 0),
      lib.rte_pmd_qt2025_sim_module(0, 0), lib.rte_pmd_qt2025_sim_fault(0, 0, 1))
PY
)
[ "$out" = "-$ENODEV -$sim_rc -$sim_rc -$sim_rc" ] && ok dlsym_calls ||
	ko dlsym_calls "got \"$out\", expected -$ENODEV -$sim_rc -$sim_rc -$sim_rc"

# an application that links the plugin (-l:librte_net_qt2025.so), as the rst says
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/app.c" <<'C'
#include <errno.h>
#include <stdio.h>
#include <rte_pmd_qt2025.h>
int main(void)
{
	struct rte_pmd_qt2025_phy phy;

	printf("%d\n", rte_pmd_qt2025_phy_get(0, &phy));
	return 0;
}
C
if out=$(cc -DALLOW_EXPERIMENTAL_API $(pkg-config --cflags libdpdk) -I"$(dirname "$header")" \
	"$tmp/app.c" -o "$tmp/app" -L"$(dirname "$plugin")" -l:"$(basename "$plugin")" 2>&1) &&
	out=$(LD_LIBRARY_PATH="$(dirname "$plugin")" "$tmp/app" 2>&1) && [ "$out" = "-$ENODEV" ]
then
	ok linked_application
else
	ko linked_application "$out"
fi

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
