// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"
#include "content/emailhtml.h"

#include <QJsonArray>

namespace lux::cli {

// The options each template command reads (see commandtable.h).
QList<QCommandLineOption> templateOptions(const QString &group, const QString &command);

// luxctl template import FILE --name NAME | list | render NAME|FILE | check NAME|FILE
//        | component NAME FILE | brand NAME FILE.json [--default]
int runTemplateCommand(const QString &command, const CommandContext &ctx);

// The pre-send checks' findings as luxctl prints them (JSON, or one line each: file:line:column).
QJsonArray findingsJson(const QList<content::Finding> &findings);
QString findingsText(const QString &file, const QList<content::Finding> &findings);

} // namespace lux::cli
