// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

#include <QCommandLineOption>

namespace lux::cli {

QList<QCommandLineOption> campaignOptions();
int runSettingsCommand(const QString &command, const CommandContext &ctx);
int runSenderCommand(const QString &command, const CommandContext &ctx);
int runCampaignCommand(const QString &command, const CommandContext &ctx);
int runSchedulerCommand(const QString &command, const CommandContext &ctx);
int runTrackerCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
