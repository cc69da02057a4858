// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistant/jsonschema.h"

#include "common/errorcodes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace lux::assistant {

// JsonSchema's translations, for the compiler and validator below (lupdate reads the context here).
struct SchemaTr
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::JsonSchema)
};

namespace {

enum TypeBit : unsigned {
    TNull = 1u << 0,
    TBoolean = 1u << 1,
    TObject = 1u << 2,
    TArray = 1u << 3,
    TNumber = 1u << 4,
    TString = 1u << 5,
    TInteger = 1u << 6,
};

struct Node
{
    bool isBool = false;
    bool boolValue = true;

    unsigned types = 0; // 0: no "type" keyword
    std::optional<QJsonArray> enumValues;
    std::optional<QJsonValue> constValue;

    QHash<QString, int> properties;
    QStringList required;
    int additionalProperties = -1;

    std::vector<int> prefixItems;
    int items = -1;
    std::optional<qint64> minItems;
    std::optional<qint64> maxItems;
    bool uniqueItems = false;

    std::optional<qint64> minLength;
    std::optional<qint64> maxLength;
    std::optional<QRegularExpression> pattern;

    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> exclusiveMinimum;
    std::optional<double> exclusiveMaximum;
    std::optional<double> multipleOf;

    std::vector<int> allOf;
    std::vector<int> anyOf;
    std::vector<int> oneOf;
    int notSchema = -1;

    int ref = -1;
    QString refText;
    QString pointer; // where this schema sits in the document, as a URI fragment: "#/properties/a"
};

QString escapeToken(QString token)
{
    return token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

QString formatNumber(double d)
{
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool isIntegral(double d)
{
    return std::isfinite(d) && std::floor(d) == d;
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = s.size();
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && s.at(i + 1).isLowSurrogate()) {
            --n;
            ++i;
        }
    }
    return n;
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEqual(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !jsonEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    default:
        return true; // null (undefined does not occur in parsed JSON)
    }
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isIntegral(v.toDouble()) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

std::optional<unsigned> typeBit(const QString &name)
{
    static const QHash<QString, unsigned> bits{
        {QStringLiteral("null"), TNull},       {QStringLiteral("boolean"), TBoolean}, {QStringLiteral("object"), TObject},
        {QStringLiteral("array"), TArray},     {QStringLiteral("number"), TNumber},   {QStringLiteral("string"), TString},
        {QStringLiteral("integer"), TInteger},
    };
    const auto it = bits.constFind(name);
    if (it == bits.constEnd())
        return std::nullopt;
    return *it;
}

QString typeNames(unsigned types)
{
    QStringList names;
    const std::pair<unsigned, const char *> all[] = {{TNull, "null"},     {TBoolean, "boolean"}, {TObject, "object"}, {TArray, "array"},
                                                     {TNumber, "number"}, {TString, "string"},   {TInteger, "integer"}};
    for (const auto &[bit, name] : all) {
        if (types & bit)
            names << QString::fromLatin1(name);
    }
    return names.join(QStringLiteral(" or "));
}

bool matchesType(unsigned types, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return types & TNull;
    case QJsonValue::Bool:
        return types & TBoolean;
    case QJsonValue::Object:
        return types & TObject;
    case QJsonValue::Array:
        return types & TArray;
    case QJsonValue::String:
        return types & TString;
    case QJsonValue::Double:
        return (types & TNumber) || ((types & TInteger) && isIntegral(v.toDouble()));
    default:
        return false;
    }
}

const QSet<QString> &annotationKeywords()
{
    static const QSet<QString> set{QStringLiteral("title"),   QStringLiteral("description"), QStringLiteral("default"),
                                   QStringLiteral("examples"), QStringLiteral("$comment"),   QStringLiteral("$schema"),
                                   QStringLiteral("format")};
    return set;
}

} // namespace

struct JsonSchema::Compiled
{
    QJsonObject document;
    std::vector<Node> nodes; // nodes[0] is the root
};

namespace {

class Compiler
{
public:
    std::vector<Node> nodes;
    std::optional<Error> error;

