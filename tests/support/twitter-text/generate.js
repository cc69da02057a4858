// SPDX-License-Identifier: GPL-3.0-or-later
// Writes app/social/xtextpatterns.cpp: the regular expressions twitter-text 3.1.0 counts X's length
// with (its URL extractor and twemoji-parser 11.0.2's emoji regex), translated from JavaScript's
// UTF-16 syntax to PCRE2's code-point syntax for QRegularExpression. Nothing is copied by hand: the
// patterns are read from the pinned packages, and each translation is checked here against the
// original over a corpus before anything is written. A developer's tool, run after `npm ci` in
// this folder:  node generate.js ../../../app/social/xtextpatterns.cpp
'use strict';
const fs = require('fs');
const path = require('path');

const emoji = require('twemoji-parser/dist/lib/regex.js').default;
const regexp = name => require('twitter-text/dist/regexp/' + name);
const sources = {
    url: regexp('extractUrl'),
    asciiDomain: regexp('validAsciiDomain'),
    tco: regexp('validTcoUrl'),
    emoji,
};

const isHigh = u => u >= 0xd800 && u <= 0xdbff;
const isLow = u => u >= 0xdc00 && u <= 0xdfff;
const fromPair = (h, l) => 0x10000 + ((h - 0xd800) << 10) + (l - 0xdc00);

