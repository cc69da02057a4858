// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker: receives the open pixels, link clicks and one-click unsubscribes of LUX Marketing's
// recipients and keeps them for the app to pull. See docs/tracker.md for deployment.
#include "trackerserver.h"

#include "common/errorcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace lux::tracker;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracker::Main)
};

int fail(const QString &message)
{
    std::fprintf(stderr, "lux-tracker: %s\n", qPrintable(message));
    return 2;
}

// A secret from a file (trailing newline dropped) or, without one, from LUX_SECRET_<NAME>.
lux::Result<QByteArray> secret(const QString &file, const char *envName)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return lux::Error(lux::errc::trackerConfig, Tr::tr("%1 cannot be read: %2").arg(file, f.errorString()));
        const QByteArray value = f.readAll().trimmed();
        if (value.isEmpty())
            return lux::Error(lux::errc::trackerConfig, Tr::tr("%1 is empty.").arg(file));
        return value;
    }
    const QByteArray value = qgetenv(envName);
    if (value.isEmpty())
        return lux::Error(lux::errc::trackerConfig, Tr::tr("no file given and %1 is not set").arg(QString::fromLatin1(envName)));
    return value;
}

// "${NAME}" in a setting is the environment variable NAME (systemd's CREDENTIALS_DIRECTORY, say).
QString expand(QString value)
{
    static const QRegularExpression var(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QRegularExpressionMatch m;
    while ((m = var.match(value)).hasMatch())
        value.replace(m.capturedStart(), m.capturedLength(), qEnvironmentVariable(m.captured(1).toLatin1().constData()));
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    // The server's threads must not take SIGTERM or SIGINT: main waits for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lux-tracker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LUX_VERSION));

    QCommandLineParser cli;
    cli.setApplicationDescription(Tr::tr("Receives LUX Marketing's opens, clicks and one-click unsubscribes."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), Tr::tr("Read settings from FILE (flags win)."), QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"), Tr::tr("Address and port, e.g. 127.0.0.1:8090 or [::1]:8090."), QStringLiteral("ADDR"));
    const QCommandLineOption db(QStringLiteral("db"), Tr::tr("The SQLite event database."), QStringLiteral("PATH"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"),
                                     Tr::tr("The signing keys (else LUX_SECRET_TRACKING_KEYS)."), QStringLiteral("FILE"));
    const QCommandLineOption tokenFile(QStringLiteral("api-token-file"),
                                       Tr::tr("The app's API token (else LUX_SECRET_TRACKER_API_TOKEN)."), QStringLiteral("FILE"));
    const QCommandLineOption threads(QStringLiteral("threads"), Tr::tr("Request threads (default 2)."), QStringLiteral("N"));
    const QCommandLineOption rate(QStringLiteral("rate-limit"),
                                  Tr::tr("Public requests a second per client address; 0 for none (default 20)."), QStringLiteral("N"));
    const QCommandLineOption burst(QStringLiteral("rate-burst"), Tr::tr("Requests at once per client address (default 100)."), QStringLiteral("N"));
    const QCommandLineOption accessLog(QStringLiteral("access-log"), Tr::tr("Append an access log (no personal data) to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption generateKey(QStringLiteral("generate-key"), Tr::tr("Print a new signing key ring and exit."));
    using Limits = ConnectionLimits;
    const auto secs = [](std::chrono::milliseconds ms) { return QString::number(double(ms.count()) / 1000.0); };
    const QCommandLineOption headerTimeout(
        QStringLiteral("header-timeout"),
        Tr::tr("Close a connection whose request headers are not all in SECONDS after it opened, however they trickle (default %1).")
            .arg(secs(Limits::kHeaderTimeout)),
        QStringLiteral("SECONDS"));
    const QCommandLineOption bodyTimeout(
        QStringLiteral("body-timeout"),
        Tr::tr("Close a connection whose request body is not all in SECONDS after its headers (default %1).").arg(secs(Limits::kBodyTimeout)),
        QStringLiteral("SECONDS"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        Tr::tr("Close a kept-alive connection whose next request's headers are not all in SECONDS after the last answer (default %1).")
            .arg(secs(Limits::kIdleTimeout)),
        QStringLiteral("SECONDS"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        Tr::tr("Open connections at most; more are closed at once (default and ceiling: the file-descriptor limit, raised to its hard "
               "limit, minus %1).")
            .arg(Limits::kReservedDescriptors),
        QStringLiteral("N"));
    const QCommandLineOption maxPerAddress(
        QStringLiteral("max-connections-per-address"),
        Tr::tr("Open connections from one client address (IPv6: one /64) at most; trusted proxies are exempt (default %1).")
            .arg(Limits::kMaxPerAddress),
        QStringLiteral("N"));
    const QCommandLineOption reportInterval(
        QStringLiteral("connection-report-interval"),
        Tr::tr("Summarise closed and refused connections in one line every SECONDS (default %1).").arg(secs(Limits::kReportInterval)),
        QStringLiteral("SECONDS"));
    const QCommandLineOption allowRoot(QStringLiteral("allow-root"), Tr::tr("Run even as root (not recommended)."));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
                                       Tr::tr("The address Twilio is configured with, e.g. https://t.example.com (Twilio signs it)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption twilioTokenFile(
        QStringLiteral("twilio-auth-token-file"),
        Tr::tr("Twilio's Auth Token, which signs its callbacks (else LUX_SECRET_TWILIO_AUTH_TOKEN; without either, no Twilio endpoints)."),
        QStringLiteral("FILE"));
    const QCommandLineOption smsHelpText(QStringLiteral("sms-help-text"),
                                         Tr::tr("The answer to an inbound HELP or INFO (default: none)."), QStringLiteral("TEXT"));
    const QCommandLineOption mediaDays(QStringLiteral("media-days"),
                                       Tr::tr("Remove social posts' pictures not uploaded again for DAYS (default 30)."), QStringLiteral("DAYS"));
    cli.addOptions({config, listen, db, keyFile, tokenFile, threads, rate, burst, accessLog, generateKey, allowRoot, headerTimeout,
                    bodyTimeout, idleTimeout, maxConnections, maxPerAddress, reportInterval, publicUrl, twilioTokenFile, smsHelpText,
                    mediaDays});
    cli.process(app);

    if (cli.isSet(generateKey)) {
        std::fputs(lux::tracking::KeyRing::generate(1).constData(), stdout);
        return 0;
    }
    if (geteuid() == 0 && !cli.isSet(allowRoot))
        return fail(Tr::tr("refusing to run as root: run it as an unprivileged user (the systemd unit does), or pass --allow-root."));

    // Settings: the file first, flags over it.
    QHash<QString, QString> s;
    if (cli.isSet(config)) {
        const QString path = cli.value(config);
        if (!QFile::exists(path))
            return fail(Tr::tr("the configuration file %1 does not exist.").arg(path));
        QSettings file(path, QSettings::IniFormat);
        if (file.status() != QSettings::NoError)
            return fail(Tr::tr("the configuration file %1 cannot be read.").arg(path));
        for (const QString &key : file.allKeys()) {
            const QVariant v = file.value(key);
            s.insert(key, expand(v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString()));
        }
    }
    const auto flag = [&](const QCommandLineOption &o, const char *key) {
        if (cli.isSet(o))
            s.insert(QString::fromLatin1(key), cli.value(o));
    };
    flag(listen, "listen");
    flag(db, "db");
    flag(keyFile, "key_file");
    flag(tokenFile, "api_token_file");
    flag(threads, "threads");
    flag(rate, "rate_limit");
    flag(burst, "rate_burst");
    flag(accessLog, "access_log");
    flag(headerTimeout, "header_timeout");
    flag(bodyTimeout, "body_timeout");
    flag(idleTimeout, "idle_timeout");
    flag(maxConnections, "max_connections");
    flag(maxPerAddress, "max_connections_per_address");
    flag(reportInterval, "connection_report_interval");
    flag(publicUrl, "public_url");
    flag(twilioTokenFile, "twilio_auth_token_file");
    flag(smsHelpText, "sms_help_text");
    flag(mediaDays, "media_days");

    TrackerConfig c;
    const QString where = s.value(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8090"));
    const qsizetype colon = where.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? where.mid(colon + 1).toUInt(&portOk) : 0;
    if (!portOk || port > 65535)
        return fail(Tr::tr("listen: “%1” is not ADDRESS:PORT.").arg(where));
    c.host = where.left(colon);
    if (c.host.startsWith(u'[') && c.host.endsWith(u']'))
        c.host = c.host.mid(1, c.host.size() - 2);
    c.port = quint16(port);
    c.dbPath = s.value(QStringLiteral("db"));
    if (c.dbPath.isEmpty())
        return fail(Tr::tr("no event database: give --db PATH or db = PATH in the configuration."));
    const auto keys = secret(s.value(QStringLiteral("key_file")), "LUX_SECRET_TRACKING_KEYS");
    if (!keys)
        return fail(Tr::tr("signing keys: %1.").arg(keys.error().message));
    c.keys = *keys;
    const auto apiToken = secret(s.value(QStringLiteral("api_token_file")), "LUX_SECRET_TRACKER_API_TOKEN");
    if (!apiToken)
        return fail(Tr::tr("API token: %1.").arg(apiToken.error().message));
    c.apiToken = *apiToken;
    // Twilio is optional. A token file, in the configuration or as a flag, wins over
    // LUX_SECRET_TWILIO_AUTH_TOKEN, as for the keys: the file is what was asked for by name.
    if (const QString file = s.value(QStringLiteral("twilio_auth_token_file")); !file.isEmpty() || !qEnvironmentVariableIsEmpty("LUX_SECRET_TWILIO_AUTH_TOKEN")) {
        const auto token = secret(file, "LUX_SECRET_TWILIO_AUTH_TOKEN");
        if (!token)
            return fail(Tr::tr("Twilio auth token: %1.").arg(token.error().message));
        c.twilioAuthToken = *token;
    }
    if (QString url = s.value(QStringLiteral("public_url")).trimmed(); !url.isEmpty()) {
        while (url.endsWith(u'/'))
            url.chop(1);
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http"))
            || u.hasQuery() || u.hasFragment() || !u.userInfo().isEmpty())
            return fail(Tr::tr("public_url: “%1” is not an http or https address without a query, such as https://t.example.com.").arg(url));
        c.publicUrl = url;
    }
    if (!c.twilioAuthToken.isEmpty() && c.publicUrl.isEmpty())
        return fail(Tr::tr("a Twilio auth token needs public_url, the address Twilio is configured with: Twilio signs it."));
    c.smsHelpText = s.value(QStringLiteral("sms_help_text"));
    if (c.smsHelpText.size() > 1600)
        return fail(Tr::tr("sms_help_text is longer than one text message can be (1,600 characters)."));
    for (const QChar ch : std::as_const(c.smsHelpText))
        if (ch.category() == QChar::Other_Control && ch != u'\n')
            return fail(Tr::tr("sms_help_text holds a control character."));
    const auto number = [&](const char *key, double fallback, double min, double max, double *out) {
        const QString v = s.value(QString::fromLatin1(key));
        if (v.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = v.toDouble(&ok);
        return ok && *out >= min && *out <= max;
    };
    double n = 0;
    if (!number("threads", 2, 1, 64, &n))
        return fail(Tr::tr("threads must be a number from 1 to 64."));
    c.threads = int(n);
    if (!number("rate_limit", 20, 0, 1e6, &c.ratePerSecond))
        return fail(Tr::tr("rate_limit must be a number of requests a second (0 for none)."));
    if (!number("rate_burst", 100, 1, 1e6, &n))
        return fail(Tr::tr("rate_burst must be a positive number."));
    c.rateBurst = int(n);
    c.accessLog = s.value(QStringLiteral("access_log"));
    const auto duration = [&](const char *key, std::chrono::milliseconds fallback, double maxSeconds, std::chrono::milliseconds *out) {
        double seconds = 0;
        if (!number(key, double(fallback.count()) / 1000.0, 0.1, maxSeconds, &seconds))
            return false;
        *out = std::chrono::milliseconds(qRound64(seconds * 1000.0));
        return true;
    };
    if (!duration("header_timeout", ConnectionLimits::kHeaderTimeout, 3600, &c.limits.headerTimeout))
        return fail(Tr::tr("header_timeout must be a number of seconds from 0.1 to 3600."));
    if (!duration("body_timeout", ConnectionLimits::kBodyTimeout, 3600, &c.limits.bodyTimeout))
        return fail(Tr::tr("body_timeout must be a number of seconds from 0.1 to 3600."));
    if (!duration("idle_timeout", ConnectionLimits::kIdleTimeout, 3600, &c.limits.idleTimeout))
        return fail(Tr::tr("idle_timeout must be a number of seconds from 0.1 to 3600."));
    if (!duration("connection_report_interval", ConnectionLimits::kReportInterval, 86400, &c.limits.reportInterval))
        return fail(Tr::tr("connection_report_interval must be a number of seconds from 0.1 to 86400."));
    if (!number("max_connections", 0, 1, 1e7, &n) || n != std::floor(n))
        return fail(Tr::tr("max_connections must be a whole number from 1 to 10000000."));
    c.limits.maxConnections = int(n); // 0 (unset): from the file-descriptor limit
    if (!number("max_connections_per_address", ConnectionLimits::kMaxPerAddress, 1, 1e7, &n) || n != std::floor(n))
        return fail(Tr::tr("max_connections_per_address must be a whole number from 1 to 10000000."));
    c.limits.maxPerAddress = int(n);
    if (!number("media_days", 30, 1, 3650, &n) || n != std::floor(n))
        return fail(Tr::tr("media_days must be a whole number of days from 1 to 3650."));
    c.mediaRetentionDays = int(n);
    const QString proxies = s.value(QStringLiteral("trusted_proxies"), QStringLiteral("127.0.0.1/32,::1/128"));
    for (const QString &p : proxies.split(u',', Qt::SkipEmptyParts)) {
        const auto subnet = QHostAddress::parseSubnet(p.trimmed());
        if (subnet.first.isNull())
            return fail(Tr::tr("trusted_proxies: “%1” is not an address range.").arg(p.trimmed()));
        c.trustedProxies.append(subnet);
    }
    if (const QString ranges = s.value(QStringLiteral("machine_ranges_file")); !ranges.isEmpty()) {
        QFile f(ranges);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Tr::tr("machine_ranges_file %1 cannot be read.").arg(ranges));
        c.machineRanges = f.readAll();
    }

    TrackerServer server(c);
    if (const lux::Status started = server.start(); !started)
        return fail(started.error().message);
    const ConnectionLimits &limits = server.limits();
    const DescriptorBudget &fds = server.descriptors();
    std::printf("lux-tracker: at most %d connections (file-descriptor limit %lld%s), %d from one address; headers within %.1f s, "
                "bodies within %.1f s, idle keep-alive %.1f s\n",
                limits.maxConnections, fds.soft, fds.raised ? ", raised to the hard limit" : "", limits.maxPerAddress,
                double(limits.headerTimeout.count()) / 1000.0, double(limits.bodyTimeout.count()) / 1000.0,
                double(limits.idleTimeout.count()) / 1000.0);
    if (c.twilioAuthToken.isEmpty())
        std::printf("lux-tracker: no Twilio auth token: /twilio/status and /twilio/inbound answer 404\n");
    else
        std::printf("lux-tracker: Twilio callbacks checked against %s/twilio/status and %s/twilio/inbound%s\n", qPrintable(c.publicUrl),
                    qPrintable(c.publicUrl), c.smsHelpText.isEmpty() ? " (no HELP text)" : "");
    std::printf("lux-tracker listening on %s:%u\n", qPrintable(c.host.contains(u':') ? u'[' + c.host + u']' : c.host), unsigned(server.port()));
    std::fflush(stdout);

    for (;;) {
        const timespec second{1, 0};
        const int sig = sigtimedwait(&signals, nullptr, &second);
        server.flushLog();
        if (sig == SIGINT || sig == SIGTERM)
            break;
    }
    server.stop(); // every acknowledged event is on disk when this returns
    std::printf("lux-tracker stopped\n");
    return 0;
}