    int compile(const QJsonValue &value, const QString &pointer, int depth)
    {
        if (error)
            return -1;
        if (depth > JsonSchema::kMaxSchemaDepth) {
            fail(errc::schemaDepth, SchemaTr::tr("The schema is nested deeper than %1 levels at %2.")
                                        .arg(JsonSchema::kMaxSchemaDepth)
                                        .arg(display(pointer)));
            return -1;
        }
        const int index = int(nodes.size());
        nodes.emplace_back();
        m_byPointer.insert(pointer, index);
        Node n;
        n.pointer = display(pointer);
        if (value.isBool()) {
            n.isBool = true;
            n.boolValue = value.toBool();
            nodes[std::size_t(index)] = std::move(n);
            return index;
        }
        if (!value.isObject()) {
            invalid(QString(), pointer, SchemaTr::tr("an object or a boolean"));
            return -1;
        }
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd() && !error; ++it)
            keyword(index, n, it.key(), it.value(), pointer, depth);
        if (error)
            return -1;
        nodes[std::size_t(index)] = std::move(n);
        return index;
    }

    // Resolves the $refs once the whole document is compiled, then refuses loops that consume no input.
    void link()
    {
        for (const auto &[index, target] : std::as_const(m_refs)) {
            if (error)
                return;
            const auto it = m_byPointer.constFind(target);
            Node &n = nodes[std::size_t(index)];
            if (it == m_byPointer.constEnd()) {
                fail(errc::schemaRef, SchemaTr::tr("The reference “%1” at %2 points to no schema in this document.")
                                          .arg(n.refText, n.pointer));
                return;
            }
            n.ref = *it;
        }
        findLoops();
    }

private:
    QHash<QString, int> m_byPointer;
    std::vector<std::pair<int, QString>> m_refs;

    static QString display(const QString &pointer) { return u'#' + pointer; }

    void fail(QLatin1StringView code, const QString &message)
    {
        if (!error)
            error = Error(QString(code), message);
    }

    void invalid(const QString &key, const QString &pointer, const QString &expected)
    {
        if (key.isEmpty())
            fail(errc::schemaInvalid, SchemaTr::tr("The schema at %1 must be %2.").arg(display(pointer), expected));
        else
            fail(errc::schemaInvalid,
                 SchemaTr::tr("“%1” at %2 must be %3.").arg(key, display(pointer), expected));
    }

    std::optional<qint64> count(const QString &key, const QJsonValue &v, const QString &pointer)
    {
        if (v.isDouble() && isIntegral(v.toDouble()) && v.toDouble() >= 0
            && v.toDouble() <= double(std::numeric_limits<qint64>::max() / 2))
            return qint64(v.toDouble());
        invalid(key, pointer, SchemaTr::tr("a non-negative integer"));
        return std::nullopt;
    }

    std::optional<double> number(const QString &key, const QJsonValue &v, const QString &pointer)
    {
        if (v.isDouble())
            return v.toDouble();
        invalid(key, pointer, SchemaTr::tr("a number"));
        return std::nullopt;
    }

    std::vector<int> schemaArray(const QString &key, const QJsonValue &v, const QString &pointer, int depth)
    {
        std::vector<int> out;
        if (!v.isArray() || v.toArray().isEmpty()) {
            invalid(key, pointer, SchemaTr::tr("a non-empty array of schemas"));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size() && !error; ++i)
            out.push_back(compile(a.at(i), pointer + u'/' + key + u'/' + QString::number(i), depth + 1));
        return out;
    }

