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
    QString listUnsubscribeUrl;    // RFC 8058 one-click (https); with it, List-Unsubscribe-Post
    QString listUnsubscribeMailto; // a second way, or the only one (then no List-Unsubscribe-Post)
    QString listId;                // "Spring news <spring-news.acme.example>"
    QList<QPair<QByteArray, QString>> extraHeaders; // X-… headers
    // A calendar invite (iTIP over email, RFC 6047): a text/calendar part with its METHOD beside the
    // text and the HTML, which mail programs show as an invite with its buttons, and the same file
    // attached as invite.ics for those that do not (the message becomes multipart/mixed).
    QByteArray calendar;    // empty: none
    QString calendarMethod; // REQUEST, CANCEL, PUBLISH
};

// Builds the RFC 5322 message with vmime: multipart/alternative (text, then HTML, then a calendar
// invite when there is one), wrapped in multipart/related with the inline images when there are any,
// and in multipart/mixed with the invite attached when there is one; UTF-8 bodies in quoted-printable;
// RFC 2047 encoded subject and display names; Message-ID, Date, List-Unsubscribe,
// List-Unsubscribe-Post: List-Unsubscribe=One-Click (when there is a one-click address) and List-Id. The same input always gives the same
// bytes (boundaries come from the Message-ID), so tests can compare output exactly.
class MimeMessage
{
public:
    static QByteArray build(const MimeInput &input);

    // The encodings the fast path uses (exposed for tests).
    static QByteArray quotedPrintable(const QString &text); // CRLF line ends, lines of at most 76
    static QByteArray headerWords(const QString &text, int firstLineUsed); // RFC 2047 when needed, folded
};

// The fast path for a campaign: vmime builds the message once with placeholders for what changes per
// recipient (To, Subject, Date, Message-ID, List-Unsubscribe and the two bodies); each recipient's
// message is then that output with the placeholders replaced by the encoded values. Everything else
// (From, Reply-To, List-Id, the structure, the inline images in base64) is vmime's, byte for byte.
// Boundaries come from the campaign (prepare's Message-ID), which is fine: a boundary need only be
// absent from its own parts. tst_mimemessage checks, on generated inputs, that every message parses
// to the same headers and bodies as MimeMessage::build's.
class MimeTemplate
{
public:
    // shared: the campaign's fields (from, reply-to, images, list id, extra headers); per-recipient
    // fields of it are ignored. Whether there will be a List-Unsubscribe is decided here.
    static MimeTemplate prepare(const MimeInput &shared, bool withListUnsubscribe);

    // Appends one recipient's message to out.
    void render(const MimeInput &recipient, QByteArray &out) const;
    QByteArray render(const MimeInput &recipient) const;

private:
    enum class Slot { To, Subject, Date, MessageId, ListUnsubscribe, Text, Html };
    QList<QByteArray> m_literal; // m_literal[i] comes before m_slots[i]; one more literal at the end
    QList<Slot> m_slots;
};

} // namespace lux::content
