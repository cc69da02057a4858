// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio's request signature (app/edge/twilio/signature): Twilio's published test vectors (the
// security docs' example, twilio-python's RequestValidator tests with their port and JSON-body
// cases, twilio-node's webhook tests), and every kind of tampering refused.
#include "twilio/signature.h"

#include <QCryptographicHash>
#include <QTest>

using namespace lux;

namespace {
const QString kDocsUrl = QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2");
const QByteArray kToken = "12345";

twilio::FormParams docsParams()
{
    return {{QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
            {QStringLiteral("Caller"), QStringLiteral("+12349013030")},
            {QStringLiteral("Digits"), QStringLiteral("1234")},
            {QStringLiteral("From"), QStringLiteral("+12349013030")},
            {QStringLiteral("To"), QStringLiteral("+18005551212")}};
}

// twilio-python tests/unit/test_request_validator.py: the same call with another caller number.
twilio::FormParams pythonParams()
{
    return {{QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
            {QStringLiteral("Digits"), QStringLiteral("1234")},
            {QStringLiteral("From"), QStringLiteral("+14158675309")},
            {QStringLiteral("To"), QStringLiteral("+18005551212")},
            {QStringLiteral("Caller"), QStringLiteral("+14158675309")}};
}
} // namespace

class TestTwilioSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void docsVector();
    void pythonVectors();
    void repeatedParameters();
    void ports_data();
    void ports();
    void jsonBody();
    void tampering();
    void nodeUrlCases();
    void parseForm();
};

void TestTwilioSignature::docsVector()
{
    // twilio.com/docs/usage/webhooks/webhooks-security (provider-contracts.md §2.4).
    QCOMPARE(twilio::sign(kToken, kDocsUrl, docsParams()), QByteArray("0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    QVERIFY(twilio::verify(kToken, kDocsUrl, docsParams(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    // The order the parameters arrive in does not matter: they are sorted.
    twilio::FormParams reversed = docsParams();
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(twilio::verify(kToken, kDocsUrl, reversed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
}

void TestTwilioSignature::pythonVectors()
{
    QCOMPARE(twilio::sign(kToken, kDocsUrl, pythonParams()), QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    QVERIFY(twilio::verify(kToken, kDocsUrl, pythonParams(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
}

void TestTwilioSignature::repeatedParameters()
{
    // test_compute_signature_duplicate_multi_dict: a name's values sorted, each signed after it.
    const twilio::FormParams params{{QStringLiteral("Sid"), QStringLiteral("CA123")},
                                    {QStringLiteral("SidAccount"), QStringLiteral("AC123")},
                                    {QStringLiteral("Digits"), QStringLiteral("5678")},
                                    {QStringLiteral("Digits"), QStringLiteral("1234")}};
    QCOMPARE(twilio::sign(kToken, kDocsUrl, params), QByteArray("IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    // As a form body, the way it arrives.
    QCOMPARE(twilio::sign(kToken, kDocsUrl, twilio::parseForm("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234")),
             QByteArray("IK+Dwps556ElfBT0I3Rgjkr1wJU="));
}

void TestTwilioSignature::ports_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("signature");
    // twilio-python: the URL the server sees, and the signature Twilio sent.
    QTest::newRow("removes a port on https") << QStringLiteral("https://mycompany.com:1234/myapp.php?foo=1&bar=2")
                                             << QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    QTest::newRow("keeps a port on http") << QStringLiteral("http://mycompany.com:1234/myapp.php?foo=1&bar=2")
                                          << QByteArray("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
    QTest::newRow("adds 443 on https") << kDocsUrl << QByteArray("kvajT1Ptam85bY51eRf/AJRuM3w=");
    QTest::newRow("adds 80 on http") << QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2")
                                     << QByteArray("0ZXoZLH/DfblKGATFgpif+LLRf4=");
}

void TestTwilioSignature::ports()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, signature);
    QVERIFY(twilio::verify(kToken, url, pythonParams(), signature));
    QVERIFY(!twilio::verify("54321", url, pythonParams(), signature));
}

void TestTwilioSignature::jsonBody()
{
    // twilio-python test_compute_hash_unicode and test_validation_of_body_succeeds.
    const QByteArray body = "{\"property\": \"value\", \"boolean\": true}";
    const QByteArray hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    QCOMPARE(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex(), hash);
    const QString url = kDocsUrl + QStringLiteral("&bodySHA256=") + QString::fromLatin1(hash);
    QVERIFY(twilio::verifyJson(kToken, url, body, "a9nBmqA0ju/hNViExpshrM61xv4="));
    // The body changed, the hash in the URL changed, the signature changed: each refused.
    QVERIFY(!twilio::verifyJson(kToken, url, QByteArray(body + ' '), "a9nBmqA0ju/hNViExpshrM61xv4="));
    QVERIFY(!twilio::verifyJson(kToken, kDocsUrl + QStringLiteral("&bodySHA256=") + QString::fromLatin1(hash).replace(0, 1, u'1'), body,
                                "a9nBmqA0ju/hNViExpshrM61xv4="));
    QVERIFY(!twilio::verifyJson(kToken, url, body, "a9nBmqA0ju/hNViExpshrM61xv5="));
    QVERIFY(!twilio::verifyJson(kToken, kDocsUrl, body, twilio::sign(kToken, kDocsUrl, {}))); // no bodySHA256 at all
    // twilio/api-snippets signature_validation_json: the hash of its example body.
    QCOMPARE(QCryptographicHash::hash("{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+12349013030\"}", QCryptographicHash::Sha256).toHex(),
             QByteArray("5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9"));
}

void TestTwilioSignature::tampering()
{
    const QByteArray good = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    QVERIFY(twilio::verify(kToken, kDocsUrl, docsParams(), good));
    // Another URL: path, query value, host, scheme.
    QVERIFY(!twilio::verify(kToken, QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=3"), docsParams(), good));
    QVERIFY(!twilio::verify(kToken, QStringLiteral("https://mycompany.com/other.php?foo=1&bar=2"), docsParams(), good));
    QVERIFY(!twilio::verify(kToken, QStringLiteral("https://evil.example/myapp.php?foo=1&bar=2"), docsParams(), good));
    QVERIFY(!twilio::verify(kToken, QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2"), docsParams(), good));
    // A parameter changed, dropped or added.
    twilio::FormParams changed = docsParams();
    changed[2].second = QStringLiteral("1235");
    QVERIFY(!twilio::verify(kToken, kDocsUrl, changed, good));
    QVERIFY(!twilio::verify(kToken, kDocsUrl, docsParams().mid(1), good));
    QVERIFY(!twilio::verify(kToken, kDocsUrl, docsParams() << qMakePair(QStringLiteral("Body"), QStringLiteral("STOP")), good));
    // The signature changed in one character, cut, empty; another token.
    for (qsizetype i = 0; i < good.size() - 1; ++i) { // the last is '='
        QByteArray bad = good;
        bad[i] = bad[i] == 'A' ? 'B' : 'A';
        QVERIFY2(!twilio::verify(kToken, kDocsUrl, docsParams(), bad), bad.constData());
    }
    QVERIFY(!twilio::verify(kToken, kDocsUrl, docsParams(), good.left(27)));
    QVERIFY(!twilio::verify(kToken, kDocsUrl, docsParams(), {}));
    QVERIFY(!twilio::verify({}, kDocsUrl, docsParams(), twilio::sign({}, kDocsUrl, docsParams()))); // no token never verifies
    QVERIFY(!twilio::verify("123456", kDocsUrl, docsParams(), good));
}

void TestTwilioSignature::nodeUrlCases()
{
    // twilio-node spec/unit/webhooks/webhooks.spec.js, token "s3cr3t": the URL signed, the URL seen.
    const QByteArray token = "s3cr3t";
    const auto accepts = [&](const char *signedUrl, const char *seenUrl) {
        return twilio::verify(token, QString::fromLatin1(seenUrl), {}, twilio::sign(token, QString::fromLatin1(signedUrl), {}));
    };
    QVERIFY(!accepts("https://example.com/path?test=param", "https://example.com/path?test=param2"));
    QVERIFY(accepts("https://example.com:443/path?test=param", "https://example.com:443/path?test=param"));
    QVERIFY(accepts("https://example.com:443/path?test=param", "https://example.com/path?test=param"));
    QVERIFY(accepts("https://example.com/path?test=param", "https://example.com/path?test=param"));
    QVERIFY(accepts("https://example.com/path?test=param", "https://example.com:443/path?test=param"));
    QVERIFY(accepts("https://example.com/path?test=param'WithQuote", "https://example.com/path?test=param'WithQuote"));
    QVERIFY(accepts("https://example.com/path?test=param%27WithQuote", "https://example.com/path?test=param%27WithQuote"));
}

void TestTwilioSignature::parseForm()
{
    const twilio::FormParams p = twilio::parseForm("Body=Stop+texting+me%21&From=%2B15551234567&Empty=&Flag&Body=%C3%A9");
    QCOMPARE(p.size(), 5);
    QCOMPARE(p[0], qMakePair(QStringLiteral("Body"), QStringLiteral("Stop texting me!")));
    QCOMPARE(p[1], qMakePair(QStringLiteral("From"), QStringLiteral("+15551234567")));
    QCOMPARE(p[2], qMakePair(QStringLiteral("Empty"), QString()));
    QCOMPARE(p[3].first, QStringLiteral("Flag"));
    QCOMPARE(p[4].second, QStringLiteral("\u00e9"));
}

QTEST_GUILESS_MAIN(TestTwilioSignature)
#include "tst_twiliosignature.moc"
