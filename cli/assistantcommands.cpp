// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantcommands.h"

#include "assistant/assistant.h"
#include "assistant/assistantsession.h"
#include "assistant/conversations.h"
#include "assistant/drafts.h"
#include "assistant/factguard.h"
#include "assistant/mediastore.h"
#include "assistant/usageledger.h"
#include "channels/woocommerce/productstore.h"
#include "common/awaittask.h"
#include "common/savefile.h"
#include "content/templatestore.h"
#include "social/postchecks.h"
#include "templatecommands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace lux::cli {

namespace {

using assistant::Assistant;
using channels::openai::OpenAiClient;
using channels::openai::UsageRecord;

struct AssistantTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Everything one command needs to talk to the AI server: the database's settings and keys, and the
// assistant session (its requests go to the usage ledger).
struct Session
{
    std::unique_ptr<DatabaseScope> scope;
    std::shared_ptr<assistant::AssistantSession> lux;

    ~Session()
    {
        if (lux)
            lux->flushLedger();
    }
};

Result<std::unique_ptr<Session>> openSession(const CommandContext &ctx)
{
    auto scope = DatabaseScope::open(ctx.databasePath);
    if (!scope)
        return scope.error();
    auto session = std::make_unique<Session>();
    session->scope = std::move(*scope);
    auto lux = awaitTask(assistant::AssistantSession::open(session->scope->database().path(), session->scope->settings(),
                                                           session->scope->secrets()));
    if (!lux)
        return lux.error();
    session->lux = std::move(*lux);
    return session;
}

QJsonObject usageJson(const QList<UsageRecord> &records)
{
    qint64 prompt = 0, completion = 0, cached = 0, unknown = 0;
    for (const UsageRecord &r : records) {
        if (!r.usage) {
            ++unknown;
            continue;
        }
        prompt += r.usage->promptTokens;
        completion += r.usage->completionTokens;
        cached += r.usage->cachedTokens;
    }
    return QJsonObject{{QStringLiteral("requests"), qint64(records.size())},
                       {QStringLiteral("prompt_tokens"), prompt},
                       {QStringLiteral("completion_tokens"), completion},
                       {QStringLiteral("cached_tokens"), cached},
                       {QStringLiteral("usage_unknown"), unknown}};
}

QJsonArray sourcesJson(const QList<assistant::Source> &sources)
{
    QJsonArray a;
    for (const assistant::Source &s : sources)
        a.append(QJsonObject{{QStringLiteral("kind"), s.kind}, {QStringLiteral("count"), s.count}, {QStringLiteral("label"), s.label}});
    return a;
}

int ask(const CommandContext &ctx)
{
    if (ctx.args.size() != 1 || ctx.args.first().trimmed().isEmpty())
        return ctx.usage(AssistantTr::tr("Give the question as one argument, in quotes."));
    const QString question = ctx.args.first().trimmed();
    auto session = openSession(ctx);
    if (!session)
        return ctx.fail(session.error());
    Session &s = **session;
    assistant::ConversationStore conversations(s.scope->database().connection());
    Result<assistant::Conversation> conversation = Error();
    if (ctx.isSet(QStringLiteral("conversation"))) {
        bool ok = false;
        const qint64 id = ctx.option(QStringLiteral("conversation")).toLongLong(&ok);
        if (!ok)
            return ctx.usage(AssistantTr::tr("--conversation takes a conversation's number."));
        conversation = conversations.find(id);
    } else {
        conversation = conversations.create(question.left(60), QStringLiteral("luxctl"), std::nullopt);
    }
    if (!conversation)
        return ctx.fail(conversation.error());
    s.lux->setConversation(conversation->id);
    const bool personal = ctx.isSet(QStringLiteral("allow-personal-data")) || conversation->personalData;
    if (personal != conversation->personalData)
        if (Status st = conversations.setPersonalData(conversation->id, personal); !st)
            return ctx.fail(st.error());
    const auto earlier = conversations.messages(conversation->id);
    if (!earlier)
        return ctx.fail(earlier.error());
    QList<channels::openai::ChatMessage> history = assistant::ConversationStore::toChat(*earlier);
    history << channels::openai::ChatMessage::user(question);
    if (const auto stored = conversations.append(conversation->id, assistant::StoredMessage{0, QStringLiteral("user"), question, {}, {}, {}, QStringLiteral("complete"), 0}); !stored)
        return ctx.fail(stored.error());
    if (!ctx.json)
        std::fprintf(stderr, "%s\n", qPrintable(personal ? AssistantTr::tr("Sending: your question and what the tools read, contacts' own data included (allowed for this conversation).")
                                                          : AssistantTr::tr("Sending: your question and aggregates from your data; no contact's personal data.")));
    Assistant::Options options;
    options.personalData = personal;
    QString streamed;
    const bool json = ctx.json;
    const Assistant::TextSink sink = [&streamed, json](const QString &delta) {
        streamed += delta;
        if (!json)
            out(delta);
    };
    const auto turn = awaitTask(s.lux->assistant().ask(history, options, sink));
    s.lux->flushLedger(); // before this connection writes the turn (see draft)
    if (!turn) {
        // What arrived before the failure is kept, marked, so the conversation shows it.
        const QString status = streamed.isEmpty() ? QStringLiteral("error") : QStringLiteral("interrupted");
        (void)conversations.append(conversation->id, assistant::StoredMessage{0, QStringLiteral("assistant"), streamed.isEmpty() ? turn.error().message : streamed, {}, {}, {}, status, 0});
        if (!json && !streamed.isEmpty())
            out(QStringLiteral("\n"));
        return ctx.fail(turn.error(), QJsonObject{{QStringLiteral("conversation_id"), conversation->id},
                                                  {QStringLiteral("partial_answer"), streamed},
                                                  {QStringLiteral("usage"), usageJson(s.lux->requests())}});
    }
    QJsonArray tools;
    for (qsizetype i = 0; i < turn->added.size(); ++i) {
        const channels::openai::ChatMessage &m = turn->added.at(i);
        assistant::StoredMessage stored{0, m.role, m.content, m.toolCalls, m.toolCallId, {}, QStringLiteral("complete"), 0};
        if (i == turn->added.size() - 1)
            stored.sources = turn->sources;
        if (const auto appended = conversations.append(conversation->id, stored); !appended)
            return ctx.fail(appended.error());
        for (const channels::openai::ToolCall &c : m.toolCalls)
            tools.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("arguments"), c.arguments}});
    }
    if (json)
        return ctx.succeed(QJsonObject{{QStringLiteral("conversation_id"), conversation->id},
                                       {QStringLiteral("answer"), turn->text},
                                       {QStringLiteral("tools"), tools},
                                       {QStringLiteral("sources"), sourcesJson(turn->sources)},
                                       {QStringLiteral("gathered_first"), turn->gatheredFirst},
                                       {QStringLiteral("usage"), usageJson(s.lux->requests())}},
                           {});
    out(QStringLiteral("\n"));
    const QString used = assistant::ConversationStore::sourcesLine(turn->sources);
    if (!used.isEmpty())
        std::fprintf(stderr, "(%s)\n", qPrintable(used));
    std::fprintf(stderr, "%s\n", qPrintable(AssistantTr::tr("Conversation %1; continue it with --conversation %1.").arg(conversation->id)));
    return ExitOk;
}

