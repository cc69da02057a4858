// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimemessage.h"

#include <QCryptographicHash>

#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <algorithm>
#include <mutex>

namespace lux::content {

namespace {

std::string utf8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

// ASCII stays plain; anything else is one UTF-8 word, which vmime writes as RFC 2047 encoded-words
// (spaces inside them, so none is lost between adjacent encoded-words when a reader decodes them).
vmime::text encodedWords(const QString &s)
{
    bool ascii = true;
    for (const QChar c : s)
        ascii = ascii && c.unicode() < 0x80;
    vmime::text t;
    t.appendWord(vmime::make_shared<vmime::word>(utf8(s), vmime::charset(ascii ? vmime::charsets::US_ASCII : vmime::charsets::UTF_8)));
    return t;
}

vmime::mailbox mailboxOf(const QString &name, const QString &address)
{
    if (name.trimmed().isEmpty())
        return vmime::mailbox(vmime::emailAddress(utf8(address)));
    return vmime::mailbox(encodedWords(name.trimmed()), vmime::emailAddress(utf8(address)));
}

void setBoundary(const std::shared_ptr<vmime::header> &header, const std::string &boundary)
{
    vmime::dynamicCast<vmime::contentTypeField>(header->ContentType())->setBoundary(boundary);
}

std::shared_ptr<vmime::bodyPart> textPart(const QString &text, const char *subtype)
{
    // Lines end in CRLF on the wire, whatever the editor used.
    QString crlf = text;
    crlf.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n').replace(QLatin1String("\n"), QLatin1String("\r\n"));
    auto part = vmime::make_shared<vmime::bodyPart>();
    part->getBody()->setContents(vmime::make_shared<vmime::stringContentHandler>(utf8(crlf)),
                                 vmime::mediaType(vmime::mediaTypes::TEXT, subtype),
                                 vmime::charset(vmime::charsets::UTF_8),
                                 vmime::encoding(vmime::encodingTypes::QUOTED_PRINTABLE));
    return part;
}

} // namespace

QByteArray MimeMessage::build(const MimeInput &in)
{
    static std::once_flag platform;
    std::call_once(platform, [] { vmime::platform::setHandler<vmime::platforms::posix::posixHandler>(); });

    // Boundaries from the Message-ID: the same message, the same bytes.
    const QByteArray seed = QCryptographicHash::hash(in.messageId.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    const std::string boundaryAlt = "=_lux_alt_" + seed.toStdString();
    const std::string boundaryRel = "=_lux_rel_" + seed.toStdString();

    auto message = vmime::make_shared<vmime::message>();
    auto header = message->getHeader();
    header->From()->setValue(mailboxOf(in.fromName, in.fromAddress));
    vmime::addressList to;
    to.appendAddress(vmime::make_shared<vmime::mailbox>(mailboxOf(in.toName, in.toAddress)));
    header->To()->setValue(to);
    if (!in.replyTo.isEmpty())
        header->ReplyTo()->setValue(mailboxOf({}, in.replyTo));
    header->Subject()->setValue(encodedWords(in.subject));
    const QDateTime utc = in.date.toUTC();
    header->Date()->setValue(vmime::datetime(utc.date().year(), utc.date().month(), utc.date().day(), utc.time().hour(),
                                             utc.time().minute(), utc.time().second(), vmime::datetime::GMT));
    header->MessageId()->setValue(vmime::messageId(utf8(in.messageId)));
    header->MimeVersion()->setValue(vmime::string("1.0"));
    const auto fields = vmime::headerFieldFactory::getInstance();
    if (!in.listUnsubscribeUrl.isEmpty() || !in.listUnsubscribeMailto.isEmpty()) {
        QStringList ways;
        for (const QString &way : {in.listUnsubscribeUrl, in.listUnsubscribeMailto})
            if (!way.isEmpty())
                ways << QLatin1Char('<') + way + QLatin1Char('>');
        header->appendField(fields->create("List-Unsubscribe", utf8(ways.join(QStringLiteral(", ")))));
        // RFC 8058 one-click needs the https address; a mailto: alone has no Post.
        if (!in.listUnsubscribeUrl.isEmpty())
            header->appendField(fields->create("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
    if (!in.listId.isEmpty())
        header->appendField(fields->create("List-Id", utf8(in.listId)));
    for (const auto &[name, value] : in.extraHeaders)
        header->appendField(fields->create(name.toStdString(), utf8(value)));

    // text/plain and text/html as alternatives; inline images beside them in multipart/related; an
    // invite's file beside all of that in multipart/mixed.
    const bool invite = !in.calendar.isEmpty();
    std::shared_ptr<vmime::header> top = header;
    std::shared_ptr<vmime::body> topBody = message->getBody();
    if (invite) {
        header->ContentType()->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_MIXED));
        setBoundary(header, "=_lux_mix_" + seed.toStdString());
        auto inner = vmime::make_shared<vmime::bodyPart>();
        message->getBody()->appendPart(inner);
        top = inner->getHeader();
        topBody = inner->getBody();
    }
    auto alternative = in.images.isEmpty() ? topBody : vmime::make_shared<vmime::body>();
    std::shared_ptr<vmime::bodyPart> alternativePart;
    if (in.images.isEmpty()) {
        top->ContentType()->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_ALTERNATIVE));
        setBoundary(top, boundaryAlt);
    } else {
        top->ContentType()->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_RELATED));
        auto type = vmime::dynamicCast<vmime::contentTypeField>(top->ContentType());
        type->setBoundary(boundaryRel);
        type->appendParameter(vmime::make_shared<vmime::parameter>("type", "multipart/alternative"));
        alternativePart = vmime::make_shared<vmime::bodyPart>();
        alternativePart->getHeader()->ContentType()->setValue(
            vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_ALTERNATIVE));
        setBoundary(alternativePart->getHeader(), boundaryAlt);
        alternative = alternativePart->getBody();
        topBody->appendPart(alternativePart);
    }
    alternative->appendPart(textPart(in.text, vmime::mediaTypes::TEXT_PLAIN));
    alternative->appendPart(textPart(in.html, vmime::mediaTypes::TEXT_HTML));
    const std::string method = utf8(in.calendarMethod.isEmpty() ? QStringLiteral("REQUEST") : in.calendarMethod.toUpper());
    const auto calendarPart = [&](bool attachment) {
        auto part = vmime::make_shared<vmime::bodyPart>();
        const std::string bytes(in.calendar.constData(), size_t(in.calendar.size()));
        part->getBody()->setContents(vmime::make_shared<vmime::stringContentHandler>(bytes),
                                     attachment ? vmime::mediaType("application", "ics") : vmime::mediaType("text", "calendar"));
        part->getBody()->setEncoding(vmime::encoding(vmime::encodingTypes::BASE64));
        auto type = vmime::dynamicCast<vmime::contentTypeField>(part->getHeader()->ContentType());
        if (attachment) {
            type->appendParameter(vmime::make_shared<vmime::parameter>("name", "invite.ics"));
            auto disposition = vmime::dynamicCast<vmime::contentDispositionField>(part->getHeader()->ContentDisposition());
            disposition->setValue(vmime::contentDisposition(vmime::contentDispositionTypes::ATTACHMENT));
            disposition->setFilename(vmime::word("invite.ics", vmime::charset(vmime::charsets::US_ASCII)));
        } else {
            type->appendParameter(vmime::make_shared<vmime::parameter>("method", method));
            type->setCharset(vmime::charset(vmime::charsets::UTF_8));
        }
        return part;
    };
    if (invite)
        alternative->appendPart(calendarPart(false));
    for (const InlineImage &image : in.images) {
        auto part = vmime::make_shared<vmime::bodyPart>();
        const QStringList type = image.mimeType.split(u'/');
        part->getBody()->setContents(vmime::make_shared<vmime::stringContentHandler>(
                                         std::string(image.data.constData(), size_t(image.data.size()))),
                                     vmime::mediaType(utf8(type.value(0)), utf8(type.value(1))));
        part->getBody()->setEncoding(vmime::encoding(vmime::encodingTypes::BASE64));
        part->getHeader()->ContentId()->setValue(vmime::messageId(utf8(image.contentId)));
        auto disposition = vmime::dynamicCast<vmime::contentDispositionField>(part->getHeader()->ContentDisposition());
        disposition->setValue(vmime::contentDisposition(vmime::contentDispositionTypes::INLINE));
        if (!image.fileName.isEmpty())
            disposition->setFilename(vmime::word(utf8(image.fileName), vmime::charset(vmime::charsets::UTF_8)));
        topBody->appendPart(part);
    }
    if (invite)
        message->getBody()->appendPart(calendarPart(true));

    // An address whose local part is not ASCII can only be written raw, in UTF-8 (RFC 6532, and the
    // message then needs SMTPUTF8 on its way); never as an encoded-word, which RFC 2047 forbids there.
    const auto unicodeLocalPart = [](const QString &address) {
        const QString local = address.section(u'@', 0, 0);
        return std::any_of(local.cbegin(), local.cend(), [](QChar c) { return c.unicode() >= 0x80; });
    };
    vmime::generationContext context(vmime::generationContext::getDefaultContext());
    context.setInternationalizedEmailSupport(unicodeLocalPart(in.fromAddress) || unicodeLocalPart(in.toAddress)
                                             || unicodeLocalPart(in.replyTo));
    std::string out;
    vmime::utility::outputStreamStringAdapter stream(out);
    message->generate(context, stream);
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace lux::content

