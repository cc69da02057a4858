// SPDX-License-Identifier: GPL-3.0-or-later
// Event tickets (issue 18): a ticket is a signed token of its own purpose (no open, click or
// unsubscribe token passes for one; a changed character or another ring's key fails), read back
// from what a scanner types; its QR code is a PNG that a real decoder (zbarimg, Debian zbar-tools)
// reads back to the same text.
#include "events/ticket.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lux;
using namespace lux::events;
using lux::test::errorText;

class TestTicket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signedAndReadBack();
    void othersAreRefused();
    void qrCodeDecodesToTheTicket();

private:
    tracking::TokenCodec m_codec{*tracking::KeyRing::parse(tracking::KeyRing::generate(3))};
};

void TestTicket::signedAndReadBack()
{
    const QString code = Ticket::sign(m_codec, {12, 3456});
    QVERIFY(code.size() <= tracking::TokenCodec::kMaxChars);
    const auto claims = Ticket::read(m_codec, code);
    QVERIFY(claims);
    QCOMPARE(claims->event, 12u);
    QCOMPARE(claims->registration, 3456u);
    // A USB scanner types the code and presses Enter; a person may paste it with spaces.
    QVERIFY(Ticket::read(m_codec, QStringLiteral("  %1\r\n").arg(code)));
}

void TestTicket::othersAreRefused()
{
    const QString code = Ticket::sign(m_codec, {12, 3456});
    QString changed = code;
    changed[changed.size() / 2] = changed.at(changed.size() / 2) == u'A' ? u'B' : u'A';
    QVERIFY(!Ticket::read(m_codec, changed));
    // The same numbers as an unsubscribe token: not a ticket.
    tracking::Claims unsubscribe;
    unsubscribe.purpose = tracking::Purpose::Unsubscribe;
    unsubscribe.campaign = 12;
    unsubscribe.recipient = 3456;
    QVERIFY(!Ticket::read(m_codec, m_codec.sign(unsubscribe)));
    // Another database's keys.
    const tracking::TokenCodec other(*tracking::KeyRing::parse(tracking::KeyRing::generate(3)));
    QVERIFY(!Ticket::read(other, code));
    QVERIFY(!Ticket::read(m_codec, QString()));
    QVERIFY(!Ticket::read(m_codec, QString(200, u'A')));
    QVERIFY(!Ticket::read(m_codec, QStringLiteral("ana@example.com")));
}

void TestTicket::qrCodeDecodesToTheTicket()
{
    const QString code = Ticket::sign(m_codec, {7, 42});
    const auto png = Ticket::qrPng(code, 6);
    QVERIFY2(png, errorText(png).constData());
    QVERIFY(png->startsWith("\x89PNG\r\n\x1a\n"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ticket.png"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(*png);
    f.close();
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), path}); // packaging/install-deps.sh
    QVERIFY2(zbar.waitForFinished(30'000), "zbarimg did not run (zbar-tools is installed by packaging/install-deps.sh)");
    QCOMPARE(zbar.exitCode(), 0);
    QCOMPARE(QString::fromLatin1(zbar.readAllStandardOutput()).trimmed(), code);
}

LUX_TEST_MAIN(TestTicket, QCoreApplication)
#include "tst_ticket.moc"
