// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxreader.h"

#include "channels/graph/graphclient.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "mailbox/inboundapplier.h"
#include "mailbox/inboundclassifier.h"
#include "storage/sqlvalues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace lux::mailbox {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
// How far before the last round a new one starts when Graph forgot the old (410): the overlap is
// read again and skipped, as every message already applied is.
constexpr qint64 kResetOverlapMs = kDayMs;
} // namespace

MailboxReader::MailboxReader(QSqlDatabase db, channels::graph::GraphClient *client, const tracking::TokenCodec *tokens, Config config,
                             Clock clock)
    : m_db(std::move(db)), m_client(client), m_tokens(tokens), m_config(std::move(config)), m_clock(std::move(clock))
{
}

Result<QStringList> MailboxReader::mailboxes(QSqlDatabase db, const QString &delegatedMailbox)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT DISTINCT lower(address) FROM senders WHERE channel = 'email' ORDER BY 1")))
        return storage::queryError(q, errc::dbRead);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    if (const QString d = delegatedMailbox.trimmed().toLower(); !d.isEmpty() && !out.contains(d))
        out << d;
    return out;
}

Result<QList<MailboxReader::MailboxStatus>> MailboxReader::status(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT s.mailbox, s.synced_at, s.error_code, s.error,"
                               " (SELECT count(*) FROM inbound_messages i WHERE i.mailbox = s.mailbox)"
                               " FROM mailbox_sync s ORDER BY s.mailbox")))
        return storage::queryError(q, errc::dbRead);
    QList<MailboxStatus> out;
    while (q.next())
        out << MailboxStatus{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).toLongLong()};
    return out;
}

qint64 MailboxReader::firstLookFrom(const QString &mailbox) const
{
    const qint64 now = m_clock();
    const qint64 floor = now - kFirstLookBackDays * kDayMs;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT min(updated_at) FROM outbox WHERE lower(sender) = ? AND state = 'sent' AND channel = 'email'"));
    q.addBindValue(mailbox);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return std::max(floor, q.value(0).toLongLong() - kResetOverlapMs);
    return now - kDayMs;
}

