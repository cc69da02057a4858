// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialfake.h"

namespace lux::fakes::common {

SocialFake::SocialFake(Faults *faults, RequestStats *stats, const QString &narrowScope, quint32 seed, const QStringList &moreFaultKinds,
                       QObject *parent)
    : QObject(parent),
      m_http(controlledHandler({[this] { return statsJson(); }, [this](const QJsonObject &o) { return configure(o); },
                                [this](bool config) { reset(config); }, [this](const HttpRequest &r) { return control(r); }},
                               [this](HttpExchange *e) { api(e); }),
             this),
      m_plan(faults, stats, narrowScope, seed, moreFaultKinds)
{
}

SocialFake::~SocialFake() = default;

bool SocialFake::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

} // namespace lux::fakes::common