// Tokens: {t:'cp', v} a literal code unit, {t:'class', neg, items:[[lo,hi]...]}, {t:'meta', s}.
function tokenize(src) {
    const out = [];
    let i = 0;
    const unit = () => {
        if (src[i] !== '\\') return src.charCodeAt(i++);
        const c = src[i + 1];
        if (c === 'u') { const v = parseInt(src.substr(i + 2, 4), 16); i += 6; return v; }
        if (c === 'x') { const v = parseInt(src.substr(i + 2, 2), 16); i += 4; return v; }
        if (/[A-Za-z0-9]/.test(c)) throw new Error('unsupported escape \\' + c + ' at ' + i);
        i += 2;
        return c.charCodeAt(0);
    };
    while (i < src.length) {
        const c = src[i];
        if (c === '[') {
            i++;
            const neg = src[i] === '^';
            if (neg) i++;
            const items = [];
            while (src[i] !== ']') {
                const lo = unit();
                if (src[i] === '-' && src[i + 1] !== ']') { i++; items.push([lo, unit()]); }
                else items.push([lo, lo]);
            }
            i++;
            out.push({ t: 'class', neg, items });
        } else if (c === '(') {
            const m = /^\((\?[:!=])?/.exec(src.slice(i));
            out.push({ t: 'meta', s: m[0] });
            i += m[0].length;
        } else if (c === '{') {
            const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
            if (!m) throw new Error('bad quantifier at ' + i);
            out.push({ t: 'meta', s: m[0] });
            i += m[0].length;
        } else if (')|?*+^$'.includes(c)) {
            out.push({ t: 'meta', s: c });
            i++;
        } else if (c === '.') {
            throw new Error('unsupported . at ' + i);
        } else {
            out.push({ t: 'cp', v: unit() });
        }
    }
    return out;
}

const quantified = tok => tok && tok.t === 'meta' && /^[?*+{]/.test(tok.s);

// Joins UTF-16 surrogate pairs into code points: a high surrogate and a low one, a high surrogate
// and a class of low ones, a class of high ones and a class of low ones.
function joinPairs(tokens) {
    const out = [];
    for (let k = 0; k < tokens.length; k++) {
        const a = tokens[k], b = tokens[k + 1];
        const highs = a.t === 'cp' && isHigh(a.v) ? [[a.v, a.v]]
            : a.t === 'class' && !a.neg && a.items.every(([lo, hi]) => isHigh(lo) && isHigh(hi)) ? a.items : null;
        if (!highs) {
            if (a.t === 'cp' && (isHigh(a.v) || isLow(a.v))) throw new Error('lone surrogate at token ' + k);
            if (a.t === 'class' && a.items.some(([lo, hi]) => lo <= 0xdfff && hi >= 0xd800))
                throw new Error('class mixing surrogates at token ' + k);
            out.push(a);
            continue;
        }
        if (quantified(b)) throw new Error('quantified high surrogate at token ' + k);
        const lows = b && b.t === 'cp' && isLow(b.v) ? [[b.v, b.v]]
            : b && b.t === 'class' && !b.neg && b.items.every(([lo, hi]) => isLow(lo) && isLow(hi)) ? b.items : null;
        if (!lows) throw new Error('high surrogate without a low one at token ' + k);
        const items = [];
        for (const [h1, h2] of highs) {
            for (const [l1, l2] of lows) {
                if (l1 === 0xdc00 && l2 === 0xdfff) items.push([fromPair(h1, l1), fromPair(h2, l2)]);
                else for (let h = h1; h <= h2; h++) items.push([fromPair(h, l1), fromPair(h, l2)]);
            }
        }
        out.push(items.length === 1 && items[0][0] === items[0][1] ? { t: 'cp', v: items[0][0] }
                                                                  : { t: 'class', neg: false, items });
        k++;
    }
    return out;
}

const hex = v => v.toString(16).toUpperCase();
function emit(tokens, style) {
    const lit = v => style === 'pcre' ? '\\x{' + hex(v) + '}' : '\\u{' + hex(v) + '}';
    const plain = v => (v < 0x80 && /[A-Za-z0-9]/.test(String.fromCharCode(v))) ? String.fromCharCode(v) : lit(v);
    return tokens.map(tok => {
        if (tok.t === 'meta') return tok.s;
        if (tok.t === 'cp') return plain(tok.v);
        return '[' + (tok.neg ? '^' : '') + tok.items.map(([lo, hi]) => lo === hi ? plain(lo) : plain(lo) + '-' + plain(hi)).join('') + ']';
    }).join('');
}

// A corpus that exercises every pattern: every emoji the regex knows, each alone, after text, in
// runs, with U+FE0E after it; URLs of many shapes around punctuation, scripts and emoji.
function corpus() {
    const out = [];
    const seen = new Set();
    for (let cp = 0x20; cp < 0x110000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const s = String.fromCodePoint(cp);
        if (emoji.source && new RegExp('^(?:' + emoji.source + ')').test(s)) seen.add(s);
    }
    const mods = ['\u{1F3FB}', '\u{1F3FF}', '\uFE0F', '\u200D\u2640\uFE0F', '\u200D\u{1F4BB}', '\u20E3', '\uFE0E'];
    const singles = [...seen];
    for (const s of singles) {
        out.push(s, 'a' + s + 'b', s + s, s + '\uFE0E');
        for (const m of mods) out.push(s + m);
    }
    const pieces = ['example.com', 'https://example.com/a_(b).', 'http://localhost:8080/x', 'www.example.com.',
        'a.co', 't.co/abc123', 'https://t.co/abcdefghijklmnopqrstuvwxyz0123456789abcdefghij', 'foo.bar',
        'https://例え.jp/パス', '例え.jp', 'xn--fsqu00a.xn--3lr804guic', 'example.com/path?q=1&r=2#frag',
        'user@example.com', '@example.com', '#example.com', '$example.com', '-example.com', '_example.com',
        'http://1.2.3.4/x', 'https://[::1]/', 'ftp://example.com', 'HTTPS://EXAMPLE.COM/UP', 'bit.ly/x',
        'example.co.uk', 'a.b', 'x.com?', 'sub.domain.example.museum/x/y', 'example.com:8080/p', 'n.ly',
        'https://example.com/' + 'a'.repeat(70), 'a'.repeat(64) + '.com', 'ñandú.com', 'https://ñandú.com/x',
        'example.com/ü/', 'example.com)', '(example.com)', 'example.com/(a)(b)', 'https://example.com/?a=(b)',
        '삼성.com', 'example.삼성', 'https://example.삼성/x', 'test.ポイント', '日本語example.com'];
    const glue = [' ', '', '.', ',', '\u3000', '\n', '🐱', 'é', '\u200E', '(', '"', '\'', ':', 'x'];
    for (const a of pieces) for (const g of glue) for (const b of [pieces[0], 'end', '😀', '']) out.push(a + g + b, g + a, b + g + a);
    return out;
}

function check(name, original, translated) {
    const strings = corpus();
    let compared = 0;
    for (const s of strings) {
        const a = [...s.matchAll(new RegExp(original.source, original.flags.includes('g') ? original.flags : original.flags + 'g'))];
        const b = [...s.matchAll(translated)];
        // Where each match ends. Starts and groups can differ where JavaScript's UTF-16 classes split a surrogate
        // pair that PCRE2 keeps whole (an emoji right before a domain); what is extracted in the end
        // is compared with twitter-text itself by tst_xtextparity.
        const key = ms => ms.map(m => m.index + m[0].length).join(',');
        if (key(a) !== key(b)) throw new Error(name + ': translation differs on ' + JSON.stringify(s) + ': ' + key(a) + ' vs ' + key(b));
        compared++;
    }
    return compared;
}

const output = process.argv[2];
if (!output) { console.error('usage: node generate.js OUTPUT.cpp'); process.exit(2); }
const lines = [];
for (const [name, re] of Object.entries(sources)) {
    const tokens = joinPairs(tokenize(re.source));
    // xtext.cpp shows the URL patterns each half of a surrogate pair as U+E000 or U+E001 (JavaScript
    // matches the halves one by one); that holds only while no class of theirs can match either.
    if (name !== 'emoji') {
        for (const tok of tokens) {
            if (tok.t === 'class' && tok.items.some(([lo, hi]) => lo <= 0xe001 && hi >= 0xe000))
                throw new Error(name + ': a class holds U+E000 or U+E001');
        }
    }
    const pcre = emit(tokens, 'pcre');
    const js = new RegExp(emit(tokens, 'js'), (re.flags.includes('g') ? re.flags : re.flags + 'g') + 'u');
    const n = check(name, re, js);
    console.error(`${name}: ${re.source.length} → ${pcre.length} characters, same matches on ${n} strings`);
    const chunks = pcre.match(/.{1,96}/g).map(c => '    u"' + c.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"');
    const caseless = re.flags.includes('i');
    lines.push(`// ${name}: ${caseless ? 'case-insensitive' : 'case-sensitive'}\nconst char16_t *const k${name[0].toUpperCase() + name.slice(1)}Pattern =\n` +
        chunks.join('\n') + ';');
}
const versions = ['twitter-text', 'twemoji-parser'].map(p => p + ' ' + require(p + '/package.json').version).join(', ');
fs.writeFileSync(output, `// SPDX-License-Identifier: GPL-3.0-or-later
// GENERATED by tests/support/twitter-text/generate.js from ${versions}: do not edit.
// The patterns twitter-text counts a post's length with, in PCRE2's code-point syntax. twitter-text
// is Copyright 2018 Twitter, Inc. (Apache License 2.0); twemoji-parser Copyright Twitter Inc. (MIT).
#include "social/xtextpatterns.h"

namespace lux::social::xpatterns {

${lines.join('\n\n')}

} // namespace lux::social::xpatterns
`);
console.error('wrote ' + path.resolve(output));
