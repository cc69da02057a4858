// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace lux::mailbox {

// What one message that arrived in a sender mailbox is, for issue 14: a bounce (hard or soft), an
// automatic reply, a request to unsubscribe, a person's reply, or anything else.
enum class InboundClass { HardBounce, SoftBounce, AutoReply, Unsubscribe, Reply, Other };

// "hard-bounce", "soft-bounce", "auto-reply", "unsubscribe", "reply", "other": stable, for logs and
// the test manifest.
QString className(InboundClass c);

struct InboundResult
{
    InboundClass kind = InboundClass::Other;
    // Bounces: the address that failed (Final-Recipient, or the address the NDR's text names, or at
    // last the To of the returned headers), and the address we sent to (Original-Recipient, or the
    // returned headers' To). Both lower-case, without angle brackets.
    QString recipient;
    QString originalRecipient;
    // Bounces: the RFC 3463 enhanced status code ("5.1.1"); empty when the report names none.
    QString status;
    // Bounces: the remote server's words (Diagnostic-Code or the NDR's line), whitespace collapsed,
    // at most kMaxDiagnosticChars.
    QString diagnostic;
    // The Message-ID of our message this one is about, with angle brackets as the outbox stores it
    // ("<lux.12.345.k3j9@example.com>"): for a bounce from the returned headers (or the bounce's own
    // In-Reply-To/References), for anything else its In-Reply-To (or the last of its References).
    QString originalMessageId;
    // Replies, unsubscribes, auto-replies: the From address, lower-case.
    QString sender;
    QString inReplyTo;
    QStringList references;
    // Unsubscribe: the token of a To address tag (local+unsub-TOKEN@domain) or of the subject
    // ("unsubscribe TOKEN"). Unverified: checking it is the caller's job.
    QString unsubscribeToken;
    // Which rule decided, for logs ("dsn", "ndr-text", "auto-submitted", "first-line", ...).
    QString rule;
    // The subject, decoded, at most kMaxSubjectChars.
    QString subject;
    // Replies, unsubscribes and anything else: what the person wrote above the quoted message
    // (quoted lines, the "On … wrote:" line and what follows an original-message marker left out),
    // whitespace collapsed, at most kMaxExcerptChars. Empty for bounces and automatic replies.
    QString excerpt;
};

// Classifies the raw MIME bytes of one inbound message (Graph's /messages/{id}/$value). No network,
// no database: the same bytes always give the same answer. See docs/inbound.md for the rules.
class InboundClassifier
{
    Q_DECLARE_TR_FUNCTIONS(lux::mailbox::InboundClassifier)
public:
    // Larger input is refused (inbound.too-large) before anything is parsed.
    static constexpr qsizetype kMaxBytes = 10 * 1024 * 1024;
    // Content-Type header lines in the input (and in any decoded part handed to the parser again):
    // more is refused (inbound.too-complex). It bounds the number of parts, so the depth of vmime's
    // recursive multipart parser, before vmime sees a byte.
    static constexpr int kMaxContentTypes = 64;
    // Nesting levels of the part tree that are walked; deeper parts are ignored.
    static constexpr int kMaxDepth = 16;
    // Decoded text looked at per part, and in all.
    static constexpr qsizetype kMaxTextBytes = 256 * 1024;
    // Per-recipient blocks read from a delivery-status part.
    static constexpr int kMaxDsnRecipients = 100;
    static constexpr qsizetype kMaxDiagnosticChars = 500;
    static constexpr qsizetype kMaxTokenChars = 128;
    static constexpr qsizetype kMaxSubjectChars = 200;
    static constexpr qsizetype kMaxExcerptChars = 500;

    static Result<InboundResult> classify(const QByteArray &mime);
};

} // namespace lux::mailbox
