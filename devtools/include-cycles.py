#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Prints every cycle in the graph of '#include "x.h"' between the given files (matched by
# basename; includes of other headers are ignored). Prints nothing when the graph is acyclic.
import os
import re
import sys

files = {os.path.basename(p): p for p in sys.argv[1:]}
inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
graph = {}
for name, path in files.items():
    with open(path, encoding='utf-8') as f:
        graph[name] = [os.path.basename(h) for h in inc.findall(f.read())
                       if os.path.basename(h) in files]

state = {}
cycles = []


def visit(node, stack):
    state[node] = 1
    stack.append(node)
    for nxt in graph.get(node, []):
        if state.get(nxt) == 1:
            cycles.append(' -> '.join(stack[stack.index(nxt):] + [nxt]))
        elif nxt not in state:
            visit(nxt, stack)
    stack.pop()
    state[node] = 2


for n in sorted(graph):
    if n not in state:
        visit(n, [])
print('\n'.join(cycles))
