// SPDX-License-Identifier: GPL-3.0-or-later
// InboundClassifier over the corpus in tests/data/inbound: every message classified as the manifest
// (expected.json) says, with its fields; and hostile input that must end quickly with an error or Other.
#include "common/errorcodes.h"
#include "mailbox/inboundclassifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace lux::mailbox;

namespace {

QString corpusDir()
{
    return QStringLiteral(LUX_TEST_DATA_DIR "/inbound");
}

QJsonArray manifest()
{
    QFile f(corpusDir() + QStringLiteral("/expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

} // namespace

class TestInboundClassifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestCoversCorpus();
    void corpus_data();
    void corpus();
    void hostile_data();
    void hostile();
    void truncatedCorpusEndsQuickly();
};

// Every .eml has a manifest row and every row a file, so a file cannot be skipped silently.
void TestInboundClassifier::manifestCoversCorpus()
{
    const QJsonArray rows = manifest();
    QVERIFY(rows.size() >= 30);
    QStringList listed;
    for (const QJsonValue &v : rows)
        listed.append(v.toObject().value(QStringLiteral("file")).toString());
    QStringList files = QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    listed.sort();
    QCOMPARE(listed, files);
}

void TestInboundClassifier::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue &v : manifest()) {
        const QJsonObject o = v.toObject();
        const QString file = o.value(QStringLiteral("file")).toString();
        QTest::newRow(qPrintable(file)) << file << o;
    }
}

void TestInboundClassifier::corpus()
{
    QFETCH(QString, file);
    QFETCH(QJsonObject, expected);
    QFile f(corpusDir() + u'/' + file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const auto r = InboundClassifier::classify(f.readAll());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().code + u' ' + r.error().message));
    const auto field = [&](const char *key) { return expected.value(QLatin1String(key)).toString(); };
    QCOMPARE(className(r->kind), field("class"));
    QCOMPARE(r->recipient, field("recipient"));
    QCOMPARE(r->originalRecipient, field("originalRecipient"));
    QCOMPARE(r->status, field("status"));
    QCOMPARE(r->originalMessageId, field("messageId"));
    QCOMPARE(r->sender, field("sender"));
    QCOMPARE(r->unsubscribeToken, field("token"));
    QVERIFY(r->diagnostic.size() <= InboundClassifier::kMaxDiagnosticChars);
    if (expected.contains(QStringLiteral("diagnostic")))
        QVERIFY2(r->diagnostic.contains(field("diagnostic")), qPrintable(r->diagnostic));
    QVERIFY(!r->rule.isEmpty());
    // The status's class agrees with hard and soft: 5.x.x is hard except a full mailbox (X.2.2).
    if (r->kind == InboundClass::HardBounce)
        QVERIFY2(r->status.isEmpty() || (r->status.startsWith(u'5') && !r->status.endsWith(u".2.2")), qPrintable(r->status));
    if (r->kind == InboundClass::SoftBounce)
        QVERIFY2(r->status.isEmpty() || r->status.startsWith(u'4') || r->status.sliced(1) == u".2.2", qPrintable(r->status));
}

void TestInboundClassifier::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("errorCode"); // empty: must be classified Other

    QTest::newRow("over the size limit") << QByteArray(InboundClassifier::kMaxBytes + 1, 'a') << QString(lux::errc::inboundTooLarge);

    QByteArray deep = "From: x@example.com\r\nSubject: deep\r\n";
    for (int i = 0; i < 10000; ++i)
        deep += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
    QTest::newRow("10,000 nested multiparts") << deep << QString(lux::errc::inboundTooComplex);

    QByteArray rfc822 = "From: x@example.com\r\n";
    for (int i = 0; i < 10000; ++i)
        rfc822 += "Content-Type: message/rfc822\r\n\r\n";
    QTest::newRow("10,000 nested message/rfc822") << rfc822 << QString(lux::errc::inboundTooComplex);

    // Just over the Content-Type limit, though shallow: the limit counts lines, not depth.
    QByteArray wide = "From: x@example.com\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n";
    for (int i = 0; i < InboundClassifier::kMaxContentTypes; ++i)
        wide += "--w\r\nContent-Type: text/plain\r\n\r\npart\r\n";
    wide += "--w--\r\n";
    QTest::newRow("65 parts") << wide << QString(lux::errc::inboundTooComplex);

    QTest::newRow("truncated report") << QByteArray("From: MAILER-DAEMON@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                                                    "Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n"
                                                    "--x\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a\r\n\r\nFinal-Recip")
                                      << QString();
    QTest::newRow("truncated header") << QByteArray("From: someone@example.com\r\nContent-Type: multipart/mixed; bound") << QString();
    QTest::newRow("empty") << QByteArray() << QString();

    QRandomGenerator rng(14);
    QByteArray garbage(1 << 20, Qt::Uninitialized);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    QTest::newRow("binary garbage") << garbage << QString();

    QTest::newRow("one 9 MiB header line") << QByteArray("Subject: ") + QByteArray(9 * 1024 * 1024, 'x') + "\r\n\r\nbody" << QString();
    QTest::newRow("9 MiB of boundary lines") << QByteArray("Content-Type: multipart/mixed\r\n\r\n") + QByteArray(9 * 1024 * 1024 / 4, '\n').replace("\n", "\n--\n")
                                             << QString();
}

void TestInboundClassifier::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, errorCode);
    QElapsedTimer timer;
    timer.start();
    const auto r = InboundClassifier::classify(input);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    if (errorCode.isEmpty()) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().code));
        QCOMPARE(className(r->kind), QStringLiteral("other"));
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, errorCode);
        QVERIFY(!r.error().message.isEmpty());
    }
}

// Every corpus message cut at every tenth of its length: no crash, bounded time and fields.
void TestInboundClassifier::truncatedCorpusEndsQuickly()
{
    int classified = 0;
    for (const QString &name : QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files)) {
        QFile f(corpusDir() + u'/' + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        for (int tenth = 1; tenth < 10; ++tenth) {
            QElapsedTimer timer;
            timer.start();
            const auto r = InboundClassifier::classify(all.left(all.size() * tenth / 10));
            QVERIFY(timer.elapsed() < 2000);
            if (r.ok()) {
                ++classified;
                QVERIFY(r->diagnostic.size() <= InboundClassifier::kMaxDiagnosticChars);
            }
        }
    }
    QVERIFY(classified > 0);
}

QTEST_GUILESS_MAIN(TestInboundClassifier)
#include "tst_inboundclassifier.moc"