namespace lux::content {

namespace {

const char kHex[] = "0123456789ABCDEF";

QByteArray crlfUtf8(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    return t.toUtf8();
}

// RFC 2047 5(3): what may stay as it is inside a Q-encoded word in a phrase (the strictest place).
bool qSafe(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '*' || c == '+'
           || c == '-' || c == '/';
}

bool plainAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            return false;
    return !s.contains(QLatin1String("=?"));
}

// Folds plain ASCII text at spaces so lines stay within 78 characters.
QByteArray foldPlain(const QByteArray &text, int used)
{
    QByteArray out;
    int line = used;
    const QList<QByteArray> words = text.split(' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QByteArray &w = words.at(i);
        if (i > 0) {
            if (line + 1 + w.size() > 78 && line > 0) {
                out += "\r\n ";
                line = 1;
            } else {
                out += ' ';
                ++line;
            }
        }
        out += w;
        line += int(w.size());
    }
    return out;
}

// UTF-8 Q-encoded words of at most 75 characters, never splitting a character, separated by CRLF SP.
QByteArray encodedWords(const QString &text, int used)
{
    static const QByteArray open = "=?utf-8?Q?";
    QByteArray out = open;
    int wordLength = int(open.size());
    int line = used + int(open.size());
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size();) {
        // One character: its UTF-8 bytes, encoded together.
        qsizetype n = 1;
        const uchar lead = uchar(utf8.at(i));
        if (lead >= 0xf0)
            n = 4;
        else if (lead >= 0xe0)
            n = 3;
        else if (lead >= 0xc0)
            n = 2;
        QByteArray piece;
        for (qsizetype k = 0; k < n && i + k < utf8.size(); ++k) {
            const uchar c = uchar(utf8.at(i + k));
            if (c == ' ')
                piece += '_';
            else if (qSafe(c))
                piece += char(c);
            else {
                piece += '=';
                piece += kHex[c >> 4];
                piece += kHex[c & 15];
            }
        }
        i += n;
        if (wordLength + piece.size() + 2 > 75 || line + piece.size() + 2 > 78) {
            out += "?=\r\n ";
            out += open;
            wordLength = int(open.size());
            line = 1 + int(open.size());
        }
        out += piece;
        wordLength += int(piece.size());
        line += int(piece.size());
    }
    out += "?=";
    return out;
}

