// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatestore.h"

#include "common/errorcodes.h"
#include "markdown.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::content {

namespace {

EmailTemplate fromQuery(const QSqlQuery &q)
{
    EmailTemplate t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.format = q.value(2).toString();
    t.subject = q.value(3).toString();
    t.preheader = q.value(4).toString();
    t.source = q.value(5).toString();
    t.tags = q.value(6).toString().split(u',', Qt::SkipEmptyParts);
    for (QString &tag : t.tags)
        tag = tag.trimmed();
    t.createdAt = q.value(7).toLongLong();
    t.updatedAt = q.value(8).toLongLong();
    t.textPart = q.value(9).toString();
    return t;
}

constexpr auto kColumns = "SELECT id, name, format, subject, preheader, source, tags, created_at, updated_at, text_part FROM templates ";

} // namespace

Result<EmailTemplate> TemplateStore::save(const EmailTemplate &t, std::optional<qint64> byUser)
{
    const QString name = t.name.trimmed();
    if (name.isEmpty())
        return Error(errc::templateName, tr("A template needs a name."));
    if (t.format != QLatin1String("html") && t.format != QLatin1String("markdown"))
        return Error(errc::templateFormat, tr("“%1” is not a template format (html or markdown).").arg(t.format));
    if (const auto html = TemplateRenderer::checkedHtml(t, tr("The template “%1”").arg(name)); !html)
        return html.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM templates WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(t.id);
    if (!q.exec())
        return storage::queryError(q);
    if (q.next())
        return Error(errc::templateDuplicate, tr("There is already a template named “%1”.").arg(name));
    qint64 id = t.id;
    bool changed = true;
    if (id == 0) {
        q.prepare(QStringLiteral("INSERT INTO templates (name, format, subject, preheader, source, tags, created_at, updated_at, "
                                 "created_by, updated_by, text_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        for (const QVariant &v : QVariantList{name, t.format, storage::notNull(t.subject), storage::notNull(t.preheader), storage::notNull(t.source),
                                              storage::notNull(t.tags.join(QStringLiteral(", "))), now, now, storage::userValue(byUser), storage::userValue(byUser),
                                              storage::notNull(t.textPart)})
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return storage::queryError(q);
        id = q.value(0).toLongLong();
    } else {
        q.prepare(QStringLiteral("SELECT format = ? AND subject = ? AND preheader = ? AND source = ? AND text_part = ? "
                                 "FROM templates WHERE id = ?"));
        for (const QVariant &v : QVariantList{t.format, storage::notNull(t.subject), storage::notNull(t.preheader), storage::notNull(t.source), storage::notNull(t.textPart), id})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
        if (!q.next())
            return Error(errc::templateNotFound, tr("This template no longer exists."));
        changed = !q.value(0).toBool();
        q.prepare(QStringLiteral("UPDATE templates SET name = ?, format = ?, subject = ?, preheader = ?, source = ?, tags = ?, "
                                 "updated_at = ?, updated_by = ?, text_part = ? WHERE id = ?"));
        for (const QVariant &v : QVariantList{name, t.format, storage::notNull(t.subject), storage::notNull(t.preheader), storage::notNull(t.source),
                                              storage::notNull(t.tags.join(QStringLiteral(", "))), now, storage::userValue(byUser), storage::notNull(t.textPart), id})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    }
    if (changed) {
        q.prepare(QStringLiteral("INSERT INTO template_revisions (template_id, format, subject, preheader, source, at, by_user, "
                                 "text_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v :
             QVariantList{id, t.format, storage::notNull(t.subject), storage::notNull(t.preheader), storage::notNull(t.source), now, storage::userValue(byUser), storage::notNull(t.textPart)})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    }
    if (Status s = AuditLog(m_db).record(byUser, t.id == 0 ? QStringLiteral("template.created") : QStringLiteral("template.updated"),
                                         QStringLiteral("template"), id, name, now);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(id);
}

Result<EmailTemplate> TemplateStore::find(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE lower(name) = lower(?)"));
    q.addBindValue(name.trimmed());
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::templateNotFound, tr("There is no template named “%1”.").arg(name.trimmed()));
    return fromQuery(q);
}

Result<EmailTemplate> TemplateStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::templateNotFound, tr("This template no longer exists."));
    return fromQuery(q);
}

