// SPDX-License-Identifier: GPL-3.0-or-later
#include "network.h"

namespace lux::social {

QString Networks::name(Network network)
{
    switch (network) {
    case Network::X:
        return QStringLiteral("x");
    case Network::LinkedIn:
        return QStringLiteral("linkedin");
    case Network::Instagram:
        return QStringLiteral("instagram");
    case Network::Facebook:
        return QStringLiteral("facebook");
    }
    return {};
}

std::optional<Network> Networks::fromName(const QString &name)
{
    for (Network network : all()) {
        if (name.compare(Networks::name(network), Qt::CaseInsensitive) == 0)
            return network;
    }
    return std::nullopt;
}

QString Networks::displayName(Network network)
{
    // Brand names: not translated.
    switch (network) {
    case Network::X:
        return QStringLiteral("X");
    case Network::LinkedIn:
        return QStringLiteral("LinkedIn");
    case Network::Instagram:
        return QStringLiteral("Instagram");
    case Network::Facebook:
        return QStringLiteral("Facebook");
    }
    return {};
}

} // namespace lux::social