    void keyword(int self, Node &n, const QString &key, const QJsonValue &v, const QString &pointer, int depth)
    {
        const QString here = pointer + u'/' + escapeToken(key);
        if (annotationKeywords().contains(key))
            return;
        if (key == u"$id") {
            if (!pointer.isEmpty())
                fail(errc::schemaUnsupported,
                     SchemaTr::tr("“$id” is only supported at the root of the schema; found at %1.").arg(display(pointer)));
        } else if (key == u"type") {
            const QJsonArray names = v.isArray() ? v.toArray() : QJsonArray{v};
            if (names.isEmpty())
                invalid(key, pointer, SchemaTr::tr("a type name or an array of type names"));
            for (const QJsonValue &name : names) {
                const auto bit = typeBit(name.toString());
                if (!name.isString() || !bit) {
                    invalid(key, pointer, SchemaTr::tr("a type name or an array of type names"));
                    return;
                }
                n.types |= *bit;
            }
        } else if (key == u"enum") {
            if (!v.isArray())
                invalid(key, pointer, SchemaTr::tr("an array"));
            else
                n.enumValues = v.toArray();
        } else if (key == u"const") {
            n.constValue = v;
        } else if (key == u"properties") {
            if (!v.isObject()) {
                invalid(key, pointer, SchemaTr::tr("an object"));
                return;
            }
            const QJsonObject props = v.toObject();
            for (auto it = props.constBegin(); it != props.constEnd() && !error; ++it)
                n.properties.insert(it.key(), compile(it.value(), here + u'/' + escapeToken(it.key()), depth + 1));
        } else if (key == u"required") {
            const QJsonArray names = v.toArray();
            for (const QJsonValue &name : names) {
                if (!name.isString()) {
                    invalid(key, pointer, SchemaTr::tr("an array of strings"));
                    return;
                }
                n.required << name.toString();
            }
            if (!v.isArray())
                invalid(key, pointer, SchemaTr::tr("an array of strings"));
        } else if (key == u"additionalProperties") {
            n.additionalProperties = compile(v, here, depth + 1);
        } else if (key == u"items") {
            if (v.isArray()) {
                fail(errc::schemaUnsupported,
                     SchemaTr::tr("“items” at %1 is an array, the tuple form of older drafts; use “prefixItems”.")
                         .arg(display(pointer)));
                return;
            }
            n.items = compile(v, here, depth + 1);
        } else if (key == u"prefixItems") {
            n.prefixItems = schemaArray(key, v, pointer, depth);
        } else if (key == u"minItems") {
            n.minItems = count(key, v, pointer);
        } else if (key == u"maxItems") {
            n.maxItems = count(key, v, pointer);
        } else if (key == u"uniqueItems") {
            if (!v.isBool())
                invalid(key, pointer, SchemaTr::tr("a boolean"));
            n.uniqueItems = v.toBool();
        } else if (key == u"minLength") {
            n.minLength = count(key, v, pointer);
        } else if (key == u"maxLength") {
            n.maxLength = count(key, v, pointer);
        } else if (key == u"pattern") {
            if (!v.isString()) {
                invalid(key, pointer, SchemaTr::tr("a string"));
                return;
            }
            QRegularExpression re(v.toString());
            if (!re.isValid()) {
                fail(errc::schemaInvalid, SchemaTr::tr("The pattern at %1 is not a valid regular expression: %2.")
                                              .arg(display(pointer), re.errorString()));
                return;
            }
            re.optimize();
            n.pattern = std::move(re);
        } else if (key == u"minimum") {
            n.minimum = number(key, v, pointer);
        } else if (key == u"maximum") {
            n.maximum = number(key, v, pointer);
        } else if (key == u"exclusiveMinimum") {
            n.exclusiveMinimum = number(key, v, pointer);
        } else if (key == u"exclusiveMaximum") {
            n.exclusiveMaximum = number(key, v, pointer);
        } else if (key == u"multipleOf") {
            n.multipleOf = number(key, v, pointer);
            if (n.multipleOf && !(*n.multipleOf > 0))
                invalid(key, pointer, SchemaTr::tr("a number greater than 0"));
        } else if (key == u"allOf") {
            n.allOf = schemaArray(key, v, pointer, depth);
        } else if (key == u"anyOf") {
            n.anyOf = schemaArray(key, v, pointer, depth);
        } else if (key == u"oneOf") {
            n.oneOf = schemaArray(key, v, pointer, depth);
        } else if (key == u"not") {
            n.notSchema = compile(v, here, depth + 1);
        } else if (key == u"$defs" || key == u"definitions") {
            if (!v.isObject()) {
                invalid(key, pointer, SchemaTr::tr("an object"));
                return;
            }
            const QJsonObject defs = v.toObject();
            for (auto it = defs.constBegin(); it != defs.constEnd() && !error; ++it)
                compile(it.value(), here + u'/' + escapeToken(it.key()), depth + 1);
        } else if (key == u"$ref") {
            const QString ref = v.toString();
            if (!v.isString() || !ref.startsWith(u'#') || (ref.size() > 1 && ref.at(1) != u'/')) {
                fail(errc::schemaRef, SchemaTr::tr("Only references inside the schema (“#” or “#/…”) are supported; "
                                                     "“%1” at %2 is not one.")
                                          .arg(v.isString() ? ref : QStringLiteral("?"), display(pointer)));
                return;
            }
            n.refText = ref;
            // The fragment is a JSON pointer, percent-encoded as a URI fragment is.
            m_refs.emplace_back(self, QUrl::fromPercentEncoding(ref.mid(1).toUtf8()));
        } else {
            fail(errc::schemaUnsupported,
                 SchemaTr::tr("The JSON Schema keyword “%1” at %2 is not supported.").arg(key, display(pointer)));
        }
    }