QJsonArray factsJson(const QList<assistant::FactFinding> &findings)
{
    QJsonArray a;
    for (const assistant::FactFinding &f : findings)
        a.append(QJsonObject{{QStringLiteral("kind"), assistant::FactFinding::kindName(f.kind)},
                             {QStringLiteral("field"), assistant::FactFinding::fieldName(f.field)},
                             {QStringLiteral("text"), f.text},
                             {QStringLiteral("offset"), qint64(f.offset)},
                             {QStringLiteral("real_value"), f.realValue},
                             {QStringLiteral("message"), f.message}});
    return a;
}

// luxctl assistant caption --network x|linkedin|instagram|facebook --brief TEXT [--long-posts]: a caption and
// hashtags, checked by the network's rules as the post would go; nothing is saved (the composer's job).
int caption(const CommandContext &ctx)
{
    const QString brief = ctx.option(QStringLiteral("brief")).trimmed();
    const std::optional<social::Network> network = social::Networks::fromName(ctx.option(QStringLiteral("network")));
    if (brief.isEmpty() || !network)
        return ctx.usage(AssistantTr::tr("Give --network x, linkedin, instagram or facebook and --brief \"what the post is about\"."));
    auto session = openSession(ctx);
    if (!session)
        return ctx.fail(session.error());
    Session &s = **session;
    if (!ctx.json)
        std::fprintf(stderr, "%s\n", qPrintable(AssistantTr::tr("Writing with %1 …").arg(s.lux->setup().model)));
    const bool longPosts = ctx.isSet(QStringLiteral("long-posts"));
    const auto made = awaitTask(s.lux->drafts().caption(*network, brief, longPosts, {}));
    s.lux->flushLedger();
    if (!made)
        return ctx.fail(made.error(), QJsonObject{{QStringLiteral("usage"), usageJson(s.lux->requests())}});
    const social::PostCheck check =
        social::PostChecks::check(*network, assistant::Drafts::withHashtags(*made), {}, social::CheckOptions{longPosts, {}});
    return ctx.succeed(QJsonObject{{QStringLiteral("network"), social::Networks::name(*network)},
                                   {QStringLiteral("caption"), made->text},
                                   {QStringLiteral("hashtags"), QJsonArray::fromStringList(made->hashtags)},
                                   {QStringLiteral("characters"), check.characters},
                                   {QStringLiteral("limit"), check.limit},
                                   {QStringLiteral("usage"), usageJson(s.lux->requests())}},
                       QString(made->text + (made->hashtags.isEmpty() ? QString() : QString(QStringLiteral("\n\n") + made->hashtags.join(u' ')))));
}

