// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-graph: the fake Microsoft Graph on its own, for trying the app or luxctl by hand.
//   lux-fake-graph [--port N] [--tenant T --client-id C --client-secret S] [--fail-503 P] [--throttle P]
//                  [--drop P] [--lose P] [--latency MS] [--per-minute N] [--concurrency N] [--no-limits]
// Prints the base URL to set as graph.authority_url and graph.base_url; /_fake/messages lists what
// it accepted.
#include "fakegraph.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Microsoft Graph mail service on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("tenant"), QStringLiteral("Tenant."), QStringLiteral("T"), QStringLiteral("contoso")},
        {QStringLiteral("client-id"), QStringLiteral("Client id."), QStringLiteral("C"), QStringLiteral("client")},
        {QStringLiteral("client-secret"), QStringLiteral("Client secret."), QStringLiteral("S"), QStringLiteral("secret")},
        {QStringLiteral("fail-503"), QStringLiteral("Share of requests answered 503."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("throttle"), QStringLiteral("Share answered 429."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("drop"), QStringLiteral("Share whose connection drops."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("lose"), QStringLiteral("Share accepted whose answer is lost."), QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("MS"), QStringLiteral("5")},
        {QStringLiteral("per-minute"), QStringLiteral("Messages a mailbox may submit in any 60 s (0: no limit)."), QStringLiteral("N"),
         QStringLiteral("0")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests in flight per mailbox."), QStringLiteral("N"), QStringLiteral("4")},
        {QStringLiteral("no-limits"), QStringLiteral("No concurrency nor request budget limits (throughput runs).")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeGraph graph;
    graph.setCredentials(parser.value(QStringLiteral("tenant")), parser.value(QStringLiteral("client-id")),
                         parser.value(QStringLiteral("client-secret")));
    lux::fakes::FakeGraph::Faults faults;
    faults.serviceUnavailable = parser.value(QStringLiteral("fail-503")).toDouble();
    faults.throttled = parser.value(QStringLiteral("throttle")).toDouble();
    faults.dropConnection = parser.value(QStringLiteral("drop")).toDouble();
    faults.loseAnswer = parser.value(QStringLiteral("lose")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    graph.setFaults(faults);
    lux::fakes::FakeGraph::Limits limits;
    limits.messagesPerMinute = parser.value(QStringLiteral("per-minute")).toInt();
    limits.concurrentPerMailbox = parser.value(QStringLiteral("concurrency")).toInt();
    if (parser.isSet(QStringLiteral("no-limits"))) {
        limits.concurrentPerMailbox = 1 << 20;
        limits.requestsPerWindow = 1 << 30;
    }
    graph.setLimits(limits);
    if (!graph.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-graph: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << graph.baseUrl().toString() << Qt::endl;
    return app.exec();
}
