#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lux-tracker's unsubscribe page in a real browser: headless Chromium, driven over the DevTools
protocol (--remote-debugging-pipe), opens a recipient's unsubscribe link, finds the question and the
button (and no unsubscribe yet: GET never acts), presses the button, sees the confirmation on the same
address with no cookie set; then `luxctl tracker sync` pulls it and the contact is unsubscribed and
suppressed.

    unsubscribe_chromium.py --tracker lux-tracker --luxctl luxctl --chromium chromium
"""
import argparse
import importlib.util
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("tracker_token", os.path.join(HERE, "..", "bench", "tracker_token.py"))
tracker_token = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tracker_token)


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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tracker", required=True)
    p.add_argument("--luxctl", required=True)
    p.add_argument("--chromium", required=True)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="lux-unsub-")
    keys = os.path.join(work, "keys")
    with open(keys, "w") as f:
        f.write(subprocess.check_output([a.tracker, "--generate-key"], text=True))
    token = "browser-test-api-token-0123456789"
    with open(os.path.join(work, "api-token"), "w") as f:
        f.write(token + "\n")
    args = [a.tracker, "--listen", "127.0.0.1:0", "--db", os.path.join(work, "events.db"), "--key-file", keys,
            "--api-token-file", os.path.join(work, "api-token"), "--rate-limit", "0"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    tracker = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # It says its limits, then where it listens.
    seen, m = [], None
    while not m and len(seen) < 20:
        line = tracker.stdout.readline()
        if not line:
            break
        seen.append(line)
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not m:
        fail("lux-tracker did not start: " + "".join(seen))
    base = f"http://127.0.0.1:{m.group(1)}"

    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), LUX_DB=os.path.join(work, "app.sqlite"),
               LUX_SECRET_TRACKING_KEYS=open(keys).read(), LUX_SECRET_TRACKER_API_TOKEN=token, LANG="C.UTF-8")

    def luxctl(*command):
        r = subprocess.run([a.luxctl, *command], env=env, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            fail(f"luxctl {' '.join(command)}: {r.stderr}")
        return r.stdout

    luxctl("db", "init")
    luxctl("contacts", "add", "leaving@example.com")
    luxctl("settings", "set", "tracker.url", base)
    db = sqlite3.connect(env["LUX_DB"])
    db.execute("INSERT INTO campaigns (name, from_email, status, created_at, updated_at) VALUES ('Spring', 'news@acme.example', 'sent', 0, 0)")
    cur = db.execute("INSERT INTO outbox (campaign_id, contact_id, address, address_key, state, message_id, updated_at) "
                     "SELECT 1, id, email, email_key, 'sent', '<m1@acme.example>', 0 FROM contacts")
    outbox_id = cur.lastrowid
    db.commit()
    db.close()
    url = base + "/u/" + subprocess.check_output(
        [sys.executable, os.path.join(HERE, "..", "bench", "tracker_token.py"), keys, "unsubscribe", "1", str(outbox_id)], text=True).strip()

    def events():
        req = urllib.request.Request(base + "/api/v1/events?after=0", headers={"Authorization": "Bearer " + token})
        return json.load(urllib.request.urlopen(req))["events"]

    browser = DevTools(a.chromium, os.path.join(work, "profile"))
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Page.enable", session=session)
        browser.call("Page.navigate", {"url": url}, session=session)
        browser.wait_event("Page.loadEventFired", session)

        def js(expression):
            return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)["result"].get("value")

        heading = js("document.querySelector('h1').textContent")
        if heading != "Unsubscribe from these emails?":
            fail("the page asks: %r" % heading)
        if not js("!!document.getElementById('unsubscribe')"):
            fail("no Unsubscribe button")
        time.sleep(0.2)
        if events():
            fail("opening the page unsubscribed (GET must never act)")
        js("document.getElementById('unsubscribe').click()")
        browser.wait_event("Page.loadEventFired", session)
        done = js("(document.getElementById('done') || {}).textContent")
        if done != "You are unsubscribed":
            fail("after the button the page says %r" % done)
        if js("location.href") != url:
            fail("the answer redirected to " + str(js("location.href")))
        if js("document.cookie"):
            fail("a cookie was set")
    finally:
        browser.close()
    got = events()
    if [e["type"] for e in got] != ["unsubscribe"] or got[0]["recipient"] != outbox_id:
        fail("the tracker recorded %r" % got)

    synced = json.loads(luxctl("tracker", "sync", "--json"))
    if synced.get("unsubscribes") != 1:
        fail("the sync brought %r" % synced)
    contact = json.loads(luxctl("contacts", "show", "leaving@example.com", "--json"))
    if contact.get("status") != "unsubscribed":
        fail("the contact is %r" % contact.get("status"))
    suppressed = luxctl("suppress", "list", "--json")
    if "unsubscribe" not in suppressed.lower():
        fail("not on the suppression list: " + suppressed)
    tracker.terminate()
    tracker.wait(timeout=20)
    print("PASS: pressed Unsubscribe in Chromium; after sync leaving@example.com is unsubscribed and suppressed")


if __name__ == "__main__":
    main()
