// SPDX-License-Identifier: GPL-3.0-or-later
// The MIME form of a campaign message: structure, headers, encodings, and the same bytes for the same
// input. The output is parsed back with vmime (as a receiving mail system would) and compared.
#include "content/mimemessage.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <vmime/contentTypeField.hpp>
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
    void quotedPrintableRules();
    void fastPathMatchesVmime();
    void mailtoAloneHasNoOneClick();
    void inviteIsAnAlternativeAndAnAttachment();

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

void TestMimeMessage::mailtoAloneHasNoOneClick()
{
    // Without a tracker there is no https address: List-Unsubscribe is the mailto: alone, and
    // List-Unsubscribe-Post (RFC 8058 needs an https URI) is left out, by both paths.
    MimeInput in = sample();
    in.listUnsubscribeUrl.clear();
    in.listUnsubscribeMailto = QStringLiteral("mailto:news+unsub-AQEDDAF8A6kVgEJ2ozM35LpnKxDdbw@acme.example");
    const QByteArray h = QByteArray(headerBlock(MimeMessage::build(in))).replace("\r\n ", " ");
    QVERIFY2(h.contains("\r\nList-Unsubscribe: <mailto:news+unsub-AQEDDAF8A6kVgEJ2ozM35LpnKxDdbw@acme.example>\r\n"), h.constData());
    QVERIFY(!h.contains("List-Unsubscribe-Post"));
    const QByteArray fast = MimeTemplate::prepare(in, true).render(in);
    QVERIFY(fast.contains("\r\nList-Unsubscribe: <mailto:news+unsub-AQEDDAF8A6kVgEJ2ozM35LpnKxDdbw@acme.example>\r\n"));
}

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

