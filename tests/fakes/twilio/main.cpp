// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-twilio: the fake Twilio Messages API on its own, for trying the app or luxctl by hand and
// for end-to-end runs in other processes.
//   lux-fake-twilio [--port N] [--account-sid AC… --auth-token T] [--api-key SK…:SECRET]
//                   [--number +1…]… [--service MG…:+1…,+1…]… [--concurrency N] [--mps N] [--no-limits]
//                   [--fail-5xx P] [--throttle P] [--drop P] [--lose P] [--latency MS] [--seed N]
// Prints the base URL to set as twilio.base_url; /_fake/messages lists what it accepted and
// /_fake/config changes the rest (faketwilio.h documents both).
#include "faketwilio.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Twilio Programmable Messaging API on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("account-sid"), QStringLiteral("Account SID (AC + 32 hex)."), QStringLiteral("SID")},
        {QStringLiteral("auth-token"), QStringLiteral("Auth Token (also signs callbacks)."), QStringLiteral("T")},
        {QStringLiteral("api-key"), QStringLiteral("An API key, SK…:secret (repeatable)."), QStringLiteral("KEY")},
        {QStringLiteral("number"), QStringLiteral("One of the account's numbers (repeatable; replaces the default)."), QStringLiteral("E164")},
        {QStringLiteral("service"), QStringLiteral("A Messaging Service and its pool, MG…:+1…,+1… (repeatable)."), QStringLiteral("MG")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests in flight before 20429."), QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("mps"), QStringLiteral("Messages a second every sender may have accepted before it counts a violation (0: off)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("no-limits"), QStringLiteral("No concurrency limit (throughput runs).")},
        {QStringLiteral("fail-5xx"), QStringLiteral("Share of requests answered 500/503."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("throttle"), QStringLiteral("Share answered 429 with 20429."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("drop"), QStringLiteral("Share whose connection drops before anything happens."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("lose"), QStringLiteral("Share processed whose answer is lost."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("creates-only"), QStringLiteral("Inject faults into creates only, not fetches and lists.")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("MS"), QStringLiteral("2")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the injected faults."), QStringLiteral("N"), QStringLiteral("20261205")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeTwilio twilio;
    if (parser.isSet(QStringLiteral("account-sid")) || parser.isSet(QStringLiteral("auth-token")))
        twilio.setCredentials(parser.isSet(QStringLiteral("account-sid")) ? parser.value(QStringLiteral("account-sid")) : twilio.accountSid(),
                              parser.isSet(QStringLiteral("auth-token")) ? parser.value(QStringLiteral("auth-token")) : twilio.authToken());
    for (const QString &key : parser.values(QStringLiteral("api-key")))
        twilio.addApiKey(key.section(QLatin1Char(':'), 0, 0), key.section(QLatin1Char(':'), 1));
    if (parser.isSet(QStringLiteral("number")))
        twilio.setNumbers(parser.values(QStringLiteral("number")));
    for (const QString &service : parser.values(QStringLiteral("service")))
        twilio.setService(service.section(QLatin1Char(':'), 0, 0), service.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts));
    twilio.setConcurrency(parser.isSet(QStringLiteral("no-limits")) ? (1 << 30) : parser.value(QStringLiteral("concurrency")).toInt());
    twilio.setDefaultMps(parser.value(QStringLiteral("mps")).toInt());
    lux::fakes::FakeTwilio::Faults faults;
    faults.serverError = parser.value(QStringLiteral("fail-5xx")).toDouble();
    faults.throttled = parser.value(QStringLiteral("throttle")).toDouble();
    faults.dropConnection = parser.value(QStringLiteral("drop")).toDouble();
    faults.loseAnswer = parser.value(QStringLiteral("lose")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    faults.createsOnly = parser.isSet(QStringLiteral("creates-only"));
    twilio.setFaults(faults);
    twilio.setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (!twilio.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-twilio: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << twilio.baseUrl().toString() << Qt::endl;
    return app.exec();
}
