// SPDX-License-Identifier: GPL-3.0-or-later
// Parity with twitter-text itself: the published library (npm twitter-text 3.1.0 with
// twemoji-parser 11.0.2, pinned in tests/support/twitter-text/package-lock.json and installed by
// the test's fixture) counts the same texts, and every number must agree: the weighted length,
// validity, permillage, the valid range's end and each URL with where it is. The texts are the
// data-driven cases and thousands more made from a fixed seed out of the pieces that make the rules
// hard: scripts on both sides of the weight ranges, combining marks, emoji of every age with skin
// tones, ZWJ, FE0E/FE0F, flags and keycaps, URLs with and without schemes around punctuation.
#include "social/xtext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lux::social;

namespace {

const QString kOracleDir = QStringLiteral(LUX_BINARY_DIR "/twitter-text");

QStringList pieces()
{
    return {
        // Latin, punctuation, spaces and controls.
        QStringLiteral("hello"), QStringLiteral("World"), QStringLiteral(" "), QStringLiteral("  "), QStringLiteral("."),
        QStringLiteral(","), QStringLiteral("!"), QStringLiteral("?"), QStringLiteral("\n"), QStringLiteral("\t"),
        QStringLiteral("("), QStringLiteral(")"), QStringLiteral("-"), QStringLiteral("_"), QStringLiteral("/"),
        QStringLiteral("@user"), QStringLiteral("#tag"), QStringLiteral("$CASH"), QStringLiteral("&"), QStringLiteral("'"),
        QStringLiteral("\""), QStringLiteral(":"), QStringLiteral("x"), QStringLiteral("0123"),
        // Other scripts, on both sides of U+10FF, and the punctuation ranges.
        QStringLiteral("日本語"), QStringLiteral("中文"), QStringLiteral("한국어"), QStringLiteral("あいう"),
        QStringLiteral("Привет"), QStringLiteral("مرحبا"), QStringLiteral("שלום"), QStringLiteral("हिन्दी"),
        QStringLiteral("ไทย"), QStringLiteral("Ελλάδα"), QStringLiteral("\u10FF"), QStringLiteral("\u1100"),
        QStringLiteral("\u1E8D"), QStringLiteral("“"), QStringLiteral("”"), QStringLiteral("—"), QStringLiteral("…"),
        QStringLiteral("‰"), QStringLiteral("′"), QStringLiteral("\u2028"), QStringLiteral("\u200B"),
        QStringLiteral("\u200E"), QStringLiteral("\u202E"), QStringLiteral("\u3000"), QStringLiteral("Ｈｉ"),
        QStringLiteral("\U0001D400"), QStringLiteral("\U00020000"),
        // Combining marks and what NFC does with them.
        QStringLiteral("e\u0301"), QStringLiteral("A\u030A"), QStringLiteral("\u0308"), QStringLiteral("\u0301"),
        QStringLiteral("\u1100\u1161"), QStringLiteral("\u05E9\u05BC\u05C1"), QStringLiteral("x\u0308\u0301"),
        QStringLiteral("\u0958"),
        // Emoji: old and new, modifiers, ZWJ, selectors, flags, tags, keycaps.
        QStringLiteral("😀"), QStringLiteral("🐱"), QStringLiteral("👍"), QStringLiteral("🏽"), QStringLiteral("🏻"),
        QStringLiteral("\u200D"), QStringLiteral("\uFE0F"), QStringLiteral("\uFE0E"), QStringLiteral("👨"),
        QStringLiteral("👩"), QStringLiteral("👧"), QStringLiteral("💻"), QStringLiteral("🔧"), QStringLiteral("🧑"),
        QStringLiteral("❤"), QStringLiteral("🔥"), QStringLiteral("🏳"), QStringLiteral("🌈"), QStringLiteral("🇪"),
        QStringLiteral("🇸"), QStringLiteral("🇫🇷"), QStringLiteral("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), QStringLiteral("1"),
        QStringLiteral("\u20E3"), QStringLiteral("#️⃣"), QStringLiteral("©"), QStringLiteral("™"), QStringLiteral("☺"),
        QStringLiteral("👨‍👩‍👧‍👦"), QStringLiteral("🏳️‍🌈"), QStringLiteral("❤️‍🔥"), QStringLiteral("🧔‍♂️"),
        QStringLiteral("🥲"), QStringLiteral("🫠"), QStringLiteral("👩🏾‍🚀"), QStringLiteral("🤷🏻‍♀️"),
        QStringLiteral("♀"), QStringLiteral("⚕"), QStringLiteral("✈"), QStringLiteral("🕴"), QStringLiteral("⛹"),
        // URLs and near-URLs.
        QStringLiteral("example.com"), QStringLiteral("https://example.com"), QStringLiteral("http://example.org/a_(b)"),
        QStringLiteral("www.example.co.uk/path?q=1&r=2#f"), QStringLiteral("t.co/abc"), QStringLiteral("a.co"),
        QStringLiteral("https://t.co/abcdef"), QStringLiteral("foo.bar"), QStringLiteral("example.notatld"),
        QStringLiteral("https://例え.jp/パス"), QStringLiteral("例え.jp"), QStringLiteral("http://localhost:8080/x"),
        QStringLiteral("https://192.168.0.1/"), QStringLiteral("user@example.com"), QStringLiteral("HTTPS://EXAMPLE.COM"),
        QStringLiteral("bit.ly/x"), QStringLiteral("ñandú.com"), QStringLiteral("https://ñandú.com"),
        QStringLiteral("xn--fsqu00a.xn--3lr804guic"), QStringLiteral("example.com:8080/p"),
        QStringLiteral("https://example.com/") + QString(60, u'a'), QString(64, u'a') + QStringLiteral(".com"),
        QStringLiteral("sub.domain.example.museum"), QStringLiteral("ftp://example.com"), QStringLiteral("example.삼성"),
        QStringLiteral("https://example.com/ü/"), QStringLiteral("example.com."), QStringLiteral("\uFEFF"),
    };
}

QJsonArray generate(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    const QStringList all = pieces();
    QJsonArray texts;
    for (int i = 0; i < count; ++i) {
        QString text;
        // Mostly short texts; some long ones around the 280 boundary.
        const int n = i % 10 == 0 ? 60 + rng.bounded(120) : 1 + rng.bounded(12);
        for (int p = 0; p < n; ++p)
            text += all[rng.bounded(int(all.size()))];
        if (i % 50 == 0)
            text += QString(200 + rng.bounded(100), u'x');
        QJsonObject o{{QStringLiteral("text"), text}};
        if (i % 97 == 0)
            o.insert(QStringLiteral("max"), 25000);
        texts.append(o);
    }
    return texts;
}

} // namespace

class TestXTextParity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAsTwitterText();
};

