// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-openai: the fake OpenAI API on its own, for trying the app or luxctl by hand and for
// end-to-end runs in other processes.
//   lux-fake-openai [--port N] [--key sk-…] [--profile openai|ollama|notools] [--context-chars N] [--seed N]
// Prints the base URL to set as the OpenAI base URL (it ends in /v1); the control endpoints are at the
// root of the same server, /_fake/… (fakeopenai.h documents both).
#include "fakeopenai.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake OpenAI API (and Ollama's, llama.cpp's) on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("key"), QStringLiteral("The API key it accepts (Bearer)."), QStringLiteral("KEY")},
        {QStringLiteral("profile"), QStringLiteral("openai, ollama or notools (llama-server without --jinja)."), QStringLiteral("P"),
         QStringLiteral("openai")},
        {QStringLiteral("context-chars"), QStringLiteral("Characters of messages above which it answers context_length_exceeded."),
         QStringLiteral("N"), QStringLiteral("200000")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the stream's piece sizes and delays."), QStringLiteral("N"),
         QStringLiteral("20261205")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeOpenAI fake;
    if (parser.isSet(QStringLiteral("key")))
        fake.setApiKey(parser.value(QStringLiteral("key")));
    lux::fakes::FakeOpenAI::Profile profile;
    if (!lux::fakes::FakeOpenAI::parseProfile(parser.value(QStringLiteral("profile")), &profile)) {
        QTextStream(stderr) << "lux-fake-openai: --profile is openai, ollama or notools\n";
        return 2;
    }
    fake.setProfile(profile);
    fake.setContextChars(parser.value(QStringLiteral("context-chars")).toLongLong());
    fake.setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (!fake.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-openai: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << fake.baseUrl().toString() << Qt::endl;
    return app.exec();
}
