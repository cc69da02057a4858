// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergetemplate.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace lux::content {

// ---- MergeFields ----------------------------------------------------------------------------

MergeFields MergeFields::standard(const QStringList &customFields, const QStringList &brandKeys)
{
    MergeFields f;
    for (const char *name : {"email", "first_name", "last_name", "full_name", "phone", "company", "city", "country",
                             "time_zone", "language", "unsubscribe_url", "preferences_url", "view_online_url",
                             "subject", "preheader", "campaign_name", "current_year"})
        f.add(QString::fromLatin1(name));
    for (const char *key : {"name", "logo_url", "primary_color", "secondary_color", "text_color", "background_color",
                            "font_family", "heading_font_family", "address", "website_url", "facebook_url",
                            "instagram_url", "linkedin_url", "x_url"})
        f.add(QStringLiteral("brand.") + QLatin1String(key));
    for (const QString &key : brandKeys)
        f.add(QStringLiteral("brand.") + key);
    for (const QString &name : customFields) {
        const int slot = f.add(QStringLiteral("custom.") + name);
        if (f.indexOf(name) < 0) { // a custom field may also go by its bare name, unless a standard one has it
            f.m_index.insert(name, slot);
        }
    }
    return f;
}

int MergeFields::add(const QString &name)
{
    const auto it = m_index.constFind(name);
    if (it != m_index.constEnd())
        return *it;
    m_names << name;
    m_index.insert(name, int(m_names.size() - 1));
    return int(m_names.size() - 1);
}

int MergeFields::indexOf(const QString &name) const
{
    return m_index.value(name, -1);
}

// ---- MergeTemplate --------------------------------------------------------------------------

namespace {

struct Op
{
    enum Kind { Text, Value, Raw, IfPresent, IfEmpty, End };
    Kind kind;
    int field = -1;
    QString text; // Text: the literal; Value/Raw: the default
    int jump = 0; // IfPresent/IfEmpty: index of the matching End
};

} // namespace

struct MergeTemplate::Data
{
    Mode mode = Mode::Html;
    QList<Op> ops;
    QList<MergeProblem> problems;
    QList<int> used; // field slots, sorted, unique
    QStringList usedNames;
};

namespace {

class Parser
{
public:
    Parser(const MergeFields &fields, const QHash<QString, QString> &components, QList<Op> &ops,
           QList<MergeProblem> &problems)
        : m_fields(fields), m_components(components), m_ops(ops), m_problems(problems)
    {
    }

    void parse(const QString &source, const QString &where)
    {
        if (m_where.isEmpty())
            m_size = source.size();
        m_where.append(where);
        QList<int> lineStarts{0};
        for (int i = 0; i < source.size(); ++i)
            if (source.at(i) == u'\n')
                lineStarts << i + 1;
        const auto problem = [&](qsizetype pos, const QString &message) {
            const auto line = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), int(pos)) - lineStarts.cbegin();
            const int column = int(pos) - lineStarts.at(line - 1) + 1;
            QString text = message;
            if (!m_where.constLast().isEmpty())
                text = MergeTemplate::tr("In component “%1”: %2").arg(m_where.constLast(), message);
            m_problems.append({m_where.size() == 1 ? int(line) : m_outerLine, m_where.size() == 1 ? column : m_outerColumn, text});
        };