    // Edges that evaluate the same instance again: a cycle among them never ends.
    void findLoops()
    {
        if (error)
            return;
        const std::size_t count = nodes.size();
        std::vector<int> state(count, 0); // 0 new, 1 on the stack, 2 done
        std::vector<int> stack;
        for (std::size_t start = 0; start < count && !error; ++start) {
            if (state[start] == 0)
                visit(int(start), state, stack);
        }
    }

    void visit(int index, std::vector<int> &state, std::vector<int> &stack)
    {
        state[std::size_t(index)] = 1;
        stack.push_back(index);
        const Node &n = nodes[std::size_t(index)];
        std::vector<int> next = n.allOf;
        next.insert(next.end(), n.anyOf.begin(), n.anyOf.end());
        next.insert(next.end(), n.oneOf.begin(), n.oneOf.end());
        if (n.notSchema >= 0)
            next.push_back(n.notSchema);
        if (n.ref >= 0)
            next.push_back(n.ref);
        for (int to : next) {
            if (error)
                return;
            if (state[std::size_t(to)] == 1) {
                // A loop: name a $ref on it (every loop has one; keywords alone only nest).
                auto it = std::find(stack.begin(), stack.end(), to);
                for (; it != stack.end(); ++it) {
                    const Node &onLoop = nodes[std::size_t(*it)];
                    if (onLoop.ref >= 0) {
                        fail(errc::schemaRef, SchemaTr::tr("The reference “%1” at %2 loops back to itself without "
                                                             "looking any deeper into the answer.")
                                                  .arg(onLoop.refText, onLoop.pointer));
                        return;
                    }
                }
            } else if (state[std::size_t(to)] == 0) {
                visit(to, state, stack);
            }
        }
        stack.pop_back();
        state[std::size_t(index)] = 2;
    }
};

class Validator
{
public:
    Validator(const std::vector<Node> &nodes, QList<JsonSchema::Violation> *out, int max)
        : m_nodes(nodes), m_out(out), m_max(max)
    {
    }

    bool check(int index, const QJsonValue &v, const QString &path, int depth, bool collect)
    {
        const Node &n = m_nodes[std::size_t(index)];
        // $ref chains without loops are finite but may be long: bound the recursion, not just the input.
        if (m_active >= kMaxActive) {
            report(collect, path, QStringLiteral("depth"),
                   SchemaTr::tr("%1: nested deeper than %2 levels").arg(shown(path)).arg(kMaxActive));
            return false;
        }
        ++m_active;
        const bool result = evaluate(n, v, path, depth, collect);
        --m_active;
        return result;
    }

private:
    static constexpr int kMaxActive = 1000;
    int m_active = 0;

