#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the browser tests share: headless Chromium over the DevTools protocol, and a lux-tracker."""
import json
import os
import re
import subprocess
import sys
import time


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class DevTools:
    """The DevTools protocol over the pipe: JSON messages ending in NUL, on fds 3 (in) and 4 (out)."""

    def __init__(self, chromium, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                fail("Chromium did not answer in time")
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                fail("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    fail(f"{method}: {m['error']}")
                return m["result"]
            self.events.append(m)

    def wait_event(self, method, session, timeout=20):
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    del self.events[: i + 1]
                    return m
            self.events.append(self._read(deadline))

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except SystemExit:
            pass
        self.proc.wait(timeout=10)

def start_tracker(tracker, work):
    """A lux-tracker on a free loopback port with its own keys and API token in `work`; (process,
    base URL, key file, token). The rate limit is off: one browser, many requests."""
    keys = os.path.join(work, "keys")
    with open(keys, "w") as f:
        f.write(subprocess.check_output([tracker, "--generate-key"], text=True))
    token = "browser-test-api-token-0123456789"
    with open(os.path.join(work, "api-token"), "w") as f:
        f.write(token + "\n")
    args = [tracker, "--listen", "127.0.0.1:0", "--db", os.path.join(work, "events.db"), "--key-file", keys,
            "--api-token-file", os.path.join(work, "api-token"), "--rate-limit", "0"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # It says its limits, then where it listens.
    seen, m = [], None
    while not m and len(seen) < 20:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not m:
        fail("lux-tracker did not start: " + "".join(seen))
    return process, f"http://127.0.0.1:{m.group(1)}", keys, token

