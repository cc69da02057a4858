// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/htmllimits.h"
#include "common/result.h"
#include "contacts/contactrepository.h"
#include "emailhtml.h"
#include "mergetemplate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace lux::content {

struct EmailTemplate
{
    qint64 id = 0;
    QString name;
    QString format = QStringLiteral("html"); // or "markdown"
    QString subject;
    QString preheader;
    QString source;
    QString textPart; // written by the user; empty means derived from the HTML
    QStringList tags;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct TemplateRevision
{
    qint64 id = 0;
    QString format, subject, preheader, source, textPart;
    qint64 at = 0;
};

struct BrandKit
{
    QString name;
    bool isDefault = false;
    QJsonObject fields; // keys as in brand.KEY merge tags
};

// Templates, their edit history, components and brand kits, in the database (migration 5).
class TemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::content::TemplateStore)
public:
    // A template or component file read from disk (luxctl template import, component): the most a
    // file under HtmlLimits::kMaxChars can take in UTF-8. Larger is refused before a byte is read;
    // smaller but over the character limit is refused by HtmlLimits, naming the file.
    static constexpr qint64 kMaxFileBytes = 4 * qint64(HtmlLimits::kMaxChars);

    explicit TemplateStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Creates (id 0) or updates a template; a change of content adds a revision. Names are unique
    // without case. A template over HtmlLimits (TemplateRenderer::checkedHtml) is refused.
    Result<EmailTemplate> save(const EmailTemplate &t, std::optional<qint64> byUser);
    Result<EmailTemplate> find(const QString &name) const;
    Result<EmailTemplate> find(qint64 id) const;
    QList<EmailTemplate> list() const; // by name
    Status remove(const QString &name, std::optional<qint64> byUser);
    Result<EmailTemplate> duplicate(const QString &name, const QString &newName, std::optional<qint64> byUser);
    QList<TemplateRevision> revisions(qint64 templateId) const; // oldest first

    Status saveComponent(const QString &name, const QString &source, std::optional<qint64> byUser);
    Status removeComponent(const QString &name, std::optional<qint64> byUser);
    QHash<QString, QString> components() const;

    // A brand kit's fields (keys as in brand.KEY merge tags). The first kit saved becomes the default.
    // With previousName, the kit of that name is renamed first, in the same transaction.
    Status saveBrandKit(const QString &name, const QJsonObject &fields, bool makeDefault, std::optional<qint64> byUser,
                        const QString &previousName = {});
    QHash<QString, QString> brandFields(const QString &kit = {}) const; // the default kit when empty
    QList<BrandKit> brandKits() const; // by name
    Status removeBrandKit(const QString &name, std::optional<qint64> byUser); // the next kit by name becomes the default

private:
    QSqlDatabase m_db;
};

// A template made ready to send or show: Markdown to HTML, components and the brand kit in place,
// merged for one contact (or for nobody, which shows the defaults), cut of what mail clients strip
// (SafeHtml), the text part derived, and the pre-send checks run. A template or message over
// HtmlLimits is not parsed: html and text are empty and the one finding is the error
// (PreSendCheck::refuses).
struct RenderedEmail
{
    QString subject;
    QString preheader;
    QString html;
    QString text;
    QList<Finding> findings;
};

class TemplateRenderer
{
    Q_DECLARE_TR_FUNCTIONS(lux::content::TemplateRenderer)
public:
    // Reads the database's custom fields, components and default brand kit once.
    explicit TemplateRenderer(QSqlDatabase db);

    const MergeFields &fields() const { return m_fields; }
    // The per-recipient values in MergeFields order; links (unsubscribe_url, …) come from extras.
    QStringList valuesFor(const contacts::Contact *contact, const QHash<QString, QString> &extras = {}) const;
    RenderedEmail render(const EmailTemplate &t, const contacts::Contact *contact,
                         const QHash<QString, QString> &extras = {}) const;
    // The HTML a template's source stands for (Markdown converted), before merging.
    static QString htmlSource(const EmailTemplate &t);
    // The same, after the limits every parse and walk relies on: the source, text part, subject and
    // preheader under HtmlLimits::kMaxChars, a Markdown source under the Markdown limits below, and
    // the HTML under HtmlLimits (size and depth). `what` names the template in the error
    // ("welcome.html", "The template “News”").
    static Result<QString> checkedHtml(const EmailTemplate &t, const QString &what);

    // cmark-gfm 0.29.0.gfm.6 (Debian 12) takes time quadratic in the length of some inputs
    // ("![[]()" repeated: 15 s for 256 KiB) and in a table row's cells (a row of 50,000 pipes: 8 s),
    // so a Markdown source stays under 100 KiB (whose HTML Gmail would clip anyway) and a line under
    // 256 table cells: at those limits the worst inputs found convert in about 2 s in a debug build.
    static constexpr qsizetype kMaxMarkdownChars = 100 * 1024;
    static constexpr int kMaxMarkdownCells = 256;

private:
    MergeFields m_fields;
    QHash<QString, QString> m_components;
    QHash<QString, QString> m_brand;
};

} // namespace lux::content
