// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "common/clock.h"
#include "common/result.h"
#include "secrets/secretstore.h"
#include "social/accountstore.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace lux::social {

// An account's tokens as a network hands them out.
struct TokenSet
{
    QString access;
    QString refresh;                       // empty: the network gives none (re-consent at the end)
    std::optional<qint64> accessExpiresAt; // ms since the epoch; none: it does not expire
    std::optional<qint64> refreshExpiresAt;

    // An OAuth 2.0 token answer (RFC 6749 §5.1): access_token, refresh_token, expires_in, and
    // refresh_token_expires_in where the network gives it (LinkedIn: what is left of the refresh
    // token's life), read at `now` (ms).
    static TokenSet fromJson(const QJsonObject &answer, qint64 now);
};

// What a refresh came to.
struct RefreshAnswer
{
    enum class Kind {
        Refreshed,   // `tokens` are the new ones (a rotated refresh token among them)
        Unavailable, // 5xx or 429: nothing changed at the network; try later
        InDoubt,     // the request left and no answer came: the refresh token may be spent
        Refused,     // 400 invalid_grant, 401: the grant is gone; the account must be connected again
    };
    Kind kind = Kind::Unavailable;
    TokenSet tokens;
    QString message;

    // What a token endpoint's answer to a refresh (or a code) comes to, for every network: the tokens;
    // in doubt when the request left whole and no answer came; refused on 400 or 401 (the grant is
    // gone), except when the network does not accept the app's client (invalid_client,
    // unauthorized_client), which is the settings' fault: unavailable, nothing marked for reconnecting;
    // unavailable otherwise. `network` names it in messages, `clientSetting` the client id's setting,
    // `reason` is the network's words for an answer that is not the tokens.
    static RefreshAnswer read(const channels::HttpResponse &response, const QString &network, const QString &clientSetting, const QString &reason);
};
using Refresher = std::function<QCoro::Task<RefreshAnswer>(QString refreshToken)>;

// Keeps each account's tokens in the keychain (social/<uid>/access and …/refresh, in the database's
// scope) and refreshes them lazily, before use, once 80 % of the access token's life has passed.
// X's refresh tokens are single use (a spent one presented again revokes the whole grant), so:
// - one refresh at a time per account across processes (a lease on the account's row: the app's
//   scheduler and `luxctl scheduler run` never refresh the same account together);
// - the new refresh token is written to the keychain before the new access token is used;
// - a refresh refused for the moment (5xx, 429) changes nothing: the account stays connected and the
//   old access token serves while it lasts;
// - a refresh whose answer was lost may have spent the refresh token (X rotated it, the new one never
//   arrived): the account is marked (refresh_doubt_at) and the old access token serves to its end;
//   only then is the refresh token presented again, so a spent one can revoke nothing still in use;
// - the lease is renewed while a refresh is out (a keychain prompt may take minutes);
// - only a refusal (the grant is gone) marks the account "reconnect", with the network's reason.
// It runs on the thread that sends (QtKeychain's jobs belong to one).
class TokenKeeper
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::TokenKeeper)
public:
    static constexpr double kRefreshAt = 0.8;
    static constexpr qint64 kLeaseMs = 60'000;

    TokenKeeper(QSqlDatabase db, SecretStore secrets, QString owner, Clock clock = systemClock());

    // After a sign-in: the tokens kept, the account's expiry and refresh time set.
    QCoro::Task<Status> store(Account account, TokenSet tokens);
    // The access token to call the network with, refreshed first when it is due.
    // social.auth: the account must be connected again; social.unavailable: try later.
    QCoro::Task<Result<QString>> accessToken(Account account, Refresher refresh);
    // The keychain entries of an account's tokens.
    QString accessKey(const Account &account) const;
    QString refreshKey(const Account &account) const;

    // The account must be connected again (the network refused its sign-in): said with `message`.
    // Only a connected account changes (one already asking keeps its first reason).
    Status markReconnect(qint64 accountId, const QString &message);

private:
    void markDoubt(qint64 accountId);
    bool takeLease(qint64 accountId);
    void releaseLease(qint64 accountId);

    QSqlDatabase m_db;
    SecretStore m_secrets;
    QString m_owner;
    Clock m_clock;
};

} // namespace lux::social
