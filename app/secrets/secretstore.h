// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <QCoroTask>

#include <optional>

namespace lux {

// Every secret the product keeps, by one name each. The keychain entry and the environment
// variable for headless runs (LUX_SECRET_<NAME>) are derived from it, never written out elsewhere.
enum class Secret {
    GraphClientSecret, // the app registration's client secret (client-credentials sending)
    GraphRefreshToken, // the signed-in user's refresh token (delegated sending through /me)
    TrackerApiToken,   // lux-tracker's bearer token for its event and link API
    TrackingKeys,      // lux-tracker's signing key ring (KeyRing text)
    TwilioAuthToken,   // the Twilio account's Auth Token (also what signs its callbacks to lux-tracker)
    TwilioApiKeySecret, // the secret of the Twilio API key in twilio.api_key_sid, when one is used
    OpenAiApiKey,       // the assistant's API key (OpenAI, or a gateway's; local servers need none)
    WooConsumerKey,     // the WooCommerce REST API key's consumer key (ck_…), read-only is enough
    WooConsumerSecret,  // its consumer secret (cs_…)
    XClientSecret,      // the X app's OAuth 2.0 client secret, for a confidential client (a public one has none)
    LinkedInClientSecret, // the LinkedIn app's client secret (its code flow needs it)
    MetaAppSecret,        // the Meta app's secret (Facebook Login's code exchange and long-lived tokens need it)
};

// The only way secrets are kept: the system keychain through QtKeychain (Secret Service, KWallet,
// macOS Keychain, Windows Credential Manager). Headless runs may supply a secret in the environment
// as LUX_SECRET_<NAME>. There is no plaintext fallback: without a keychain, writing fails and says so.
//
// A store scoped to a database (scopedTo) keeps each Secret under that database's id
// ("databases/<uuid>/tracking/keys"), so two databases with two trackers keep two key rings. A
// database made before secrets had scopes still finds the secrets this user kept unscoped (when its
// own entry is missing), and removing one of its secrets removes that unscoped entry too, so a
// sign-out cannot be undone by the fallback.
//
// Error codes: secrets.not-found, secrets.unavailable (no keychain), secrets.denied, secrets.failed.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::SecretStore)
public:
    static constexpr const char *kDefaultService = "lux-marketing";

    explicit SecretStore(QString service = QString::fromLatin1(kDefaultService));
    // This store, for one database's secrets (Settings::databaseId(), Settings::inheritsUserSecrets()).
    SecretStore scopedTo(QString databaseId, bool readUnscopedFallback) const;
    QString databaseId() const { return m_databaseId; }
    // Where `secret` lives in the keychain for this store.
    QString entryName(Secret secret) const;

    // Coroutine parameters are taken by value: the caller's strings may be gone when the job ends.
    QCoro::Task<Result<QString>> read(QString key) const;
    QCoro::Task<Status> write(QString key, QString value) const;
    QCoro::Task<Status> remove(QString key) const;
    QCoro::Task<Result<QString>> read(Secret secret) const;
    QCoro::Task<Status> write(Secret secret, QString value) const;
    QCoro::Task<Status> remove(Secret secret) const;

    // LUX_SECRET_<NAME>'s value for headless runs; empty when it is not set.
    static QString fromEnvironment(Secret secret);
    static QString keyName(Secret secret); // "graph/client-secret"
    // An entry of this store's database for a key made at run time (a social account's tokens,
    // "social/<uid>/access"): read(), write() and remove() take it as it is.
    QString scopedKey(const QString &key) const;
    static QString cliName(Secret secret); // "graph.client_secret", as luxctl settings secret names it
    static std::optional<Secret> fromCliName(const QString &name);
    static QList<Secret> all();

    // "graph/client-secret" → "LUX_SECRET_GRAPH_CLIENT_SECRET".
    static QString environmentName(const QString &key);
    static QString unavailableMessage();

private:
    QCoro::Task<Result<QString>> readKeychain(QString key) const;

    QString m_service;
    QString m_databaseId;
    bool m_unscopedFallback = false;
};

} // namespace lux
