// SPDX-License-Identifier: GPL-3.0-or-later
// The MIME form of a campaign message: structure, headers, encodings, and the same bytes for the same
// input. The output is parsed back with vmime (as a receiving mail system would) and compared.
#include "content/mimemessage.h"
#include "testsupport.h"

#include <QTest>

#include <vmime/vmime.hpp>

using namespace lux::content;

class TestMimeMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structureAndHeaders();
    void roundTripsThroughAParser();
    void deterministic();
    void withoutImagesIsAlternativeOnly();

private:
    static MimeInput sample()
    {
        MimeInput in;
        in.fromName = QStringLiteral("Acmé News");
        in.fromAddress = QStringLiteral("news@acme.example");
        in.toName = QStringLiteral("Ana García");
        in.toAddress = QStringLiteral("ana@xn--bcher-kva.example");
        in.replyTo = QStringLiteral("hello@acme.example");
        in.subject = QStringLiteral("Spring news for Ana — 20% off ☀");
        in.html = QStringLiteral("<p>Hi Ana, ¿qué tal?</p>\n<p>") + QString(120, u'x') + QStringLiteral("</p><img src=\"cid:logo@lux\" alt=\"Acme\">");
        in.text = QStringLiteral("Hi Ana, ¿qué tal?\nSecond line\r\nThird line");
        in.images.append({QStringLiteral("logo@lux"), QStringLiteral("image/png"), QStringLiteral("logo.png"),
                          QByteArray("\x89PNG\r\n\x1a\n\x00\x01\x02", 11)});
        in.messageId = QStringLiteral("c12.r345@acme.example");
        in.date = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
        in.listUnsubscribeUrl = QStringLiteral("https://t.acme.example/u/abc");
        in.listUnsubscribeMailto = QStringLiteral("mailto:unsubscribe@acme.example?subject=abc");
        in.listId = QStringLiteral("Spring news <spring.acme.example>");
        in.extraHeaders.append({QByteArray("X-LUX-Campaign"), QStringLiteral("12")});
        return in;
    }
    static QByteArray headerBlock(const QByteArray &message) { return message.left(message.indexOf("\r\n\r\n")); }
};

