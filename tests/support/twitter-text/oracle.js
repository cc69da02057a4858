// SPDX-License-Identifier: GPL-3.0-or-later
// The oracle tst_xtextparity asks: twitter-text 3.1.0's own parseTweet and URL extractor over the
// texts in a JSON file (an array of {"text", "max"?}), one JSON answer per text on standard output.
'use strict';
const fs = require('fs');
const twitter = require('twitter-text');

const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answers = texts.map(({ text, max }) => {
    const config = max ? Object.assign({}, twitter.configs.defaults, { maxWeightedTweetLength: max }) : undefined;
    const r = twitter.parseTweet(text, config);
    const urls = twitter.extractUrlsWithIndices(text.normalize()).map(u => ({ url: u.url, start: u.indices[0], end: u.indices[1] }));
    return { weighted: r.weightedLength, valid: r.valid, permillage: r.permillage, validRangeEnd: r.validRangeEnd, urls };
});
fs.writeFileSync(process.argv[3], JSON.stringify(answers));