QList<EmailTemplate> TemplateStore::list() const
{
    QList<EmailTemplate> result;
    QSqlQuery q(m_db);
    if (q.exec(QString::fromLatin1(kColumns) + QStringLiteral("ORDER BY lower(name)")))
        while (q.next())
            result << fromQuery(q);
    return result;
}

Status TemplateStore::remove(const QString &name, std::optional<qint64> byUser)
{
    const auto t = find(name);
    if (!t)
        return t.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?")); // revisions cascade
    q.addBindValue(t->id);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("template.deleted"), QStringLiteral("template"), t->id, t->name); !s)
        return s;
    return tx.commit();
}

Result<EmailTemplate> TemplateStore::duplicate(const QString &name, const QString &newName, std::optional<qint64> byUser)
{
    auto t = find(name);
    if (!t)
        return t.error();
    EmailTemplate copy = *t;
    copy.id = 0;
    copy.name = newName;
    return save(copy, byUser);
}

QList<TemplateRevision> TemplateStore::revisions(qint64 templateId) const
{
    QList<TemplateRevision> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, format, subject, preheader, source, text_part, at FROM template_revisions "
                             "WHERE template_id = ? ORDER BY id"));
    q.addBindValue(templateId);
    if (q.exec())
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong()});
    return result;
}

Status TemplateStore::saveComponent(const QString &name, const QString &source, std::optional<qint64> byUser)
{
    static const QRegularExpression valid(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.-]*$)"));
    if (!valid.match(name).hasMatch())
        return Error(errc::componentName,
                     tr("“%1” cannot name a component: use letters, digits, -, _ and dots, as in {{> footer}}.").arg(name));
    if (Status s = HtmlLimits::check(source, tr("The component “%1”").arg(name)); !s)
        return s;
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO components (name, source, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (lower(name)) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at, "
                             "updated_by = excluded.updated_by RETURNING id"));
    q.addBindValue(name);
    q.addBindValue(source);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("component.saved"), QStringLiteral("component"), id, name); !s)
        return s;
    return tx.commit();
}

Status TemplateStore::removeComponent(const QString &name, std::optional<qint64> byUser)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM components WHERE lower(name) = lower(?) RETURNING id, name"));
    q.addBindValue(name);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::componentNotFound, tr("There is no component named “%1”.").arg(name));
    const qint64 id = q.value(0).toLongLong();
    const QString stored = q.value(1).toString();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("component.deleted"), QStringLiteral("component"), id, stored); !s)
        return s;
    return tx.commit();
}

QHash<QString, QString> TemplateStore::components() const
{
    QHash<QString, QString> result;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT name, source FROM components")))
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toString());
    return result;
}

Status TemplateStore::saveBrandKit(const QString &name, const QJsonObject &fields, bool makeDefault, std::optional<qint64> byUser,
                                   const QString &previousName)
{
    if (name.trimmed().isEmpty())
        return Error(errc::brandName, tr("A brand kit needs a name."));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        if (!it.value().isString())
            return Error(errc::brandField, tr("Brand kit field “%1” must be text.").arg(it.key()));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    const auto fail = [&q]() { return storage::queryError(q); };
    if (!previousName.isEmpty() && previousName.compare(name.trimmed(), Qt::CaseInsensitive) != 0) {
        q.prepare(QStringLiteral("SELECT 1 FROM brand_kits WHERE lower(name) = lower(?)"));
        q.addBindValue(name.trimmed());
        if (!q.exec())
            return fail();
        if (q.next())
            return Error(errc::brandDuplicate, tr("There is already a brand kit named “%1”.").arg(name.trimmed()));
        q.prepare(QStringLiteral("UPDATE brand_kits SET name = ? WHERE lower(name) = lower(?)"));
        q.addBindValue(name.trimmed());
        q.addBindValue(previousName);
        if (!q.exec())
            return fail();
    }
    bool first = false;
    if (!q.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM brand_kits)")) || !q.next())
        return fail();
    first = q.value(0).toBool();
    if ((makeDefault || first) && !q.exec(QStringLiteral("UPDATE brand_kits SET is_default = 0 WHERE is_default = 1")))
        return fail();
    q.prepare(QStringLiteral("INSERT INTO brand_kits (name, is_default, fields, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (lower(name)) DO UPDATE SET fields = excluded.fields, "
                             "is_default = max(is_default, excluded.is_default), updated_at = excluded.updated_at, "
                             "updated_by = excluded.updated_by RETURNING id"));
    q.addBindValue(name.trimmed());
    q.addBindValue(makeDefault || first ? 1 : 0);
    q.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec() || !q.next())
        return fail();
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("brand.saved"), QStringLiteral("brand_kit"), id, name.trimmed()); !s)
        return s;
    return tx.commit();
}