Status MailboxReader::saveLink(const QString &mailbox, const QString &link, bool newRound)
{
    QSqlQuery q(m_db);
    q.prepare(newRound ? QStringLiteral("UPDATE mailbox_sync SET link = ?, round_started_at = ? WHERE mailbox = ?")
                       : QStringLiteral("UPDATE mailbox_sync SET link = ? WHERE mailbox = ?"));
    q.addBindValue(storage::notNull(link));
    if (newRound)
        q.addBindValue(m_clock());
    q.addBindValue(mailbox);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

bool MailboxReader::noteOutcome(const QString &mailbox, const std::optional<Error> &error, const QString &slot)
{
    // slot "": the look itself (error_code, told in `reported`); "dispose": marking and moving
    // (told in `reported` as "dispose:<code>").
    QSqlQuery told(m_db);
    told.prepare(QStringLiteral("SELECT reported FROM mailbox_sync WHERE mailbox = ?"));
    told.addBindValue(mailbox);
    const QStringList reported = told.exec() && told.next() ? told.value(0).toString().split(u' ', Qt::SkipEmptyParts) : QStringList();
    told.finish();
    const QString prefix = slot.isEmpty() ? QString() : slot + u':';
    QStringList kept;
    for (const QString &r : reported)
        if (slot.isEmpty() ? r.contains(u':') : !r.startsWith(prefix))
            kept << r;
    const QString code = error ? prefix + error->code : QString();
    const bool isNew = error && !reported.contains(code);
    if (!code.isEmpty())
        kept << code;
    QSqlQuery q(m_db);
    if (slot.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE mailbox_sync SET synced_at = ?, error_code = ?, error = ?, reported = ? WHERE mailbox = ?"));
        q.addBindValue(m_clock());
        q.addBindValue(error ? error->code : QStringLiteral(""));
        q.addBindValue(error ? error->message : QStringLiteral(""));
    } else {
        q.prepare(QStringLiteral("UPDATE mailbox_sync SET reported = ? WHERE mailbox = ?"));
    }
    q.addBindValue(storage::notNull(kept.join(u' ')));
    q.addBindValue(mailbox);
    if (!q.exec())
        qCWarning(lcMailbox) << "mailbox_sync not updated:" << q.lastError().text();
    return isNew;
}

QCoro::Task<std::optional<Error>> MailboxReader::dispose(QString mailbox, QString graphId, qint64 rowId)
{
    if (m_disposeDenied)
        co_return std::nullopt; // said once this look; the rows stay to do
    // No co_await inside ?: and none in a larger expression (GCC 12 mishandles both).
    Status done;
    if (m_config.move && !m_config.folder.isEmpty()) {
        QString folder = m_config.folder;
        done = co_await m_client->moveTo(mailbox, graphId, std::move(folder));
    } else {
        done = co_await m_client->markRead(mailbox, graphId);
    }
    if (!done) {
        if (done.error().code == errc::graphMailDenied) {
            m_disposeDenied = true;
            co_return Error(errc::graphMailDenied,
                            tr("LUX reads the Inbox of %1 but may not mark messages read or move them: grant the app Mail.ReadWrite "
                               "(or sign in again). They stay unread; none is read twice.")
                                .arg(mailbox));
        }
        if (done.error().code == errc::graphNotFound) { // moved or deleted by a person meanwhile: nothing left to do
            if (Status s = InboundApplier(m_db, m_tokens, m_clock).markDisposed(rowId); !s)
                co_return s.error();
            co_return std::nullopt;
        }
        co_return done.error();
    }
    if (Status s = InboundApplier(m_db, m_tokens, m_clock).markDisposed(rowId); !s)
        co_return s.error();
    co_return std::nullopt;
}

QCoro::Task<MailboxReader::Summary> MailboxReader::read(QString mailbox)
{
    mailbox = mailbox.trimmed().toLower();
    Summary summary;
    summary.mailbox = mailbox;
    m_disposeDenied = false;
    {
        QSqlQuery ensure(m_db);
        ensure.prepare(QStringLiteral("INSERT INTO mailbox_sync (mailbox) VALUES (?) ON CONFLICT (mailbox) DO NOTHING"));
        ensure.addBindValue(mailbox);
        if (!ensure.exec()) {
            summary.error = storage::queryError(ensure);
            co_return summary;
        }
    }
    const auto finish = [&](std::optional<Error> error) {
        summary.error = error;
        summary.errorIsNew = noteOutcome(mailbox, error, QString());
        summary.disposeErrorIsNew = noteOutcome(mailbox, summary.disposeError, QStringLiteral("dispose"));
    };
    InboundApplier applier(m_db, m_tokens, m_clock);
    const auto noteDispose = [&summary](const std::optional<Error> &e) {
        if (e && !summary.disposeError)
            summary.disposeError = e;
    };

    // Messages applied before but still unread in the mailbox (a look stopped between the two, or
    // marking was not allowed then).
    {
        QSqlQuery pending(m_db);
        pending.prepare(QStringLiteral("SELECT id, graph_id FROM inbound_messages WHERE mailbox = ? AND disposed = 0 ORDER BY id LIMIT 500"));
        pending.addBindValue(mailbox);
        QList<QPair<qint64, QString>> rows;
        if (pending.exec())
            while (pending.next())
                rows << qMakePair(pending.value(0).toLongLong(), pending.value(1).toString());
        for (const auto &[rowId, graphId] : std::as_const(rows)) {
            if (m_disposeDenied || (m_stop && m_stop()))
                break;
            const std::optional<Error> failed = co_await dispose(mailbox, graphId, rowId);
            noteDispose(failed);
        }
    }

    QString link;
    qint64 roundStarted = 0;
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT link, round_started_at FROM mailbox_sync WHERE mailbox = ?"));
        q.addBindValue(mailbox);
        if (q.exec() && q.next()) {
            link = q.value(0).toString();
            roundStarted = q.value(1).toLongLong();
        }
    }
    bool reset = false;
    for (;;) {
        if (m_stop && m_stop()) {
            finish(std::nullopt);
            co_return summary;
        }
        const bool newRound = link.isEmpty();
        const qint64 since = !newRound ? 0 : roundStarted > 0 ? roundStarted - kResetOverlapMs : firstLookFrom(mailbox);
        QString asked = link;
        QDateTime from = QDateTime::fromMSecsSinceEpoch(since, Qt::UTC);
        auto page = co_await m_client->inboxDelta(mailbox, std::move(asked), std::move(from));
        if (!page && page.error().code == errc::graphSyncReset && !reset) {
            qCInfo(lcMailbox) << "mailbox" << mailbox << "delta round reset:" << page.error().message;
            reset = true;
            link.clear();
            continue;
        }
        if (!page) {
            Error e = page.error();
            if (e.code == errc::graphMailDenied)
                e.message = tr("LUX may not read the Inbox of %1, so its bounces, replies and unsubscribe mails are not seen. "
                               "Grant the app registration the Mail.Read application permission (Mail.ReadWrite to also mark them read "
                               "or move them), or sign in again under Settings → Sending.")
                                .arg(mailbox);
            finish(e);
            co_return summary;
        }
        if (newRound)
            roundStarted = m_clock();
        for (const channels::graph::GraphClient::InboxItem &item : std::as_const(page->items)) {
            if (item.removed)
                continue;
            if (m_stop && m_stop()) {
                finish(std::nullopt); // the page is read again next time
                co_return summary;
            }
            if (const auto known = applier.find(mailbox, item.id)) {
                if (!known->disposed) {
                    const std::optional<Error> failed = co_await dispose(mailbox, item.id, known->rowId);
                    noteDispose(failed);
                }
                continue;
            }
            const InboundApplier::Message message{mailbox, item.id, item.received};
            auto mime = co_await m_client->messageMime(mailbox, item.id, InboundClassifier::kMaxBytes);
            Result<InboundApplier::Outcome> outcome = Error(errc::inboundUnreadable, QString());
            if (!mime && mime.error().code == errc::graphNotFound)
                continue; // moved or deleted since the page was read: nothing to apply
            if (!mime && mime.error().code != errc::inboundTooLarge) {
                finish(mime.error()); // the page is read again next time
                co_return summary;
            }
            const auto classified = mime ? InboundClassifier::classify(*mime) : Result<InboundResult>(mime.error());
            if (!classified) {
                // Too large or not MIME: recorded so it is not fetched again, left for a person.
                outcome = applier.record(message, classified.error());
                if (outcome) {
                    ++summary.unreadable;
                    if (Status s = applier.markDisposed(outcome->rowId); !s)
                        outcome = s.error();
                }
                if (!outcome) {
                    finish(outcome.error());
                    co_return summary;
                }
                continue;
            }
            outcome = applier.apply(message, *classified);
            if (!outcome) {
                finish(outcome.error());
                co_return summary;
            }
            if (outcome->applied) {
                ++summary.read;
                switch (outcome->kind) {
                case InboundClass::HardBounce: ++summary.hardBounces; break;
                case InboundClass::SoftBounce: ++summary.softBounces; break;
                case InboundClass::AutoReply: ++summary.autoReplies; break;
                case InboundClass::Reply: ++summary.replies; break;
                case InboundClass::Unsubscribe:
                    if (outcome->effect == QLatin1String("unsubscribed"))
                        ++summary.unsubscribes;
                    break;
                case InboundClass::Other: ++summary.other; break;
                }
            }
            const std::optional<Error> failed = co_await dispose(mailbox, item.id, outcome->rowId);
            noteDispose(failed);
        }
        const QString next = !page->nextLink.isEmpty() ? page->nextLink : page->deltaLink;
        if (Status s = saveLink(mailbox, next, newRound); !s) {
            finish(s.error());
            co_return summary;
        }
        link = next;
        if (page->nextLink.isEmpty())
            break; // the round is over: the delta link waits for the next look
    }
    finish(std::nullopt);
    co_return summary;
}

} // namespace lux::mailbox