// An event's confirmation (issue 18): text, HTML and text/calendar;method=REQUEST as alternatives,
// the QR code inline, and the same invite attached as invite.ics, all inside multipart/mixed.
void TestMimeMessage::inviteIsAnAlternativeAndAnAttachment()
{
    MimeInput in = sample();
    in.calendar = QByteArrayLiteral("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:-//LUX//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    in.calendarMethod = QStringLiteral("REQUEST");
    const QByteArray bytes = MimeMessage::build(in);
    vmime::message parsed;
    parsed.parse(std::string(bytes.constData(), size_t(bytes.size())));
    const auto body = parsed.getBody();
    QCOMPARE(QString::fromStdString(body->getContentType().generate()), QStringLiteral("multipart/mixed"));
    QCOMPARE(body->getPartCount(), size_t(2));
    const auto related = body->getPartAt(0)->getBody();
    QCOMPARE(QString::fromStdString(related->getContentType().generate()), QStringLiteral("multipart/related"));
    const auto alternative = related->getPartAt(0)->getBody();
    QCOMPARE(alternative->getPartCount(), size_t(3));
    const auto calendar = alternative->getPartAt(2);
    QCOMPARE(QString::fromStdString(calendar->getBody()->getContentType().generate()), QStringLiteral("text/calendar"));
    const auto type = vmime::dynamicCast<vmime::contentTypeField>(calendar->getHeader()->ContentType());
    QCOMPARE(QString::fromStdString(type->getParameter("method")->getValue().getBuffer()), QStringLiteral("REQUEST"));
    const auto decoded = [](const std::shared_ptr<const vmime::body> &b) {
        std::string out;
        vmime::utility::outputStreamStringAdapter os(out);
        b->getContents()->extract(os);
        return QByteArray(out.data(), qsizetype(out.size()));
    };
    QCOMPARE(decoded(calendar->getBody()), in.calendar);
    const auto attachment = body->getPartAt(1);
    QCOMPARE(QString::fromStdString(attachment->getBody()->getContentType().generate()), QStringLiteral("application/ics"));
    QVERIFY(bytes.contains("Content-Disposition: attachment; filename=\"invite.ics\"") || bytes.contains("filename=invite.ics"));
    QCOMPARE(decoded(attachment->getBody()), in.calendar);
    QCOMPARE(MimeMessage::build(in), bytes); // still the same bytes every time
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
    in.listUnsubscribeMailto.clear();
    const QByteArray m = MimeMessage::build(in);
    QVERIFY(headerBlock(m).contains("Content-Type: multipart/alternative;"));
    QVERIFY(headerBlock(m).contains("\r\nTo: ana@xn--bcher-kva.example\r\n"));
    QVERIFY(!m.contains("multipart/related"));
    QVERIFY(!m.contains("List-Unsubscribe")); // only with an address to give
}

void TestMimeMessage::quotedPrintableRules()
{
    QCOMPARE(MimeMessage::quotedPrintable(QStringLiteral("a=b")), QByteArray("a=3Db"));
    QCOMPARE(MimeMessage::quotedPrintable(QStringLiteral("ab \nc\t")), QByteArray("ab=20\r\nc=09"));
    QCOMPARE(MimeMessage::quotedPrintable(QStringLiteral("é\r\n\r\nx")), QByteArray("=C3=A9\r\n\r\nx"));
    const QByteArray longLine = MimeMessage::quotedPrintable(QString(200, u'x') + QStringLiteral("é"));
    for (const QByteArray &line : longLine.split('\n'))
        QVERIFY(line.size() <= 77); // 76 and the CR
    QCOMPARE(QByteArray(longLine).replace("=\r\n", ""), QByteArray(QByteArray(200, 'x') + "=C3=A9"));
    const QByteArray words = MimeMessage::headerWords(QString(40, QChar(0x00e9)), 9);
    for (const QByteArray &line : words.split('\n'))
        QVERIFY(line.size() <= 79);
    QVERIFY(words.startsWith("=?utf-8?Q?=C3=A9"));
    QCOMPARE(MimeMessage::headerWords(QStringLiteral("Plain ASCII subject"), 9), QByteArray("Plain ASCII subject"));
}

void TestMimeMessage::fastPathMatchesVmime()
{
    // What a reader decodes from a message: the same for both ways of building it.
    struct Decoded
    {
        QString subject, toName, toEmail, messageId, date, listUnsubscribe, text, html, structure;
    };
    const auto decode = [](const QByteArray &bytes) {
        vmime::message m;
        m.parse(std::string(bytes.constData(), size_t(bytes.size())));
        Decoded d;
        const auto h = m.getHeader();
        d.subject = QString::fromStdString(h->Subject()->getValue<vmime::text>()->getConvertedText(vmime::charsets::UTF_8));
        const auto to = vmime::dynamicCast<vmime::mailbox>(h->To()->getValue<vmime::addressList>()->getAddressAt(0));
        d.toName = QString::fromStdString(to->getName().getConvertedText(vmime::charsets::UTF_8));
        d.toEmail = QString::fromStdString(to->getEmail().toString());
        d.messageId = QString::fromStdString(h->MessageId()->getValue<vmime::messageId>()->getId());
        d.date = QString::fromStdString(h->Date()->getValue<vmime::datetime>()->generate());
        if (h->hasField("List-Unsubscribe"))
            d.listUnsubscribe = QString::fromStdString(h->findField("List-Unsubscribe")->getValue()->generate());
        std::function<void(const std::shared_ptr<vmime::body> &)> walk = [&](const std::shared_ptr<vmime::body> &b) {
            const QString type = QString::fromStdString(b->getContentType().generate());
            d.structure += type + QLatin1Char(';');
            std::string out;
            vmime::utility::outputStreamStringAdapter os(out);
            if (type == QLatin1String("text/plain") || type == QLatin1String("text/html")) {
                b->getContents()->extract(os);
                (type == QLatin1String("text/plain") ? d.text : d.html) = QString::fromUtf8(out.data(), qsizetype(out.size()));
            }
            for (size_t i = 0; i < b->getPartCount(); ++i)
                walk(b->getPartAt(i)->getBody());
        };
        walk(m.getBody());
        return d;
    };
    QRandomGenerator random(20261124);
    const QList<QString> alphabet = {QStringLiteral("a"), QStringLiteral("Z"), QStringLiteral(" "), QStringLiteral("é"),
                                     QStringLiteral("☀"), QStringLiteral("😀"), QStringLiteral("="), QStringLiteral("?"),
                                     QStringLiteral("_"), QStringLiteral("\""), QStringLiteral(","), QStringLiteral("."),
                                     QStringLiteral("\n"), QStringLiteral("\t"), QStringLiteral("<"), QStringLiteral("@")};
    const auto randomText = [&](int maxLength, bool lines) {
        QString s;
        const int n = int(random.bounded(maxLength + 1));
        for (int i = 0; i < n; ++i) {
            QString piece = alphabet.at(int(random.bounded(alphabet.size())));
            if (!lines && (piece == QLatin1String("\n") || piece == QLatin1String("\t")))
                piece = QStringLiteral("x");
            s += piece;
        }
        return s;
    };
    MimeInput shared = sample();
    const MimeTemplate withImages = MimeTemplate::prepare(shared, true);
    shared.images.clear();
    const MimeTemplate plain = MimeTemplate::prepare(shared, true);
    for (int round = 0; round < 300; ++round) {
        MimeInput in = sample();
        if (round % 2)
            in.images.clear();
        in.toName = randomText(40, false).trimmed();
        in.toAddress = QStringLiteral("r%1@xn--bcher-kva.example").arg(round);
        in.subject = randomText(120, false).simplified();
        in.text = randomText(400, true);
        in.html = QStringLiteral("<p>") + randomText(600, true) + QStringLiteral("</p>");
        in.messageId = QStringLiteral("c12.r%1@acme.example").arg(round);
        in.date = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(random.bounded(86400 * 365)));
        in.listUnsubscribeUrl = QStringLiteral("https://t.acme.example/u/v1.%1.AbCdEf").arg(round);
        const QByteArray fast = (round % 2 ? plain : withImages).render(in);
        const Decoded a = decode(MimeMessage::build(in));
        const Decoded b = decode(fast);
        const QByteArray context = QStringLiteral("round %1, subject %2").arg(round).arg(in.subject).toUtf8();
        QVERIFY2(a.subject == b.subject && a.subject == in.subject, context.constData());
        QVERIFY2(a.toName == b.toName && a.toEmail == b.toEmail, context.constData());
        QCOMPARE(b.messageId, a.messageId);
        QCOMPARE(b.date, a.date);
        QCOMPARE(b.listUnsubscribe, a.listUnsubscribe);
        QCOMPARE(b.structure, a.structure);
        QCOMPARE(b.text, a.text);
        QCOMPARE(b.html, a.html);
        for (const QByteArray &line : fast.split('\n'))
            QVERIFY2(line.size() <= 999, context.constData());
    }
}

LUX_TEST_MAIN(TestMimeMessage, QCoreApplication)
#include "tst_mimemessage.moc"