QHash<QString, QString> TemplateStore::brandFields(const QString &kit) const
{
    QHash<QString, QString> result;
    QSqlQuery q(m_db);
    if (kit.isEmpty()) {
        q.prepare(QStringLiteral("SELECT fields FROM brand_kits WHERE is_default = 1"));
    } else {
        q.prepare(QStringLiteral("SELECT fields FROM brand_kits WHERE lower(name) = lower(?)"));
        q.addBindValue(kit);
    }
    if (q.exec() && q.next()) {
        const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            result.insert(it.key(), it.value().toString());
    }
    return result;
}

QList<BrandKit> TemplateStore::brandKits() const
{
    QList<BrandKit> result;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT name, is_default, fields FROM brand_kits ORDER BY lower(name)")))
        while (q.next())
            result.append({q.value(0).toString(), q.value(1).toBool(), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
    return result;
}

Status TemplateStore::removeBrandKit(const QString &name, std::optional<qint64> byUser)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM brand_kits WHERE lower(name) = lower(?) RETURNING id, name, is_default"));
    q.addBindValue(name);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::brandNotFound, tr("There is no brand kit named “%1”.").arg(name));
    const qint64 id = q.value(0).toLongLong();
    const QString stored = q.value(1).toString();
    const bool wasDefault = q.value(2).toBool();
    q.finish();
    if (wasDefault
        && !q.exec(QStringLiteral("UPDATE brand_kits SET is_default = 1 WHERE id = "
                                  "(SELECT id FROM brand_kits ORDER BY lower(name) LIMIT 1)")))
        return storage::queryError(q);
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("brand.deleted"), QStringLiteral("brand_kit"), id, stored); !s)
        return s;
    return tx.commit();
}

// ---- TemplateRenderer -----------------------------------------------------------------------

TemplateRenderer::TemplateRenderer(QSqlDatabase db)
{
    QStringList custom;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT name FROM custom_fields ORDER BY id")))
        while (q.next())
            custom << q.value(0).toString();
    TemplateStore store(db);
    m_components = store.components();
    m_brand = store.brandFields();
    m_fields = MergeFields::standard(custom, m_brand.keys());
}

QString TemplateRenderer::htmlSource(const EmailTemplate &t)
{
    return t.format == QLatin1String("markdown") ? Markdown::toHtml(t.source) : t.source;
}

Result<QString> TemplateRenderer::checkedHtml(const EmailTemplate &t, const QString &what)
{
    // Markdown is converted only once its source is known to be of a size to convert.
    for (const QString *text : {&t.source, &t.textPart, &t.subject, &t.preheader})
        if (text->size() > HtmlLimits::kMaxChars)
            return HtmlLimits::check(*text, what).error();
    if (t.format == QLatin1String("markdown")) {
        const QLocale locale;
        if (t.source.size() > kMaxMarkdownChars)
            return Error(errc::templateMarkdown, tr("%1 is %2 characters of Markdown; the limit is %3 (Gmail would clip the "
                                                    "message it makes).")
                                                     .arg(what, locale.toString(t.source.size()), locale.toString(kMaxMarkdownChars)));
        int line = 1, cells = 0;
        for (const QChar c : t.source) {
            if (c == u'\n') {
                ++line;
                cells = 0;
            } else if (c == u'|' && ++cells > kMaxMarkdownCells) {
                return Error(errc::templateMarkdown, tr("%1 has a table row of more than %n cell(s) on line %2.", nullptr, kMaxMarkdownCells)
                                                         .arg(what).arg(line));
            }
        }
    }
    QString html = htmlSource(t);
    if (Status s = HtmlLimits::check(html, what); !s)
        return s.error();
    return html;
}