        struct Open
        {
            QString name;
            int op;
            qsizetype pos;
        };
        QList<Open> open;
        qsizetype pos = 0;
        while (pos < source.size() && !m_tooLarge) {
            const qsizetype start = source.indexOf(QLatin1String("{{"), pos);
            if (start < 0) {
                text(source.mid(pos));
                break;
            }
            if (start > pos)
                text(source.mid(pos, start - pos));
            const bool triple = source.mid(start, 3) == QLatin1String("{{{");
            const qsizetype end = source.indexOf(triple ? QLatin1String("}}}") : QLatin1String("}}"), start + (triple ? 3 : 2));
            if (end < 0) {
                problem(start, MergeTemplate::tr("A tag opened with {{ is never closed with }}."));
                break;
            }
            QString body = source.mid(start + (triple ? 3 : 2), end - start - (triple ? 3 : 2)).trimmed();
            pos = end + (triple ? 3 : 2);
            QChar sigil = body.isEmpty() ? QChar() : body.at(0);
            if (triple)
                sigil = u'&';
            else if (sigil == u'#' || sigil == u'^' || sigil == u'/' || sigil == u'!' || sigil == u'>' || sigil == u'&')
                body = body.mid(1).trimmed();
            else
                sigil = QChar();

            if (sigil == u'!')
                continue;
            if (sigil == u'>') {
                include(body, start, problem, lineStarts);
                continue;
            }
            if (sigil == u'/') {
                if (open.isEmpty() || open.constLast().name != body) {
                    problem(start, open.isEmpty() ? MergeTemplate::tr("{{/%1}} closes a section that was never opened.").arg(body)
                                                  : MergeTemplate::tr("{{/%1}} found where {{/%2}} was expected.")
                                                        .arg(body, open.constLast().name));
                    continue;
                }
                if (open.constLast().op >= 0) // -1: a section of an unknown name, a problem already
                    m_ops[open.constLast().op].jump = int(m_ops.size());
                m_ops.append(Op{Op::End, -1, {}, 0});
                open.removeLast();
                continue;
            }
            // A value (with an optional default) or a section name.
            QString name = body;
            QString fallback;
            if (const qsizetype bar = body.indexOf(u'|'); bar >= 0) {
                name = body.left(bar).trimmed();
                const auto parsed = parseDefault(body.mid(bar + 1));
                if (!parsed) {
                    problem(start, MergeTemplate::tr("Only a default is understood after |, written as "
                                                     "{{%1 | default: \"text\"}}.")
                                       .arg(name));
                    continue;
                }
                if (sigil == u'#' || sigil == u'^') {
                    problem(start, MergeTemplate::tr("A section ({{#%1}} or {{^%1}}) cannot have a default.").arg(name));
                    continue;
                }
                fallback = *parsed;
            }
            static const QRegularExpression valid(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$)"));
            if (!valid.match(name).hasMatch()) {
                problem(start, name.isEmpty() ? MergeTemplate::tr("An empty tag {{ }}.")
                                              : MergeTemplate::tr("“%1” is not a merge tag name.").arg(name));
                continue;
            }
            const int field = m_fields.indexOf(name);
            if (field < 0) {
                problem(start, MergeTemplate::tr("Unknown merge tag {{%1}}.").arg(name));
                if (sigil == u'#' || sigil == u'^')
                    open.append({name, -1, start}); // keep the structure checkable
                continue;
            }
            if (sigil == u'#' || sigil == u'^') {
                open.append({name, int(m_ops.size()), start});
                m_ops.append(Op{sigil == u'#' ? Op::IfPresent : Op::IfEmpty, field, {}, 0});
                continue;
            }
            m_ops.append(Op{sigil == u'&' ? Op::Raw : Op::Value, field, fallback, 0});
        }
        for (const Open &o : std::as_const(open))
            problem(o.pos, MergeTemplate::tr("{{#%1}} is never closed with {{/%1}}.").arg(o.name));
        // Sections with an unknown name were recorded with op -1; their End ops were still appended,
        // which is harmless since a template with problems never renders.
        m_where.removeLast();
    }

private:
    void text(const QString &t)
    {
        if (t.isEmpty())
            return;
        if (!m_ops.isEmpty() && m_ops.constLast().kind == Op::Text)
            m_ops.last().text += t;
        else
            m_ops.append(Op{Op::Text, -1, t, 0});
    }

    template<typename ProblemFn>
    void include(const QString &name, qsizetype pos, const ProblemFn &problem, const QList<int> &lineStarts)
    {
        const auto it = m_components.constFind(name);
        if (it == m_components.constEnd()) {
            problem(pos, MergeTemplate::tr("Unknown component {{> %1}}.").arg(name));
            return;
        }
        if (m_where.contains(name)) {
            problem(pos, MergeTemplate::tr("Component “%1” includes itself.").arg(name));
            return;
        }
        if (m_where.size() > MergeTemplate::kMaxComponentDepth) {
            problem(pos, MergeTemplate::tr("Components are included more than %n level(s) deep here.", nullptr,
                                           MergeTemplate::kMaxComponentDepth));
            return;
        }
        m_size += qMax<qsizetype>(it->size(), 1);
        if (m_size > MergeTemplate::kMaxCompiledChars) {
            // Components that include others several times grow as a power of the depth.
            problem(pos, MergeTemplate::tr("With its components in place the template would be over %n character(s); "
                                           "include fewer or smaller components.", nullptr, int(MergeTemplate::kMaxCompiledChars)));
            m_tooLarge = true;
            return;
        }
        if (m_where.size() == 1) { // problems inside components point at the outer include
            const auto line = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), int(pos)) - lineStarts.cbegin();
            m_outerLine = int(line);
            m_outerColumn = int(pos) - lineStarts.at(line - 1) + 1;
        }
        parse(*it, name);
    }

    static std::optional<QString> parseDefault(const QString &filter)
    {
        QString f = filter.trimmed();
        if (!f.startsWith(QLatin1String("default")))
            return std::nullopt;
        f = f.mid(7).trimmed();
        if (!f.startsWith(u':'))
            return std::nullopt;
        f = f.mid(1).trimmed();
        if (f.size() < 2 || (f.at(0) != u'"' && f.at(0) != u'\''))
            return std::nullopt;
        const QChar quote = f.at(0);
        QString value;
        qsizetype i = 1;
        for (; i < f.size(); ++i) {
            const QChar c = f.at(i);
            if (c == u'\\' && i + 1 < f.size()) {
                value += f.at(++i);
                continue;
            }
            if (c == quote)
                break;
            value += c;
        }
        if (i >= f.size() || i != f.size() - 1) // unterminated, or something after the closing quote
            return std::nullopt;
        return value;
    }

    const MergeFields &m_fields;
    const QHash<QString, QString> &m_components;
    QList<Op> &m_ops;
    QList<MergeProblem> &m_problems;
    QStringList m_where; // "" for the template, then the components being included
    int m_outerLine = 0;
    int m_outerColumn = 0;
    qsizetype m_size = 0; // the source parsed so far, each component counted as often as it is included
    bool m_tooLarge = false;
};

} // namespace

