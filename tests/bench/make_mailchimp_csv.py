#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a Mailchimp-format audience export with N rows (the columns of Mailchimp's export, tags
# included), deterministic for a given seed:  make_mailchimp_csv.py ROWS OUT.csv [SEED]
import csv
import random
import sys

rows = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
first = ["Ana", "Bob", "Carla", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Inés", "José", "Kai", "Lena",
         "Mateo", "Nora", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wen", "Zoë"]
last = ["García", "Smith", "Müller", "Rossi", "Dubois", "Kowalski", "Tanaka", "Okafor", "Silva", "Novak",
        "O'Brien", "Larsen", "Haddad", "Nguyen", "Ivanova", "Cohen"]
companies = ["Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises", "Hooli",
             "Vandelay Imports", "Soylent", "Wonka Industries", ""]
tags = ["Customer", "VIP", "Newsletter", "Webinar 2026", "Lead", "Partner", "Spring Sale"]
domains = ["example.com", "example.org", "example.net", "mail.example", "correo.example.es"]
header = ["Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday", "Company",
          "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME", "CONFIRM_IP", "LATITUDE", "LONGITUDE",
          "GMTOFF", "DSTOFF", "TIMEZONE", "CC", "REGION", "LAST_CHANGED", "LEID", "EUID", "NOTES", "TAGS"]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(header)
    for i in range(rows):
        fn, ln = rng.choice(first), rng.choice(last)
        email = f"{fn.lower()}.{i}@{rng.choice(domains)}"
        phone = f"+1 {rng.randint(201, 989)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}" if rng.random() < 0.6 else ""
        t = rng.sample(tags, rng.randint(0, 3))
        w.writerow([email, fn, ln, f"{rng.randint(1, 999)} Main St  Springfield  IL  62701  US",
                    phone, f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}", rng.choice(companies),
                    rng.randint(1, 5), "2025-03-14 10:22:01", "203.0.113.7", "2025-03-14 10:25:40",
                    "198.51.100.23", "41.8781", "-87.6298", "-6", "-5", "America/Chicago", "US", "IL",
                    "2026-01-02 08:00:00", str(100000 + i), f"e{i:08x}", "",
                    ",".join(f'"{x}"' for x in t)])
