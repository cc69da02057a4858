#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lighthouse parity of LUX's SEO audits (issue 21; docs/SEO.md, "Parity with Lighthouse").

Serves the corpus in tests/data/seo-parity (manifest.json: sites, each with its own robots.txt on
its own loopback port, and pages with their status and headers), runs
`luxctl seo analyze URL --allow-private --json` on every page and compares each of the ten audits'
verdicts with Lighthouse's:

* always, with the verdicts Lighthouse gave every page in a full run (lighthouse-verdicts.json, with
  the Lighthouse version);
* and live, with Lighthouse itself (the oracle in the build tree, `--lighthouse DIR`), on the
  manifest's CI subset, or on every page with --all or LUX_PARITY_ALL=1: Lighthouse must still give
  the recorded verdicts. --record writes lighthouse-verdicts.json from a live run of every page.

Fails when fewer than 98 % of the page x audit cells agree, when a disagreement is not one of the
manifest's documented ones (or a documented one no longer happens), or when a live Lighthouse
verdict differs from the recorded one. Python 3 standard library only.
"""

import argparse
import concurrent.futures
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..', 'data', 'seo-parity'))
RECORDED = os.path.join(HERE, 'lighthouse-verdicts.json')
AUDITS = ['is-crawlable', 'document-title', 'meta-description', 'http-status-code', 'link-text',
          'crawlable-anchors', 'robots-txt', 'image-alt', 'hreflang', 'canonical']
THRESHOLD = 0.98


class Corpus:
    """The manifest, and a server for each site on 127.0.0.1."""

    def __init__(self, path):
        with open(path, encoding='utf-8') as f:
            self.manifest = json.load(f)
        self.sites = self.manifest['sites']
        self.pages = [p for p in self.manifest['pages'] if not p.get('serveOnly')]
        self.servers = {}
        self.origins = {}

    def expand(self, text, site):
        text = text.replace('{{origin}}', self.origins[site])
        for name, origin in self.origins.items():
            text = text.replace('{{origin:%s}}' % name, origin)
        return text

    def start(self):
        for site in self.sites:
            server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), self._handler(site))
            server.daemon_threads = True
            self.servers[site] = server
            self.origins[site] = 'http://127.0.0.1:%d' % server.server_address[1]
        for server in self.servers.values():
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self):
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def url(self, page):
        return self.origins[page['site']] + page['path']

    def _answer(self, site, path):
        """(status, headers, body) for a request to `site`."""
        path = path.split('?', 1)[0]
        if path == '/robots.txt':
            robots = self.sites[site]['robots']
            body = robots.get('body', '')
            if 'file' in robots:
                with open(os.path.join(DATA, robots['file']), encoding='utf-8') as f:
                    body = f.read()
            return robots['status'], [('Content-Type', 'text/plain; charset=utf-8')], self.expand(body, site).encode()
        for page in self.manifest['pages']:
            if page['site'] == site and page['path'] == path:
                body = ''
                if 'file' in page:
                    with open(os.path.join(DATA, page['file']), encoding='utf-8') as f:
                        body = f.read()
                headers = [('Content-Type', 'text/html; charset=utf-8')]
                headers += [(k, self.expand(v, site)) for k, v in page.get('headers', [])]
                return page.get('status', 200), headers, self.expand(body, site).encode()
        return 404, [('Content-Type', 'text/html; charset=utf-8')], b'<!doctype html><title>Not found</title><p>Not found.</p>'

    def _handler(self, site):
        corpus = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'

            def _serve(self, with_body):
                status, headers, body = corpus._answer(site, self.path)
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header('Content-Length', str(len(body)))
                self.send_header('Cache-Control', 'no-store')
                self.end_headers()
                if with_body:
                    self.wfile.write(body)

            def do_GET(self):
                self._serve(True)

            def do_HEAD(self):
                self._serve(False)

            def log_message(self, *args):
                pass

        return Handler


def run_luxctl(luxctl, url, home):
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', HOME=home, XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    p = subprocess.run([luxctl, 'seo', 'analyze', url, '--allow-private', '--json'], capture_output=True, env=env, timeout=90)
    if p.returncode != 0:
        raise RuntimeError('luxctl seo analyze %s: exit %d\n%s%s' % (url, p.returncode, p.stdout.decode(errors='replace'),
                                                                     p.stderr.decode(errors='replace')))
    result = json.loads(p.stdout)
    return {'score': result['score'], 'audits': {a: result['audits'][a]['verdict'] for a in AUDITS}}


def lighthouse_verdict(audit):
    mode, score = audit.get('mode'), audit.get('score')
    if mode == 'binary':
        return 'pass' if score == 1 else 'fail' if score == 0 else 'score %s' % score
    if mode == 'notApplicable':
        return 'n/a'
    return mode  # 'error', 'manual': no verdict


def run_lighthouse(oracle_dir, urls, timeout):
    oracle_dir = os.path.abspath(oracle_dir)
    env = dict(os.environ)
    env.setdefault('CHROME_PATH', '/usr/bin/chromium')
    env['LUX_PARITY_LH_TIMEOUT'] = str(timeout)
    p = subprocess.run(['node', os.path.join(oracle_dir, 'oracle.mjs')] + urls, cwd=oracle_dir, capture_output=True, env=env,
                       timeout=120 + timeout * len(urls))
    if p.returncode != 0:
        raise RuntimeError('lighthouse: exit %d\n%s' % (p.returncode, p.stderr.decode(errors='replace')))
    out = json.loads(p.stdout)
    pages = {}
    for url, r in out['pages'].items():
        if 'error' in r:
            pages[url] = {'error': r['error']}
        else:
            pages[url] = {'score': r['score'], 'runtimeError': r['runtimeError'],
                          'audits': {a: lighthouse_verdict(r['audits'][a]) for a in AUDITS}}
    return out['lighthouseVersion'], pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--luxctl', help='the luxctl binary (without it only Lighthouse runs, for --record)')
    ap.add_argument('--lighthouse', metavar='DIR', help='the oracle: DIR/oracle.mjs and DIR/node_modules (installed by tests/support/npm-oracle.sh, the seo_parity_oracle fixture)')
    ap.add_argument('--all', action='store_true', default=os.environ.get('LUX_PARITY_ALL') == '1',
                    help='run Lighthouse on every page (also LUX_PARITY_ALL=1), not only the CI subset')
    ap.add_argument('--record', action='store_true',
                    help='write lighthouse-verdicts.json from a live run of every page (or of --pages, merged into it)')
    ap.add_argument('--pages', help='comma-separated page names: run Lighthouse on these only')
    ap.add_argument('--lighthouse-timeout', type=int, default=60, help='seconds for one Lighthouse run (60)')
    ap.add_argument('--serve', action='store_true', help='only serve the corpus, printing each page\'s URL, until interrupted')
    args = ap.parse_args()
    if args.record:
        args.all = not args.pages
        if not args.lighthouse:
            ap.error('--record needs --lighthouse')

    corpus = Corpus(os.path.join(DATA, 'manifest.json'))
    corpus.start()
    failures = []
    try:
        if args.serve:
            for page in corpus.pages:
                print(page['name'], corpus.url(page), flush=True)
            while True:
                time.sleep(3600)

        # luxctl on every page, two at a time (the pages load in milliseconds; luxctl's start is the cost).
        started = time.monotonic()
        ours = {}
        with tempfile.TemporaryDirectory(prefix='lux-parity-') as home, concurrent.futures.ThreadPoolExecutor(2) as pool:
            futures = {page['name']: pool.submit(run_luxctl, args.luxctl, corpus.url(page), home)
                       for page in (corpus.pages if args.luxctl else [])}
            for name, future in futures.items():
                try:
                    ours[name] = future.result()
                except Exception as e:  # reported, and the page counts as disagreeing
                    failures.append(str(e))
        print('luxctl: %d pages in %.1f s' % (len(ours), time.monotonic() - started))

        # Lighthouse, live.
        live = {}
        if args.lighthouse:
            names = args.pages.split(',') if args.pages else corpus.manifest['ciSubset']
            unknown = set(names) - {p['name'] for p in corpus.pages}
            if unknown:
                ap.error('no such page: ' + ', '.join(sorted(unknown)))
            chosen = corpus.pages if args.all else [p for p in corpus.pages if p['name'] in names]
            started = time.monotonic()
            try:
                version, by_url = run_lighthouse(args.lighthouse, [corpus.url(p) for p in chosen], args.lighthouse_timeout)
            except (RuntimeError, subprocess.TimeoutExpired, ValueError) as e:
                return finish(failures + [str(e)])
            for page in chosen:
                live[page['name']] = by_url.get(corpus.url(page), {'error': 'no result'})
            print('lighthouse %s: %d pages in %.1f s' % (version, len(live), time.monotonic() - started))
            for name, r in live.items():
                if 'error' in r:
                    failures.append('lighthouse on %s: %s' % (name, r['error']))
                elif r['runtimeError']:
                    failures.append('lighthouse on %s: runtime error %s' % (name, r['runtimeError']))
            if args.record and any('error' in r or r['runtimeError'] for r in live.values()):
                failures.append('nothing recorded: Lighthouse did not judge every page')
            elif args.record:
                pages = {}
                if args.pages:  # merged into the full run's
                    with open(RECORDED, encoding='utf-8') as f:
                        previous = json.load(f)
                    if previous['lighthouseVersion'] != version:
                        ap.error('recorded with Lighthouse %s, this is %s: record every page' % (previous['lighthouseVersion'], version))
                    pages = previous['pages']
                pages.update({name: {'score': r.get('score'), 'audits': r.get('audits')} for name, r in live.items()})
                recorded = {'lighthouseVersion': version,
                            'command': 'tests/seo-parity/parity.py --record (oracle.mjs: lighthouse URL --only-categories=seo '
                                       '--ignore-status-code, headless Chromium, mobile emulation)',
                            'pages': pages}
                with open(RECORDED, 'w', encoding='utf-8') as f:
                    json.dump(recorded, f, indent=1, sort_keys=True)
                    f.write('\n')
                print('recorded %s' % RECORDED)

        with open(RECORDED, encoding='utf-8') as f:
            recorded = json.load(f)
        print('recorded verdicts: Lighthouse %s' % recorded['lighthouseVersion'])

        # Live Lighthouse must still give the recorded verdicts.
        for name, r in sorted(live.items()):
            if 'audits' not in r:
                continue
            want = recorded['pages'].get(name)
            if not want:
                failures.append('%s: no recorded Lighthouse verdicts (run --record)' % name)
                continue
            for a in AUDITS:
                if r['audits'][a] != want['audits'][a]:
                    failures.append('%s %s: Lighthouse now says %s, recorded %s' % (name, a, r['audits'][a], want['audits'][a]))

        if not args.luxctl:
            return finish(failures)

        # luxctl against the recorded verdicts, on every page.
        documented = {(d['page'], d['audit']): d for d in corpus.manifest.get('disagreements', [])}
        agree = total = 0
        seen = set()
        score_rows = []
        for page in corpus.pages:
            name = page['name']
            want = recorded['pages'].get(name)
            if not want:
                failures.append('%s: no recorded Lighthouse verdicts (run --record)' % name)
                continue
            got = ours.get(name)
            page_agrees = bool(got)
            for a in AUDITS:
                total += 1
                if got and got['audits'][a] == want['audits'][a]:
                    agree += 1
                    continue
                page_agrees = False
                mine = got['audits'][a] if got else 'no answer'
                d = documented.get((name, a))
                if d and d['lighthouse'] == want['audits'][a] and d['ours'] == mine:
                    seen.add((name, a))
                    print('documented disagreement: %s %s: ours %s, Lighthouse %s (%s)' % (name, a, mine, want['audits'][a], d['reason']))
                else:
                    failures.append('%s %s: ours %s, Lighthouse %s (not a documented disagreement)' % (name, a, mine, want['audits'][a]))
            if got:
                lh_score = None if want['score'] is None else round(want['score'] * 100)
                score_rows.append((name, got['score'], lh_score, page_agrees))
        for key in sorted(set(documented) - seen):
            failures.append('documented disagreement %s %s no longer happens: take it out of manifest.json and docs/SEO.md' % key)
        share = agree / total if total else 0
        print('agreement: %d of %d page x audit cells (%.1f %%), %d documented disagreement(s)' % (agree, total, 100 * share, len(seen)))
        if share < THRESHOLD:
            failures.append('agreement %.1f %% is below %.0f %%' % (100 * share, 100 * THRESHOLD))
        # The category score follows from the verdicts: with the same verdicts it must be the same.
        same = sum(1 for _, mine, theirs, _ in score_rows if mine == theirs)
        print('category score: equal to Lighthouse\'s on %d of %d pages' % (same, len(score_rows)))
        for name, mine, theirs, page_agrees in score_rows:
            if mine != theirs:
                print('  %s: ours %s, Lighthouse %s%s' % (name, mine, theirs, '' if page_agrees else ' (verdicts differ)'))
                if page_agrees:
                    failures.append('%s: score %s, Lighthouse %s, with the same verdicts' % (name, mine, theirs))
    finally:
        corpus.stop()
    return finish(failures)


def finish(failures):
    for f in failures:
        print('FAIL: ' + f)
    print('PASS' if not failures else 'FAILED (%d)' % len(failures))
    return 0 if not failures else 1


if __name__ == '__main__':
    sys.exit(main())
