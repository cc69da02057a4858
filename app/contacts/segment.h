// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace lux::contacts {

// Rules that pick contacts, as JSON:
//   {"match": "all" | "any", "rules": [RULE | GROUP, …]}
//   {"field": "country", "op": "equals", "value": "ES"}            standard fields and "custom:NAME"
//   {"field": "tag", "op": "has" | "lacks", "value": "VIP"}
//   {"field": "status", "op": "is" | "is_not", "value": "subscribed"}
//   {"field": "created_at" | "updated_at", "op": "before" | "after", "value": "2026-01-31"}
//   {"field": "created_at" | "updated_at", "op": "within_days", "value": 30}
//   {"field": "phone_type", "op": "textable" | "not_textable"}        what PhoneNumbers::canBeTexted says
//   {"field": "phone_type", "op": "is" | "is_not", "value": "mobile"}  a PhoneNumbers::typeCode
// Text operators: equals, not_equals, contains, not_contains, starts_with, ends_with, is_empty,
// is_not_empty (case-insensitive). Number operators on custom fields: lt, lte, gt, gte.
// Compiled SQL holds only fixed text and placeholders; every value, custom field name and tag is bound.
struct CompiledSegment
{
    QString where; // "(…)" for "WHERE"; the contacts table is aliased c
    QVariantList binds;
};

class Segment
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::Segment)
public:
    static constexpr int kMaxDepth = 8;
    static constexpr int kMaxRules = 200;

    // `now` anchors "within N days" (ms since the epoch).
    static Result<CompiledSegment> compile(const QJsonObject &rules, qint64 now);
    static Result<QJsonObject> parse(const QByteArray &json); // with the error's position

    static Result<qint64> count(QSqlDatabase db, const QJsonObject &rules, qint64 now);
};

struct SavedSegment
{
    qint64 id = 0;
    QString name;
    QJsonObject rules;
    qint64 updatedAt = 0;
};

class SegmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::SegmentRepository)
public:
    explicit SegmentRepository(QSqlDatabase db, Clock clock = systemClock())
        : m_db(std::move(db)), m_clock(std::move(clock))
    {
    }
    // Creates or replaces the segment called name; the rules must compile.
    Result<SavedSegment> save(const QString &name, const QJsonObject &rules, std::optional<qint64> byUser);
    Result<SavedSegment> find(const QString &name) const;
    QList<SavedSegment> list() const;

private:
    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::contacts