MergeTemplate::MergeTemplate() : d(std::make_shared<Data>()) {}
MergeTemplate::~MergeTemplate() = default;
MergeTemplate::MergeTemplate(const MergeTemplate &) = default;
MergeTemplate &MergeTemplate::operator=(const MergeTemplate &) = default;
MergeTemplate::MergeTemplate(MergeTemplate &&) noexcept = default;
MergeTemplate &MergeTemplate::operator=(MergeTemplate &&) noexcept = default;

MergeTemplate MergeTemplate::compile(const QString &source, const MergeFields &fields, Mode mode,
                                     const QHash<QString, QString> &components)
{
    auto data = std::make_shared<Data>();
    data->mode = mode;
    Parser(fields, components, data->ops, data->problems).parse(source, QString());
    std::sort(data->problems.begin(), data->problems.end(), [](const MergeProblem &a, const MergeProblem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (const Op &op : std::as_const(data->ops))
        if (op.field >= 0 && !data->used.contains(op.field))
            data->used << op.field;
    std::sort(data->used.begin(), data->used.end());
    for (const int slot : std::as_const(data->used))
        data->usedNames << fields.names().at(slot);
    MergeTemplate t;
    t.d = std::move(data);
    return t;
}

bool MergeTemplate::isValid() const
{
    return d->problems.isEmpty();
}

const QList<MergeProblem> &MergeTemplate::problems() const
{
    return d->problems;
}

QStringList MergeTemplate::usedFields() const
{
    return d->usedNames;
}

bool MergeTemplate::uses(const QString &name) const
{
    return d->usedNames.contains(name);
}

void MergeTemplate::render(const QStringList &values, QString &out) const
{
    if (!isValid())
        return;
    const auto value = [&values](int field) -> const QString & {
        static const QString empty;
        return field < values.size() ? values.at(field) : empty;
    };
    const QList<Op> &ops = d->ops;
    const bool html = d->mode == Mode::Html;
    const qsizetype limit = out.size() + kMaxRenderedChars;
    for (qsizetype i = 0; i < ops.size() && out.size() <= limit; ++i) {
        const Op &op = ops.at(i);
        switch (op.kind) {
        case Op::Text: out += op.text; break;
        case Op::Value:
        case Op::Raw: {
            const QString &v = value(op.field);
            const QString &shown = v.isEmpty() ? op.text : v;
            if (html && op.kind == Op::Value) {
                for (const QChar c : shown) { // the five characters HTML gives a meaning, in text and in attributes
                    switch (c.unicode()) {
                    case '&': out += QLatin1String("&amp;"); break;
                    case '<': out += QLatin1String("&lt;"); break;
                    case '>': out += QLatin1String("&gt;"); break;
                    case '"': out += QLatin1String("&quot;"); break;
                    case '\'': out += QLatin1String("&#39;"); break;
                    default: out += c;
                    }
                }
            } else {
                out += shown;
            }
            break;
        }
        case Op::IfPresent:
            if (value(op.field).isEmpty())
                i = op.jump;
            break;
        case Op::IfEmpty:
            if (!value(op.field).isEmpty())
                i = op.jump;
            break;
        case Op::End: break;
        }
    }
}

QString MergeTemplate::render(const QStringList &values) const
{
    QString out;
    render(values, out);
    return out;
}

} // namespace lux::content
