// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

namespace lux::channels::graph {
class GraphClient;
}
namespace lux::tracking {
class TokenCodec;
}

namespace lux::mailbox {

// Reads what arrived in a sender mailbox's Inbox since the last look (Graph's delta query, the link
// kept per mailbox in mailbox_sync), classifies each message (InboundClassifier) and applies it
// (InboundApplier), then marks it read or moves it, never deletes it. Each message is applied in its
// own transaction and the link moves only after every message of its page was, so a reader killed
// at any moment repeats nothing (messages are keyed by mailbox and Graph id) and skips nothing (the
// page is read again). The first look reaches back to the first message sent from the mailbox, at
// most kFirstLookBackDays.
class MailboxReader
{
    Q_DECLARE_TR_FUNCTIONS(lux::mailbox::MailboxReader)
public:
    static constexpr int kFirstLookBackDays = 30;

    struct Config
    {
        bool move = false; // move to `folder` rather than mark read
        QString folder;
    };
    struct Summary
    {
        QString mailbox;
        int read = 0;        // messages fetched and applied now
        int hardBounces = 0; // of them
        int softBounces = 0;
        int autoReplies = 0;
        int replies = 0;
        int unsubscribes = 0; // addresses newly taken off
        int other = 0;
        int unreadable = 0; // left in the Inbox for a person (too large, not MIME)
        // Why the look stopped (nothing is lost: the next look goes on from the last page done), and
        // whether the user has not been told this one yet (a lasting problem is said once).
        std::optional<Error> error;
        bool errorIsNew = false;
        // Marking read or moving failed (the messages were applied; they stay unread in the Inbox).
        std::optional<Error> disposeError;
        bool disposeErrorIsNew = false;
    };
    struct MailboxStatus
    {
        QString mailbox;
        qint64 syncedAt = 0;
        QString errorCode;
        QString error;
        qint64 messages = 0;
    };

    // `client` and `tokens` (none: tokens in unsubscribe mails are not trusted) outlive the reader.
    MailboxReader(QSqlDatabase db, channels::graph::GraphClient *client, const tracking::TokenCodec *tokens, Config config,
                  Clock clock = systemClock());

    QCoro::Task<Summary> read(QString mailbox);
    // Asked between messages; true stops the look (the next one goes on from there).
    void setStopCheck(std::function<bool()> stop) { m_stop = std::move(stop); }

    // The mailboxes that send: every sender mailbox, and the signed-in user's.
    static Result<QStringList> mailboxes(QSqlDatabase db, const QString &delegatedMailbox);
    static Result<QList<MailboxStatus>> status(QSqlDatabase db);

private:
    QCoro::Task<std::optional<Error>> dispose(QString mailbox, QString graphId, qint64 rowId);
    Status saveLink(const QString &mailbox, const QString &link, bool newRound);
    qint64 firstLookFrom(const QString &mailbox) const;
    // Keeps the outcome of a look; true when `error` is one the user has not been told about.
    bool noteOutcome(const QString &mailbox, const std::optional<Error> &error, const QString &slot);

    QSqlDatabase m_db;
    channels::graph::GraphClient *m_client;
    const tracking::TokenCodec *m_tokens;
    Config m_config;
    Clock m_clock;
    std::function<bool()> m_stop;
    bool m_disposeDenied = false;
};

} // namespace lux::mailbox
