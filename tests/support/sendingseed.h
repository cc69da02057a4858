// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace lux::test {

// What a database needs before `luxctl campaign create/send` can send: contacts, a template, a
// default brand kit, a sender mailbox and the Graph and tracker settings.
struct SendingSeed
{
    int recipients = 10;
    QString addressPattern = QStringLiteral("r%1@example.com"); // %1 counts from 0
    bool firstNames = true;                                       // a first_name column: R0, R1…
    QByteArray templateHtml;                                      // imported as the template "T"
    QString subject;
    QString preheader; // none when empty
    QString brandAddress = QStringLiteral("1 Main St, Springfield"); // of the default brand kit "Acme"
    QString sender = QStringLiteral("news@acme.example");
    int perMinute = 100'000;
    int perDay = 0;   // 0: luxctl's default
    QString graphUrl; // base and authority URL (the fake Graph); tenant "contoso", client id "client"
    QString trackerUrl = QStringLiteral("https://t.example"); // empty: no tracker
};

// Runs the luxctl steps for `seed` through `luxctl` (which returns the exit code, so each test keeps
// its own environment and timeout), writing the files they import into `dir`. Stops at the first step
// that does not exit 0, naming it.
Status seedSendingDatabase(const std::function<int(const QStringList &)> &luxctl, const QString &dir, const SendingSeed &seed);

} // namespace lux::test
