// SPDX-License-Identifier: GPL-3.0-or-later
// assistant::JsonSchema against the official JSON-Schema-Test-Suite as Debian ships it
// (json-schema-test-suite, installed by packaging/install-deps.sh), then our own cases.
//
// Debian 12's package is the suite's release 2.0.0, which has draft3 to draft7 and no draft2020-12
// folder. So the suite run uses draft7's files for the keywords whose meaning did not change between
// draft 7 and 2020-12, with two mechanical rewrites that 2020-12 itself defines as equivalent:
//   - "items": [a, b] (the tuple form) becomes "prefixItems": [a, b], and "additionalItems": s beside
//     it becomes "items": s; "additionalItems" beside a single-schema "items" is dropped (draft 7
//     ignores it there, and 2020-12 has no such keyword);
//   - a root that is a boolean schema (boolean_schema.json) becomes {} for true and {"not": {}} for
//     false, because compile() takes an object.
// Cases whose draft-7 answer differs from 2020-12, or that need what we refuse, are listed in kSkipped
// with the reason; every other case must agree, and a schema we cannot compile fails the test.
#include "assistant/jsonschema.h"

#include "common/errorcodes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using lux::assistant::JsonSchema;
using namespace Qt::StringLiterals;

namespace {

const QString kSuiteDir = QStringLiteral(JSON_SCHEMA_TEST_SUITE_DIR);

// The files for the keywords JsonSchema supports (draft7/<name>.json). optional/zeroTerminatedFloats
// is the suite's "1.0 is an integer" case.
const QStringList kFiles{
    QStringLiteral("type"),        QStringLiteral("enum"),          QStringLiteral("const"),
    QStringLiteral("properties"),  QStringLiteral("required"),      QStringLiteral("additionalProperties"),
    QStringLiteral("items"),       QStringLiteral("additionalItems"), QStringLiteral("minItems"),
    QStringLiteral("maxItems"),    QStringLiteral("uniqueItems"),   QStringLiteral("minLength"),
    QStringLiteral("maxLength"),   QStringLiteral("pattern"),       QStringLiteral("minimum"),
    QStringLiteral("maximum"),     QStringLiteral("exclusiveMinimum"), QStringLiteral("exclusiveMaximum"),
    QStringLiteral("multipleOf"),  QStringLiteral("anyOf"),         QStringLiteral("allOf"),
    QStringLiteral("oneOf"),       QStringLiteral("not"),           QStringLiteral("ref"),
    QStringLiteral("definitions"), QStringLiteral("boolean_schema"), QStringLiteral("optional/zeroTerminatedFloats"),
};

struct Skip
{
    const char *file;
    const char *group; // the group's description
    const char *test;  // one case's description, or nullptr for the whole group (its schema needs what we refuse)
    const char *reason;
};

const Skip kSkipped[] = {
    {"ref", "relative pointer ref to array", nullptr,
     "points at \"#/items/0\", the draft-7 tuple form that 2020-12 spells prefixItems; the pointer moves with the rewrite"},
    {"ref", "escaped pointer ref", nullptr,
     "the targets sit under unknown root keywords (\"tilda~field\"…), which compile() refuses by design"},
    {"ref", "ref overrides any sibling keywords", "ref valid, maxItems ignored",
     "draft 7 ignores keywords beside $ref; 2020-12 applies them, so maxItems: 2 refuses [1, 2, 3] here"},
    {"ref", "remote ref, containing refs itself", nullptr, "remote reference (the draft-07 meta-schema): local refs only"},
    {"ref", "Recursive references between schemas", nullptr, "relative URI references resolved against nested $id: local refs only"},
    {"properties", "properties, patternProperties, additionalProperties interaction", nullptr,
     "patternProperties, which compile() refuses (not needed for answers; OpenAI's strict mode refuses it too)"},
    {"additionalProperties", "additionalProperties being false does not allow other properties", nullptr,
     "patternProperties, which compile() refuses"},
    {"additionalProperties", "non-ASCII pattern with additionalProperties", nullptr, "patternProperties, which compile() refuses"},
    {"definitions", "valid definition", nullptr, "remote reference (the draft-07 meta-schema): local refs only"},
    {"definitions", "invalid definition", nullptr, "remote reference (the draft-07 meta-schema): local refs only"},
};

const Skip *findSkip(const QString &file, const QString &group, const QString &test = QString())
{
    for (const Skip &s : kSkipped) {
        if (file == QLatin1StringView(s.file) && group == QLatin1StringView(s.group)
            && (!s.test || test == QLatin1StringView(s.test)))
            return &s;
    }
    return nullptr;
}

QString skipKey(const Skip &s)
{
    return QLatin1StringView(s.file) + u'|' + QLatin1StringView(s.group) + u'|' + QLatin1StringView(s.test ? s.test : "");
}

// Draft 7 → 2020-12 where 2020-12 defines the equivalent (see the top of the file), through schema
// positions only (never into enum or const values).
QJsonValue toDraft2020(const QJsonValue &schema)
{
    if (!schema.isObject())
        return schema;
    QJsonObject o = schema.toObject();
    const auto mapSchemas = [](const QJsonValue &v) -> QJsonValue {
        QJsonObject m = v.toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            it.value() = toDraft2020(it.value());
        return m;
    };
    const auto listSchemas = [](const QJsonValue &v) -> QJsonValue {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = toDraft2020(a.at(i));
        return a;
    };
    for (const QString &key : {QStringLiteral("properties"), QStringLiteral("definitions"), QStringLiteral("$defs")}) {
        if (o.value(key).isObject())
            o[key] = mapSchemas(o.value(key));
    }
    for (const QString &key : {QStringLiteral("allOf"), QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        if (o.value(key).isArray())
            o[key] = listSchemas(o.value(key));
    }
    for (const QString &key : {QStringLiteral("not"), QStringLiteral("additionalProperties")}) {
        if (o.contains(key))
            o[key] = toDraft2020(o.value(key));
    }
    const QJsonValue additional = o.take(QStringLiteral("additionalItems"));
    if (o.value(QStringLiteral("items")).isArray()) {
        o[QStringLiteral("prefixItems")] = listSchemas(o.take(QStringLiteral("items")));
        if (!additional.isUndefined())
            o[QStringLiteral("items")] = toDraft2020(additional);
    } else if (o.contains(QStringLiteral("items"))) {
        o[QStringLiteral("items")] = toDraft2020(o.value(QStringLiteral("items")));
    }
    return o;
}

QJsonObject rootObject(const QJsonValue &schema)
{
    if (schema.isBool())
        return schema.toBool() ? QJsonObject{} : QJsonObject{{QStringLiteral("not"), QJsonObject{}}};
    return toDraft2020(schema).toObject();
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

JsonSchema compiled(const char *json)
{
    auto schema = JsonSchema::compile(parse(json));
    if (!schema)
        qFatal("%s", qPrintable(schema.error().message));
    return *schema;
}

QStringList messages(const QList<JsonSchema::Violation> &violations)
{
    QStringList out;
    for (const auto &v : violations)
        out << v.path + u'|' + v.keyword + u'|' + v.message;
    return out;
}

} // namespace

class TestJsonSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialSuite();
    void violationPathsAndMessages();
    void maxLengthCountsCodePoints();
    void integersAndNumbers();
    void maxViolations();
    void parseAndValidate_data();
    void parseAndValidate();
    void compileRefuses_data();
    void compileRefuses();
    void deepInstance();
    void strictModeProblems();
};

void TestJsonSchema::officialSuite()
{
    QVERIFY2(QDir(kSuiteDir).exists(),
             qPrintable(u"JSON-Schema-Test-Suite not found at " + kSuiteDir
                        + u"; install Debian's json-schema-test-suite (packaging/install-deps.sh)"));
    int run = 0;
    int passed = 0;
    int skipped = 0;
    QStringList failures;
    QSet<QString> skipsUsed;
    for (const QString &name : kFiles) {
        QFile file(kSuiteDir + u'/' + name + u".json");
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonArray groups = QJsonDocument::fromJson(file.readAll()).array();
        QVERIFY2(!groups.isEmpty(), qPrintable(file.fileName()));
        for (const QJsonValue &g : groups) {
            const QJsonObject group = g.toObject();
            const QString description = group.value(QStringLiteral("description")).toString();
            const QJsonArray tests = group.value(QStringLiteral("tests")).toArray();
            if (const Skip *s = findSkip(name, description); s && !s->test) {
                skipped += int(tests.size());
                skipsUsed.insert(skipKey(*s));
                continue;
            }
            auto schema = JsonSchema::compile(rootObject(group.value(QStringLiteral("schema"))));
            if (!schema) {
                run += int(tests.size());
                failures << name + u": " + description + u": does not compile: " + schema.error().message;
                continue;
            }
            for (const QJsonValue &t : tests) {
                const QJsonObject test = t.toObject();
                if (const Skip *s = findSkip(name, description, test.value(QStringLiteral("description")).toString())) {
                    ++skipped;
                    skipsUsed.insert(skipKey(*s));
                    continue;
                }
                ++run;
                const bool expected = test.value(QStringLiteral("valid")).toBool();
                const QJsonValue data = test.value(QStringLiteral("data"));
                const bool quick = schema->isValid(data);
                const bool full = schema->validate(data).isEmpty();
                if (quick == expected && full == expected)
                    ++passed;
                else
                    failures << name + u": " + description + u": " + test.value(QStringLiteral("description")).toString()
                                    + u": expected " + (expected ? u"valid" : u"invalid") + u", isValid "
                                    + (quick ? u"true" : u"false") + u", validate " + (full ? u"empty" : u"not empty");
            }
        }
    }
    qInfo("JSON-Schema-Test-Suite (%s): %d cases run, %d passed, %d skipped (%d listed groups or cases)",
          qPrintable(kSuiteDir), run, passed, skipped, int(std::size(kSkipped)));
    for (const Skip &s : kSkipped)
        QVERIFY2(skipsUsed.contains(skipKey(s)), qPrintable(u"a skipped case the suite no longer has: "_s + skipKey(s)));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(passed, run);
    QVERIFY(run >= 250); // the files above hold about 300 cases: an empty folder must not pass
}

void TestJsonSchema::violationPathsAndMessages()
{
    const JsonSchema schema = compiled(R"({
        "type": "object",
        "properties": {
            "subjects": {"type": "array", "items": {"type": "string", "maxLength": 80}, "minItems": 1},
            "tone": {"enum": ["friendly", "formal"]},
            "score": {"type": "integer", "minimum": 0, "maximum": 10},
            "a/b": {"type": "boolean"}
        },
        "required": ["subjects", "tone"],
        "additionalProperties": false
    })");
    const QJsonObject answer = parse(R"({
        "subjects": ["fine", "also fine", "this one is far too long for a subject line because it just keeps going and going on"],
        "score": 11.5,
        "a/b": "yes",
        "extra": 1
    })");
    const auto violations = schema.validate(answer);
    QCOMPARE(messages(violations),
             (QStringList{
                 u"|required|/: the property “tone” is missing"_s,
                 u"/a~1b|type|/a~1b: expected boolean, got string"_s,
                 u"/extra|additionalProperties|/extra: a property that is not allowed here"_s,
                 u"/score|type|/score: expected integer, got number"_s,
                 u"/score|maximum|/score: greater than 10"_s,
                 u"/subjects/2|maxLength|/subjects/2: longer than 80 character(s)"_s,
             }));
    QVERIFY(schema.isValid(parse(R"({"subjects": ["x"], "tone": "formal", "score": 3})")));
}

