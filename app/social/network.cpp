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

PublishPace Networks::pace(Network network)
{
    switch (network) {
    case Network::X:
        return {10, 2000}; // 200 posts a user in 15 minutes, 300 in 3 hours (docs.x.com, manage posts)
    case Network::Instagram:
        return {5, 50};    // content_publishing_limit's quota_total, "currently 50" in 24 hours
    case Network::Facebook:
        return {10, 200};  // Pages: business-use-case limits, read from X-Business-Use-Case-Usage
    case Network::LinkedIn:
        return {5, 150};   // member and application daily limits, unpublished (reset at midnight UTC)
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
