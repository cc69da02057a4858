// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-x: the fake X API v2 on its own, for trying the app or luxctl by hand and for end-to-end runs
// in other processes.
//   lux-fake-x [--port N] [--client-id ID] [--client-secret S] [--redirect-uri URL]…
//              [--user ID:USERNAME[:SUBSCRIPTION]]… [--access-ttl S] [--rate-limit N] [--timeline-forbidden]
//              [--fail-5xx P] [--throttle P] [--drop P] [--lose P] [--token-unavailable P] [--creates-only]
//              [--latency MS] [--seed N]
// Prints the base URL (the API below /2/, the authorize page at /i/oauth2/authorize); /_fake/posts lists
// what it posted, /_fake/grant mints tokens without the browser, /_fake/config changes the rest (fakex.h
// documents them all).
#include "fakex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake X API v2 (OAuth 2.0 with PKCE, posts, media, timelines) on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("client-id"), QStringLiteral("The app's OAuth 2.0 client ID."), QStringLiteral("ID"), QStringLiteral("lux-test-client")},
        {QStringLiteral("client-secret"), QStringLiteral("A client secret (a confidential client: HTTP Basic on the token endpoint)."),
         QStringLiteral("S")},
        {QStringLiteral("redirect-uri"), QStringLiteral("A registered callback URL (repeatable; none: any but localhost)."), QStringLiteral("URL")},
        {QStringLiteral("user"), QStringLiteral("A user, ID:USERNAME[:None|Basic|Premium|PremiumPlus] (repeatable; the first signs in)."),
         QStringLiteral("USER")},
        {QStringLiteral("access-ttl"), QStringLiteral("Seconds an access token lives."), QStringLiteral("S"), QStringLiteral("7200")},
        {QStringLiteral("rate-limit"), QStringLiteral("POST /2/tweets per user per 15 minutes."), QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("timeline-forbidden"), QStringLiteral("GET /2/users/:id/tweets answers 403 (a plan without reads).")},
        {QStringLiteral("fail-5xx"), QStringLiteral("Share of requests answered 500/503."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("throttle"), QStringLiteral("Share answered 429."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("drop"), QStringLiteral("Share whose connection drops before anything happens."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("lose"), QStringLiteral("Share done whose answer is lost."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("token-unavailable"), QStringLiteral("Share of token requests answered 503."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("creates-only"), QStringLiteral("Inject faults into POST /2/tweets only.")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("MS"), QStringLiteral("2")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the injected faults."), QStringLiteral("N"), QStringLiteral("20261210")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeX x;
    x.setClient(parser.value(QStringLiteral("client-id")), parser.value(QStringLiteral("client-secret")));
    x.setRedirectUris(parser.values(QStringLiteral("redirect-uri")));
    const QStringList users = parser.values(QStringLiteral("user"));
    for (const QString &u : users) {
        lux::fakes::FakeX::User user;
        user.id = u.section(QLatin1Char(':'), 0, 0);
        user.username = u.section(QLatin1Char(':'), 1, 1);
        user.name = user.username;
        if (!u.section(QLatin1Char(':'), 2, 2).isEmpty())
            user.subscriptionType = u.section(QLatin1Char(':'), 2, 2);
        x.setUser(user);
    }
    if (!users.isEmpty())
        x.setAuthorizeAs(users.first().section(QLatin1Char(':'), 0, 0));
    x.setAccessTtl(parser.value(QStringLiteral("access-ttl")).toInt());
    x.setTweetLimit(parser.value(QStringLiteral("rate-limit")).toInt());
    x.setTimelineForbidden(parser.isSet(QStringLiteral("timeline-forbidden")));
    lux::fakes::FakeX::Faults faults;
    faults.serverError = parser.value(QStringLiteral("fail-5xx")).toDouble();
    faults.throttled = parser.value(QStringLiteral("throttle")).toDouble();
    faults.dropConnection = parser.value(QStringLiteral("drop")).toDouble();
    faults.loseAnswer = parser.value(QStringLiteral("lose")).toDouble();
    faults.tokenUnavailable = parser.value(QStringLiteral("token-unavailable")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    if (parser.isSet(QStringLiteral("creates-only")))
        faults.scope = QStringLiteral("create");
    x.setFaults(faults);
    x.setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (!x.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-x: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << x.baseUrl().toString() << Qt::endl;
    return app.exec();
}