int draft(const CommandContext &ctx)
{
    const QString brief = ctx.option(QStringLiteral("brief")).trimmed();
    const QString name = ctx.option(QStringLiteral("template-name")).trimmed();
    if (brief.isEmpty() || name.isEmpty())
        return ctx.usage(AssistantTr::tr("Give --brief \"what the email is for\" and --template-name NAME."));
    auto session = openSession(ctx);
    if (!session)
        return ctx.fail(session.error());
    Session &s = **session;
    QSqlDatabase db = s.scope->database().connection();
    content::TemplateStore templates(db);
    if (templates.find(name))
        return ctx.fail(Error(QStringLiteral("assistant.template-exists"),
                              AssistantTr::tr("There is already a template named “%1”: choose another name for the draft.").arg(name)));
    if (!ctx.json)
        std::fprintf(stderr, "%s\n", qPrintable(AssistantTr::tr("Drafting with %1 …").arg(s.lux->setup().model)));
    const assistant::Assistant::Options options;
    const auto made = awaitTask(s.lux->drafts().campaign(brief, options));
    // The ledger's rows first: a write from its worker during the save below would make the save's
    // transaction fail (SQLite refuses to upgrade a read that another connection's commit overtook).
    s.lux->flushLedger();
    if (!made)
        return ctx.fail(made.error(), QJsonObject{{QStringLiteral("usage"), usageJson(s.lux->requests())}});
    content::EmailTemplate t;
    t.name = name;
    t.format = QStringLiteral("html");
    t.subject = made->subject;
    t.preheader = made->preheader;
    t.source = made->html;
    t.tags = {QStringLiteral("lux-draft")};
    // The product-fact guard: every price, product name and SKU against the synced catalogue.
    const channels::woo::ProductStore catalogue(db);
    const auto products = catalogue.all();
    if (!products)
        return ctx.fail(products.error());
    const auto state = catalogue.state();
    const assistant::FactGuard guard(*products, state ? state->currency : QString());
    const QList<assistant::FactFinding> facts = guard.check(assistant::Draft{t.subject, t.preheader, t.source, true});
    if (assistant::needsConfirmation(facts) && !ctx.isSet(QStringLiteral("accept-unverified"))) {
        QStringList lines;
        for (const assistant::FactFinding &f : facts)
            lines << f.message;
        return ctx.fail(Error(QStringLiteral("assistant.unverified-facts"),
                              AssistantTr::tr("The draft was not saved: %n product fact(s) do not match the catalogue or cannot be checked. "
                                              "Look at them, then run again with --accept-unverified to save it anyway:\n%1",
                                              nullptr, int(facts.size()))
                                  .arg(lines.join(u'\n'))),
                        QJsonObject{{QStringLiteral("facts"), factsJson(facts)}, {QStringLiteral("usage"), usageJson(s.lux->requests())}});
    }
    const content::RenderedEmail rendered = content::TemplateRenderer(db).render(t, nullptr);
    const auto saved = templates.save(t, std::nullopt);
    if (!saved)
        return ctx.fail(saved.error());
    const bool blocks = content::PreSendCheck::blocks(rendered.findings);
    QJsonObject result{{QStringLiteral("template_id"), saved->id},
                       {QStringLiteral("name"), saved->name},
                       {QStringLiteral("subject"), saved->subject},
                       {QStringLiteral("preheader"), saved->preheader},
                       {QStringLiteral("notes"), made->notes},
                       {QStringLiteral("findings"), findingsJson(rendered.findings)},
                       {QStringLiteral("ready"), !blocks},
                       {QStringLiteral("facts"), factsJson(facts)},
                       {QStringLiteral("sources"), sourcesJson(made->sources)},
                       {QStringLiteral("usage"), usageJson(s.lux->requests())}};
    QString text = AssistantTr::tr("Saved the draft as the template “%1” (subject: %2).").arg(saved->name, saved->subject);
    if (!rendered.findings.isEmpty())
        text += u'\n' + findingsText(saved->name, rendered.findings);
    if (!made->notes.isEmpty())
        text += u'\n' + AssistantTr::tr("LUX's notes: %1").arg(made->notes);
    if (const QString used = assistant::ConversationStore::sourcesLine(made->sources); !used.isEmpty())
        text += u'\n' + QStringLiteral("(%1)").arg(used);
    return ctx.succeed(result, text);
}