QByteArray mailboxValue(const QString &name, const QString &address, int used)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return address.toUtf8();
    QByteArray phrase;
    if (plainAscii(n)) {
        static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
        bool needsQuotes = false;
        for (const QChar c : n)
            needsQuotes = needsQuotes || specials.contains(c);
        if (needsQuotes) {
            QByteArray q = n.toUtf8();
            q.replace("\\", "\\\\").replace("\"", "\\\"");
            phrase = '"' + q + '"';
        } else {
            phrase = n.toUtf8();
        }
    } else {
        phrase = encodedWords(n, used);
    }
    const int lastLine = int(phrase.size() - (phrase.lastIndexOf('\n') + 1)) + (phrase.contains('\n') ? 0 : used);
    const QByteArray addr = '<' + address.toUtf8() + '>';
    return phrase + (lastLine + 1 + addr.size() > 78 ? QByteArray("\r\n ") : QByteArray(" ")) + addr;
}

QByteArray dateValue(const QDateTime &date)
{
    // RFC 5322 3.3, in UTC, with English names whatever the locale.
    static const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = date.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0') + ' '
           + months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' + QByteArray::number(t.hour()).rightJustified(2, '0')
           + ':' + QByteArray::number(t.minute()).rightJustified(2, '0') + ':' + QByteArray::number(t.second()).rightJustified(2, '0')
           + " +0000";
}

QByteArray listUnsubscribeValue(const MimeInput &in, int used)
{
    if (in.listUnsubscribeUrl.isEmpty())
        return '<' + in.listUnsubscribeMailto.toUtf8() + '>';
    QByteArray value = '<' + in.listUnsubscribeUrl.toUtf8() + '>';
    if (!in.listUnsubscribeMailto.isEmpty()) {
        const QByteArray mailto = '<' + in.listUnsubscribeMailto.toUtf8() + '>';
        value += used + value.size() + 2 + mailto.size() > 78 ? QByteArray(",\r\n " + mailto) : QByteArray(", " + mailto);
    }
    return value;
}

constexpr auto kSlotTo = "luxslot-to@lux.invalid";
constexpr auto kSlotSubject = "LUXSLOTSUBJECT";
constexpr auto kSlotMessageId = "luxslot-mid@lux.invalid";
constexpr auto kSlotUnsubscribe = "luxslot-unsubscribe";
constexpr auto kSlotText = "LUXSLOTTEXTBODY";
constexpr auto kSlotHtml = "LUXSLOTHTMLBODY";
const QDateTime kSlotDate(QDate(2000, 1, 22), QTime(0, 0), Qt::UTC); // two-digit day: vmime writes 1, not 01

} // namespace

