// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>

#include <optional>

namespace lux::fakes {

// The mailbox side of the fake Graph (provider-contracts.md §1.9): each mailbox's Inbox, read with
// the delta query (pages of `Prefer: odata.maxpagesize`, default 10; `@odata.nextLink` while more
// follow, `@odata.deltaLink` at the end; `changeType=created`; `$filter=receivedDateTime ge`; 410
// SyncStateNotFound for a round it was told to forget), each message's MIME through `$value`, mark
// read (PATCH isRead) and move (a new id in the folder, `@removed` in the Inbox's next round), and
// mail folders found by display name or made. Messages arrive from tests, or as the NDRs Exchange
// Online would send when a message goes to an address the test said bounces.
class FakeMailboxes
{
public:
    struct Item
    {
        QString id;
        QDateTime received;
        QByteArray mime;
        bool isRead = false;
        QString folder = QStringLiteral("inbox"); // "inbox" or a folder id
        qint64 createdSeq = 0;
        qint64 changedSeq = 0;
    };

    // `routePrefix`: "/v1.0/users/{mailbox}" or "/v1.0/me", as the request came; `rest`: after it.
    // Nothing when the request is not the mailbox side's.
    std::optional<HttpResponse> handle(const QString &mailbox, const QString &routePrefix, const QString &rest, const HttpRequest &request,
                                       const QUrl &baseUrl);

    // A message arrives in the mailbox's Inbox; its id.
    QString deliver(const QString &mailbox, const QByteArray &mime, const QDateTime &received = QDateTime::currentDateTimeUtc());
    // Exchange's answer to a message from `mailbox` to an address that bounces: an RFC 3464 report
    // with the returned headers, delivered to the mailbox. Nothing for other addresses.
    void messageAccepted(const QString &mailbox, const QString &recipient, const QString &internetMessageId, const QString &subject);
    void setBounces(const QSet<QString> &hard, const QSet<QString> &soft);
    void setPermissions(bool read, bool write)
    {
        m_readAllowed = read;
        m_writeAllowed = write;
    }
    // Every delta and skip token issued so far is forgotten: the next use answers 410.
    void forgetRounds() { m_forgottenBefore = m_seq + 1; }

    QList<Item> items(const QString &mailbox) const { return m_items.value(mailbox.toLower()); }
    int valueFetches(const QString &id) const { return m_fetches.value(id); }
    QJsonObject stats(const QString &mailbox) const;

private:
    HttpResponse delta(const QString &mailbox, const QString &routePrefix, const HttpRequest &request, const QUrl &baseUrl);
    Item *find(const QString &mailbox, const QString &id);

    QHash<QString, QList<Item>> m_items;                 // mailbox → every message, in every folder
    QHash<QString, QList<std::pair<qint64, QString>>> m_removed; // mailbox → (seq, id) moved out of the Inbox
    QHash<QString, QHash<QString, QString>> m_folders;   // mailbox → display name → id
    QHash<QString, int> m_fetches;                       // message id → $value requests
    QSet<QString> m_hard, m_soft;
    qint64 m_seq = 0;
    qint64 m_forgottenBefore = 0;
    int m_nextId = 1;
    int m_marks = 0;
    int m_moves = 0;
    bool m_readAllowed = true;
    bool m_writeAllowed = true;
};

} // namespace lux::fakes
