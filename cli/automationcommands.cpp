// SPDX-License-Identifier: GPL-3.0-or-later
#include "automationcommands.h"

#include "automations/automationstore.h"
#include "automations/engine.h"
#include "automations/simulator.h"
#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "contacts/contactrepository.h"
#include "settings/settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace lux::cli {

namespace {

struct AutomationTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

using namespace automations;

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

QJsonObject summaryJson(const Automation &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("status"), automationStatusName(a.status)},
            {QStringLiteral("version"), a.version},
            {QStringLiteral("trigger"), triggerKindName(a.draft.trigger.kind)},
            {QStringLiteral("active"), a.active},
            {QStringLiteral("done"), a.done},
            {QStringLiteral("exited"), a.exited}};
}

QJsonArray problemsJson(const QList<Problem> &problems)
{
    QJsonArray out;
    for (const Problem &p : problems)
        out.append(QJsonObject{{QStringLiteral("severity"), p.severity == Problem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
                               {QStringLiteral("step"), p.stepId},
                               {QStringLiteral("message"), p.message}});
    return out;
}

// The workflow named by the first argument (an id or a name).
Result<Automation> workflowArgument(const CommandContext &ctx, QSqlDatabase db)
{
    const QString which = ctx.args.value(0).trimmed();
    if (which.isEmpty())
        return Error(errc::automationInput, AutomationTr::tr("Name the workflow: its id or its name."));
    return AutomationStore(db).find(which);
}

// The database opened (for reading, or for writing) and the workflow the first argument names.
struct Opened
{
    std::unique_ptr<DatabaseScope> scope;
    Automation workflow;
    QSqlDatabase db() const { return scope->database().connection(); }
};

Result<Opened> openWorkflow(const CommandContext &ctx, bool write)
{
    auto opened = write ? DatabaseScope::open(ctx.databasePath)
                        : DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return opened.error();
    auto a = workflowArgument(ctx, (*opened)->database().connection());
    if (!a)
        return a.error();
    return Opened{std::move(*opened), std::move(*a)};
}

Result<qint64> contactOption(QSqlDatabase db, const QString &email)
{
    const auto contact = contacts::ContactRepository(db).findByEmail(email);
    if (!contact)
        return Error(errc::automationInput, AutomationTr::tr("There is no contact %1.").arg(email));
    return contact->id;
}

int importFlow(const CommandContext &ctx)
{
    const QString path = ctx.args.value(0);
    if (path.isEmpty())
        return ctx.usage(AutomationTr::tr("Usage: automation import FLOW.json"));
    const auto bytes = InputFile::read(path, 4 * 1024 * 1024);
    if (!bytes)
        return ctx.fail(bytes.error());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (!doc.isObject()) {
        const qsizetype at = parseError.error == QJsonParseError::NoError ? 0 : parseError.offset;
        const qsizetype line = bytes->left(at).count('\n') + 1;
        return ctx.fail(Error(errc::automationInput, AutomationTr::tr("%1, line %2: not a JSON object (%3).")
                                                         .arg(path)
                                                         .arg(line)
                                                         .arg(parseError.error == QJsonParseError::NoError ? AutomationTr::tr("an array or a value")
                                                                                                           : parseError.errorString())));
    }
    const auto flow = Flow::fromJson(doc.object());
    if (!flow)
        return ctx.fail(Error(flow.error().code, QStringLiteral("%1: %2").arg(path, flow.error().message)));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    AutomationStore store((*opened)->database().connection());
    // The same name again replaces that workflow's draft: editing the file and importing it again is the loop.
    const auto existing = store.findByName(flow->name);
    const auto saved = existing ? store.saveDraft(existing->id, *flow) : store.create(*flow);
    if (!saved)
        return ctx.fail(saved.error());
    const QList<Problem> problems = FlowCheck::problems(saved->draft);
    QStringList lines{existing ? AutomationTr::tr("Workflow %1 “%2”: draft replaced.").arg(saved->id).arg(saved->name)
                               : AutomationTr::tr("Workflow %1 “%2” imported as a draft.").arg(saved->id).arg(saved->name)};
    for (const Problem &p : problems)
        lines << QStringLiteral("  %1 %2: %3")
                     .arg(p.severity == Problem::Severity::Error ? AutomationTr::tr("error") : AutomationTr::tr("warning"),
                          p.stepId.isEmpty() ? AutomationTr::tr("workflow") : p.stepId, p.message);
    QJsonObject out = summaryJson(*saved);
    out.insert(QStringLiteral("problems"), problemsJson(problems));
    out.insert(QStringLiteral("publishable"), FlowCheck::publishable(saved->draft));
    return ctx.succeed(out, lines.join(u'\n'));
}

int list(const CommandContext &ctx)
{
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    const auto all = AutomationStore((*opened)->database().connection()).list();
    if (!all)
        return ctx.fail(all.error());
    QJsonArray array;
    QStringList lines;
    for (const Automation &a : *all) {
        array.append(summaryJson(a));
        lines << AutomationTr::tr("%1  %2  v%3  %4  %5 in it, %6 finished, %7 left")
                     .arg(a.id)
                     .arg(automationStatusName(a.status))
                     .arg(a.version)
                     .arg(a.name)
                     .arg(a.active)
                     .arg(a.done)
                     .arg(a.exited);
    }
    if (lines.isEmpty())
        lines << AutomationTr::tr("No workflows yet (luxctl automation import FLOW.json adds one).");
    return ctx.succeed({{QStringLiteral("automations"), array}}, lines.join(u'\n'));
}

int show(const CommandContext &ctx)
{
    const auto opened = openWorkflow(ctx, false);
    if (!opened)
        return ctx.fail(opened.error());
    const Automation *a = &opened->workflow;
    QJsonObject out = summaryJson(*a);
    out.insert(QStringLiteral("draft"), a->draft.toJson());
    out.insert(QStringLiteral("problems"), problemsJson(FlowCheck::problems(a->draft)));
    return ctx.succeed(out, QString::fromUtf8(QJsonDocument(a->draft.toJson()).toJson(QJsonDocument::Indented)).trimmed());
}

int changeStatus(const CommandContext &ctx, const QString &command)
{
    auto opened = openWorkflow(ctx, true);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    AutomationStore store(db);
    if (command == QLatin1String("publish")) {
        const auto version = store.publish(a->id);
        if (!version)
            return ctx.fail(version.error());
        const auto after = store.find(a->id);
        const QString status = after ? automationStatusName(after->status) : QStringLiteral("active");
        return ctx.succeed({{QStringLiteral("id"), a->id}, {QStringLiteral("version"), *version}, {QStringLiteral("status"), status}},
                           AutomationTr::tr("“%1” version %2 published: contacts who enter from now on run it.").arg(a->name).arg(*version));
    }
    const Status s = command == QLatin1String("pause") ? store.pause(a->id) : command == QLatin1String("resume") ? store.resume(a->id) : store.archive(a->id);
    if (!s)
        return ctx.fail(s.error());
    const auto after = store.find(a->id);
    return ctx.succeed(summaryJson(after ? *after : *a), AutomationTr::tr("“%1” is %2.").arg(a->name, after ? automationStatusName(after->status) : command));
}

int enroll(const CommandContext &ctx)
{
    const QStringList emails = ctx.options(QStringLiteral("contact"));
    if (emails.isEmpty())
        return ctx.usage(AutomationTr::tr("Usage: automation enroll ID --contact EMAIL [--contact EMAIL]…"));
    auto opened = openWorkflow(ctx, true);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    Engine engine(db, EngineConfig{opened->scope->settings().automationEmailCap(), opened->scope->settings().automationSmsCap()});
    QJsonArray results;
    int entered = 0;
    for (const QString &email : emails) {
        const auto contact = contactOption(db, email);
        if (!contact)
            return ctx.fail(contact.error());
        const auto enrollment = engine.enroll(a->id, *contact);
        if (!enrollment)
            return ctx.fail(enrollment.error());
        QJsonObject r{{QStringLiteral("contact"), email}, {QStringLiteral("entered"), enrollment->has_value()}};
        if (*enrollment) {
            r.insert(QStringLiteral("enrollment"), **enrollment);
            ++entered;
        } else {
            r.insert(QStringLiteral("reason"), QStringLiteral("entry-rule"));
        }
        results.append(r);
    }
    return ctx.succeed({{QStringLiteral("enrolled"), results}},
                       AutomationTr::tr("%n contact(s) entered; the scheduler runs their steps (the app, or luxctl scheduler run).", nullptr, entered));
}

int status(const CommandContext &ctx)
{
    auto opened = openWorkflow(ctx, false);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    AutomationStore store(db);
    const int version = ctx.option(QStringLiteral("of-version")).toInt();
    const auto counts = store.stepCounts(a->id, version);
    if (!counts)
        return ctx.fail(counts.error());
    QJsonArray steps;
    QStringList lines{AutomationTr::tr("“%1” (%2, version %3): %4 in it, %5 finished, %6 left early.")
                          .arg(a->name, automationStatusName(a->status))
                          .arg(version > 0 ? version : a->version)
                          .arg(a->active)
                          .arg(a->done)
                          .arg(a->exited)};
    for (const StepCount &c : *counts) {
        steps.append(QJsonObject{{QStringLiteral("step"), c.step}, {QStringLiteral("here"), c.here}, {QStringLiteral("passed"), c.passed},
                                 {QStringLiteral("ended"), c.ended}});
        lines << AutomationTr::tr("  %1: %2 here, %3 through, %4 ended here").arg(c.step).arg(c.here).arg(c.passed).arg(c.ended);
    }
    QJsonObject out = summaryJson(*a);
    out.insert(QStringLiteral("steps"), steps);
    return ctx.succeed(out, lines.join(u'\n'));
}

int journey(const CommandContext &ctx)
{
    const QString email = ctx.option(QStringLiteral("contact"));
    if (email.isEmpty())
        return ctx.usage(AutomationTr::tr("Usage: automation journey ID --contact EMAIL"));
    auto opened = openWorkflow(ctx, false);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    const auto contact = contactOption(db, email);
    if (!contact)
        return ctx.fail(contact.error());
    AutomationStore store(db);
    const auto enrollments = store.enrollments(a->id, *contact);
    if (!enrollments)
        return ctx.fail(enrollments.error());
    const auto lines = store.journey(a->id, *contact);
    if (!lines)
        return ctx.fail(lines.error());
    QJsonArray list;
    QStringList text;
    for (const Enrollment &e : *enrollments) {
        QJsonArray steps;
        text << AutomationTr::tr("Entered %1 (version %2), %3.").arg(isoTime(e.enteredAt)).arg(e.version).arg(e.state);
        for (const JourneyLine &l : *lines) {
            if (l.enrollmentId != e.id)
                continue;
            steps.append(QJsonObject{{QStringLiteral("seq"), l.seq}, {QStringLiteral("step"), l.step}, {QStringLiteral("at"), isoTime(l.at)},
                                     {QStringLiteral("what"), l.what}, {QStringLiteral("detail"), l.detail}});
            text << QStringLiteral("  %1  %2  %3  %4").arg(isoTime(l.at), l.step, l.what, l.detail);
        }
        QJsonObject o{{QStringLiteral("enrollment"), e.id}, {QStringLiteral("version"), e.version}, {QStringLiteral("state"), e.state},
                      {QStringLiteral("step"), e.step}, {QStringLiteral("entered_at"), isoTime(e.enteredAt)}, {QStringLiteral("journey"), steps}};
        if (!e.waitingFor.isEmpty())
            o.insert(QStringLiteral("waiting_for"), e.waitingFor);
        if (e.dueAt > 0)
            o.insert(QStringLiteral("due_at"), isoTime(e.dueAt));
        if (e.endedAt > 0) {
            o.insert(QStringLiteral("ended_at"), isoTime(e.endedAt));
            o.insert(QStringLiteral("end_reason"), e.endReason);
        }
        list.append(o);
    }
    if (text.isEmpty())
        text << AutomationTr::tr("%1 has not entered “%2”.").arg(email, a->name);
    return ctx.succeed({{QStringLiteral("automation"), a->id}, {QStringLiteral("contact"), email}, {QStringLiteral("enrollments"), list}},
                       text.join(u'\n'));
}

std::optional<double> share(const CommandContext &ctx, const QString &name, double fallback)
{
    if (!ctx.isSet(name))
        return fallback;
    bool ok = false;
    const double v = ctx.option(name).toDouble(&ok);
    if (!ok || v < 0 || v > 1)
        return std::nullopt;
    return v;
}

int simulate(const CommandContext &ctx)
{
    auto opened = openWorkflow(ctx, false);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    AutomationStore store(db);
    // The latest version when there is one (what would run), else the draft (what is being built).
    Flow flow = a->draft;
    if (a->version > 0 && !ctx.isSet(QStringLiteral("draft"))) {
        const auto published = store.version(a->id, a->version);
        if (!published)
            return ctx.fail(published.error());
        flow = *published;
    }
    bool ok = true;
    const int contacts = ctx.isSet(QStringLiteral("contacts")) ? ctx.option(QStringLiteral("contacts")).toInt(&ok) : 1000;
    if (!ok || contacts < 1 || contacts > 5'000'000)
        return ctx.usage(AutomationTr::tr("--contacts must be between 1 and 5000000."));
    const int days = ctx.isSet(QStringLiteral("days")) ? ctx.option(QStringLiteral("days")).toInt(&ok) : 30;
    if (!ok || days < 1 || days > 366)
        return ctx.usage(AutomationTr::tr("--days must be between 1 and 366."));
    SimulationOptions options;
    options.start = QDateTime::currentMSecsSinceEpoch();
    options.days = days;
    options.script.seed = ctx.isSet(QStringLiteral("seed")) ? ctx.option(QStringLiteral("seed")).toULongLong(&ok) : 1;
    if (!ok)
        return ctx.usage(AutomationTr::tr("--seed must be a whole number."));
    const auto open = share(ctx, QStringLiteral("open"), options.script.open), click = share(ctx, QStringLiteral("click"), options.script.click),
               reply = share(ctx, QStringLiteral("reply"), options.script.replied), registered = share(ctx, QStringLiteral("register"), options.script.registered);
    if (!open || !click || !reply || !registered)
        return ctx.usage(AutomationTr::tr("--open, --click, --reply and --register are shares between 0 and 1."));
    options.script.open = *open;
    options.script.click = *click;
    options.script.replied = *reply;
    options.script.registered = *registered;
    options.emailCap = opened->scope->settings().automationEmailCap();
    options.smsCap = opened->scope->settings().automationSmsCap();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT lower(address), per_day FROM senders")))
        while (q.next())
            options.senderPerDay.insert(q.value(0).toString(), q.value(1).toInt());
    q.finish();
    QList<SimContact> people;
    if (ctx.isSet(QStringLiteral("real"))) {
        const auto loaded = Simulator::load(db, flow, contacts);
        if (!loaded)
            return ctx.fail(loaded.error());
        people = *loaded;
    } else {
        people = Simulator::synthetic(contacts, options.script.seed);
    }
    QElapsedTimer timer;
    timer.start();
    const auto result = Simulator::run(flow, people, options);
    if (!result)
        return ctx.fail(result.error());
    const qint64 ms = timer.elapsed();
    QJsonArray steps;
    QStringList lines{AutomationTr::tr("“%1” over %n contact(s), %2 days (seed %3), simulated in %4 ms:", nullptr, int(people.size()))
                          .arg(a->name)
                          .arg(days)
                          .arg(options.script.seed)
                          .arg(ms)};
    for (const Step &s : flow.steps) {
        steps.append(QJsonObject{{QStringLiteral("step"), s.id}, {QStringLiteral("reached"), result->reached.value(s.id)},
                                 {QStringLiteral("ended"), result->ended.value(s.id)}, {QStringLiteral("waiting"), result->waiting.value(s.id)}});
        lines << AutomationTr::tr("  %1: %2 reached, %3 ended here, %4 still there")
                     .arg(s.id)
                     .arg(result->reached.value(s.id))
                     .arg(result->ended.value(s.id))
                     .arg(result->waiting.value(s.id));
    }
    QJsonArray perDay;
    for (const SimulationResult::Day &d : result->days) {
        QJsonObject reached;
        for (auto it = d.reached.cbegin(); it != d.reached.cend(); ++it)
            reached.insert(it.key(), it.value());
        QJsonObject senders;
        for (auto it = d.bySender.cbegin(); it != d.bySender.cend(); ++it)
            senders.insert(it.key(), it.value());
        perDay.append(QJsonObject{{QStringLiteral("emails"), d.emails}, {QStringLiteral("texts"), d.texts}, {QStringLiteral("reached"), reached},
                                  {QStringLiteral("senders"), senders}});
    }
    QJsonObject exits;
    for (auto it = result->exitReasons.cbegin(); it != result->exitReasons.cend(); ++it)
        exits.insert(it.key(), it.value());
    lines << AutomationTr::tr("  %1 emails and %2 texts would be sent; %3 skipped (cap, consent).").arg(result->emails).arg(result->texts).arg(result->skipped);
    for (const QString &over : result->overLimit)
        lines << AutomationTr::tr("  over a sender's daily limit: %1").arg(over);
    return ctx.succeed({{QStringLiteral("automation"), a->id},
                        {QStringLiteral("version"), a->version > 0 && !ctx.isSet(QStringLiteral("draft")) ? a->version : 0},
                        {QStringLiteral("contacts"), qint64(people.size())},
                        {QStringLiteral("days"), days},
                        {QStringLiteral("seed"), QString::number(options.script.seed)},
                        {QStringLiteral("entered"), result->entered},
                        {QStringLiteral("steps"), steps},
                        {QStringLiteral("exits"), exits},
                        {QStringLiteral("emails"), result->emails},
                        {QStringLiteral("texts"), result->texts},
                        {QStringLiteral("skipped"), result->skipped},
                        {QStringLiteral("per_day"), perDay},
                        {QStringLiteral("over_limit"), QJsonArray::fromStringList(result->overLimit)},
                        {QStringLiteral("elapsed_ms"), ms}},
                       lines.join(u'\n'));
}

int migrate(const CommandContext &ctx)
{
    auto opened = openWorkflow(ctx, true);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = opened->db();
    const Automation *a = &opened->workflow;
    QHash<QString, QString> mapping;
    for (const QString &m : ctx.options(QStringLiteral("map"))) {
        const qsizetype eq = m.indexOf(u'=');
        if (eq <= 0)
            return ctx.usage(AutomationTr::tr("--map takes OLD-STEP=NEW-STEP, not “%1”.").arg(m));
        mapping.insert(m.left(eq).trimmed(), m.mid(eq + 1).trimmed());
    }
    AutomationStore store(db);
    const auto plan = store.migrationPlan(a->id, mapping);
    if (!plan)
        return ctx.fail(plan.error());
    QJsonArray moves;
    QStringList lines;
    for (const MigrationPlan::Move &m : plan->moves) {
        moves.append(QJsonObject{{QStringLiteral("from_version"), m.fromVersion}, {QStringLiteral("from_step"), m.fromStep},
                                 {QStringLiteral("to_step"), m.toStep}, {QStringLiteral("contacts"), m.contacts}});
        lines << (m.toStep.isEmpty() ? AutomationTr::tr("  v%1 %2 → leave the workflow: %3").arg(m.fromVersion).arg(m.fromStep).arg(m.contacts)
                                     : AutomationTr::tr("  v%1 %2 → v%3 %4: %5").arg(m.fromVersion).arg(m.fromStep).arg(plan->toVersion).arg(m.toStep).arg(m.contacts));
    }
    if (!ctx.isSet(QStringLiteral("apply"))) {
        lines.prepend(AutomationTr::tr("Moving the contacts of older versions to version %1 would do this (--apply does it):").arg(plan->toVersion));
        return ctx.succeed({{QStringLiteral("to_version"), plan->toVersion}, {QStringLiteral("moves"), moves}, {QStringLiteral("applied"), false}},
                           lines.join(u'\n'));
    }
    const auto moved = store.migrate(a->id, mapping);
    if (!moved)
        return ctx.fail(moved.error());
    return ctx.succeed({{QStringLiteral("to_version"), plan->toVersion}, {QStringLiteral("moves"), moves}, {QStringLiteral("applied"), true},
                        {QStringLiteral("moved"), *moved}},
                       AutomationTr::tr("%n contact(s) moved to version %1.", nullptr, int(*moved)).arg(plan->toVersion));
}

} // namespace