QByteArray MimeMessage::quotedPrintable(const QString &text)
{
    const QByteArray utf8 = crlfUtf8(text);
    // Written through a pointer into a buffer of the worst case (every byte as =XX, a soft break every
    // 25 of those): appending byte by byte to a QByteArray is several times slower, and this runs for
    // every recipient.
    QByteArray out(utf8.size() * 3 + (utf8.size() * 3 / 75 + 2) * 3 + 2, Qt::Uninitialized);
    char *o = out.data();
    int line = 0;
    const char *in = utf8.constData();
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(in[i]);
        if (c == '\n') {
            *o++ = '\r';
            *o++ = '\n';
            line = 0;
            continue;
        }
        const bool lineEnd = i + 1 == n || in[i + 1] == '\n';
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnd);
        const int width = literal ? 1 : 3;
        if (line + width > 75) { // with the "=" of a soft break, a line stays within 76
            *o++ = '=';
            *o++ = '\r';
            *o++ = '\n';
            line = 0;
        }
        if (literal) {
            *o++ = char(c);
        } else {
            *o++ = '=';
            *o++ = kHex[c >> 4];
            *o++ = kHex[c & 15];
        }
        line += width;
    }
    out.truncate(o - out.constData());
    return out;
}

QByteArray MimeMessage::headerWords(const QString &text, int firstLineUsed)
{
    return plainAscii(text) ? foldPlain(text.toUtf8(), firstLineUsed) : encodedWords(text, firstLineUsed);
}

MimeTemplate MimeTemplate::prepare(const MimeInput &shared, bool withListUnsubscribe)
{
    MimeInput in = shared;
    in.toName.clear();
    in.toAddress = QString::fromLatin1(kSlotTo);
    in.subject = QString::fromLatin1(kSlotSubject);
    in.date = kSlotDate;
    in.listUnsubscribeUrl = withListUnsubscribe ? QString::fromLatin1(kSlotUnsubscribe) : QString();
    in.listUnsubscribeMailto.clear();
    in.text = QString::fromLatin1(kSlotText);
    in.html = QString::fromLatin1(kSlotHtml);
    // Built with the campaign's Message-ID: its boundaries serve every recipient, and the ID itself
    // marks the slot for each recipient's own.
    if (in.messageId.isEmpty())
        in.messageId = QString::fromLatin1(kSlotMessageId);
    const QByteArray skeleton = MimeMessage::build(in);
    const QList<QPair<QByteArray, Slot>> markers = {
        {QByteArray(kSlotTo), Slot::To},
        {QByteArray(kSlotSubject), Slot::Subject},
        {dateValue(kSlotDate), Slot::Date},
        {QByteArray(QByteArray("<") + in.messageId.toUtf8() + '>'), Slot::MessageId},
        {QByteArray(QByteArray("<") + kSlotUnsubscribe + '>'), Slot::ListUnsubscribe},
        {QByteArray(kSlotText), Slot::Text},
        {QByteArray(kSlotHtml), Slot::Html},
    };
    QList<QPair<qsizetype, qsizetype>> found; // position, marker index
    for (qsizetype m = 0; m < markers.size(); ++m) {
        const qsizetype at = skeleton.indexOf(markers.at(m).first);
        if (at >= 0)
            found.append({at, m});
    }
    std::sort(found.begin(), found.end());
    MimeTemplate t;
    qsizetype from = 0;
    for (const auto &[at, m] : std::as_const(found)) {
        t.m_literal << skeleton.mid(from, at - from);
        t.m_slots << markers.at(m).second;
        from = at + markers.at(m).first.size();
    }
    t.m_literal << skeleton.mid(from);
    return t;
}

void MimeTemplate::render(const MimeInput &r, QByteArray &out) const
{
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        const QByteArray &before = m_literal.at(i);
        out += before;
        switch (m_slots.at(i)) {
        case Slot::To: out += mailboxValue(r.toName, r.toAddress, 4); break;
        case Slot::Subject: out += MimeMessage::headerWords(r.subject, 9); break;
        case Slot::Date: out += dateValue(r.date); break;
        case Slot::MessageId: out += '<' + r.messageId.toUtf8() + '>'; break;
        case Slot::ListUnsubscribe: out += listUnsubscribeValue(r, 18); break;
        case Slot::Text: out += MimeMessage::quotedPrintable(r.text); break;
        case Slot::Html: out += MimeMessage::quotedPrintable(r.html); break;
        }
    }
    out += m_literal.constLast();
}

QByteArray MimeTemplate::render(const MimeInput &recipient) const
{
    QByteArray out;
    render(recipient, out);
    return out;
}

} // namespace lux::content
