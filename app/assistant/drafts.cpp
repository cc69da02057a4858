// SPDX-License-Identifier: GPL-3.0-or-later
#include "drafts.h"

#include "contacts/segment.h"
#include "jsonschema.h"
#include "sms/optout.h"
#include "sms/segments.h"
#include "social/postchecks.h"

#include <QDateTime>
#include <QJsonArray>

namespace lux::assistant {

namespace {

using channels::Cancellation;
using channels::openai::ChatMessage;

// OpenAI's strict mode takes no maxLength: lengths are in the description and checked here (tooLong).
QJsonObject string(const QString &description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}};
}

// The strings of `value` longer than their limit (code points), as problems to send back.
QStringList tooLong(const QJsonObject &value, std::initializer_list<std::pair<const char *, int>> limits)
{
    QStringList problems;
    for (const auto &[key, limit] : limits) {
        const QString text = value.value(QLatin1String(key)).toString();
        const qsizetype length = text.toUcs4().size();
        if (length > limit)
            problems << Drafts::tr("“%1” has %2 characters, more than %3").arg(QLatin1String(key)).arg(length).arg(limit);
    }
    return problems;
}

} // namespace

QJsonObject Drafts::campaignSchema()
{
    return JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("subject"), string(QStringLiteral("The subject line, at most 70 characters, no spam words."))},
        {QStringLiteral("preheader"), string(QStringLiteral("The preview text shown after the subject, 40 to 110 characters."))},
        {QStringLiteral("html"),
         string(QStringLiteral("The email's HTML body: table layout, inline styles with the brand kit's colours and fonts, "
                               "images with alt text, {{first_name}} and other merge tags where useful, an unsubscribe link "
                               "{{{unsubscribe_url}}} and the postal address {{brand.address}} in the footer. Products exactly "
                               "as the catalogue gives them (name, price, link)."))},
        {QStringLiteral("notes"), string(QStringLiteral("What the marketer should check before sending, in one or two sentences."))},
    });
}

QJsonObject Drafts::subjectLinesSchema()
{
    return JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("subjects"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                     {QStringLiteral("description"), QStringLiteral("Five different subject lines, each at most 70 characters.")},
                     {QStringLiteral("items"), string(QStringLiteral("A subject line."))},
                     {QStringLiteral("minItems"), 5},
                     {QStringLiteral("maxItems"), 5}}},
    });
}

QJsonObject Drafts::rewriteSchema()
{
    return JsonSchema::strictObject(QJsonObject{{QStringLiteral("text"), string(QStringLiteral("The rewritten text only."))}});
}

QJsonObject Drafts::smsSchema()
{
    return JsonSchema::strictObject(QJsonObject{{QStringLiteral("text"), string(QStringLiteral("The text message, plain text, no HTML."))}});
}

QJsonObject Drafts::altTextSchema()
{
    return JsonSchema::strictObject(QJsonObject{{QStringLiteral("alt"), string(QStringLiteral("Alt text for the image, at most 125 characters."))}});
}

QJsonObject Drafts::captionSchema()
{
    return JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("caption"), string(QStringLiteral("The post's text, plain text, without the suggested hashtags."))},
        {QStringLiteral("hashtags"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                 {QStringLiteral("items"), string(QStringLiteral("A hashtag, starting with #, no spaces."))}}},
    });
}

QString Drafts::withHashtags(const CaptionDraft &draft)
{
    return draft.hashtags.isEmpty() ? draft.text : QString(draft.text + QStringLiteral("\n\n") + draft.hashtags.join(u' '));
}

