#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lux-tracker's registration page in a real browser (issue 18): headless Chromium, driven over the
DevTools protocol, opens an event's page, fills it in like a person, and presses Register; the page's
own script solves the proof of work and sends the form, and the seat is confirmed at once (without
the work the server would have asked for a double opt-in). On a second event with double opt-in, the
answer says to check the email; the confirmation link's GET shows a button and changes nothing;
pressing it confirms. Then,
without a browser: a form posted by a script without the work is refused, one with the honeypot filled
(and valid work) is refused, and one with valid work solved independently here is accepted.

    registration_chromium.py --tracker lux-tracker --chromium chromium [--screenshots DIR]
"""
import argparse
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


sys.path.insert(0, HERE)
from browsertest import DevTools, fail, start_tracker  # noqa: E402


def zero_bits(digest):
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solve(challenge, difficulty):
    n = 0
    while zero_bits(hashlib.sha256(f"{challenge}:{n}".encode()).digest()) < difficulty:
        n += 1
    return str(n)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tracker", required=True)
    p.add_argument("--chromium", required=True)
    p.add_argument("--screenshots", default=os.environ.get("LUX_SCREENSHOT_DIR", ""))
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="lux-register-")
    tracker, base, keys, token = start_tracker(a.tracker, work)

    def api(method, path, body=None):
        req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        return json.load(urllib.request.urlopen(req))

    difficulty = 12
    api("PUT", "/api/v1/forms/spring-launch", {
        "event": 42, "revision": 1, "title": "Spring product launch", "language": "en",
        "when": "Thursday 14 May 2026, 18:00 to 20:00 (Europe/Madrid)",
        "where": "Acme Studio, Calle Mayor 1, Madrid",
        "description_html": "<p>See the spring range first, meet the designers, and stay for drinks.</p>",
        "capacity": 80, "double_opt_in": False, "pow_difficulty": difficulty,
        "questions": [{"kind": "choice", "label": "Which session?", "choices": ["Talk", "Workshop"], "required": True},
                      {"kind": "checkbox", "label": "I will bring a guest"}],
        "consent_version": 1, "consent_text": "Send me news about Acme's events and products. I can unsubscribe at any time."})
    api("PUT", "/api/v1/forms/spring-workshop", {
        "event": 43, "revision": 1, "title": "Spring workshop", "language": "en", "capacity": 20,
        "double_opt_in": True, "pow_difficulty": difficulty})

    def registrations():
        req = urllib.request.Request(base + "/api/v1/events?after=0", headers={"Authorization": "Bearer " + token})
        return [e for e in json.load(urllib.request.urlopen(req))["events"] if e["type"] == "registration"]

    browser = DevTools(a.chromium, os.path.join(work, "profile"))
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Page.enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride", {"width": 760, "height": 1180, "deviceScaleFactor": 1, "mobile": False},
                     session=session)

        def js(expression):
            r = browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=session)
            return r["result"].get("value")

        def shot(name):
            if a.screenshots:
                os.makedirs(a.screenshots, exist_ok=True)
                data = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
                with open(os.path.join(a.screenshots, name), "wb") as f:
                    f.write(base64.b64decode(data))

        browser.call("Page.navigate", {"url": base + "/e/spring-launch"}, session=session)
        browser.wait_event("Page.loadEventFired", session)
        if js("document.querySelector('h1').textContent") != "Spring product launch":
            fail("the page's heading is %r" % js("document.querySelector('h1').textContent"))
        js("document.getElementById('email').value = 'marta@example.com'")
        js("document.getElementById('first_name').value = 'Marta'")
        js("document.getElementById('last_name').value = 'Ruiz'")
        js("document.getElementById('q1').value = 'Workshop'")
        js("document.querySelector('[name=consent]').checked = true")
        shot("event-registration-page.png")
        started = time.time()
        js("document.getElementById('register').click()")
        browser.wait_event("Page.loadEventFired", session, timeout=60)
        status = js("(document.getElementById('status') || {}).dataset.status")
        if status != "confirmed":
            fail("after Register the page says %r: %r" % (status, js("document.body.innerText")))
        got = registrations()
        if len(got) != 1 or got[0]["email"] != "marta@example.com" or got[0]["answers"] != ["Workshop", "0"] \
                or not got[0]["consent"] or got[0]["status"] != "confirmed" or not got[0]["verified"]:
            fail("the tracker recorded %r" % got)
        print(f"registered through the page in {time.time() - started:.1f} s (proof of work at difficulty {difficulty})")
        shot("event-registration-answer.png")

        # Double opt-in: the answer asks to check the email; the link's GET shows a button only.
        browser.call("Page.navigate", {"url": base + "/e/spring-workshop"}, session=session)
        browser.wait_event("Page.loadEventFired", session)
        js("document.getElementById('email').value = 'luis@example.com'")
        js("document.getElementById('register').click()")
        browser.wait_event("Page.loadEventFired", session, timeout=60)
        status = js("(document.getElementById('status') || {}).dataset.status")
        if status != "pending":
            fail("with double opt-in the page says %r: %r" % (status, js("document.body.innerText")))
        got = [e for e in registrations() if e["event"] == 43]
        if len(got) != 1 or got[0]["status"] != "pending" or got[0]["verified"]:
            fail("the tracker recorded %r" % got)
        confirm = base + "/e/spring-workshop/confirm/" + subprocess.check_output(
            [sys.executable, os.path.join(HERE, "..", "bench", "tracker_token.py"), keys, "registration-confirm", "43",
             str(got[0]["registration"])], text=True).strip()
        browser.call("Page.navigate", {"url": confirm}, session=session)
        browser.wait_event("Page.loadEventFired", session)
        if not js("!!document.getElementById('confirm')"):
            fail("the confirmation link shows no button: %r" % js("document.body.innerText"))
        time.sleep(0.3)
        if len(registrations()) != 2:
            fail("opening the confirmation link changed the registration (GET must never act)")
        js("document.getElementById('confirm').click()")
        browser.wait_event("Page.loadEventFired", session)
        if js("document.getElementById('done').dataset.status") != "confirmed":
            fail("after Confirm the page says %r" % js("document.body.innerText"))
        changes = [(e["change"], e["status"]) for e in registrations() if e["event"] == 43]
        if changes != [("registered", "pending"), ("confirmed", "confirmed")]:
            fail("the registration went %r" % changes)
    finally:
        browser.close()

    def post(fields):
        req = urllib.request.Request(base + "/e/spring-launch", data=urllib.parse.urlencode(fields).encode(),
                                     headers={"Accept": "application/json"})
        try:
            r = urllib.request.urlopen(req)
            return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    code, body = post({"email": "bot@example.com", "q1": "Talk"})
    if code != 400 or "pow" not in body.get("errors", {}):
        fail("a script without the work got %r %r" % (code, body))
    challenge = json.load(urllib.request.urlopen(base + "/e/spring-launch/challenge"))["challenge"]
    code, body = post({"email": "bot2@example.com", "q1": "Talk", "website": "http://spam.example",
                       "pow_challenge": challenge, "pow_nonce": solve(challenge, difficulty)})
    if code != 400:
        fail("the honeypot filled in got %r %r" % (code, body))
    challenge = json.load(urllib.request.urlopen(base + "/e/spring-launch/challenge"))["challenge"]
    code, body = post({"email": "script@example.com", "q1": "Talk", "pow_challenge": challenge,
                       "pow_nonce": solve(challenge, difficulty)})
    if code != 200 or body.get("status") != "confirmed":
        fail("a script with the work done got %r %r" % (code, body))
    if len(registrations()) != 4:
        fail("refused forms left something behind: %r" % registrations())
    tracker.terminate()
    tracker.wait(timeout=20)
    print("PASS: registered in Chromium with the page's proof of work, confirmed by the button (not by the GET); "
          "scripts without the work or with the honeypot refused")


if __name__ == "__main__":
    main()
