// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimemessage.h"

#include <QCryptographicHash>

#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

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
    if (!in.listUnsubscribeUrl.isEmpty()) {
        QString value = QLatin1Char('<') + in.listUnsubscribeUrl + QLatin1Char('>');
        if (!in.listUnsubscribeMailto.isEmpty())
            value += QStringLiteral(", <") + in.listUnsubscribeMailto + QLatin1Char('>');
        header->appendField(fields->create("List-Unsubscribe", utf8(value)));
        header->appendField(fields->create("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
    if (!in.listId.isEmpty())
        header->appendField(fields->create("List-Id", utf8(in.listId)));
    for (const auto &[name, value] : in.extraHeaders)
        header->appendField(fields->create(name.toStdString(), utf8(value)));

    // text/plain and text/html as alternatives; inline images beside them in multipart/related.
    auto alternative = in.images.isEmpty() ? std::shared_ptr<vmime::body>(message->getBody()) : vmime::make_shared<vmime::body>();
    std::shared_ptr<vmime::bodyPart> alternativePart;
    if (in.images.isEmpty()) {
        header->ContentType()->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_ALTERNATIVE));
        setBoundary(header, boundaryAlt);
    } else {
        header->ContentType()->setValue(vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_RELATED));
        auto type = vmime::dynamicCast<vmime::contentTypeField>(header->ContentType());
        type->setBoundary(boundaryRel);
        type->appendParameter(vmime::make_shared<vmime::parameter>("type", "multipart/alternative"));
        alternativePart = vmime::make_shared<vmime::bodyPart>();
        alternativePart->getHeader()->ContentType()->setValue(
            vmime::mediaType(vmime::mediaTypes::MULTIPART, vmime::mediaTypes::MULTIPART_ALTERNATIVE));
        setBoundary(alternativePart->getHeader(), boundaryAlt);
        alternative = alternativePart->getBody();
        message->getBody()->appendPart(alternativePart);
    }
    alternative->appendPart(textPart(in.text, vmime::mediaTypes::TEXT_PLAIN));
    alternative->appendPart(textPart(in.html, vmime::mediaTypes::TEXT_HTML));
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
        message->getBody()->appendPart(part);
    }

    std::string out;
    vmime::utility::outputStreamStringAdapter stream(out);
    message->generate(stream);
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace lux::content
