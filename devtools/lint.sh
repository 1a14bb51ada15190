#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The checks of DPDK's checkpatches.sh that matter here, as greps: SPDX tags, tokens the
# driver must not use outside its compat/osdep headers and the model, line length, tabs.
# Ends with "qt-test lint: N passed, N failed" (one case per check). Usage: lint.sh [BUILD_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."

pass=0
fail=0
check() {        # name, offending lines (empty = pass)
	if [ -z "$2" ]; then
		pass=$((pass + 1)); echo "ok   lint.$1"
	else
		fail=$((fail + 1)); echo "FAIL lint.$1"; echo "$2" | head -n 20 | sed 's/^/    /'
	fi
}

files=$(git ls-files 2>/dev/null || find . -type f -not -path './build*' -not -path './.git/*')
src=$(echo "$files" | grep -E '\.(c|h)$')
drv=$(echo "$src" | grep '^drivers/' | grep -vE 'qt2025_compat\.h|qt_osdep\.h|/sim/')

check spdx "$(for f in $(echo "$files" | grep -E '\.(c|h|py|sh|build|txt|rst|ini)$|^\.ci/run$'); do
	head -n 3 "$f" | grep -q 'SPDX-License-Identifier: BSD-3-Clause' || echo "$f"; done)"
check forbidden_tokens "$(grep -nE '\bprintf\(|fprintf\((stdout|stderr)|pthread_(create|join|detach|setname)|__atomic_[a-z_]+\(|__ATOMIC_|rte_atomic(16|32|64)_|rte_smp_[rw]?mb\(|__sync_|\brte_panic\(|\brte_exit\(|RTE_LOG\(|[^_]rte_log\(' $drv /dev/null)"
# the out-of-tree build's compatibility layer (config/) is the one place that tests releases
check version_tests "$(grep -nE 'RTE_VERSION' $(echo "$src" | grep -v '^config/') /dev/null)"
check sim_no_dpdk "$(grep -nE '#include <(rte_|ethdev|bus_)' $(echo "$src" | grep '/sim/') /dev/null)"
check base_no_ethdev "$(grep -nE '#include <(rte_ethdev|ethdev_)' $(echo "$src" | grep '/base/') /dev/null)"
# Layering (design.md "Layout"): base/ reaches the card, the glue calls base/, the model
# keeps its own register map.
glue=$(echo "$src" | grep -E '^drivers/net/qt2025/[^/]+\.[ch]$')
base=$(echo "$src" | grep '^drivers/net/qt2025/base/')
sim=$(echo "$src" | grep '^drivers/net/qt2025/sim/')
base_hdrs=$(for f in $base; do case $f in *.h) basename "$f" ;; esac; done | paste -sd'|')
check glue_no_registers "$(grep -nE '\b(qt_rd32|qt_wr32|rte_read32|rte_write32)\(|tn40_regs\.h' \
	$glue /dev/null)"
check base_no_model "$(grep -nE '#include.*(qt_sim|sim/)|\bqt_sim_' $base /dev/null)"
check base_meson_no_model "$(grep -n "sim" drivers/net/qt2025/base/meson.build)"
check model_no_base "$(grep -nE "#include [<\"]($base_hdrs)[>\"]" $sim /dev/null)"
# Calls run one way among the glue objects (devtools/layering.sh, on the built objects:
# run after a build; $1 names the build folder, default build/)
check layering "$(devtools/layering.sh "${1:-build}" 2>&1 | grep -v '^layering: .* no cycle$')"
check file_sizes "$(for f in $glue $base $sim $(echo "$src" | grep '^app/'); do
	case $f in */base/*|*/sim/*) max=500 ;; app/*) max=600 ;; *) max=450 ;; esac
	n=$(wc -l <"$f"); [ "$n" -le "$max" ] || echo "$f: $n lines (at most $max)"; done)"
# columns as checkpatch counts them: a tab to the next multiple of 8
check line_length "$(for f in $src; do expand -t 8 "$f" |
	awk -v f="$f" 'length($0) > 100 { print f ":" FNR ": " length($0) " columns" }'; done)"
check tabs "$(grep -nE '^ {8}' $(echo "$src" | tr '\n' ' ') /dev/null)"
check trailing_space "$(grep -nE '[[:space:]]+$' $(echo "$src" | tr '\n' ' ') /dev/null)"

echo "qt-test lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