void TestJsonSchema::maxLengthCountsCodePoints()
{
    const JsonSchema schema = compiled(R"({"type": "string", "minLength": 2, "maxLength": 3})");
    const QString threeEmoji = QString::fromUcs4(U"\U0001F600\U0001F389\U0001F680"); // 6 UTF-16 units
    QCOMPARE(threeEmoji.size(), 6);
    QVERIFY(schema.isValid(threeEmoji));
    QVERIFY(!schema.isValid(QString(threeEmoji + u'a')));
    QVERIFY(!schema.isValid(QString::fromUcs4(U"\U0001F600"))); // one code point, two units: too short
    QVERIFY(schema.isValid(u"ñé"_s));
}

void TestJsonSchema::integersAndNumbers()
{
    const JsonSchema integer = compiled(R"({"type": "integer", "multipleOf": 5})");
    QVERIFY(integer.isValid(QJsonDocument::fromJson("[10.0]").array().at(0)));
    QVERIFY(!integer.isValid(10.5));
    QVERIFY(!integer.isValid(12));
    QVERIFY(!integer.isValid(u"10"_s));
    const JsonSchema cents = compiled(R"({"multipleOf": 0.01})");
    QVERIFY(cents.isValid(19.99));
    QVERIFY(!cents.isValid(19.991));
    const JsonSchema one = compiled(R"({"const": 1, "enum": [1, "1", true]})");
    QVERIFY(one.isValid(1.0));
    QCOMPARE(messages(one.validate(true)), QStringList{u"|const|/: not the required value"_s});
}

