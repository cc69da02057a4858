// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-meta: the fake Meta Graph API (Facebook Login, Pages, Instagram content publishing) on its own,
// for trying the app or luxctl by hand and for end-to-end runs in other processes.
//   lux-fake-meta [--port N] [--app-id ID] [--app-secret S] [--redirect-uri URL]… [--user ID:NAME]…
//                 [--page ID:NAME[:IG_ID:IG_USERNAME]]… [--quota N] [--container-delay MS]
//                 [--fail-5xx P] [--throttle P] [--drop P] [--lose P] [--publish-only] [--latency MS] [--seed N]
// Prints the base URL (graph.facebook.com and the dialog of www.facebook.com alike); /_fake/posts lists what
// was published, /_fake/grant mints tokens without the browser, /_fake/config changes the rest (fakemeta.h
// documents them all).
#include "fakemeta.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Meta Graph API (Facebook Login, Pages, Instagram content publishing) on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("app-id"), QStringLiteral("The Meta app's ID (client_id)."), QStringLiteral("ID"), QStringLiteral("876543210987654")},
        {QStringLiteral("app-secret"), QStringLiteral("The app's secret."), QStringLiteral("S"), QStringLiteral("7c3d0e5f9a1b2c4d6e8f0a1b3c5d7e9f")},
        {QStringLiteral("redirect-uri"), QStringLiteral("A valid OAuth redirect URI (repeatable; none: any http(s))."), QStringLiteral("URL")},
        {QStringLiteral("user"), QStringLiteral("A user, ID:NAME (repeatable; the first signs in and manages every --page)."), QStringLiteral("USER")},
        {QStringLiteral("page"), QStringLiteral("A page, ID:NAME[:IG_ID:IG_USERNAME] (repeatable; the first user manages exactly these)."), QStringLiteral("PAGE")},
        {QStringLiteral("quota"), QStringLiteral("Instagram posts per account per 24 hours."), QStringLiteral("N"), QStringLiteral("50")},
        {QStringLiteral("container-delay"), QStringLiteral("Milliseconds before a container's image is fetched."), QStringLiteral("MS"), QStringLiteral("1000")},
        {QStringLiteral("fail-5xx"), QStringLiteral("Share of requests answered 500 (code 1 or 2)."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("throttle"), QStringLiteral("Share answered with the throttling error."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("drop"), QStringLiteral("Share whose connection drops before anything happens."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("lose"), QStringLiteral("Share done whose answer is lost."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("publish-only"), QStringLiteral("Inject faults into the publishing calls only (feed, published photos, media_publish).")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("MS"), QStringLiteral("2")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the injected faults."), QStringLiteral("N"), QStringLiteral("20261212")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeMeta meta;
    meta.setApp(parser.value(QStringLiteral("app-id")), parser.value(QStringLiteral("app-secret")));
    meta.setRedirectUris(parser.values(QStringLiteral("redirect-uri")));
    const QStringList pages = parser.values(QStringLiteral("page"));
    QStringList pageIds;
    for (const QString &p : pages) {
        lux::fakes::FakeMeta::Page page;
        page.id = p.section(QLatin1Char(':'), 0, 0);
        page.name = p.section(QLatin1Char(':'), 1, 1);
        page.igId = p.section(QLatin1Char(':'), 2, 2);
        page.igUsername = p.section(QLatin1Char(':'), 3, 3);
        meta.setPage(page);
        pageIds << page.id;
    }
    const QStringList users = parser.values(QStringLiteral("user"));
    for (const QString &u : users) {
        lux::fakes::FakeMeta::User user;
        user.id = u.section(QLatin1Char(':'), 0, 0);
        user.name = u.section(QLatin1Char(':'), 1);
        if (const lux::fakes::FakeMeta::User *known = meta.user(user.id))
            user.pages = known->pages;
        meta.setUser(user);
    }
    if (!users.isEmpty())
        meta.setAuthorizeAs(users.first().section(QLatin1Char(':'), 0, 0));
    if (!pageIds.isEmpty()) {
        // The user who signs in manages exactly the pages given.
        const QString first = users.isEmpty() ? QStringLiteral("10000000000000001") : users.first().section(QLatin1Char(':'), 0, 0);
        lux::fakes::FakeMeta::User owner = *meta.user(first);
        owner.pages = pageIds;
        meta.setUser(owner);
    }
    meta.setQuota(parser.value(QStringLiteral("quota")).toInt());
    meta.setContainerDelay(parser.value(QStringLiteral("container-delay")).toInt());
    lux::fakes::FakeMeta::Faults faults;
    faults.serverError = parser.value(QStringLiteral("fail-5xx")).toDouble();
    faults.throttled = parser.value(QStringLiteral("throttle")).toDouble();
    faults.dropConnection = parser.value(QStringLiteral("drop")).toDouble();
    faults.loseAnswer = parser.value(QStringLiteral("lose")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    if (parser.isSet(QStringLiteral("publish-only")))
        faults.scope = QStringLiteral("publish");
    meta.setFaults(faults);
    meta.setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (!meta.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-meta: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << meta.baseUrl().toString() << Qt::endl;
    return app.exec();
}