    bool evaluate(const Node &n, const QJsonValue &v, const QString &path, int depth, bool collect)
    {
        if (n.isBool) {
            if (n.boolValue)
                return true;
            report(collect, path, QStringLiteral("false"), SchemaTr::tr("%1: no value is allowed here").arg(shown(path)));
            return false;
        }
        bool ok = true;
        // Each failed check records its violation when collecting; otherwise the first one decides.
        const auto failed = [&](const QString &keyword, const QString &message) -> bool {
            ok = false;
            report(collect, path, keyword, message);
            return collect && !full();
        };
#define LUX_FAIL(keyword, message)                                                                                     \
    do {                                                                                                               \
        if (!failed(QStringLiteral(keyword), message))                                                                 \
            return false;                                                                                              \
    } while (false)
#define LUX_SUB(expr)                                                                                                  \
    do {                                                                                                               \
        if (!(expr)) {                                                                                                 \
            ok = false;                                                                                                \
            if (!collect || full())                                                                                    \
                return false;                                                                                          \
        }                                                                                                              \
    } while (false)

        if (n.types && !matchesType(n.types, v))
            LUX_FAIL("type", SchemaTr::tr("%1: expected %2, got %3").arg(shown(path), typeNames(n.types), typeName(v)));
        if (n.constValue && !jsonEqual(*n.constValue, v))
            LUX_FAIL("const", SchemaTr::tr("%1: not the required value").arg(shown(path)));
        if (n.enumValues) {
            const bool found = std::any_of(n.enumValues->begin(), n.enumValues->end(),
                                           [&](const QJsonValue &e) { return jsonEqual(e, v); });
            if (!found)
                LUX_FAIL("enum", SchemaTr::tr("%1: not one of the allowed values").arg(shown(path)));
        }

        if (n.ref >= 0)
            LUX_SUB(check(n.ref, v, path, depth, collect));
        for (int sub : n.allOf)
            LUX_SUB(check(sub, v, path, depth, collect));
        if (!n.anyOf.empty()) {
            const bool any = std::any_of(n.anyOf.begin(), n.anyOf.end(),
                                         [&](int sub) { return check(sub, v, path, depth, false); });
            if (!any)
                LUX_FAIL("anyOf", SchemaTr::tr("%1: matches none of the allowed alternatives").arg(shown(path)));
        }
        if (!n.oneOf.empty()) {
            int matches = 0;
            for (int sub : n.oneOf) {
                if (check(sub, v, path, depth, false) && ++matches > 1)
                    break;
            }
            if (matches == 0)
                LUX_FAIL("oneOf", SchemaTr::tr("%1: matches none of the alternatives").arg(shown(path)));
            else if (matches > 1)
                LUX_FAIL("oneOf", SchemaTr::tr("%1: matches more than one alternative").arg(shown(path)));
        }
        if (n.notSchema >= 0 && check(n.notSchema, v, path, depth, false))
            LUX_FAIL("not", SchemaTr::tr("%1: matches a schema it must not match").arg(shown(path)));

        if (v.isString()) {
            const QString s = v.toString();
            if (n.minLength || n.maxLength) {
                const qsizetype length = codePoints(s);
                if (n.minLength && length < *n.minLength)
                    LUX_FAIL("minLength", SchemaTr::tr("%1: shorter than %n character(s)", nullptr, clampInt(*n.minLength))
                                              .arg(shown(path)));
                if (n.maxLength && length > *n.maxLength)
                    LUX_FAIL("maxLength", SchemaTr::tr("%1: longer than %n character(s)", nullptr, clampInt(*n.maxLength))
                                              .arg(shown(path)));
            }
            if (n.pattern && !n.pattern->match(s).hasMatch())
                LUX_FAIL("pattern", SchemaTr::tr("%1: does not match the pattern %2").arg(shown(path), n.pattern->pattern()));
        } else if (v.isDouble()) {
            const double d = v.toDouble();
            if (n.minimum && d < *n.minimum)
                LUX_FAIL("minimum", SchemaTr::tr("%1: less than %2").arg(shown(path), formatNumber(*n.minimum)));
            if (n.maximum && d > *n.maximum)
                LUX_FAIL("maximum", SchemaTr::tr("%1: greater than %2").arg(shown(path), formatNumber(*n.maximum)));
            if (n.exclusiveMinimum && d <= *n.exclusiveMinimum)
                LUX_FAIL("exclusiveMinimum",
                         SchemaTr::tr("%1: not greater than %2").arg(shown(path), formatNumber(*n.exclusiveMinimum)));
            if (n.exclusiveMaximum && d >= *n.exclusiveMaximum)
                LUX_FAIL("exclusiveMaximum",
                         SchemaTr::tr("%1: not less than %2").arg(shown(path), formatNumber(*n.exclusiveMaximum)));
            if (n.multipleOf && !isMultiple(d, *n.multipleOf))
                LUX_FAIL("multipleOf", SchemaTr::tr("%1: not a multiple of %2").arg(shown(path), formatNumber(*n.multipleOf)));
        } else if (v.isArray() || v.isObject()) {
            if (depth >= JsonSchema::kMaxInstanceDepth) {
                LUX_FAIL("depth", SchemaTr::tr("%1: nested deeper than %2 levels").arg(shown(path)).arg(JsonSchema::kMaxInstanceDepth));
                return ok;
            }
            if (v.isArray()) {
                const QJsonArray a = v.toArray();
                if (n.minItems && a.size() < *n.minItems)
                    LUX_FAIL("minItems", SchemaTr::tr("%1: fewer than %n item(s)", nullptr, clampInt(*n.minItems)).arg(shown(path)));
                if (n.maxItems && a.size() > *n.maxItems)
                    LUX_FAIL("maxItems", SchemaTr::tr("%1: more than %n item(s)", nullptr, clampInt(*n.maxItems)).arg(shown(path)));
                if (n.uniqueItems) {
                    for (qsizetype i = 0; i < a.size(); ++i) {
                        for (qsizetype j = i + 1; j < a.size(); ++j) {
                            if (jsonEqual(a.at(i), a.at(j))) {
                                LUX_FAIL("uniqueItems", SchemaTr::tr("%1: items %2 and %3 are the same")
                                                            .arg(shown(path))
                                                            .arg(i)
                                                            .arg(j));
                                i = a.size();
                                break;
                            }
                        }
                    }
                }
                for (qsizetype i = 0; i < a.size(); ++i) {
                    const int sub = std::size_t(i) < n.prefixItems.size() ? n.prefixItems[std::size_t(i)] : n.items;
                    if (sub >= 0)
                        LUX_SUB(check(sub, a.at(i), path + u'/' + QString::number(i), depth + 1, collect));
                }
            } else {
                const QJsonObject o = v.toObject();
                for (const QString &name : n.required) {
                    if (!o.contains(name))
                        LUX_FAIL("required", SchemaTr::tr("%1: the property “%2” is missing").arg(shown(path), name));
                }
                for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                    const QString childPath = path + u'/' + escapeToken(it.key());
                    const auto prop = n.properties.constFind(it.key());
                    if (prop != n.properties.constEnd()) {
                        LUX_SUB(check(*prop, it.value(), childPath, depth + 1, collect));
                    } else if (n.additionalProperties >= 0) {
                        const Node &extra = m_nodes[std::size_t(n.additionalProperties)];
                        if (extra.isBool && !extra.boolValue) {
                            ok = false;
                            report(collect, childPath, QStringLiteral("additionalProperties"),
                                   SchemaTr::tr("%1: a property that is not allowed here").arg(shown(childPath)));
                            if (!collect || full())
                                return false;
                        } else {
                            LUX_SUB(check(n.additionalProperties, it.value(), childPath, depth + 1, collect));
                        }
                    }
                }
            }
        }
#undef LUX_FAIL
#undef LUX_SUB
        return ok;
    }

    const std::vector<Node> &m_nodes;
    QList<JsonSchema::Violation> *m_out;
    int m_max;

    bool full() const { return !m_out || m_out->size() >= m_max; }

    static int clampInt(qint64 v) { return int(std::min<qint64>(v, std::numeric_limits<int>::max())); }

    static QString shown(const QString &path) { return path.isEmpty() ? QStringLiteral("/") : path; }

    // Several schemas can judge the same value alike (a $ref and its target both meet a too-deep value):
    // one violation each.
    void report(bool collect, const QString &path, const QString &keyword, const QString &message)
    {
        if (!collect || full())
            return;
        const bool seen = std::any_of(m_out->cbegin(), m_out->cend(), [&](const JsonSchema::Violation &v) {
            return v.path == path && v.keyword == keyword && v.message == message;
        });
        if (!seen)
            m_out->append({path, keyword, message});
    }

    static bool isMultiple(double d, double m)
    {
        if (isIntegral(d) && isIntegral(m) && std::fabs(d) < 9.0e15 && m < 9.0e15)
            return qint64(d) % qint64(m) == 0;
        const double q = d / m;
        if (!std::isfinite(q))
            return false;
        return std::fabs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::fabs(q));
    }
};

} // namespace

