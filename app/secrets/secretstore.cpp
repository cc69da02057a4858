// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"
#include "common/errorcodes.h"

#include "common/logging.h"

#include <QCoroSignal>
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#endif
#include <qt6keychain/keychain.h>

#include <memory>

namespace lux {

namespace {

// Whether a Secret Service (GNOME Keyring, KWallet's, KeePassXC's) is running or can be started on
// the session bus. Other platforms always have their keychain.
bool secretServiceReachable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString service = QStringLiteral("org.freedesktop.secrets");
    if (bus.interface()->isServiceRegistered(service).value())
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(service);
#else
    return true;
#endif
}

struct LaterDeleter
{
    void operator()(QObject *o) const { o->deleteLater(); }
};

template<typename JobT>
std::unique_ptr<JobT, LaterDeleter> makeJob(const QString &service, const QString &key)
{
    std::unique_ptr<JobT, LaterDeleter> job(new JobT(service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never, on any platform
    job->setKey(key);
    return job;
}

Error errorFor(const QKeychain::Job &job, const QString &key)
{
    qCDebug(lcSecrets) << "keychain error" << job.error() << job.errorString() << "for" << key;
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error(errc::secretsNotFound, SecretStore::tr("No secret is stored for %1.").arg(key));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(errc::secretsDenied,
                     SecretStore::tr("The keychain refused access to %1: %2").arg(key, job.errorString()));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error(errc::secretsUnavailable, SecretStore::unavailableMessage());
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports a missing Secret Service as OtherError; ask the bus instead of parsing text.
    if (!secretServiceReachable())
        return Error(errc::secretsUnavailable, SecretStore::unavailableMessage());
    const QString text = job.errorString();
    return Error(errc::secretsFailed, SecretStore::tr("The keychain failed for %1: %2").arg(key, text));
}

} // namespace

SecretStore::SecretStore(QString service) : m_service(std::move(service)) {}

SecretStore SecretStore::scopedTo(QString databaseId, bool readUnscopedFallback) const
{
    SecretStore scoped(m_service);
    scoped.m_databaseId = std::move(databaseId);
    scoped.m_unscopedFallback = readUnscopedFallback && !scoped.m_databaseId.isEmpty();
    return scoped;
}

QString SecretStore::entryName(Secret secret) const
{
    return m_databaseId.isEmpty() ? keyName(secret) : QStringLiteral("databases/") + m_databaseId + u'/' + keyName(secret);
}

QString SecretStore::scopedKey(const QString &key) const
{
    return m_databaseId.isEmpty() ? key : QStringLiteral("databases/") + m_databaseId + u'/' + key;
}

QString SecretStore::environmentName(const QString &key)
{
    QString name = QStringLiteral("LUX_SECRET_");
    for (const QChar c : key)
        name += c.isLetterOrNumber() && c.unicode() < 128 ? c.toUpper() : QLatin1Char('_');
    return name;
}

QString SecretStore::unavailableMessage()
{
    return tr("No keychain is available, so the secret was not stored. Start your desktop's keyring "
              "(GNOME Keyring, KWallet or another Secret Service) and try again; headless runs can pass "
              "secrets as LUX_SECRET_<NAME> environment variables.");
}

QCoro::Task<Result<QString>> SecretStore::read(QString key) const
{
    const QByteArray fromEnv = qgetenv(environmentName(key).toLatin1().constData());
    if (!fromEnv.isEmpty())
        co_return QString::fromUtf8(fromEnv);
    co_return co_await readKeychain(std::move(key));
}

QCoro::Task<Result<QString>> SecretStore::readKeychain(QString key) const
{
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() != QKeychain::NoError) {
        const Error e = errorFor(*job, key);
        if (e.code != errc::secretsNotFound)
            qCWarning(lcSecrets) << "read failed" << key << e.code;
        co_return e;
    }
    co_return job->textData();
}

QCoro::Task<Status> SecretStore::write(QString key, QString value) const
{
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() != QKeychain::NoError) {
        const Error e = errorFor(*job, key);
        qCWarning(lcSecrets) << "write failed" << key << e.code; // never the value
        co_return e;
    }
    co_return Status{};
}

QCoro::Task<Status> SecretStore::remove(QString key) const
{
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        co_return errorFor(*job, key);
    co_return Status{};
}

QString SecretStore::keyName(Secret secret)
{
    switch (secret) {
    case Secret::GraphClientSecret: return QStringLiteral("graph/client-secret");
    case Secret::GraphRefreshToken: return QStringLiteral("graph/refresh-token");
    case Secret::TrackerApiToken: return QStringLiteral("tracker/api-token");
    case Secret::TrackingKeys: return QStringLiteral("tracking/keys");
    case Secret::TwilioAuthToken: return QStringLiteral("twilio/auth-token");
    case Secret::TwilioApiKeySecret: return QStringLiteral("twilio/api-key-secret");
    case Secret::OpenAiApiKey: return QStringLiteral("openai/api-key");
    case Secret::WooConsumerKey: return QStringLiteral("woo/consumer-key");
    case Secret::WooConsumerSecret: return QStringLiteral("woo/consumer-secret");
    case Secret::XClientSecret: return QStringLiteral("x/client-secret");
    case Secret::LinkedInClientSecret: return QStringLiteral("linkedin/client-secret");
    case Secret::MetaAppSecret: return QStringLiteral("meta/app-secret");
    }
    return {};
}

QString SecretStore::fromEnvironment(Secret secret)
{
    return qEnvironmentVariable(environmentName(keyName(secret)).toLatin1().constData());
}

QString SecretStore::cliName(Secret secret)
{
    QString name = keyName(secret);
    name.replace(u'/', u'.');
    name.replace(u'-', u'_');
    return name;
}

std::optional<Secret> SecretStore::fromCliName(const QString &name)
{
    for (const Secret s : all())
        if (cliName(s) == name)
            return s;
    return std::nullopt;
}

QList<Secret> SecretStore::all()
{
    return {Secret::GraphClientSecret, Secret::GraphRefreshToken, Secret::TrackerApiToken, Secret::TrackingKeys, Secret::TwilioAuthToken,
            Secret::TwilioApiKeySecret, Secret::OpenAiApiKey, Secret::WooConsumerKey, Secret::WooConsumerSecret, Secret::XClientSecret,
            Secret::LinkedInClientSecret, Secret::MetaAppSecret};
}

QCoro::Task<Result<QString>> SecretStore::read(Secret secret) const
{
    // LUX_SECRET_<NAME> names the secret, not a database's entry.
    const QString fromEnv = fromEnvironment(secret);
    if (!fromEnv.isEmpty())
        co_return fromEnv;
    QString key = entryName(secret);
    Result<QString> own = co_await readKeychain(std::move(key));
    if (own.ok() || !m_unscopedFallback || own.error().code != errc::secretsNotFound)
        co_return own;
    QString unscoped = keyName(secret);
    co_return co_await readKeychain(std::move(unscoped));
}

QCoro::Task<Status> SecretStore::write(Secret secret, QString value) const
{
    QString key = entryName(secret);
    co_return co_await write(std::move(key), std::move(value));
}

QCoro::Task<Status> SecretStore::remove(Secret secret) const
{
    QString key = entryName(secret);
    Status own = co_await remove(std::move(key));
    if (!own || !m_unscopedFallback)
        co_return own;
    QString unscoped = keyName(secret);
    co_return co_await remove(std::move(unscoped));
}

} // namespace lux
