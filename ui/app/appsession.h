// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The session moved to ui/session. Settings → Sending and Settings → Tracking still include it by
// its old path while they are being rewritten; delete this file once they include
// "session/appsession.h".
#include "session/appsession.h"
