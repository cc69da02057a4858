// SPDX-License-Identifier: GPL-3.0-or-later
#include "automationtext.h"

#include "automations/interpreter.h"

#include <QDateTime>
#include <QLocale>

namespace lux::ui {

QString AutomationText::what(const QString &what)
{
    namespace j = automations::journey;
    static const QList<std::pair<const char *, const char *>> words{
        {j::kEntered, QT_TR_NOOP("Entered")},   {j::kSent, QT_TR_NOOP("Sent")},         {j::kSkipped, QT_TR_NOOP("Not sent")},
        {j::kTagged, QT_TR_NOOP("Tagged")},     {j::kField, QT_TR_NOOP("Field set")},   {j::kWaiting, QT_TR_NOOP("Waiting")},
        {j::kHappened, QT_TR_NOOP("It happened")}, {j::kTimedOut, QT_TR_NOOP("Timed out")}, {j::kYes, QT_TR_NOOP("Yes")},
        {j::kNo, QT_TR_NOOP("No")},             {j::kBranch, QT_TR_NOOP("Branch")},     {j::kGoal, QT_TR_NOOP("Goal reached")},
        {j::kNotified, QT_TR_NOOP("You were notified")}, {j::kDone, QT_TR_NOOP("Finished")}, {j::kExited, QT_TR_NOOP("Left")},
        {j::kMigrated, QT_TR_NOOP("Moved to a new version")},
    };
    for (const auto &[key, label] : words)
        if (what == QLatin1String(key))
            return tr(label);
    return what;
}

QString AutomationText::event(const QString &event)
{
    if (event == u"opened")
        return tr("they open the email");
    if (event == u"clicked")
        return tr("they click");
    if (event == u"registered")
        return tr("they register for an event");
    if (event == u"replied")
        return tr("they reply");
    return event;
}

QString AutomationText::endReason(const QString &code)
{
    namespace r = automations::endreason;
    if (code == QLatin1String(r::kEnd))
        return tr("reached the end");
    if (code == QLatin1String(r::kExitStep))
        return tr("at an exit step");
    if (code == QLatin1String(r::kGoal))
        return tr("reached the goal");
    if (code == QLatin1String(r::kUnsubscribed))
        return tr("unsubscribed");
    if (code == QLatin1String(r::kMigrated))
        return tr("their step is not in the new version");
    if (code == QLatin1String(r::kLoop))
        return tr("too many steps without a wait");
    if (code == QLatin1String(r::kArchived))
        return tr("the workflow was archived");
    if (code == QLatin1String(r::kMissingStep))
        return tr("a step missing from the version");
    return code;
}

QString AutomationText::state(const automations::Enrollment &e)
{
    const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.dueAt), QLocale::ShortFormat);
    if (e.state == u"active") {
        if (e.waitingFor.isEmpty())
            return tr("in the workflow; the next step at %1").arg(at);
        if (e.waitingFor == QLatin1String(automations::Position::kTime))
            return tr("waiting until %1").arg(at);
        return tr("waiting until %1, at the latest %2").arg(event(e.waitingFor), at);
    }
    if (e.state == u"done")
        return tr("finished (%1)").arg(endReason(e.endReason));
    return tr("left (%1)").arg(endReason(e.endReason));
}

} // namespace lux::ui
