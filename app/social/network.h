// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace lux::social {

// The networks a post can go to. The names are what the database, luxctl and the JSON use.
enum class Network { X, LinkedIn, Instagram, Facebook };

// How fast LUX publishes to one account: one post at a time, at most these many a minute and a
// day (docs/SOCIAL.md gives each network's source; rate-limit headers and Instagram's live quota
// slow it further).
struct PublishPace
{
    int perMinute = 10;
    int perDay = 100;
};

class Networks
{
public:
    static PublishPace pace(Network network);
    static QList<Network> all() { return {Network::X, Network::LinkedIn, Network::Instagram, Network::Facebook}; }
    static QString name(Network network);                      // x, linkedin, instagram, facebook
    static std::optional<Network> fromName(const QString &name); // any case
    static QString displayName(Network network);               // X, LinkedIn, Instagram, Facebook
};

} // namespace lux::social