void TestMimeMessage::structureAndHeaders()
{
    const QByteArray m = MimeMessage::build(sample());
    const QByteArray h = QByteArray(headerBlock(m)).replace("\r\n ", " ") + "\r\n"; // unfolded (RFC 5322 2.2.3)
    const QList<QByteArray> expected = {
        "From: =?utf-8?Q?Acm=C3=A9_News?= <news@acme.example>",
        "To: =?utf-8?Q?Ana_Garc=C3=ADa?= <ana@xn--bcher-kva.example>",
        "Reply-To: hello@acme.example",
        "Subject: =?utf-8?Q?Spring_news_for_Ana_=E2=80=94_20=25_off_=E2=98=80?=",
        "Date: Tue, 24 Nov 2026 09:30:00 +0000",
        "Message-Id: <c12.r345@acme.example>",
        "Mime-Version: 1.0",
        "List-Unsubscribe: <https://t.acme.example/u/abc>, <mailto:unsubscribe@acme.example?subject=abc>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "List-Id: Spring news <spring.acme.example>",
        "X-LUX-Campaign: 12",
    };
    for (const QByteArray &line : expected)
        QVERIFY2(h.contains(QByteArray(line + "\r\n")), line.constData());
    QVERIFY(h.contains("Content-Type: multipart/related;"));
    QVERIFY(h.contains("type=\"multipart/alternative\""));
    QVERIFY(!m.contains("\r\n\n") && !QByteArray(m).replace("\r\n", "").contains('\n')); // CRLF only
    for (const QByteArray &line : m.split('\n'))
        QVERIFY2(line.size() <= 999, line.left(60).constData()); // RFC 5322: 998 + CR
    QVERIFY(m.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"));
    QVERIFY(m.contains("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"));
    QVERIFY(m.contains("Content-Id: <logo@lux>"));
    QVERIFY(m.contains("Content-Disposition: inline; filename=logo.png"));
    // text before HTML: the last alternative is the preferred one.
    QVERIFY(m.indexOf("text/plain") < m.indexOf("text/html"));
}

void TestMimeMessage::roundTripsThroughAParser()
{
    const MimeInput in = sample();
    const QByteArray bytes = MimeMessage::build(in);
    vmime::message parsed;
    parsed.parse(std::string(bytes.constData(), size_t(bytes.size())));
    const auto header = parsed.getHeader();
    QCOMPARE(QString::fromStdString(header->Subject()->getValue<vmime::text>()->getConvertedText(vmime::charsets::UTF_8)), in.subject);
    const auto from = header->From()->getValue<vmime::mailbox>();
    QCOMPARE(QString::fromStdString(from->getName().getConvertedText(vmime::charsets::UTF_8)), in.fromName);
    QCOMPARE(QString::fromStdString(from->getEmail().toString()), in.fromAddress);
    QCOMPARE(QString::fromStdString(header->MessageId()->getValue<vmime::messageId>()->getId()), in.messageId);

    const auto body = parsed.getBody();
    QCOMPARE(QString::fromStdString(body->getContentType().generate()), QStringLiteral("multipart/related"));
    QCOMPARE(body->getPartCount(), size_t(2));
    const auto alternative = body->getPartAt(0)->getBody();
    QCOMPARE(QString::fromStdString(alternative->getContentType().generate()), QStringLiteral("multipart/alternative"));
    QCOMPARE(alternative->getPartCount(), size_t(2));
    const auto decoded = [](const std::shared_ptr<vmime::body> &b) {
        std::string out;
        vmime::utility::outputStreamStringAdapter os(out);
        b->getContents()->extract(os);
        return QString::fromUtf8(out.data(), qsizetype(out.size()));
    };
    QCOMPARE(decoded(alternative->getPartAt(0)->getBody()), QStringLiteral("Hi Ana, ¿qué tal?\r\nSecond line\r\nThird line"));
    QCOMPARE(decoded(alternative->getPartAt(1)->getBody()), QString(in.html).replace(QLatin1String("\n"), QLatin1String("\r\n")));
    const auto image = body->getPartAt(1);
    QCOMPARE(QString::fromStdString(image->getBody()->getContentType().generate()), QStringLiteral("image/png"));
    std::string imageBytes;
    vmime::utility::outputStreamStringAdapter os(imageBytes);
    image->getBody()->getContents()->extract(os);
    QCOMPARE(QByteArray(imageBytes.data(), qsizetype(imageBytes.size())), in.images.first().data);
}

void TestMimeMessage::deterministic()
{
    const QByteArray a = MimeMessage::build(sample());
    QCOMPARE(MimeMessage::build(sample()), a);
    MimeInput other = sample();
    other.messageId = QStringLiteral("c12.r346@acme.example");
    const QByteArray b = MimeMessage::build(other);
    QVERIFY(a != b);
    QVERIFY(!b.contains(a.mid(a.indexOf("=_lux_alt_"), 34))); // boundaries follow the Message-ID
}

void TestMimeMessage::withoutImagesIsAlternativeOnly()
{
    MimeInput in = sample();
    in.images.clear();
    in.toName.clear();
    in.listUnsubscribeUrl.clear();
    const QByteArray m = MimeMessage::build(in);
    QVERIFY(headerBlock(m).contains("Content-Type: multipart/alternative;"));
    QVERIFY(headerBlock(m).contains("\r\nTo: ana@xn--bcher-kva.example\r\n"));
    QVERIFY(!m.contains("multipart/related"));
    QVERIFY(!m.contains("List-Unsubscribe")); // only with a link to give
}

LUX_TEST_MAIN(TestMimeMessage, QCoreApplication)
#include "tst_mimemessage.moc"
