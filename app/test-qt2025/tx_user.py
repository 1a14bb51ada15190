# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Scapy side of tx_user.sh (Debian's /usr/bin/python3):
#   send IFACE DST_MAC   an IPv6/TCP frame and an IPv4/TCP frame with data offset 2 (TSO
#                        requests the NIC cannot carry out once testpmd's csum engine sets
#                        TSO on them: 3000 bytes of payload, over the MSS), then 200 UDP
#                        frames, then a good IPv4/TCP frame of 3000 bytes of payload
#   count PCAP           "udp N tcp N": frames from 10.0.0.1 seen in the capture
import sys
import time

from scapy.all import IP, TCP, UDP, Ether, IPv6, Raw, rdpcap, sendp


def send(iface, dst):
    eth = Ether(src="02:00:00:00:20:01", dst=dst)
    bad6 = eth / IPv6(src="fd00::1", dst="fd00::2") / TCP(sport=7, dport=7) / \
        Raw(b"6" * 3000)
    doff2 = eth / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=8, dport=8) / \
        Raw(b"2" * 3000)
    doff2 = Ether(bytes(doff2))
    doff2[TCP].dataofs = 2
    udp = [eth / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=9, dport=9 + i) /
           Raw(b"u" * 100) for i in range(200)]
    good = eth / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=10, dport=10) / \
        Raw(b"g" * 3000)
    # one at a time, apart: testpmd's csum engine drops the rest of an Rx burst after
    # the packet tx_prepare refused (its own policy), which would hide what the port does
    for p in (bad6, doff2):
        sendp(p, iface=iface, verbose=False)
        time.sleep(0.3)
    sendp(udp + [good], iface=iface, verbose=False)


def count(path):
    udp = tcp = 0
    for p in rdpcap(path):
        if IP in p and p[IP].src == "10.0.0.1":
            udp += UDP in p
            tcp += TCP in p
    print("udp %d tcp %d" % (udp, tcp))


if __name__ == "__main__":
    if sys.argv[1] == "send":
        send(sys.argv[2], sys.argv[3])
    else:
        count(sys.argv[2])
