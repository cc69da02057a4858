// SPDX-License-Identifier: GPL-3.0-or-later
#include "channel.h"

namespace lux::channels {

QString Outcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Accepted: return QStringLiteral("accepted");
    case Kind::Transient: return QStringLiteral("transient");
    case Kind::Permanent: return QStringLiteral("permanent");
    case Kind::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

qint64 Channel::notBefore(const Delivery &, qint64 now, Hold *) const
{
    return now;
}

QCoro::Task<Outcome> Channel::stage(Delivery, QByteArray)
{
    Outcome o;
    o.kind = Outcome::Kind::Permanent;
    o.code = QStringLiteral("channel.stage");
    o.message = QStringLiteral("This channel does not stage messages.");
    co_return o;
}

} // namespace lux::channels
