// SPDX-License-Identifier: GPL-3.0-or-later
// SMS segment counting as a campaign does it: once per recipient, on the text with the merge tags
// expanded for that contact. 10,000 texts of six kinds (short and long GSM-7, GSM-7 with extension
// characters, UCS-2 from curly quotes, Spanish with accents, emoji with flags and ZWJ sequences over
// several parts) are made first; the timed loop counts them in turn, N counts in all (default
// 1,000,000), and prints counts a second, overall and per kind.
//   lux-sms-segments-bench [N]
#include "sms/segments.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <iterator>

using namespace lux::sms;

namespace {

const char *const kKinds[] = {"GSM-7, one part", "GSM-7, two parts", "GSM-7, extension chars", "UCS-2, curly quotes",
                              "UCS-2, Spanish", "UCS-2, emoji over parts"};
constexpr int kKindCount = int(std::size(kKinds));

QString textFor(int kind, int i)
{
    const QString name = QStringLiteral("Contact%1").arg(i);
    const QString code = QStringLiteral("SAVE%1").arg(i % 997);
    switch (kind) {
    case 0:
        return QStringLiteral("Acme: Hi %1, your order ships today. Track it at acme.example/t/%2").arg(name, code);
    case 1:
        return QStringLiteral("Acme: Hi %1, spring is here and so is our biggest sale of the year. Everything in store and online is "
                              "20% off until Sunday with code %2. Members get free delivery on every order over 30 dollars, and "
                              "the first 100 orders get a free tote bag. See you soon! Reply HELP for help.")
            .arg(name, code);
    case 2:
        return QStringLiteral("Acme: %1, your invoice [#%2] is ready: 49.90 € {VAT included}. Pay at acme.example/pay?id=%2 | "
                              "questions? ~ reply here")
            .arg(name, code);
    case 3:
        return QStringLiteral("Acme: “Hi %1” — your “Winter Warmers” box is on its way… Use %2 for 10% off next time.").arg(name, code);
    case 4:
        return QStringLiteral("Acme: ¡Hola %1! Tu pedido está en camino. Próxima promoción: código %2, válido hasta el sábado. "
                              "Gracias por tu confianza, nos vemos pronto en la tienda de Córdoba.")
            .arg(name, code);
    default:
        return QStringLiteral("Acme 🎉 %1, party time! 🇪🇸🇲🇽🇺🇸 Bring the family 👨‍👩‍👧 and friends 👍🏽👍🏿. Code %2 gets you a "
                              "free drink 🍹🍹 and dessert 🍰. See you Saturday at 8 ☀️🌙 at the usual place, the one by the sea 🌊.")
            .arg(name, code);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const long long n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    constexpr int kTexts = 10'000;
    QStringList texts;
    texts.reserve(kTexts);
    for (int i = 0; i < kTexts; ++i)
        texts << textFor(i % kKindCount, i);

    // Per kind first (the same number of counts each), then all kinds mixed, as an audience is.
    std::printf("%-28s %12s %10s %8s %6s\n", "kind", "counts/s", "encoding", "units", "parts");
    for (int kind = 0; kind < kKindCount; ++kind) {
        const long long each = n / kKindCount;
        long long segments = 0;
        QElapsedTimer t;
        t.start();
        for (long long i = 0; i < each; ++i)
            segments += Segments::count(texts.at(int(i % (kTexts / kKindCount)) * kKindCount + kind)).segments;
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        const SegmentCount sample = Segments::count(texts.at(kind));
        std::printf("%-28s %12.0f %10s %8d %6d\n", kKinds[kind], double(each) / seconds, qPrintable(sample.encodingName()), sample.units,
                    sample.segments);
        if (segments <= 0)
            return 1; // keeps the loop from being optimised away
    }
    long long segments = 0;
    QElapsedTimer t;
    t.start();
    for (long long i = 0; i < n; ++i)
        segments += Segments::count(texts.at(int(i % kTexts))).segments;
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    std::printf("%-28s %12.0f   (%lld counts in %.2f s, %lld segments)\n", "mixed", double(n) / seconds, n, seconds, segments);
    return 0;
}
