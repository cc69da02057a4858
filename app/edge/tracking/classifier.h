// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace lux::tracking {

// Whether an open or a click was a person or a machine, and why. Flagged, never dropped: reports show
// both. Reasons are stable codes ("apple-mpp", "scanner-agent", ...); describeReason() words them.
struct Verdict
{
    bool machine = false;
    QString reason; // empty for human

    static Verdict human() { return {}; }
    static Verdict machineBecause(QString why) { return {true, std::move(why)}; }
};

// What lux-tracker can tell from the request alone: its method, user agent and address.
class RequestClassifier
{
public:
    RequestClassifier(); // with the built-in ranges (Apple's and Google's image proxies)

    // Extra ranges ("CIDR reason" a line, '#' comments), e.g. a company's mail gateway.
    Status addRanges(QByteArrayView text);

    Verdict classify(QByteArrayView method, QByteArrayView userAgent, const QHostAddress &client) const;

private:
    QList<QPair<QPair<QHostAddress, int>, QString>> m_ranges;
};

// What only the app can tell, knowing when the message was delivered and what else was clicked.
namespace context {
inline constexpr qint64 kClickAfterDeliveryMs = 10'000; // a person does not click within seconds
inline constexpr qint64 kAllLinksWindowMs = 1'000;      // a scanner follows every link at once
} // namespace context

QString describeReason(const QString &reason);

} // namespace lux::tracking