QStringList TemplateRenderer::valuesFor(const contacts::Contact *c, const QHash<QString, QString> &extras) const
{
    QStringList v(m_fields.size());
    const auto set = [&](const QString &name, const QString &value) {
        if (const int i = m_fields.indexOf(name); i >= 0)
            v[i] = value;
    };
    for (auto it = m_brand.constBegin(); it != m_brand.constEnd(); ++it)
        set(QStringLiteral("brand.") + it.key(), it.value());
    set(QStringLiteral("current_year"), QString::number(QDate::currentDate().year()));
    if (c) {
        set(QStringLiteral("email"), c->email);
        set(QStringLiteral("first_name"), c->firstName);
        set(QStringLiteral("last_name"), c->lastName);
        set(QStringLiteral("full_name"), QString(c->firstName + QLatin1Char(' ') + c->lastName).trimmed());
        set(QStringLiteral("phone"), c->phone);
        set(QStringLiteral("company"), c->company);
        set(QStringLiteral("city"), c->city);
        set(QStringLiteral("country"), c->country);
        set(QStringLiteral("time_zone"), c->timeZone);
        set(QStringLiteral("language"), c->language);
        for (auto it = c->custom.constBegin(); it != c->custom.constEnd(); ++it)
            set(QStringLiteral("custom.") + it.key(), it.value().toVariant().toString());
    }
    for (auto it = extras.constBegin(); it != extras.constEnd(); ++it)
        set(it.key(), it.value());
    return v;
}

RenderedEmail TemplateRenderer::render(const EmailTemplate &t, const contacts::Contact *contact,
                                       const QHash<QString, QString> &extras) const
{
    RenderedEmail out;
    const auto refuse = [&out](const Error &e) {
        out.findings = {Finding{Finding::Severity::Error, e.code, e.message, Finding::Where::Body, 0, 0}};
        return out;
    };
    const auto checked = checkedHtml(t, tr("The template “%1”").arg(t.name));
    if (!checked) { // saved before the limits were, or a file: nothing of it is parsed
        out.subject = t.subject;
        out.preheader = t.preheader;
        return refuse(checked.error());
    }
    const QString &html = *checked;
    const MergeTemplate body = MergeTemplate::compile(html, m_fields, MergeTemplate::Mode::Html, m_components);
    const MergeTemplate subject = MergeTemplate::compile(t.subject, m_fields, MergeTemplate::Mode::Text);
    const MergeTemplate preheader = MergeTemplate::compile(t.preheader, m_fields, MergeTemplate::Mode::Text);
    QStringList values = valuesFor(contact, extras);
    out.subject = subject.render(values);
    out.preheader = preheader.render(values);
    if (const int i = m_fields.indexOf(QStringLiteral("subject")); i >= 0)
        values[i] = out.subject;
    if (const int i = m_fields.indexOf(QStringLiteral("preheader")); i >= 0)
        values[i] = out.preheader;
    const QString merged = body.render(values);
    // Components and merged values can make the message larger or deeper than its template.
    if (const Status s = HtmlLimits::check(merged, tr("The message made from “%1” (components and merge tags in place)").arg(t.name)); !s)
        return refuse(Error(errc::templateLimits, s.error().message));
    const MergeTemplate textPart = MergeTemplate::compile(t.textPart, m_fields, MergeTemplate::Mode::Text, m_components);
    const bool derivedText = t.textPart.trimmed().isEmpty();
    const SafeHtml::Cleaned cleaned = SafeHtml::clean(merged, derivedText);
    if (!cleaned.complete)
        return refuse(Error(errc::templateUnsafe,
                            tr("The message made from “%1” hides markup that mail clients strip (a script, a frame, a form or an "
                               "on… attribute) in a way that cannot be cut out cleanly; remove it from the template.")
                                .arg(t.name)));
    out.html = cleaned.html;
    out.text = derivedText ? cleaned.text : textPart.render(values);

    PreSendCheck::Input in;
    in.subject = subject.isValid() ? out.subject : t.subject;
    in.preheader = preheader.isValid() ? out.preheader : t.preheader;
    in.source = html;
    in.compiled = body;
    in.sampleHtml = out.html;
    in.sampleRemoved = cleaned.removed;
    in.postalAddress = m_brand.value(QStringLiteral("address"));
    out.findings = PreSendCheck::run(in);
    for (const auto &[compiled, where] : {std::pair{&textPart, Finding::Where::TextPart}, std::pair{&subject, Finding::Where::Subject},
                                          std::pair{&preheader, Finding::Where::Preheader}})
        for (const MergeProblem &p : compiled->problems())
            out.findings.prepend({Finding::Severity::Error, QStringLiteral("merge.problem"), p.message, where, p.line, p.column});
    return out;
}

} // namespace lux::content