void TestJsonSchema::maxViolations()
{
    const JsonSchema schema = compiled(R"({"type": "array", "items": {"type": "string"}})");
    const QJsonArray numbers{1, 2, 3, 4, 5, 6};
    QCOMPARE(schema.validate(numbers, 3).size(), 3);
    QCOMPARE(schema.validate(numbers).size(), 6);
    QCOMPARE(schema.validate(numbers).first().path, u"/0"_s);
}

void TestJsonSchema::parseAndValidate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");    // empty: accepted
    QTest::addColumn<QString>("message"); // a part of the error's message

    QTest::newRow("plain") << QByteArray(R"({"subject": "Hello"})") << QString() << QString();
    QTest::newRow("whitespace") << QByteArray("\n\n  {\"subject\": \"Hello\"}  \r\n") << QString() << QString();
    QTest::newRow("fence") << QByteArray("```json\n{\"subject\": \"Hello\"}\n```\n") << QString() << QString();
    QTest::newRow("bare fence") << QByteArray("  ```\n{\"subject\": \"Hello\"}```") << QString() << QString();
    // Qt's parser names the offset where it gave up; in a fenced answer it still counts from the start.
    QTest::newRow("parse error offset") << QByteArray(R"({"subject": "Hello",})") << QString(lux::errc::answerJson)
                                        << u"at offset 21:"_s;
    QTest::newRow("parse error offset in fence") << QByteArray("```json\n{\"subject\": \"Hello\",}\n```")
                                                 << QString(lux::errc::answerJson) << u"at offset 29:"_s;
    QTest::newRow("truncated") << QByteArray(R"({"subject": "Hel)") << QString(lux::errc::answerJson) << u"at offset"_s;
    QTest::newRow("empty") << QByteArray("  ") << QString(lux::errc::answerJson) << u"at offset"_s;
    QTest::newRow("schema") << QByteArray(R"({"subject": 5})") << QString(lux::errc::answerSchema)
                            << u"/subject: expected string, got integer"_s;
}

