// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-linkedin: the fake LinkedIn REST API on its own, for trying the app or luxctl by hand and for
// end-to-end runs in other processes.
//   lux-fake-linkedin [--port N] [--client-id ID] [--client-secret S] [--redirect-uri URL]…
//                     [--member ID:GIVEN:FAMILY]… [--organization ID:NAME[:VANITY]]…
//                     [--role MEMBER:ORGANIZATION[:ROLE]]… [--version YYYYMM]… [--access-ttl S]
//                     [--no-refresh] [--member-read-scope] [--image-delay MS] [--post-limit N]
//                     [--fail-5xx P] [--throttle P] [--drop P] [--lose P] [--creates-only]
//                     [--latency MS] [--seed N]
// Prints the base URL (the sign-in at /oauth/v2/…, the API below /v2 and /rest); /_fake/posts lists what
// was posted and what LinkedIn kept of it, /_fake/grant mints tokens without the browser, /_fake/config
// changes the rest (fakelinkedin.h documents them all).
#include "fakelinkedin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake LinkedIn REST API (OAuth 2.0 code flow, userinfo, organization roles, images, posts, comments) on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("client-id"), QStringLiteral("The app's client ID."), QStringLiteral("ID"), QStringLiteral("lux-test-client")},
        {QStringLiteral("client-secret"), QStringLiteral("The app's client secret."), QStringLiteral("S"), QStringLiteral("lux-test-secret")},
        {QStringLiteral("redirect-uri"), QStringLiteral("An authorized redirect URL (repeatable; none: any http(s) URL)."), QStringLiteral("URL")},
        {QStringLiteral("member"), QStringLiteral("A member, SUB:GIVEN:FAMILY (repeatable; the first signs in)."), QStringLiteral("MEMBER")},
        {QStringLiteral("organization"), QStringLiteral("An organization, ID:NAME[:VANITY] (repeatable)."), QStringLiteral("ORG")},
        {QStringLiteral("role"), QStringLiteral("An approved role, MEMBER:ORGANIZATION[:ROLE] (repeatable; ADMINISTRATOR by default)."),
         QStringLiteral("ROLE")},
        {QStringLiteral("version"), QStringLiteral("An active LinkedIn-Version (repeatable; none: the last twelve months)."), QStringLiteral("YYYYMM")},
        {QStringLiteral("access-ttl"), QStringLiteral("Seconds an access token lives."), QStringLiteral("S"), QStringLiteral("5184000")},
        {QStringLiteral("no-refresh"), QStringLiteral("No programmatic refresh tokens (an app without MDP approval).")},
        {QStringLiteral("member-read-scope"), QStringLiteral("The app may ask for r_member_social (restricted).")},
        {QStringLiteral("image-delay"), QStringLiteral("Milliseconds an uploaded image is PROCESSING."), QStringLiteral("MS"), QStringLiteral("300")},
        {QStringLiteral("post-limit"), QStringLiteral("POST /rest/posts per member per UTC day."), QStringLiteral("N"), QStringLiteral("150")},
        {QStringLiteral("fail-5xx"), QStringLiteral("Share of requests answered 500/503/504."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("throttle"), QStringLiteral("Share answered 429."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("drop"), QStringLiteral("Share whose connection drops before anything happens."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("lose"), QStringLiteral("Share done whose answer is lost."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("creates-only"), QStringLiteral("Inject faults into POST /rest/posts only.")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("MS"), QStringLiteral("2")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the injected faults."), QStringLiteral("N"), QStringLiteral("20261212")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeLinkedIn linkedin;
    linkedin.setClient(parser.value(QStringLiteral("client-id")), parser.value(QStringLiteral("client-secret")));
    linkedin.setRedirectUris(parser.values(QStringLiteral("redirect-uri")));
    const QStringList members = parser.values(QStringLiteral("member"));
    for (const QString &m : members) {
        lux::fakes::FakeLinkedIn::Member member;
        member.id = m.section(QLatin1Char(':'), 0, 0);
        member.givenName = m.section(QLatin1Char(':'), 1, 1);
        member.familyName = m.section(QLatin1Char(':'), 2, 2);
        linkedin.setMember(member);
    }
    if (!members.isEmpty())
        linkedin.setAuthorizeAs(members.first().section(QLatin1Char(':'), 0, 0));
    for (const QString &o : parser.values(QStringLiteral("organization"))) {
        const QString name = o.section(QLatin1Char(':'), 1, 1);
        const QString vanity = o.section(QLatin1Char(':'), 2, 2);
        linkedin.setOrganization({o.section(QLatin1Char(':'), 0, 0).toLongLong(), name, vanity.isEmpty() ? name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) : vanity});
    }
    for (const QString &r : parser.values(QStringLiteral("role"))) {
        lux::fakes::FakeLinkedIn::Role role;
        role.member = r.section(QLatin1Char(':'), 0, 0);
        role.organization = r.section(QLatin1Char(':'), 1, 1).toLongLong();
        if (!r.section(QLatin1Char(':'), 2, 2).isEmpty())
            role.role = r.section(QLatin1Char(':'), 2, 2);
        linkedin.setRole(role);
    }
    linkedin.setActiveVersions(parser.values(QStringLiteral("version")));
    linkedin.setAccessTtl(parser.value(QStringLiteral("access-ttl")).toLongLong());
    linkedin.setProgrammaticRefresh(!parser.isSet(QStringLiteral("no-refresh")));
    linkedin.setMemberReadScopeAvailable(parser.isSet(QStringLiteral("member-read-scope")));
    linkedin.setImageDelay(parser.value(QStringLiteral("image-delay")).toInt());
    linkedin.setLimit(QStringLiteral("POST /rest/posts"), {parser.value(QStringLiteral("post-limit")).toInt(), 100'000});
    lux::fakes::FakeLinkedIn::Faults faults;
    faults.serverError = parser.value(QStringLiteral("fail-5xx")).toDouble();
    faults.throttled = parser.value(QStringLiteral("throttle")).toDouble();
    faults.dropConnection = parser.value(QStringLiteral("drop")).toDouble();
    faults.loseAnswer = parser.value(QStringLiteral("lose")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    if (parser.isSet(QStringLiteral("creates-only")))
        faults.scope = QStringLiteral("create");
    linkedin.setFaults(faults);
    linkedin.setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (!linkedin.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-linkedin: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << linkedin.baseUrl().toString() << Qt::endl;
    return app.exec();
}
