// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcStorage, "lux.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUsers, "lux.users", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "lux.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "lux.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMailbox, "lux.mailbox", QtInfoMsg)