void TestJsonSchema::parseAndValidate()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const JsonSchema schema = compiled(R"({"type": "object", "properties": {"subject": {"type": "string"}},
                                           "required": ["subject"], "additionalProperties": false})");
    const auto result = JsonSchema::parseAndValidate(text, schema);
    if (code.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->toObject().value(u"subject"_s).toString(), u"Hello"_s);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    }
}

void TestJsonSchema::compileRefuses_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown keyword") << QByteArray(R"({"properties": {"a": {"patternProperties": {}}}})")
                                     << QString(lux::errc::schemaUnsupported) << u"“patternProperties” at #/properties/a"_s;
    QTest::newRow("misspelt keyword") << QByteArray(R"({"maxLenght": 3})") << QString(lux::errc::schemaUnsupported)
                                      << u"“maxLenght” at #"_s;
    QTest::newRow("tuple items") << QByteArray(R"({"items": [{"type": "string"}]})") << QString(lux::errc::schemaUnsupported)
                                 << u"prefixItems"_s;
    QTest::newRow("dynamicRef") << QByteArray(R"({"$dynamicRef": "#meta"})") << QString(lux::errc::schemaUnsupported)
                                << u"$dynamicRef"_s;
    QTest::newRow("bad value") << QByteArray(R"({"maxLength": -1})") << QString(lux::errc::schemaInvalid)
                               << u"“maxLength” at # must be a non-negative integer"_s;
    QTest::newRow("bad type") << QByteArray(R"({"type": "text"})") << QString(lux::errc::schemaInvalid) << u"“type” at #"_s;
    QTest::newRow("bad pattern") << QByteArray(R"({"pattern": "(a"})") << QString(lux::errc::schemaInvalid) << u"pattern at #"_s;
    QTest::newRow("remote ref") << QByteArray(R"({"$ref": "https://example.com/s.json"})") << QString(lux::errc::schemaRef)
                                << u"https://example.com/s.json"_s;
    QTest::newRow("anchor ref") << QByteArray(R"({"$ref": "#node"})") << QString(lux::errc::schemaRef) << u"#node"_s;
    QTest::newRow("missing ref") << QByteArray(R"({"$ref": "#/$defs/nope"})") << QString(lux::errc::schemaRef)
                                 << u"“#/$defs/nope” at # points to no schema"_s;
    QTest::newRow("self ref") << QByteArray(R"({"$ref": "#"})") << QString(lux::errc::schemaRef) << u"loops back"_s;
    QTest::newRow("ref cycle") << QByteArray(R"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}},
                                               "properties": {"x": {"$ref": "#/$defs/a"}}})")
                               << QString(lux::errc::schemaRef) << u"loops back"_s;
    QTest::newRow("nested $id") << QByteArray(R"({"properties": {"a": {"$id": "other"}}})") << QString(lux::errc::schemaUnsupported)
                                << u"#/properties/a"_s;

    QByteArray deep = "{}";
    for (int i = 0; i < JsonSchema::kMaxSchemaDepth + 2; ++i)
        deep = "{\"items\": " + deep + "}";
    QTest::newRow("deep schema") << deep << QString(lux::errc::schemaDepth) << u"deeper than 64 levels"_s;
}

void TestJsonSchema::compileRefuses()
{
    QFETCH(QByteArray, schema);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(schema, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const auto result = JsonSchema::compile(object);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void TestJsonSchema::deepInstance()
{
    // Recursion that consumes input is fine, and a linked list as deep as the bound still validates…
    const JsonSchema list = compiled(R"({"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}},
                                         "additionalProperties": false}}, "$ref": "#/$defs/node"})");
    const auto nest = [](int levels) -> QJsonObject {
        QJsonObject o;
        for (int i = 0; i < levels; ++i)
            o = QJsonObject{{u"next"_s, o}};
        return o;
    };
    QVERIFY(list.isValid(nest(JsonSchema::kMaxInstanceDepth - 1)));
    // …while a deeper answer is a violation, not a stack overflow.
    const auto violations = list.validate(nest(500));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().keyword, u"depth"_s);
    QVERIFY(violations.first().path.startsWith(u"/next/next/"_s));
    QVERIFY(!list.isValid(nest(500)));
}

