// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"
#include "common/errorcodes.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QPromise>
#include <QThread>
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#endif
#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>
#include <type_traits>

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

// What a keychain job answered, carried back to the thread that asked.
struct JobAnswer
{
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QString text;
};

Error errorFor(const JobAnswer &job, const QString &key)
{
    qCDebug(lcSecrets) << "keychain error" << job.error << job.errorString << "for" << key;
    switch (job.error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error(errc::secretsNotFound, SecretStore::tr("No secret is stored for %1.").arg(key));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(errc::secretsDenied,
                     SecretStore::tr("The keychain refused access to %1: %2").arg(key, job.errorString));
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
    return Error(errc::secretsFailed, SecretStore::tr("The keychain failed for %1: %2").arg(key, job.errorString));
}

struct LaterDeleter
{
    void operator()(QObject *o) const { o->deleteLater(); }
};

template<typename JobT>
std::unique_ptr<JobT, LaterDeleter> makeJob(const QString &service, const QString &key, const std::function<void(JobT &)> &setup)
{
    std::unique_ptr<JobT, LaterDeleter> job(new JobT(service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never, on any platform
    job->setKey(key);
    if (setup)
        setup(*job);
    return job;
}

template<typename JobT>
JobAnswer answerOf(const JobT &job)
{
    JobAnswer answer{job.error(), job.errorString(), {}};
    if constexpr (std::is_same_v<JobT, QKeychain::ReadPasswordJob>)
        answer.text = job.textData();
    return answer;
}

// One QtKeychain job, made, started and ended on the application's thread. QtKeychain is not
// thread-safe (its jobs go through one executor object, on the thread that first used it), so a
// coroutine on another thread (the scheduler's, a sign-in's) has the job run there and awaits its
// answer as a future.
template<typename JobT>
QCoro::Task<JobAnswer> runJob(QString service, QString key, std::function<void(JobT &)> setup = {})
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || app->thread() == QThread::currentThread()) {
        auto job = makeJob<JobT>(service, key, setup);
        job->start();
        co_await qCoro(job.get(), &QKeychain::Job::finished);
        co_return answerOf(*job);
    }
    auto promise = std::make_shared<QPromise<JobAnswer>>();
    QFuture<JobAnswer> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(app, [promise, service, key, setup = std::move(setup)] {
        JobT *job = makeJob<JobT>(service, key, setup).release();
        QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
            promise->addResult(answerOf(*job));
            promise->finish();
            job->deleteLater();
        });
        job->start();
    });
    co_return co_await future;
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
    const JobAnswer answer = co_await runJob<QKeychain::ReadPasswordJob>(m_service, key);
    if (answer.error != QKeychain::NoError) {
        const Error e = errorFor(answer, key);
        if (e.code != errc::secretsNotFound)
            qCWarning(lcSecrets) << "read failed" << key << e.code;
        co_return e;
    }
    co_return answer.text;
}

QCoro::Task<Status> SecretStore::write(QString key, QString value) const
{
    std::function<void(QKeychain::WritePasswordJob &)> fill = [value](QKeychain::WritePasswordJob &job) { job.setTextData(value); };
    const JobAnswer answer = co_await runJob<QKeychain::WritePasswordJob>(m_service, key, std::move(fill));
    if (answer.error != QKeychain::NoError) {
        const Error e = errorFor(answer, key);
        qCWarning(lcSecrets) << "write failed" << key << e.code; // never the value
        co_return e;
    }
    co_return Status{};
}

QCoro::Task<Status> SecretStore::remove(QString key) const
{
    const JobAnswer answer = co_await runJob<QKeychain::DeletePasswordJob>(m_service, key);
    if (answer.error != QKeychain::NoError && answer.error != QKeychain::EntryNotFound)
        co_return errorFor(answer, key);
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
