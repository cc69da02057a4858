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
sys.path.insert(0, HERE)
from browsertest import DevTools, fail, start_tracker  # noqa: E402
spec = importlib.util.spec_from_file_location("tracker_token", os.path.join(HERE, "..", "bench", "tracker_token.py"))
tracker_token = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tracker_token)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tracker", required=True)
    p.add_argument("--luxctl", required=True)
    p.add_argument("--chromium", required=True)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="lux-unsub-")
    tracker, base, keys, token = start_tracker(a.tracker, work)

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
