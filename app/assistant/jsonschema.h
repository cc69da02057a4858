// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace lux::assistant {

// A small JSON Schema validator (draft 2020-12 semantics) over QJsonValue, for the structured answers of
// OpenAI-compatible servers: the app sends a schema with `strict: true` and validates every answer again
// here, because local servers (Ollama, llama.cpp) may ignore `strict`.
//
// Supported, and checked against the official JSON-Schema-Test-Suite (tests/unit/tst_jsonschema.cpp):
//   type (a name or an array of names; 1.0 is an integer), enum, const (deep equality, 1 == 1.0),
//   properties, required, additionalProperties (boolean or schema), items (one schema), prefixItems,
//   minItems, maxItems, uniqueItems, minLength, maxLength (Unicode code points, not UTF-16 units),
//   pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers), multipleOf, anyOf, allOf,
//   oneOf, not, boolean schemas (true/false) wherever a subschema goes, $defs/definitions, and $ref to
//   a JSON pointer inside the same document ("#", "#/$defs/name", "#/definitions/name", "#/properties/a").
// Annotations, accepted and not checked: title, description, default, examples, $comment, $schema,
//   $id (root only: a nested $id would change what "#…" refers to), and format (2020-12 treats format as
//   an annotation by default).
// Everything else is refused by compile() with the keyword and its place, so a schema never asks for a
// check this class silently skips: patternProperties, propertyNames, contains, if/then/else,
// dependent*, unevaluated*, $anchor, $dynamicRef, remote references, "items" as an array (the tuple
// form of older drafts: use prefixItems), among others.
//
// pattern: ECMA-262 syntax through QRegularExpression (PCRE2), unanchored, no Unicode properties option
// (so \d and \w stay ASCII, as in ECMA-262 without the u flag). Where the two dialects differ the PCRE2
// meaning wins: `$` also matches before a final "\n", \Z and \A exist, \cX and some \u forms differ, and
// lookbehind must have a bounded length. Schemas meant for models should keep to the common subset.
// Numbers are compared as doubles: integers beyond 2^53 lose precision, as in JavaScript.
// Bounds: a schema nested deeper than kMaxSchemaDepth, or an instance deeper than kMaxInstanceDepth, is
// an error or a violation rather than a stack overflow; $ref loops that consume no input ({"$ref":"#"}
// at the root, two definitions referring to each other) are refused at compile.
class JsonSchema
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::JsonSchema)
public:
    static constexpr int kMaxSchemaDepth = 64;
    static constexpr int kMaxInstanceDepth = 64;

    struct Violation
    {
        QString path;    // JSON pointer into the instance: "" for the root, "/subjects/2"
        QString keyword; // the schema keyword that failed: "maxLength", "required", "type"…
        QString message; // translated, with the path: "/subjects/2: longer than 80 characters"
    };

    // Checks every keyword and resolves every $ref once, so validate() cannot fail on the schema itself.
    static Result<JsonSchema> compile(const QJsonObject &schema);

    // At most maxViolations violations, in document order; empty when the instance is valid.
    QList<Violation> validate(const QJsonValue &instance, int maxViolations = 20) const;
    bool isValid(const QJsonValue &instance) const;

    // Parses a model's answer and validates it: leading and trailing whitespace and a ```json … ```
    // fence around the answer are accepted. A parse error names its offset in `text`.
    static Result<QJsonValue> parseAndValidate(const QByteArray &text, const JsonSchema &schema);

    // What OpenAI's strict mode (Structured Outputs, "Supported schemas") would refuse: a root that is
    // not an object, an object without "additionalProperties": false or with a property missing from
    // "required", a keyword outside strict mode's set, more than 10 levels of nested objects, more than
    // 5,000 object properties or 1,000 enum values in all. Empty when strict mode takes the schema.
    // An object schema as strict mode wants it: every property listed in required, no others allowed.
    static QJsonObject strictObject(const QJsonObject &properties);
    static QStringList strictModeProblems(const QJsonObject &schema);

    const QJsonObject &schema() const;

private:
    struct Compiled;
    explicit JsonSchema(std::shared_ptr<const Compiled> compiled);
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace lux::assistant