QList<QCommandLineOption> automationOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group != QLatin1String("automation"))
        return {};
    if (command == QLatin1String("enroll") || command == QLatin1String("journey"))
        return {{QStringLiteral("contact"), t(QT_TRANSLATE_NOOP("luxctl", "The contact's email address (enroll: repeat for more).")), QStringLiteral("EMAIL")}};
    if (command == QLatin1String("status"))
        return {{QStringLiteral("of-version"), t(QT_TRANSLATE_NOOP("luxctl", "An older version's counts (default: the latest).")), QStringLiteral("N")}};
    if (command == QLatin1String("simulate"))
        return {
            {QStringLiteral("contacts"), t(QT_TRANSLATE_NOOP("luxctl", "How many contacts (default 1000).")), QStringLiteral("N")},
            {QStringLiteral("days"), t(QT_TRANSLATE_NOOP("luxctl", "How many days the virtual clock runs (default 30).")), QStringLiteral("D")},
            {QStringLiteral("seed"), t(QT_TRANSLATE_NOOP("luxctl", "The seed of the scripted reactions and made-up contacts (default 1).")), QStringLiteral("S")},
            {QStringLiteral("open"), t(QT_TRANSLATE_NOOP("luxctl", "Share of emails opened (default 0.35).")), QStringLiteral("P")},
            {QStringLiteral("click"), t(QT_TRANSLATE_NOOP("luxctl", "Share of opened emails clicked (default 0.25).")), QStringLiteral("P")},
            {QStringLiteral("reply"), t(QT_TRANSLATE_NOOP("luxctl", "Share of emails answered (default 0.02).")), QStringLiteral("P")},
            {QStringLiteral("register"), t(QT_TRANSLATE_NOOP("luxctl", "Share of emails followed by an event registration (default 0).")), QStringLiteral("P")},
            {QStringLiteral("real"), t(QT_TRANSLATE_NOOP("luxctl", "Use the database's contacts (the first N) instead of made-up ones."))},
            {QStringLiteral("draft"), t(QT_TRANSLATE_NOOP("luxctl", "Simulate the draft rather than the latest version."))},
        };
    if (command == QLatin1String("migrate"))
        return {
            {QStringLiteral("map"), t(QT_TRANSLATE_NOOP("luxctl", "Where the contacts at a step the latest version lacks go: OLD=NEW (repeatable).")), QStringLiteral("OLD=NEW")},
            {QStringLiteral("apply"), t(QT_TRANSLATE_NOOP("luxctl", "Do it (without: only show what would move)."))},
        };
    return {};
}

int runAutomationCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("import"))
        return importFlow(ctx);
    if (command == QLatin1String("list"))
        return list(ctx);
    if (command == QLatin1String("show"))
        return show(ctx);
    if (command == QLatin1String("publish") || command == QLatin1String("pause") || command == QLatin1String("resume") || command == QLatin1String("archive"))
        return changeStatus(ctx, command);
    if (command == QLatin1String("enroll"))
        return enroll(ctx);
    if (command == QLatin1String("status"))
        return status(ctx);
    if (command == QLatin1String("journey"))
        return journey(ctx);
    if (command == QLatin1String("simulate"))
        return simulate(ctx);
    if (command == QLatin1String("migrate"))
        return migrate(ctx);
    return ctx.usage(AutomationTr::tr("Unknown automation command '%1'.").arg(command));
}

} // namespace lux::cli
