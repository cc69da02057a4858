#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the corpus's images (plain gradients and blocks, so no third-party picture is needed)."""
import struct
import zlib


def hex_rgb(value):
    value = value.lstrip('#')
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n')
        f.write(chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b'IDAT', zlib.compress(bytes(rows), 9)))
        f.write(chunk(b'IEND', b''))


def gradient(path, width, height, top, bottom):
    a, b = hex_rgb(top), hex_rgb(bottom)
    png(path, width, height, lambda x, y: bytes(int(a[i] + (b[i] - a[i]) * y / max(1, height - 1)) for i in range(3)))


def solid(path, width, height, colour):
    c = bytes(hex_rgb(colour))
    png(path, width, height, lambda x, y: c)


gradient('hero.png', 600, 240, '#1e3a8a', '#60a5fa')
gradient('product-a.png', 280, 180, '#fde68a', '#f59e0b')
gradient('product-b.png', 280, 180, '#bbf7d0', '#16a34a')
gradient('product-c.png', 180, 180, '#fecaca', '#dc2626')
solid('avatar.png', 96, 96, '#7c3aed')
for name, colour in (('facebook', '#1877f2'), ('linkedin', '#0a66c2'), ('x', '#111111'), ('instagram', '#e1306c')):
    solid(f'icon-{name}.png', 32, 32, colour)
png('logo.png', 160, 48, lambda x, y: bytes(hex_rgb('#ffffff' if 10 <= x < 50 and 10 <= y < 38 else '#0f766e')))
png('pattern.png', 40, 40, lambda x, y: bytes(hex_rgb('#e5e7eb' if (x < 20) == (y < 20) else '#f3f4f6')))