QJsonObject Drafts::segmentSchema()
{
    const QJsonArray ops{QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("contains"), QStringLiteral("not_contains"),
                         QStringLiteral("starts_with"), QStringLiteral("ends_with"), QStringLiteral("is_empty"), QStringLiteral("is_not_empty"),
                         QStringLiteral("has"), QStringLiteral("lacks"), QStringLiteral("is"), QStringLiteral("is_not"),
                         QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("within_days"), QStringLiteral("textable"),
                         QStringLiteral("not_textable"), QStringLiteral("lt"), QStringLiteral("lte"), QStringLiteral("gt"), QStringLiteral("gte")};
    const QJsonObject rule = JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("field"),
         string(QStringLiteral("first_name, last_name, email, company, city, country (ISO code), language, time_zone, tag, status, "
                               "created_at, updated_at, phone_type, or custom:NAME"))},
        {QStringLiteral("op"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), ops}}},
        {QStringLiteral("value"),
         QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("null")}},
                     {QStringLiteral("description"), QStringLiteral("null for is_empty, is_not_empty, textable, not_textable")}}},
    });
    const QJsonObject group = JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("match"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                              {QStringLiteral("enum"), QJsonArray{QStringLiteral("all"), QStringLiteral("any")}}}},
        {QStringLiteral("rules"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                     {QStringLiteral("items"), QJsonObject{{QStringLiteral("anyOf"),
                                                            QJsonArray{QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/$defs/rule")}},
                                                                       QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/$defs/group")}}}}}}}},
    });
    QJsonObject root = JsonSchema::strictObject(QJsonObject{
        {QStringLiteral("name"), string(QStringLiteral("A short name for the segment."))},
        {QStringLiteral("explanation"), string(QStringLiteral("What the rules pick, in one sentence, and anything asked for that the rules cannot express."))},
        {QStringLiteral("rules"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/$defs/group")}}},
    });
    root.insert(QStringLiteral("$defs"), QJsonObject{{QStringLiteral("rule"), rule}, {QStringLiteral("group"), group}});
    return root;
}

QJsonObject Drafts::segmentRules(const QJsonObject &group)
{
    QJsonArray rules;
    for (const QJsonValue &v : group.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject r = v.toObject();
        if (r.contains(QStringLiteral("match"))) {
            rules.append(segmentRules(r));
            continue;
        }
        QJsonObject rule{{QStringLiteral("field"), r.value(QStringLiteral("field"))}, {QStringLiteral("op"), r.value(QStringLiteral("op"))}};
        if (!r.value(QStringLiteral("value")).isNull())
            rule.insert(QStringLiteral("value"), r.value(QStringLiteral("value")));
        rules.append(rule);
    }
    return QJsonObject{{QStringLiteral("match"), group.value(QStringLiteral("match"))}, {QStringLiteral("rules"), rules}};
}

QCoro::Task<Result<Drafts::CampaignDraft>> Drafts::campaign(QString brief, Assistant::Options options, Cancellation *cancel)
{
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Draft a marketing email from this brief. Look up the brand kit and, when products are involved, the "
                       "product catalogue first; use the components and merge tags the templates tool lists where they fit.\n\nBrief: ")
        + brief)};
    const Assistant::Check lengths = [](const QJsonObject &v) {
        return tooLong(v, {{"subject", 150}, {"preheader", 200}, {"notes", 600}});
    };
    const QString name = QStringLiteral("campaign_draft");
    const QJsonObject schema = campaignSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, lengths, cancel);
    if (!answer)
        co_return answer.error();
    const QJsonObject &v = answer->value;
    co_return CampaignDraft{v.value(QStringLiteral("subject")).toString().trimmed(), v.value(QStringLiteral("preheader")).toString().trimmed(),
                            v.value(QStringLiteral("html")).toString(), v.value(QStringLiteral("notes")).toString().trimmed(),
                            answer->turn.sources};
}

QCoro::Task<Result<QStringList>> Drafts::subjectLines(QString context, Assistant::Options options, Cancellation *cancel)
{
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Write five different subject lines for this email, each one a real alternative (benefit, curiosity, "
                       "urgency without spam words, personal, short). The email:\n\n")
        + context)};
    const Assistant::Check distinct = [](const QJsonObject &v) {
        QStringList problems;
        QStringList seen;
        for (const QJsonValue &s : v.value(QStringLiteral("subjects")).toArray()) {
            const QString line = s.toString().trimmed();
            if (line.isEmpty())
                problems << tr("a subject line is empty");
            else if (line.toUcs4().size() > 120)
                problems << tr("“%1” is longer than 120 characters").arg(line);
            else if (seen.contains(line, Qt::CaseInsensitive))
                problems << tr("“%1” is there twice").arg(line);
            seen << line;
        }
        return problems;
    };
    options.tools = false; // the email is in the prompt
    const QString name = QStringLiteral("subject_lines");
    const QJsonObject schema = subjectLinesSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, distinct, cancel);
    if (!answer)
        co_return answer.error();
    QStringList out;
    for (const QJsonValue &s : answer->value.value(QStringLiteral("subjects")).toArray())
        out << s.toString().trimmed();
    co_return out;
}

