// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendingseed.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace lux::test {


Status seedSendingDatabase(const std::function<int(const QStringList &)> &luxctl, const QString &dir, const SendingSeed &seed)
{
    const QDir folder(dir);
    QByteArray csv = seed.firstNames ? "email,first_name\n" : "email\n";
    for (int i = 0; i < seed.recipients; ++i) {
        csv += seed.addressPattern.arg(i).toUtf8();
        if (seed.firstNames)
            csv += ",R" + QByteArray::number(i);
        csv += '\n';
    }
    const QString csvPath = folder.filePath(QStringLiteral("seed-contacts.csv"));
    const QString htmlPath = folder.filePath(QStringLiteral("seed-template.html"));
    const QString brandPath = folder.filePath(QStringLiteral("seed-brand.json"));
    const QByteArray brand =
        QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Acme")}, {QStringLiteral("address"), seed.brandAddress}}).toJson();
    for (const auto &[path, bytes] : {std::pair{csvPath, csv}, std::pair{htmlPath, seed.templateHtml}, std::pair{brandPath, brand}})
        if (!writeFile(path, bytes))
            return Error(QStringLiteral("test.write"), QStringLiteral("cannot write %1").arg(path));

    QStringList templateImport{QStringLiteral("template"), QStringLiteral("import"), htmlPath, QStringLiteral("--name"), QStringLiteral("T"),
                               QStringLiteral("--subject"), seed.subject};
    if (!seed.preheader.isEmpty())
        templateImport << QStringLiteral("--preheader") << seed.preheader;
    QStringList senderAdd{QStringLiteral("sender"), QStringLiteral("add"), seed.sender, QStringLiteral("--per-minute"), QString::number(seed.perMinute)};
    if (seed.perDay > 0)
        senderAdd << QStringLiteral("--per-day") << QString::number(seed.perDay);
    QList<QStringList> steps{
        {QStringLiteral("db"), QStringLiteral("init")},
        {QStringLiteral("contacts"), QStringLiteral("import"), csvPath},
        templateImport,
        {QStringLiteral("template"), QStringLiteral("brand"), QStringLiteral("Acme"), brandPath, QStringLiteral("--default")},
        senderAdd,
    };
    for (const auto &[key, value] : {std::pair{QStringLiteral("graph.tenant"), QStringLiteral("contoso")},
                                     std::pair{QStringLiteral("graph.client_id"), QStringLiteral("client")},
                                     std::pair{QStringLiteral("graph.base_url"), seed.graphUrl},
                                     std::pair{QStringLiteral("graph.authority_url"), seed.graphUrl},
                                     std::pair{QStringLiteral("tracker.url"), seed.trackerUrl}})
        if (!value.isEmpty()) // no tracker: sending without one
            steps.append({QStringLiteral("settings"), QStringLiteral("set"), key, value});
    for (const QStringList &step : steps)
        if (const int code = luxctl(step); code != 0)
            return Error(QStringLiteral("test.luxctl"), QStringLiteral("luxctl %1 exited with %2").arg(step.join(QLatin1Char(' ')), QString::number(code)));
    return {};
}

} // namespace lux::test
