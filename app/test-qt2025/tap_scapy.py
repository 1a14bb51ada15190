# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Scapy side of tap_scapy.sh and sample_apps.sh, run with Debian's /usr/bin/python3:
#   send IFACE DST_MAC           the receive-check frames of tap_scapy.sh, one by one
#   burst IFACE DST_MAC SRC N    N numbered UDP frames of 142 bytes from SRC; prints the
#                                payload of each (hex)
#   read PCAP                    one line per frame: length, source, destination, VLAN
#                                id or -, payload bytes after the L2 header (hex)
# The frames are named by their source MAC, 02:00:00:00:10:<nn>; tap_scapy.sh holds what
# each must give.
import sys

from scapy.all import IP, TCP, UDP, Dot1Q, Ether, Padding, Raw, rdpcap, sendp


def frames(dst):
    ip = dict(src="10.0.0.1", dst="10.0.0.2")

    def eth(n):
        return Ether(src="02:00:00:00:10:%02x" % n, dst=dst)

    def bad(pkt, layer):
        """The frame with a wrong (and non-zero) L4 checksum."""
        pkt[layer].chksum = Ether(bytes(pkt))[layer].chksum ^ 0x00FF
        return pkt

    return [
        # 01: IPv4/UDP, checksum right, 142 bytes
        eth(1) / IP(**ip) / UDP(sport=1001, dport=2001) / Raw(b"x" * 100),
        # 02: 802.1Q VID 100 PCP 3 (TCI 0x6064), IPv4/TCP, 118 bytes with the tag
        eth(2) / Dot1Q(vlan=100, prio=3) / IP(**ip) / TCP(sport=1002, dport=2002) /
        Raw(b"t" * 60),
        # 03: IPv4/UDP, checksum wrong, 142 bytes
        bad(eth(3) / IP(**ip) / UDP(sport=1003, dport=2003) / Raw(b"x" * 100), UDP),
        # 04: IPv4/UDP without checksum (field 0): erratum 1, never BAD
        eth(4) / IP(**ip) / UDP(sport=1004, dport=2004, chksum=0) / Raw(b"x" * 100),
        # 05: 52 bytes as the host writes it (unpadded): a wire carries it as 60
        eth(5) / IP(**ip) / UDP(sport=1005, dport=2005) / Raw(b"y" * 10),
        # 06: 60 bytes (padded), checksum right: erratum 2 (under 70 bytes), never BAD
        eth(6) / IP(**ip) / UDP(sport=1006, dport=2006) / Raw(b"y" * 10) /
        Padding(b"\0" * 8),
        # 07: 60 bytes (padded), checksum wrong: BAD all the same
        bad(eth(7) / IP(**ip) / UDP(sport=1007, dport=2007) / Raw(b"y" * 10) /
            Padding(b"\0" * 8), UDP),
        # 08: IPv4/TCP, checksum wrong, 114 bytes
        bad(eth(8) / IP(**ip) / TCP(sport=1008, dport=2008) / Raw(b"t" * 60), TCP),
    ]


def read(path):
    for p in rdpcap(path):
        vid = p[Dot1Q].vlan if Dot1Q in p else "-"
        payload = bytes(p[Ether].payload)
        print(len(p), p[Ether].src.lower(), p[Ether].dst.lower(), vid, payload.hex())


def main():
    if sys.argv[1] == "send":
        for f in frames(sys.argv[3]):
            sendp(f, iface=sys.argv[2], verbose=0)
    elif sys.argv[1] == "burst":
        burst = [Ether(src=sys.argv[4], dst=sys.argv[3]) /
                 IP(src="10.0.1.1", dst="10.0.1.2") / UDP(sport=3000 + i, dport=4000) /
                 Raw(b"q" * 100) for i in range(int(sys.argv[5]))]
        sendp(burst, iface=sys.argv[2], verbose=0)
        for p in burst:
            print(bytes(p[Ether].payload).hex())
    elif sys.argv[1] == "read":
        read(sys.argv[2])
    else:
        sys.exit("usage: tap_scapy.py send|burst|read ...")


main()