QCoro::Task<Result<QString>> Drafts::rewrite(QString selection, QString instruction, Assistant::Options options, Cancellation *cancel)
{
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Rewrite this part of an email: %1. Keep merge tags such as {{first_name}} exactly as they are, and keep "
                       "HTML tags if there are any. The text:\n\n").arg(instruction)
        + selection)};
    options.tools = false;
    const QString name = QStringLiteral("rewrite");
    const QJsonObject schema = rewriteSchema();
    const Assistant::Check none;
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, none, cancel);
    if (!answer)
        co_return answer.error();
    co_return answer->value.value(QStringLiteral("text")).toString();
}

QCoro::Task<Result<Drafts::SegmentDraft>> Drafts::segment(QString words, Assistant::Options options, Cancellation *cancel)
{
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Turn this description into segment rules. Use the audience_stats tool to see which tags, countries and "
                       "statuses exist and use their exact values. Dates are YYYY-MM-DD. If part of the description cannot be "
                       "expressed with these rules, leave it out and say so in the explanation. The description: ")
        + words)};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Assistant::Check compiles = [now](const QJsonObject &v) {
        QStringList problems = tooLong(v, {{"name", 80}, {"explanation", 400}});
        const Result<contacts::CompiledSegment> compiled = contacts::Segment::compile(segmentRules(v.value(QStringLiteral("rules")).toObject()), now);
        if (!compiled)
            problems << compiled.error().message;
        return problems;
    };
    const QString name = QStringLiteral("segment_rules");
    const QJsonObject schema = segmentSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, compiles, cancel);
    if (!answer)
        co_return answer.error();
    co_return SegmentDraft{answer->value.value(QStringLiteral("name")).toString().trimmed(),
                           answer->value.value(QStringLiteral("explanation")).toString().trimmed(),
                           segmentRules(answer->value.value(QStringLiteral("rules")).toObject())};
}

QCoro::Task<Result<QString>> Drafts::sms(QString brief, int parts, Assistant::Options options, Cancellation *cancel)
{
    parts = std::clamp(parts, 1, 10);
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Write a marketing text message (SMS) that fits in %1 segment(s): at most %2 characters if it uses only "
                       "GSM-7 characters (no emoji, no curly quotes), fewer otherwise, counting the opt-out line \"%3\" that is added at "
                       "the end when the text has none. Plain text. The brief: ").arg(parts)
            .arg(parts == 1 ? sms::Segments::kGsm7Single : parts * sms::Segments::kGsm7Multi)
            .arg(sms::OptOut::line(options.language))
        + brief)};
    const QString language = options.language;
    const Assistant::Check fits = [parts, language](const QJsonObject &v) {
        // Counted as it would go out: trimmed, with the opt-out line when it has none (TextBuilder).
        const QString text = sms::withOptOutLine(v.value(QStringLiteral("text")).toString().trimmed(), language);
        const sms::SegmentCount count = sms::Segments::count(text);
        if (count.segments > parts)
            return QStringList{tr("the text takes %n segment(s) (%1, %2 characters), more than the %3 asked for", nullptr, count.segments)
                                   .arg(count.encodingName())
                                   .arg(count.characters)
                                   .arg(parts)};
        return QStringList();
    };
    const QString name = QStringLiteral("sms_text");
    const QJsonObject schema = smsSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, fits, cancel);
    if (!answer)
        co_return answer.error();
    co_return sms::withOptOutLine(answer->value.value(QStringLiteral("text")).toString().trimmed(), language);
}