void TestJsonSchema::strictModeProblems()
{
    const QJsonObject good = parse(R"({
        "type": "object",
        "properties": {
            "subjects": {"type": "array", "items": {"type": "string", "description": "one subject line"}, "minItems": 1},
            "tone": {"type": ["string", "null"], "enum": ["friendly", "formal", null]},
            "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}}
        },
        "$defs": {"block": {"type": "object", "properties": {"text": {"type": "string"}, "children": {"type": "array",
                  "items": {"$ref": "#/$defs/block"}}}, "required": ["text", "children"], "additionalProperties": false}},
        "required": ["subjects", "tone", "blocks"],
        "additionalProperties": false
    })");
    QCOMPARE(JsonSchema::strictModeProblems(good), QStringList());
    QVERIFY(JsonSchema::compile(good).ok());

    const QJsonObject bad = parse(R"({
        "type": "object",
        "properties": {
            "subject": {"type": "string", "maxLength": 80},
            "inner": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
            "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        },
        "required": ["subject", "inner"],
        "additionalProperties": false
    })");
    QCOMPARE(JsonSchema::strictModeProblems(bad),
             (QStringList{
                 u"#: the property “either” is not listed in “required” (make it nullable instead)"_s,
                 u"#/properties/either: “oneOf” is not supported in strict mode"_s,
                 u"#/properties/inner: an object needs “additionalProperties”: false"_s,
                 u"#/properties/subject: “maxLength” is not supported in strict mode"_s,
             }));

    QCOMPARE(JsonSchema::strictModeProblems(parse(R"({"anyOf": [{"type": "object"}]})")).mid(0, 2),
             (QStringList{u"#: the root must be an object schema (“type”: “object”)"_s, u"#: the root must not be “anyOf”"_s}));

    // Ten levels of objects are allowed, eleven are not.
    const auto nested = [](int levels) -> QJsonObject {
        QJsonObject o{{u"type"_s, u"string"_s}};
        for (int i = 0; i < levels; ++i)
            o = QJsonObject{{u"type"_s, u"object"_s},
                            {u"properties"_s, QJsonObject{{u"x"_s, o}}},
                            {u"required"_s, QJsonArray{u"x"_s}},
                            {u"additionalProperties"_s, false}};
        return o;
    };
    QCOMPARE(JsonSchema::strictModeProblems(nested(10)), QStringList());
    const QStringList tooDeep = JsonSchema::strictModeProblems(nested(11));
    QCOMPARE(tooDeep.size(), 1);
    QVERIFY2(tooDeep.first().contains(u"more than 10 levels"_s), qPrintable(tooDeep.first()));
}

QTEST_GUILESS_MAIN(TestJsonSchema)
#include "tst_jsonschema.moc"
