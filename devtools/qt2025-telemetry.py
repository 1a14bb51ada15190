#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors

"""Send telemetry commands to a running DPDK application and print the JSON replies.

Examples:
    qt2025-telemetry.py /qt2025/ports
    qt2025-telemetry.py --file-prefix qt0 /qt2025/phy,0
    qt2025-telemetry.py /qt2025/sim/cable,0,unplug /qt2025/phy,0

Exit status: 0 on success, 1 when the application cannot be reached, 2 on bad usage,
3 when a command was refused (the application answered null: unknown command, bad
parameters, or a port this driver does not own).
"""

import argparse
import json
import os
import socket
import sys

SOCKET_NAME = 'dpdk_telemetry.v2'


def runtime_dir(file_prefix):
    """Where EAL puts its runtime files: /var/run for root, else $XDG_RUNTIME_DIR or /tmp."""
    if os.getuid() == 0:
        base = '/var/run'
    else:
        base = os.environ.get('XDG_RUNTIME_DIR', '/tmp')
    return os.path.join(base, 'dpdk', file_prefix)


def recv_json(sock, size):
    data = sock.recv(size)
    if not data:
        raise ConnectionError('connection closed by the application')
    return json.loads(data.decode())


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('-f', '--file-prefix', default='rte',
                        help='EAL --file-prefix of the application (default: %(default)s)')
    parser.add_argument('-s', '--socket',
                        help='telemetry socket path (default: derived from --file-prefix)')
    parser.add_argument('-p', '--pretty', action='store_true', help='indent the JSON output')
    parser.add_argument('commands', nargs='+', metavar='COMMAND',
                        help='telemetry command with its parameters, e.g. /qt2025/phy,0')
    args = parser.parse_args()

    for cmd in args.commands:
        if not cmd.startswith('/'):
            parser.error(f'command must start with "/": {cmd}')

    path = args.socket or os.path.join(runtime_dir(args.file_prefix), SOCKET_NAME)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        sock.connect(path)
        # The greeting says how long a reply can be.
        greeting = recv_json(sock, 1024)
        max_len = int(greeting.get('max_output_len', 16384))
    except (OSError, ValueError) as err:
        print(f'cannot reach DPDK telemetry at {path}: {err}', file=sys.stderr)
        return 1

    refused = False
    try:
        for cmd in args.commands:
            sock.send(cmd.encode())
            reply = recv_json(sock, max_len)
            print(json.dumps(reply, indent=2 if args.pretty else None))
            if not isinstance(reply, dict) or None in reply.values():
                refused = True
    except (OSError, ValueError) as err:
        print(f'telemetry exchange with {path} failed: {err}', file=sys.stderr)
        return 1
    finally:
        sock.close()
    return 3 if refused else 0


if __name__ == '__main__':
    sys.exit(main())