QCoro::Task<Result<Drafts::CaptionDraft>> Drafts::caption(social::Network network, QString brief, bool longPosts,
                                                         Assistant::Options options, Cancellation *cancel)
{
    const auto read = [](const QJsonObject &v) {
        CaptionDraft d;
        d.text = v.value(QStringLiteral("caption")).toString().trimmed();
        for (const QJsonValue &h : v.value(QStringLiteral("hashtags")).toArray())
            if (QString tag = h.toString().trimmed().remove(u' '); !tag.isEmpty())
                d.hashtags << (tag.startsWith(u'#') ? tag : QString(u'#' + tag));
        return d;
    };
    const social::PostCheck limits = social::PostChecks::check(network, QString(), {}, social::CheckOptions{longPosts, {}});
    QString rules = QStringLiteral("at most %1 characters with the hashtags").arg(limits.limit);
    if (network == social::Network::X)
        rules = QStringLiteral("at most %1 by X's weighted count (most letters 1, CJK and emoji 2, every link 23) with the hashtags, "
                               "and at most 2 hashtags").arg(limits.limit);
    else if (network == social::Network::Instagram)
        rules += QStringLiteral(", at most %1 hashtags and %2 @mentions; links are not clickable on Instagram")
                     .arg(social::PostChecks::kInstagramHashtags)
                     .arg(social::PostChecks::kInstagramMentions);
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Write a social media post for %1 in the brand's tone of voice (the brand kit has it): a caption (%2) and "
                       "suggested hashtags. Plain text, no markdown. The brief: ")
            .arg(social::Networks::displayName(network), rules)
        + brief)};
    // The caption with every suggested hashtag, checked as the network would count it; pictures are
    // the composer's to check.
    const Assistant::Check fits = [network, longPosts, read](const QJsonObject &v) {
        const CaptionDraft d = read(v);
        QStringList problems;
        if (d.text.isEmpty())
            problems << tr("the caption is empty");
        const social::PostCheck check = social::PostChecks::check(network, withHashtags(d), {}, social::CheckOptions{longPosts, {}});
        for (const social::Finding &f : check.findings)
            if (f.blocking && f.field == social::Finding::Field::Text)
                problems << f.message;
        return problems;
    };
    const QString name = QStringLiteral("social_caption");
    const QJsonObject schema = captionSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, fits, cancel);
    if (!answer)
        co_return answer.error();
    co_return read(answer->value);
}

QCoro::Task<Result<QString>> Drafts::altText(QString imagePrompt, Assistant::Options options, Cancellation *cancel)
{
    QList<ChatMessage> messages{ChatMessage::user(
        QStringLiteral("Write alt text (what the image shows, for someone who cannot see it, at most 125 characters, no \"image of\") "
                       "for an email image generated from this prompt: ")
        + imagePrompt)};
    options.tools = false;
    const Assistant::Check lengths = [](const QJsonObject &v) { return tooLong(v, {{"alt", 125}}); };
    const QString name = QStringLiteral("alt_text");
    const QJsonObject schema = altTextSchema();
    Result<Assistant::Structured> answer = co_await m_assistant->structured(messages, name, schema, options, lengths, cancel);
    if (!answer)
        co_return answer.error();
    co_return answer->value.value(QStringLiteral("alt")).toString().trimmed();
}

} // namespace lux::assistant
