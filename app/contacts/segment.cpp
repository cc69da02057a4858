// SPDX-License-Identifier: GPL-3.0-or-later
#include "segment.h"

#include "common/errorcodes.h"
#include "phonenumbers.h"
#include "storage/sqlvalues.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace lux::contacts {

namespace {

// The only column names that can reach SQL text: a fixed table, looked up by the rule's field.
const QHash<QString, QString> &textColumns()
{
    static const QHash<QString, QString> columns = {
        {QStringLiteral("email"), QStringLiteral("c.email")},
        {QStringLiteral("first_name"), QStringLiteral("c.first_name")},
        {QStringLiteral("last_name"), QStringLiteral("c.last_name")},
        {QStringLiteral("phone"), QStringLiteral("c.phone")},
        {QStringLiteral("phone_region"), QStringLiteral("c.phone_region")},
        {QStringLiteral("company"), QStringLiteral("c.company")},
        {QStringLiteral("city"), QStringLiteral("c.city")},
        {QStringLiteral("country"), QStringLiteral("c.country")},
        {QStringLiteral("time_zone"), QStringLiteral("c.time_zone")},
        {QStringLiteral("language"), QStringLiteral("c.language")},
        {QStringLiteral("source"), QStringLiteral("c.source")},
    };
    return columns;
}

const QStringList kStatuses = {QStringLiteral("subscribed"), QStringLiteral("unsubscribed"), QStringLiteral("bounced"),
                               QStringLiteral("complained"), QStringLiteral("cleaned")};

class Compiler
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::Segment)
public:
    explicit Compiler(qint64 now) : m_now(now) {}

    Result<QString> group(const QJsonObject &g, const QString &where, int depth)
    {
        if (depth > Segment::kMaxDepth)
            return Error(errc::segmentTooDeep, tr("%1: groups nest more than %2 deep.").arg(where).arg(Segment::kMaxDepth));
        const QString match = g.value(QStringLiteral("match")).toString(QStringLiteral("all"));
        if (match != QLatin1String("all") && match != QLatin1String("any"))
            return Error(errc::segmentMatch, tr("%1: \"match\" is \"all\" or \"any\", not \"%2\".").arg(where, match));
        const QJsonValue rulesValue = g.value(QStringLiteral("rules"));
        if (!rulesValue.isArray())
            return Error(errc::segmentRules, tr("%1: \"rules\" must be a list.").arg(where));
        const QJsonArray rules = rulesValue.toArray();
        if (rules.isEmpty())
            return QStringLiteral("1 = 1"); // an empty group matches everyone
        QStringList parts;
        for (qsizetype i = 0; i < rules.size(); ++i) {
            const QString here = where + QStringLiteral(" › ") + tr("rule %1").arg(i + 1);
            if (++m_rules > Segment::kMaxRules)
                return Error(errc::segmentTooMany, tr("A segment has at most %1 rules.").arg(Segment::kMaxRules));
            if (!rules.at(i).isObject())
                return Error(errc::segmentRule, tr("%1 is not an object.").arg(here));
            const QJsonObject r = rules.at(i).toObject();
            const auto part = r.contains(QStringLiteral("rules")) ? group(r, here, depth + 1) : rule(r, here);
            if (!part)
                return part.error();
            parts << QLatin1Char('(') + *part + QLatin1Char(')');
        }
        return parts.join(match == QLatin1String("all") ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
    }

    QVariantList binds;

private:
    Result<QString> rule(const QJsonObject &r, const QString &where)
    {
        const QString field = r.value(QStringLiteral("field")).toString();
        const QString op = r.value(QStringLiteral("op")).toString();
        const QJsonValue value = r.value(QStringLiteral("value"));
        const auto bad = [&](const QString &why) { return Error(errc::segmentRule, where + QStringLiteral(": ") + why); };

        if (field == QLatin1String("tag")) {
            const QString tag = value.toString().trimmed();
            if (tag.isEmpty())
                return bad(tr("a tag rule needs a tag name."));
            const QString sub = QStringLiteral("c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON "
                                               "t.id = ct.tag_id WHERE lower(t.name) = lower(?))");
            binds << tag;
            if (op == QLatin1String("has"))
                return sub;
            if (op == QLatin1String("lacks"))
                return QStringLiteral("NOT ") + sub;
            return bad(tr("a tag rule's op is \"has\" or \"lacks\", not \"%1\".").arg(op));
        }
        if (field == QLatin1String("status")) {
            const QString status = value.toString();
            if (!kStatuses.contains(status))
                return bad(tr("\"%1\" is not a status (%2).").arg(status, kStatuses.join(QStringLiteral(", "))));
            binds << status;
            if (op == QLatin1String("is"))
                return QStringLiteral("c.status = ?");
            if (op == QLatin1String("is_not"))
                return QStringLiteral("c.status <> ?");
            return bad(tr("a status rule's op is \"is\" or \"is_not\", not \"%1\".").arg(op));
        }
        if (field == QLatin1String("phone_type")) {
            // contacts_phone_type (migration 13) serves both forms; a phone not typed yet (NULL) is
            // neither textable nor of any type.
            if (op == QLatin1String("textable") || op == QLatin1String("not_textable")) {
                const QStringList codes = PhoneNumbers::textableTypeCodes();
                QStringList marks;
                for (const QString &code : codes) {
                    binds << code;
                    marks << QStringLiteral("?");
                }
                const QString in = QStringLiteral("c.phone_type IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
                return op == QLatin1String("textable") ? in : QStringLiteral("NOT coalesce(") + in + QStringLiteral(", 0)");
            }
            const QString type = value.toString();
            if (type.isEmpty() || PhoneNumbers::typeCode(PhoneNumbers::typeFromCode(type)) != type)
                return bad(tr("\"%1\" is not a phone type.").arg(type));
            binds << type;
            if (op == QLatin1String("is"))
                return QStringLiteral("c.phone_type = ?");
            if (op == QLatin1String("is_not"))
                return QStringLiteral("coalesce(c.phone_type, '') <> ?");
            return bad(tr("a phone type rule's op is \"textable\", \"not_textable\", \"is\" or \"is_not\", not \"%1\".").arg(op));
        }
        if (field == QLatin1String("created_at") || field == QLatin1String("updated_at")) {
            const QString column = field == QLatin1String("created_at") ? QStringLiteral("c.created_at") : QStringLiteral("c.updated_at");
            if (op == QLatin1String("within_days")) {
                const int days = value.toInt(-1);
                if (days < 0)
                    return bad(tr("\"within_days\" needs a number of days."));
                binds << m_now - qint64(days) * 86'400'000;
                return column + QStringLiteral(" >= ?");
            }
            const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
            if (!date.isValid())
                return bad(tr("\"%1\" is not a date (expected YYYY-MM-DD).").arg(value.toString()));
            if (op == QLatin1String("before")) {
                binds << QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
                return column + QStringLiteral(" < ?");
            }
            if (op == QLatin1String("after")) {
                binds << QDateTime(date.addDays(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
                return column + QStringLiteral(" >= ?");
            }
            return bad(tr("a date rule's op is \"before\", \"after\" or \"within_days\", not \"%1\".").arg(op));
        }

        QString expr;
        if (field.startsWith(QLatin1String("custom:"))) {
            const QString name = field.mid(7);
            if (name.isEmpty())
                return bad(tr("\"custom:\" needs a field name."));
            expr = QStringLiteral("json_extract(c.custom, ?)");
            binds << QString(QStringLiteral("$.\"") + QString(name).replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"'));
        } else if (const auto it = textColumns().constFind(field); it != textColumns().constEnd()) {
            expr = *it;
        } else {
            return bad(tr("\"%1\" is not a field.").arg(field));
        }

        const QString text = value.toVariant().toString();
        if (op == QLatin1String("is_empty"))
            return QStringLiteral("coalesce(") + expr + QStringLiteral(", '') = ''");
        if (op == QLatin1String("is_not_empty"))
            return QStringLiteral("coalesce(") + expr + QStringLiteral(", '') <> ''");
        if (op == QLatin1String("lt") || op == QLatin1String("lte") || op == QLatin1String("gt") || op == QLatin1String("gte")) {
            bool ok = false;
            const double number = value.isDouble() ? value.toDouble() : text.toDouble(&ok);
            if (!value.isDouble() && !ok)
                return bad(tr("\"%1\" needs a number.").arg(op));
            binds << number;
            static const QHash<QString, QString> ops = {{QStringLiteral("lt"), QStringLiteral(" < ?")},
                                                        {QStringLiteral("lte"), QStringLiteral(" <= ?")},
                                                        {QStringLiteral("gt"), QStringLiteral(" > ?")},
                                                        {QStringLiteral("gte"), QStringLiteral(" >= ?")}};
            return QStringLiteral("CAST(") + expr + QStringLiteral(" AS REAL)") + ops.value(op);
        }
        if (value.isUndefined() || value.isNull())
            return bad(tr("\"%1\" needs a value.").arg(op));
        const QString lowered = QStringLiteral("lower(coalesce(") + expr + QStringLiteral(", ''))");
        if (op == QLatin1String("equals")) {
            binds << text;
            return lowered + QStringLiteral(" = lower(?)");
        }
        if (op == QLatin1String("not_equals")) {
            binds << text;
            return lowered + QStringLiteral(" <> lower(?)");
        }
        if (op == QLatin1String("contains")) {
            binds << text;
            return QStringLiteral("instr(") + lowered + QStringLiteral(", lower(?)) > 0");
        }
        if (op == QLatin1String("not_contains")) {
            binds << text;
            return QStringLiteral("instr(") + lowered + QStringLiteral(", lower(?)) = 0");
        }
        if (op == QLatin1String("starts_with")) {
            binds << text;
            return QStringLiteral("instr(") + lowered + QStringLiteral(", lower(?)) = 1");
        }
        if (op == QLatin1String("ends_with")) {
            binds << text << text;
            return QStringLiteral("substr(") + lowered + QStringLiteral(", -length(?)) = lower(?)");
        }
        return bad(tr("\"%1\" is not an operator for %2.").arg(op, field));
    }

    qint64 m_now;
    int m_rules = 0;
};

} // namespace

Result<CompiledSegment> Segment::compile(const QJsonObject &rules, qint64 now)
{
    Compiler compiler(now);
    const auto where = compiler.group(rules, tr("segment"), 1);
    if (!where)
        return where.error();
    return CompiledSegment{QLatin1Char('(') + *where + QLatin1Char(')'), compiler.binds};
}

Result<QJsonObject> Segment::parse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(errc::segmentJson,
                     tr("The rules are not valid JSON at character %1: %2").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return Error(errc::segmentJson, tr("The rules must be a JSON object with \"match\" and \"rules\"."));
    return doc.object();
}

Result<qint64> Segment::count(QSqlDatabase db, const QJsonObject &rules, qint64 now)
{
    const auto compiled = compile(rules, now);
    if (!compiled)
        return compiled.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM contacts c WHERE ") + compiled->where);
    for (const QVariant &b : compiled->binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    return q.value(0).toLongLong();
}

Result<SavedSegment> SegmentRepository::save(const QString &name, const QJsonObject &rules, std::optional<qint64> byUser)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty())
        return Error(errc::segmentName, tr("A segment needs a name."));
    if (const auto compiled = Segment::compile(rules, m_clock()); !compiled)
        return compiled.error();
    const qint64 now = m_clock();
    const QString json = QString::fromUtf8(QJsonDocument(rules).toJson(QJsonDocument::Compact));
    const QVariant by = storage::userValue(byUser);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO segments (name, rules, created_at, updated_at, created_by, updated_by) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lower(name)) DO UPDATE SET rules = excluded.rules, "
                             "updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    q.addBindValue(clean);
    q.addBindValue(json);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(by);
    q.addBindValue(by);
    if (!q.exec())
        return storage::queryError(q);
    return find(clean);
}

Result<SavedSegment> SegmentRepository::find(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, rules, updated_at FROM segments WHERE lower(name) = lower(?)"));
    q.addBindValue(name.trimmed());
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::segmentNotFound, tr("There is no segment called \"%1\".").arg(name.trimmed()));
    return SavedSegment{q.value(0).toLongLong(), q.value(1).toString(),
                        QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), q.value(3).toLongLong()};
}

QList<SavedSegment> SegmentRepository::list() const
{
    QList<SavedSegment> result;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, rules, updated_at FROM segments ORDER BY lower(name)")))
        return result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), q.value(3).toLongLong()});
    return result;
}

} // namespace lux::contacts
