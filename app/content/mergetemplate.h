// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace lux::content {

// The names a template may use, each with a slot in the values a render gets. Built once per send
// (standard contact fields, the database's custom fields, the brand kit, links), shared by every
// template compiled against it.
class MergeFields
{
public:
    // Contact fields, custom fields (by name and as custom.NAME), brand.* and the links every
    // message has (unsubscribe_url, …). See docs/TEMPLATES.md.
    static MergeFields standard(const QStringList &customFields = {}, const QStringList &brandKeys = {});

    int add(const QString &name);          // the slot of name (added if new)
    int indexOf(const QString &name) const; // -1 when unknown
    int size() const { return int(m_names.size()); }
    const QStringList &names() const { return m_names; }

private:
    QStringList m_names;
    QHash<QString, int> m_index;
};

// Where a template goes wrong: 1-based line and column of the tag in the source.
struct MergeProblem
{
    int line = 0;
    int column = 0;
    QString message;
};

// A logic-less template, Mustache-style, compiled once and rendered per recipient:
//   {{first_name}}                      the value, HTML-escaped (in Html mode)
//   {{first_name | default: "there"}}   a default when the value is empty ("…" or '…', \" inside)
//   {{{unsubscribe_url}}}, {{& name}}    the value as is
//   {{#company}}…{{/company}}           only when company is not empty
//   {{^company}}…{{/company}}           only when company is empty
//   {{> footer}}                        a component (a reusable block), compiled in place
//   {{! a comment }}
// Nothing in a template can run code or reach anything but the values it is given. Unknown names,
// unknown components, unbalanced sections and unclosed tags are problems with a line and column,
// found at compile time: a template with problems never renders.
class MergeTemplate
{
    Q_DECLARE_TR_FUNCTIONS(lux::content::MergeTemplate)
public:
    enum class Mode { Html, Text };

    // Components may include components this deep (the template itself is level 0).
    static constexpr int kMaxComponentDepth = 8;
    // A template with its components in place stays under this (HtmlLimits::kMaxChars): components
    // that each include the next twice would otherwise grow as a power of their depth.
    static constexpr qsizetype kMaxCompiledChars = 5 * 1024 * 1024;
    // A render stops once it has written a little more than this (values of any size, merged many
    // times); the caller's HtmlLimits check then refuses the message.
    static constexpr qsizetype kMaxRenderedChars = 5 * 1024 * 1024;

    MergeTemplate();
    ~MergeTemplate();
    MergeTemplate(const MergeTemplate &);
    MergeTemplate &operator=(const MergeTemplate &);
    MergeTemplate(MergeTemplate &&) noexcept;
    MergeTemplate &operator=(MergeTemplate &&) noexcept;

    static MergeTemplate compile(const QString &source, const MergeFields &fields, Mode mode = Mode::Html,
                                 const QHash<QString, QString> &components = {});

    bool isValid() const;
    const QList<MergeProblem> &problems() const;
    // The names the template uses (for "render as", and for checks such as "has an unsubscribe link").
    QStringList usedFields() const;
    bool uses(const QString &name) const;

    // values: one per MergeFields slot (missing ones count as empty). Appends to out; an invalid
    // template appends nothing.
    void render(const QStringList &values, QString &out) const;
    QString render(const QStringList &values) const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace lux::content