JsonSchema::JsonSchema(std::shared_ptr<const Compiled> compiled) : m_compiled(std::move(compiled)) {}

Result<JsonSchema> JsonSchema::compile(const QJsonObject &schema)
{
    Compiler compiler;
    compiler.compile(schema, QString(), 0);
    if (!compiler.error)
        compiler.link();
    if (compiler.error)
        return *compiler.error;
    auto compiled = std::make_shared<Compiled>();
    compiled->document = schema;
    compiled->nodes = std::move(compiler.nodes);
    return JsonSchema(std::move(compiled));
}

QList<JsonSchema::Violation> JsonSchema::validate(const QJsonValue &instance, int maxViolations) const
{
    QList<Violation> out;
    Validator validator(m_compiled->nodes, &out, std::max(1, maxViolations));
    validator.check(0, instance, QString(), 0, true);
    return out;
}

bool JsonSchema::isValid(const QJsonValue &instance) const
{
    Validator validator(m_compiled->nodes, nullptr, 0);
    return validator.check(0, instance, QString(), 0, false);
}

const QJsonObject &JsonSchema::schema() const
{
    return m_compiled->document;
}

Result<QJsonValue> JsonSchema::parseAndValidate(const QByteArray &text, const JsonSchema &schema)
{
    // Local models like to wrap the answer in a Markdown fence: ```json … ```.
    qsizetype begin = 0;
    qsizetype end = text.size();
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    const auto trim = [&] {
        while (begin < end && isSpace(text.at(begin)))
            ++begin;
        while (end > begin && isSpace(text.at(end - 1)))
            --end;
    };
    trim();
    // Or put it in a fence between sentences ("Sure! Here is the JSON: ```json … ``` Anything else?").
    if (const QByteArrayView body = QByteArrayView(text).sliced(begin, end - begin);
        !body.startsWith("```") && !body.startsWith('{') && !body.startsWith('[')) {
        const qsizetype open = text.indexOf("```", begin);
        const qsizetype close = open < 0 ? -1 : text.indexOf("```", open + 3);
        if (open >= 0 && close > open && close + 3 <= end) {
            begin = open;
            end = close + 3;
        }
    }
    if (QByteArrayView(text).sliced(begin, end - begin).startsWith("```")) {
        const qsizetype newline = text.indexOf('\n', begin);
        begin = newline < 0 || newline >= end ? end : newline + 1;
        if (end - begin >= 3 && QByteArrayView(text).sliced(end - 3, 3) == "```")
            end -= 3;
        trim();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.mid(begin, end - begin), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(QString(errc::answerJson), QCoreApplication::translate("lux::assistant::JsonSchema", "The answer is not valid JSON at offset %1: %2.")
                                                    .arg(begin + parseError.offset)
                                                    .arg(parseError.errorString()));
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QList<Violation> violations = schema.validate(value, 5);
    if (!violations.isEmpty()) {
        QStringList messages;
        for (const Violation &v : violations)
            messages << v.message;
        return Error(QString(errc::answerSchema),
                     QCoreApplication::translate("lux::assistant::JsonSchema", "The answer does not have the expected structure: %1.").arg(messages.join(QStringLiteral("; "))));
    }
    return value;
}

QJsonObject JsonSchema::strictObject(const QJsonObject &properties)
{
    QJsonArray required;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        required.append(it.key());
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), required},
                       {QStringLiteral("additionalProperties"), false}};
}