int image(const CommandContext &ctx)
{
    if (ctx.args.size() != 1 || ctx.args.first().trimmed().isEmpty())
        return ctx.usage(AssistantTr::tr("Give the image's description as one argument, in quotes."));
    const QString target = ctx.option(QStringLiteral("out"));
    if (target.isEmpty() && !ctx.isSet(QStringLiteral("library")))
        return ctx.usage(AssistantTr::tr("Say where the image goes: --out FILE.png, --library, or both."));
    auto session = openSession(ctx);
    if (!session)
        return ctx.fail(session.error());
    Session &s = **session;
    channels::openai::ImageRequest request;
    request.model = ctx.isSet(QStringLiteral("model")) ? ctx.option(QStringLiteral("model")) : s.lux->setup().imageModel;
    request.prompt = ctx.args.first().trimmed();
    request.size = ctx.option(QStringLiteral("size"));
    const auto made = awaitTask(s.lux->client().generateImage(request));
    s.lux->flushLedger(); // before this connection writes the media library (see draft)
    if (!made)
        return ctx.fail(made.error());
    QJsonObject result{{QStringLiteral("width"), made->size.width()},
                       {QStringLiteral("height"), made->size.height()},
                       {QStringLiteral("bytes"), qint64(made->data.size())},
                       {QStringLiteral("revised_prompt"), made->revisedPrompt}};
    if (!target.isEmpty()) {
        if (Status written = saveToFile(target, made->data); !written)
            return ctx.fail(written.error());
        result.insert(QStringLiteral("file"), QFileInfo(target).absoluteFilePath());
    }
    if (ctx.isSet(QStringLiteral("library"))) {
        assistant::MediaItem item;
        item.name = request.prompt.left(60);
        item.data = made->data;
        item.prompt = request.prompt;
        item.source = QStringLiteral("ai");
        const auto id = assistant::MediaStore(s.scope->database().connection()).add(item, std::nullopt);
        if (!id)
            return ctx.fail(id.error());
        result.insert(QStringLiteral("media_id"), *id);
        result.insert(QStringLiteral("use_as"), QString(QStringLiteral("cid:") + assistant::MediaStore::contentId(*id)));
    }
    return ctx.succeed(result, AssistantTr::tr("Image of %1×%2 made.").arg(made->size.width()).arg(made->size.height())
                                   + (target.isEmpty() ? QString() : QLatin1Char(' ') + AssistantTr::tr("Written to %1.").arg(target))
                                   + (result.contains(QStringLiteral("media_id"))
                                          ? QLatin1Char(' ') + AssistantTr::tr("In the media library as %1.").arg(result.value(QStringLiteral("use_as")).toString())
                                          : QString()));
}

