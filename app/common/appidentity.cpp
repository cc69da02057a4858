// SPDX-License-Identifier: GPL-3.0-or-later
#include "appidentity.h"

#include <QCoreApplication>

namespace lux {

void initApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LUX"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("lux.org"));
    QCoreApplication::setApplicationName(QStringLiteral("lux-marketing"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LUX_VERSION));
}

} // namespace lux