QStringList JsonSchema::strictModeProblems(const QJsonObject &schema)
{
    // OpenAI's Structured Outputs guide, "Supported schemas": the keywords strict mode takes, its limits.
    static const QSet<QString> supported{
        QStringLiteral("type"),          QStringLiteral("properties"),       QStringLiteral("required"),
        QStringLiteral("additionalProperties"), QStringLiteral("items"),     QStringLiteral("enum"),
        QStringLiteral("const"),         QStringLiteral("anyOf"),            QStringLiteral("$ref"),
        QStringLiteral("$defs"),         QStringLiteral("pattern"),          QStringLiteral("format"),
        QStringLiteral("multipleOf"),    QStringLiteral("minimum"),          QStringLiteral("maximum"),
        QStringLiteral("exclusiveMinimum"), QStringLiteral("exclusiveMaximum"), QStringLiteral("minItems"),
        QStringLiteral("maxItems"),      QStringLiteral("title"),            QStringLiteral("description"),
    };
    constexpr int kMaxObjectDepth = 10;
    constexpr int kMaxProperties = 5000;
    constexpr int kMaxEnumValues = 1000;

    QStringList problems;
    int propertyCount = 0;
    int enumCount = 0;

    const auto isObjectSchema = [](const QJsonObject &o) {
        const QJsonValue type = o.value(QLatin1StringView("type"));
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        return types.contains(QJsonValue(QStringLiteral("object"))) || o.contains(QLatin1StringView("properties"));
    };

    std::function<void(const QJsonValue &, const QString &, int, int)> walk;
    walk = [&](const QJsonValue &value, const QString &pointer, int objectDepth, int depth) {
        const QString where = u'#' + pointer;
        if (!value.isObject()) {
            if (value.isBool())
                problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: boolean schemas are not supported in strict mode").arg(where);
            return;
        }
        if (depth > kMaxSchemaDepth) {
            problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: nested deeper than %2 levels").arg(where).arg(kMaxSchemaDepth);
            return;
        }
        const QJsonObject o = value.toObject();
        if (isObjectSchema(o)) {
            ++objectDepth;
            if (objectDepth == kMaxObjectDepth + 1)
                problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: objects nested more than %2 levels deep").arg(where).arg(kMaxObjectDepth);
            if (o.value(QLatin1StringView("additionalProperties")) != QJsonValue(false))
                problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: an object needs “additionalProperties”: false").arg(where);
            const QJsonArray required = o.value(QLatin1StringView("required")).toArray();
            const QJsonObject props = o.value(QLatin1StringView("properties")).toObject();
            propertyCount += int(props.size());
            for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
                if (!required.contains(QJsonValue(it.key())))
                    problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: the property “%2” is not listed in “required” (make it nullable instead)")
                                    .arg(where, it.key());
            }
        }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString &key = it.key();
            const QString here = pointer + u'/' + escapeToken(key);
            if (!supported.contains(key)) {
                problems << QCoreApplication::translate("lux::assistant::JsonSchema", "%1: “%2” is not supported in strict mode").arg(where, key);
                continue;
            }
            if (key == u"enum")
                enumCount += int(it.value().toArray().size());
            if (key == u"properties" || key == u"$defs") {
                const QJsonObject children = it.value().toObject();
                for (auto c = children.constBegin(); c != children.constEnd(); ++c)
                    walk(c.value(), here + u'/' + escapeToken(c.key()), key == u"$defs" ? 0 : objectDepth, depth + 1);
            } else if (key == u"items" || key == u"additionalProperties") {
                if (it.value().isObject())
                    walk(it.value(), here, objectDepth, depth + 1);
            } else if (key == u"anyOf") {
                const QJsonArray alternatives = it.value().toArray();
                for (qsizetype i = 0; i < alternatives.size(); ++i)
                    walk(alternatives.at(i), here + u'/' + QString::number(i), objectDepth, depth + 1);
            }
        }
    };

    if (schema.value(QLatin1StringView("type")) != QJsonValue(QStringLiteral("object")))
        problems << QCoreApplication::translate("lux::assistant::JsonSchema", "#: the root must be an object schema (“type”: “object”)");
    if (schema.contains(QLatin1StringView("anyOf")))
        problems << QCoreApplication::translate("lux::assistant::JsonSchema", "#: the root must not be “anyOf”");
    walk(schema, QString(), 0, 0);
    if (propertyCount > kMaxProperties)
        problems << QCoreApplication::translate("lux::assistant::JsonSchema", "The schema has %1 object properties; strict mode allows %2.").arg(propertyCount).arg(kMaxProperties);
    if (enumCount > kMaxEnumValues)
        problems << QCoreApplication::translate("lux::assistant::JsonSchema", "The schema has %1 enum values; strict mode allows %2.").arg(enumCount).arg(kMaxEnumValues);
    return problems;
}

} // namespace lux::assistant
