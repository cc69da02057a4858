// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace lux::social {

namespace {

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

TokenKeeper::TokenKeeper(QSqlDatabase db, SecretStore secrets, QString owner, Clock clock)
    : m_db(std::move(db)), m_secrets(std::move(secrets)), m_owner(std::move(owner)), m_clock(std::move(clock))
{
}

QString TokenKeeper::accessKey(const Account &account) const
{
    return m_secrets.scopedKey(QStringLiteral("social/%1/access").arg(account.uid));
}

QString TokenKeeper::refreshKey(const Account &account) const
{
    return m_secrets.scopedKey(QStringLiteral("social/%1/refresh").arg(account.uid));
}

QCoro::Task<Status> TokenKeeper::store(Account account, TokenSet tokens)
{
    // The refresh token first: an access token without the refresh token that goes with it is the
    // one state that cannot be recovered from.
    if (!tokens.refresh.isEmpty()) {
        QString key = refreshKey(account);
        const Status kept = co_await m_secrets.write(std::move(key), tokens.refresh);
        if (!kept)
            co_return kept;
    }
    QString key = accessKey(account);
    const Status kept = co_await m_secrets.write(std::move(key), tokens.access);
    if (!kept)
        co_return kept;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET access_expires_at = ?, refresh_expires_at = ?, refreshed_at = ?, "
                             "status = 'connected', error_code = '', error = '', updated_at = ? WHERE id = ?"));
    for (const QVariant &v : QVariantList{nullable(tokens.accessExpiresAt), nullable(tokens.refreshExpiresAt), m_clock(), m_clock(), account.id})
        q.addBindValue(v);
    if (!q.exec())
        co_return storage::queryError(q);
    co_return Status{};
}

bool TokenKeeper::takeLease(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_until < ? OR lease_owner = ?)"));
    for (const QVariant &v : QVariantList{m_owner, m_clock() + kLeaseMs, accountId, m_clock(), m_owner})
        q.addBindValue(v);
    return q.exec() && q.numRowsAffected() == 1;
}

void TokenKeeper::releaseLease(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET lease_owner = '', lease_until = 0 WHERE id = ? AND lease_owner = ?"));
    q.addBindValue(accountId);
    q.addBindValue(m_owner);
    if (!q.exec())
        qCWarning(lcSecrets) << "a token refresh lease was not released:" << q.lastError().text();
}

Status TokenKeeper::markReconnect(qint64 accountId, const QString &message)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET status = 'reconnect', error_code = ?, error = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v : QVariantList{QString(errc::socialAuth), message, m_clock(), accountId})
        q.addBindValue(v);
    return q.exec() ? Status{} : Status(storage::queryError(q));
}

QCoro::Task<Result<QString>> TokenKeeper::accessToken(Account account, Refresher refresh)
{
    // What the database says now (another process may have refreshed since `account` was read).
    const auto current = [&]() -> Result<Account> { return AccountStore(m_db, m_clock).find(account.id); };
    auto fresh = current();
    if (!fresh)
        co_return fresh.error();
    if (fresh->status == u"reconnect")
        co_return Error(QString(errc::socialAuth), tr("%1 must be connected again: %2").arg(fresh->displayName(), fresh->error));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT refreshed_at FROM social_accounts WHERE id = ?"));
    q.addBindValue(account.id);
    const auto refreshedAt = [&]() -> qint64 { return q.exec() && q.next() ? q.value(0).toLongLong() : 0; };
    const auto due = [&](const Account &a, qint64 since) {
        if (!a.accessExpiresAt)
            return false;
        const qint64 life = std::max<qint64>(*a.accessExpiresAt - since, 0);
        return m_clock() >= since + qint64(double(life) * kRefreshAt);
    };
    const qint64 now = m_clock();
    const bool expired = fresh->accessExpiresAt && now >= *fresh->accessExpiresAt;
    if (due(*fresh, refreshedAt()) && refresh) {
        if (!takeLease(account.id)) {
            // Another process is refreshing it: the old token serves while it lasts.
            if (expired)
                co_return Error(QString(errc::socialUnavailable), tr("%1's sign-in is being renewed elsewhere; trying again soon.").arg(fresh->displayName()));
        } else {
            // Refreshed by someone else between the two reads: nothing to do.
            fresh = current();
            if (!fresh) {
                releaseLease(account.id);
                co_return fresh.error();
            }
            if (due(*fresh, refreshedAt())) {
                QString key = refreshKey(*fresh);
                const auto refreshToken = co_await m_secrets.read(std::move(key));
                if (!refreshToken) {
                    releaseLease(account.id);
                    if (refreshToken.error().code == errc::secretsNotFound) {
                        const QString why = tr("its sign-in has no refresh token in the keychain");
                        (void)markReconnect(account.id, why);
                        co_return Error(QString(errc::socialAuth), tr("%1 must be connected again: %2").arg(fresh->displayName(), why));
                    }
                    co_return refreshToken.error();
                }
                const RefreshAnswer answer = co_await refresh(*refreshToken);
                if (answer.kind == RefreshAnswer::Kind::Refreshed) {
                    const Status kept = co_await store(*fresh, answer.tokens);
                    releaseLease(account.id);
                    if (!kept)
                        co_return kept.error();
                    co_return answer.tokens.access;
                }
                releaseLease(account.id);
                if (answer.kind == RefreshAnswer::Kind::Refused) {
                    (void)markReconnect(account.id, answer.message);
                    co_return Error(QString(errc::socialAuth), tr("%1 must be connected again: %2").arg(fresh->displayName(), answer.message));
                }
                // No answer: nothing changed; the old token while it lasts.
                qCWarning(lcSecrets) << "a token refresh got no answer; the account stays connected:" << answer.message;
                if (m_clock() >= fresh->accessExpiresAt.value_or(std::numeric_limits<qint64>::max()))
                    co_return Error(QString(errc::socialUnavailable),
                                    tr("%1's sign-in could not be renewed now (%2); trying again soon.").arg(fresh->displayName(), answer.message));
            } else {
                releaseLease(account.id);
            }
        }
    }
    QString key = accessKey(*fresh);
    const auto access = co_await m_secrets.read(std::move(key));
    if (!access) {
        if (access.error().code == errc::secretsNotFound) {
            const QString why = tr("its sign-in is not in the keychain");
            (void)markReconnect(account.id, why);
            co_return Error(QString(errc::socialAuth), tr("%1 must be connected again: %2").arg(fresh->displayName(), why));
        }
        co_return access.error();
    }
    co_return *access;
}

} // namespace lux::social