void TestXTextParity::sameAsTwitterText()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!node.isEmpty(), "node is missing: packaging/install-deps.sh installs it");
    QVERIFY2(QFile::exists(kOracleDir + QStringLiteral("/node_modules/twitter-text/package.json")),
             "twitter-text is not installed: the xtext_oracle fixture installs it (ctest runs it first)");

    // The data-driven cases, then generated texts.
    QJsonArray texts;
    QFile cases(QStringLiteral(LUX_TEST_DATA_DIR "/twitter-text/cases.json"));
    QVERIFY(cases.open(QIODevice::ReadOnly));
    for (const QJsonValue &c : QJsonDocument::fromJson(cases.readAll()).array()) {
        QJsonObject o{{QStringLiteral("text"), c[QStringLiteral("text")]}};
        if (c[QStringLiteral("max")].isDouble())
            o.insert(QStringLiteral("max"), c[QStringLiteral("max")]);
        texts.append(o);
    }
    const quint32 seed = qEnvironmentVariableIsSet("LUX_PARITY_SEED") ? qEnvironmentVariableIntValue("LUX_PARITY_SEED") : 20261206u;
    const int count = qEnvironmentVariableIsSet("LUX_PARITY_TEXTS") ? qEnvironmentVariableIntValue("LUX_PARITY_TEXTS") : 6000;
    for (const QJsonValue &t : generate(seed, count))
        texts.append(t);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile in(dir.filePath(QStringLiteral("texts.json")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(QJsonDocument(texts).toJson(QJsonDocument::Compact));
    in.close();
    QProcess oracle;
    oracle.setWorkingDirectory(kOracleDir);
    oracle.start(node, {kOracleDir + QStringLiteral("/oracle.js"), in.fileName(), dir.filePath(QStringLiteral("answers.json"))});
    QVERIFY(oracle.waitForFinished(120'000));
    QVERIFY2(oracle.exitStatus() == QProcess::NormalExit && oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    QFile out(dir.filePath(QStringLiteral("answers.json")));
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QJsonArray answers = QJsonDocument::fromJson(out.readAll()).array();
    QCOMPARE(answers.size(), texts.size());

    int compared = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString text = texts[i][QStringLiteral("text")].toString();
        const int max = texts[i][QStringLiteral("max")].toInt(280);
        const QJsonObject a = answers[i].toObject();
        const XLength r = XText::parse(text, max);
        QJsonArray urls;
        for (const XUrl &u : r.urls)
            urls.append(QJsonObject{{QStringLiteral("url"), u.url}, {QStringLiteral("start"), int(u.span.start)}, {QStringLiteral("end"), int(u.span.end)}});
        const QJsonObject mine{{QStringLiteral("weighted"), r.weightedLength},
                               {QStringLiteral("valid"), r.valid},
                               {QStringLiteral("permillage"), r.permillage},
                               {QStringLiteral("validRangeEnd"), int(r.validRangeEnd)},
                               {QStringLiteral("urls"), urls}};
        if (mine != a) {
            QFAIL(qPrintable(QStringLiteral("text %1 (seed %2): %3\n  twitter-text: %4\n  LUX:          %5")
                                 .arg(i)
                                 .arg(seed)
                                 .arg(QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact)),
                                      QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)),
                                      QString::fromUtf8(QJsonDocument(mine).toJson(QJsonDocument::Compact)))));
        }
        ++compared;
    }
    QCOMPARE(compared, int(texts.size()));
    qInfo("%d texts counted the same as twitter-text 3.1.0", compared);
}

QTEST_GUILESS_MAIN(TestXTextParity)
#include "tst_xtextparity.moc"
