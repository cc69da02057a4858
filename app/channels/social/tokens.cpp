// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace lux::social {

namespace {

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

TokenSet TokenSet::fromJson(const QJsonObject &answer, qint64 now)
{
    TokenSet t;
    t.access = answer.value(QStringLiteral("access_token")).toString();
    t.refresh = answer.value(QStringLiteral("refresh_token")).toString();
    if (const qint64 seconds = answer.value(QStringLiteral("expires_in")).toInteger(); seconds > 0)
        t.accessExpiresAt = now + seconds * 1000;
    if (const qint64 seconds = answer.value(QStringLiteral("refresh_token_expires_in")).toInteger(); seconds > 0 && !t.refresh.isEmpty())
        t.refreshExpiresAt = now + seconds * 1000;
    return t;
}

RefreshAnswer RefreshAnswer::read(const channels::HttpResponse &response, const QString &network, const QString &clientSetting, const QString &reason)
{
    RefreshAnswer answer;
    if (response.succeeded()) {
        answer.kind = Kind::Refreshed;
        answer.tokens = TokenSet::fromJson(response.json(), QDateTime::currentMSecsSinceEpoch());
        if (answer.tokens.access.isEmpty()) {
            answer.kind = Kind::Unavailable;
            answer.message = TokenKeeper::tr("%1's token answer had no access token.").arg(network);
        }
        return answer;
    }
    answer.message = response.answered() ? reason : response.errorString;
    // Out and never answered: the network may have acted on it (rotated the refresh token).
    if (!response.answered() && response.requestSentWhole) {
        answer.kind = Kind::InDoubt;
        return answer;
    }
    const QString error = response.json().value(QStringLiteral("error")).toString();
    const bool badClient = error == u"invalid_client" || error == u"unauthorized_client";
    if (badClient)
        answer.message =
            TokenKeeper::tr("%1 does not accept the app's client id (%2) or secret: %3").arg(network, clientSetting, answer.message);
    answer.kind = (response.status == 400 || response.status == 401) && !badClient ? Kind::Refused : Kind::Unavailable;
    return answer;
}

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
                             "refresh_doubt_at = NULL, status = 'connected', error_code = '', error = '', updated_at = ? WHERE id = ?"));
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
    // Once: an account already asking (or removed) keeps what it says.
    q.prepare(QStringLiteral("UPDATE social_accounts SET status = 'reconnect', error_code = ?, error = ?, updated_at = ? WHERE id = ? "
                             "AND status = 'connected'"));
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
    struct Renewal
    {
        qint64 refreshedAt = 0, doubtAt = 0;
    };
    const auto renewal = [&]() -> Renewal {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT coalesce(refreshed_at, 0), coalesce(refresh_doubt_at, 0) FROM social_accounts WHERE id = ?"));
        q.addBindValue(account.id);
        return q.exec() && q.next() ? Renewal{q.value(0).toLongLong(), q.value(1).toLongLong()} : Renewal{};
    };
    const auto expired = [&](const Account &a) { return a.accessExpiresAt && m_clock() >= *a.accessExpiresAt; };
    // Due at 80 % of the access token's life; after a renewal in doubt, only once the token has ended.
    const auto due = [&](const Account &a, const Renewal &r) {
        if (!a.accessExpiresAt)
            return false;
        if (r.doubtAt > 0)
            return expired(a);
        const qint64 life = std::max<qint64>(*a.accessExpiresAt - r.refreshedAt, 0);
        return m_clock() >= r.refreshedAt + qint64(double(life) * kRefreshAt);
    };
    if (due(*fresh, renewal()) && refresh) {
        if (!takeLease(account.id)) {
            // Another process is refreshing it: the old token serves while it lasts.
            if (expired(*fresh))
                co_return Error(QString(errc::socialUnavailable), tr("%1's sign-in is being renewed elsewhere; trying again soon.").arg(fresh->displayName()));
        } else {
            // Refreshed by someone else between the two reads: nothing to do.
            fresh = current();
            if (!fresh) {
                releaseLease(account.id);
                co_return fresh.error();
            }
            const Renewal before = renewal();
            if (due(*fresh, before)) {
                // The lease outlives a slow keychain or network while the refresh is out.
                QTimer renew;
                renew.setInterval(int(kLeaseMs / 3));
                QObject::connect(&renew, &QTimer::timeout, [this, id = account.id] { (void)takeLease(id); });
                renew.start();
                QString key = refreshKey(*fresh);
                const auto refreshToken = co_await m_secrets.read(std::move(key));
                if (!refreshToken) {
                    renew.stop();
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
                    renew.stop();
                    releaseLease(account.id);
                    if (!kept)
                        co_return kept.error();
                    co_return answer.tokens.access;
                }
                renew.stop();
                if (answer.kind == RefreshAnswer::Kind::InDoubt)
                    markDoubt(account.id);
                releaseLease(account.id);
                if (answer.kind == RefreshAnswer::Kind::Refused) {
                    // Presented again after a renewal in doubt: the lost answer had spent it.
                    const QString why = before.doubtAt > 0
                        ? tr("%1 (an earlier renewal's answer was lost on the way, and the network had already replaced the sign-in)")
                              .arg(answer.message)
                        : answer.message;
                    (void)markReconnect(account.id, why);
                    co_return Error(QString(errc::socialAuth), tr("%1 must be connected again: %2").arg(fresh->displayName(), why));
                }
                // No answer: the old token while it lasts.
                qCWarning(lcSecrets) << "a token refresh got no answer; the account stays connected:" << answer.message;
                if (expired(*fresh))
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

void TokenKeeper::markDoubt(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET refresh_doubt_at = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v : QVariantList{m_clock(), m_clock(), accountId})
        q.addBindValue(v);
    if (!q.exec())
        qCWarning(lcSecrets) << "a renewal in doubt was not noted:" << q.lastError().text();
}

} // namespace lux::social
