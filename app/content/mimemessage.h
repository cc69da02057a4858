// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lux::content {

// One image sent inside the message and referenced from the HTML as src="cid:CONTENT-ID".
struct InlineImage
{
    QString contentId; // without angle brackets
    QString mimeType;  // image/png, image/jpeg, image/gif
    QString fileName;
    QByteArray data;
};

// Everything a marketing message carries. Addresses are what goes on the wire: the domain in its
// ASCII (punycode) form (contacts::EmailAddress::ascii).
struct MimeInput
{
    QString fromName, fromAddress;
    QString toName, toAddress;
    QString replyTo;
    QString subject;
    QString html;
    QString text;
    QList<InlineImage> images;
    QString messageId; // "local@domain", without angle brackets: also seeds the boundaries
    QDateTime date;
    QString listUnsubscribeUrl;    // RFC 8058 one-click (https)
    QString listUnsubscribeMailto; // optional second way
    QString listId;                // "Spring news <spring-news.acme.example>"
    QList<QPair<QByteArray, QString>> extraHeaders; // X-… headers
};

// Builds the RFC 5322 message with vmime: multipart/alternative (text, then HTML), wrapped in
// multipart/related with the inline images when there are any; UTF-8 bodies in quoted-printable;
// RFC 2047 encoded subject and display names; Message-ID, Date, List-Unsubscribe,
// List-Unsubscribe-Post: List-Unsubscribe=One-Click and List-Id. The same input always gives the same
// bytes (boundaries come from the Message-ID), so tests can compare output exactly.
class MimeMessage
{
public:
    static QByteArray build(const MimeInput &input);
};

} // namespace lux::content
