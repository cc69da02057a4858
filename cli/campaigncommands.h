// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

#include <QCommandLineOption>

namespace lux::cli {

// The options each settings, sender, campaign, scheduler and tracker command reads (see commandtable.h).
QList<QCommandLineOption> campaignOptions(const QString &group, const QString &command);
int runSettingsCommand(const QString &command, const CommandContext &ctx);
int runSenderCommand(const QString &command, const CommandContext &ctx);
int runCampaignCommand(const QString &command, const CommandContext &ctx);
int runSchedulerCommand(const QString &command, const CommandContext &ctx);
int runTrackerCommand(const QString &command, const CommandContext &ctx);
int runMailboxCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
