#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signs a lux-tracker token from a key ring file, independently of the C++ code (the format in
app/tracking/token.h): base64url(version 1, key id, purpose, varint campaign, varint recipient,
varint link, first 16 bytes of HMAC-SHA256 over what precedes it).

    tracker_token.py KEYFILE open|click|unsubscribe|ticket|registration-confirm|registration-cancel CAMPAIGN RECIPIENT [LINK]
"""
import base64
import hashlib
import hmac
import sys

PURPOSES = {"open": 1, "click": 2, "unsubscribe": 3, "ticket": 6, "registration-confirm": 7, "registration-cancel": 8}


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def main():
    keyfile, purpose, campaign, recipient = sys.argv[1:5]
    link = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    lines = [l.split() for l in open(keyfile) if l.strip() and not l.startswith("#")]
    kid, key = int(lines[0][0]), lines[0][1]
    key = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    body = bytes([1, kid, PURPOSES[purpose]]) + varint(int(campaign)) + varint(int(recipient)) + varint(link)
    mac = hmac.new(key, body, hashlib.sha256).digest()[:16]
    print(base64.urlsafe_b64encode(body + mac).rstrip(b"=").decode())


if __name__ == "__main__":
    main()