int usage(const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    QDate month = QDate::currentDate();
    if (ctx.isSet(QStringLiteral("month"))) {
        month = QDate::fromString(ctx.option(QStringLiteral("month")) + QStringLiteral("-01"), Qt::ISODate);
        if (!month.isValid())
            return ctx.usage(AssistantTr::tr("--month takes a month as YYYY-MM."));
    }
    const auto t = assistant::UsageLedger((*db)->connection()).month(month);
    if (!t)
        return ctx.fail(t.error());
    const QLocale locale;
    return ctx.succeed(QJsonObject{{QStringLiteral("month"), month.toString(QStringLiteral("yyyy-MM"))},
                                   {QStringLiteral("requests"), t->requests},
                                   {QStringLiteral("failed"), t->failed},
                                   {QStringLiteral("usage_unknown"), t->unknownUsage},
                                   {QStringLiteral("prompt_tokens"), t->promptTokens},
                                   {QStringLiteral("completion_tokens"), t->completionTokens},
                                   {QStringLiteral("cached_tokens"), t->cachedTokens},
                                   {QStringLiteral("images"), t->images}},
                       AssistantTr::tr("%1: %n request(s), %2 prompt tokens (%3 cached), %4 completion tokens, %5 image(s); %6 without usage.",
                                       nullptr, int(t->requests))
                           .arg(month.toString(QStringLiteral("yyyy-MM")), locale.toString(t->promptTokens), locale.toString(t->cachedTokens),
                                locale.toString(t->completionTokens), locale.toString(t->images), locale.toString(t->unknownUsage)));
}

} // namespace

QList<QCommandLineOption> assistantOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group == QLatin1String("ai") && command == QLatin1String("image"))
        return {{QStringLiteral("out"), t(QT_TRANSLATE_NOOP("luxctl", "Write the image (PNG) here.")), QStringLiteral("FILE")},
                {QStringLiteral("library"), t(QT_TRANSLATE_NOOP("luxctl", "Keep it in the media library (use it in a template as cid:media-ID)."))},
                {QStringLiteral("size"), t(QT_TRANSLATE_NOOP("luxctl", "The size the model takes (1024x1024, 1536x1024 …).")), QStringLiteral("WxH")},
                {QStringLiteral("model"), t(QT_TRANSLATE_NOOP("luxctl", "Another image model than openai.image_model.")), QStringLiteral("MODEL")}};
    if (group == QLatin1String("ai") && command == QLatin1String("usage"))
        return {{QStringLiteral("month"), t(QT_TRANSLATE_NOOP("luxctl", "The month (default: this one).")), QStringLiteral("YYYY-MM")}};
    if (command == QLatin1String("ask"))
        return {{QStringLiteral("allow-personal-data"),
                 t(QT_TRANSLATE_NOOP("luxctl", "Let the assistant read contacts' own data (names, addresses) in this conversation."))},
                {QStringLiteral("conversation"), t(QT_TRANSLATE_NOOP("luxctl", "Continue this conversation.")), QStringLiteral("ID")}};
    if (command == QLatin1String("caption"))
        return {{QStringLiteral("network"), t(QT_TRANSLATE_NOOP("luxctl", "x, linkedin, instagram or facebook.")), QStringLiteral("NETWORK")},
                {QStringLiteral("brief"), t(QT_TRANSLATE_NOOP("luxctl", "What the post is about, in your words.")), QStringLiteral("TEXT")},
                {QStringLiteral("long-posts"), t(QT_TRANSLATE_NOOP("luxctl", "The X account has long posts (X Premium: 25,000)."))}};
    if (command == QLatin1String("draft"))
        return {{QStringLiteral("brief"), t(QT_TRANSLATE_NOOP("luxctl", "What the email is for, in your words.")), QStringLiteral("TEXT")},
                {QStringLiteral("template-name"), t(QT_TRANSLATE_NOOP("luxctl", "The new template's name.")), QStringLiteral("NAME")},
                {QStringLiteral("accept-unverified"),
                 t(QT_TRANSLATE_NOOP("luxctl", "Save even when a price, product name or SKU is not confirmed by the catalogue."))}};
    return {};
}

int runAssistantCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("ask"))
        return ask(ctx);
    if (command == QLatin1String("draft"))
        return draft(ctx);
    if (command == QLatin1String("caption"))
        return caption(ctx);
    return ctx.usage(AssistantTr::tr("Unknown assistant command “%1”.").arg(command));
}

int runAiCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("image"))
        return image(ctx);
    if (command == QLatin1String("usage"))
        return usage(ctx);
    return ctx.usage(AssistantTr::tr("Unknown ai command “%1”.").arg(command));
}

} // namespace lux::cli
