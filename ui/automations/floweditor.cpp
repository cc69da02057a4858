// SPDX-License-Identifier: GPL-3.0-or-later
#include "floweditor.h"

#include "automations/flowscene.h"
#include "theme/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimeEdit>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace lux::ui {

using automations::Condition;
using automations::Flow;
using automations::Step;
using automations::StepKind;

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u','))
        if (const QString t = part.trimmed(); !t.isEmpty())
            out << t;
    return out;
}

// A duration as a number and a unit (minutes, hours, days).
class DurationEdit : public QWidget
{
public:
    explicit DurationEdit(int minutes, QWidget *parent = nullptr) : QWidget(parent)
    {
        auto *row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        m_number = new QSpinBox(this);
        m_number->setRange(0, 9999);
        m_unit = new QComboBox(this);
        m_unit->addItem(StepPanel::tr("minutes"), 1);
        m_unit->addItem(StepPanel::tr("hours"), 60);
        m_unit->addItem(StepPanel::tr("days"), 1440);
        const int scale = minutes > 0 && minutes % 1440 == 0 ? 1440 : minutes > 0 && minutes % 60 == 0 ? 60 : 1;
        m_unit->setCurrentIndex(m_unit->findData(scale));
        m_number->setValue(minutes / scale);
        row->addWidget(m_number);
        row->addWidget(m_unit);
    }
    // At most a year: what the format keeps.
    int minutes() const { return std::min(m_number->value() * m_unit->currentData().toInt(), 366 * 1440); }
    QSpinBox *number() const { return m_number; }
    QComboBox *unit() const { return m_unit; }

private:
    QSpinBox *m_number;
    QComboBox *m_unit;
};

// The JSON of a flow, for the undo stack.
class FlowCommand : public QUndoCommand
{
public:
    FlowCommand(FlowEditor *editor, QJsonObject before, QJsonObject after, const QString &text, int mergeId, QString select)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after)), m_merge(mergeId), m_select(std::move(select))
    {
    }
    void undo() override { m_editor->restore(m_before, m_select); }
    void redo() override
    {
        if (m_first) { // the editor shows it already
            m_first = false;
            return;
        }
        m_editor->restore(m_after, m_select);
    }
    int id() const override { return m_merge; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const FlowCommand *>(other);
        if (o->m_select != m_select)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    FlowEditor *m_editor;
    QJsonObject m_before, m_after;
    int m_merge;
    QString m_select;
    bool m_first = true;
};

constexpr int kMergeMove = 1;
constexpr int kMergeEdit = 2;

} // namespace

StepPanel::StepPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    setMinimumWidth(280);
}

void StepPanel::clear()
{
    m_readStep = {};
    m_readFlow = {};
    // Later, not now: the old form's widget may be the one whose signal brought us here.
    if (m_body) {
        m_body->hide();
        m_body->setParent(nullptr);
        m_body->deleteLater();
    }
    m_body = new QWidget(this);
    layout()->addWidget(m_body);
}

QFormLayout *StepPanel::form()
{
    auto *f = new QFormLayout(m_body);
    f->setContentsMargins(0, 0, 0, 0);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return f;
}

void StepPanel::emitStep()
{
    if (m_loading || !m_readStep)
        return;
    Step s = m_step;
    m_readStep(s);
    m_step = s;
    Q_EMIT stepEdited(s);
}

void StepPanel::emitFlow()
{
    if (m_loading || !m_readFlow)
        return;
    Flow f = m_flow;
    m_readFlow(f);
    m_flow = f;
    Q_EMIT flowEdited(f);
}

void StepPanel::showStep(const Step &step)
{
    m_loading = true;
    clear();
    m_stepId = step.id;
    m_step = step;
    QFormLayout *f = form();
    auto *title = new QLabel(StepCard::kindLabel(step.kind), m_body);
    title->setProperty("role", QStringLiteral("title"));
    f->addRow(title);
    auto *name = new QLineEdit(step.name, m_body);
    name->setObjectName(QStringLiteral("stepName"));
    name->setPlaceholderText(tr("Optional: what you call this step"));
    f->addRow(tr("Name"), name);
    connect(name, &QLineEdit::editingFinished, this, &StepPanel::emitStep);
    std::function<void(Step &)> read = [name](Step &s) { s.name = name->text().trimmed(); };
    const auto lineEdit = [&](const QString &label, const QString &value, const QString &object) {
        auto *e = new QLineEdit(value, m_body);
        e->setObjectName(object);
        f->addRow(label, e);
        connect(e, &QLineEdit::editingFinished, this, &StepPanel::emitStep);
        return e;
    };
    const auto combo = [&](const QString &label, const QString &object) {
        auto *c = new QComboBox(m_body);
        c->setObjectName(object);
        f->addRow(label, c);
        return c;
    };
    switch (step.kind) {
    case StepKind::Email: {
        QComboBox *templates = combo(tr("Template"), QStringLiteral("template"));
        templates->addItem(tr("Choose a template…"), 0);
        for (const auto &[id, n] : std::as_const(m_choices.templates))
            templates->addItem(n, id);
        templates->setCurrentIndex(std::max(0, templates->findData(step.templateId)));
        QLineEdit *subject = lineEdit(tr("Subject"), step.subject, QStringLiteral("subject"));
        QComboBox *from = combo(tr("From"), QStringLiteral("from"));
        from->addItems(m_choices.emailSenders);
        if (!step.from.isEmpty() && from->findText(step.from) < 0)
            from->addItem(step.from);
        from->setCurrentIndex(step.from.isEmpty() ? -1 : from->findText(step.from));
        connect(templates, &QComboBox::activated, this, &StepPanel::emitStep);
        connect(from, &QComboBox::activated, this, &StepPanel::emitStep);
        read = [read, templates, subject, from](Step &s) {
            read(s);
            s.templateId = templates->currentData().toLongLong();
            s.subject = subject->text();
            s.from = from->currentText();
        };
        break;
    }
    case StepKind::Sms:
    case StepKind::Notify: {
        auto *text = new QPlainTextEdit(step.text, m_body);
        text->setObjectName(QStringLiteral("text"));
        text->setMaximumHeight(110);
        f->addRow(step.kind == StepKind::Sms ? tr("Text") : tr("Message"), text);
        connect(text, &QPlainTextEdit::textChanged, this, &StepPanel::emitStep);
        QComboBox *from = nullptr;
        if (step.kind == StepKind::Sms) {
            from = combo(tr("From"), QStringLiteral("from"));
            from->addItems(m_choices.smsSenders);
            if (!step.from.isEmpty() && from->findText(step.from) < 0)
                from->addItem(step.from);
            from->setCurrentIndex(step.from.isEmpty() ? -1 : from->findText(step.from));
            connect(from, &QComboBox::activated, this, &StepPanel::emitStep);
            auto *note = new QLabel(tr("Quiet hours apply: a text waits for the recipient's window."), m_body);
            note->setProperty("role", QStringLiteral("muted"));
            note->setWordWrap(true);
            f->addRow(note);
        }
        read = [read, text, from](Step &s) {
            read(s);
            s.text = text->toPlainText();
            if (from)
                s.from = from->currentText();
        };
        break;
    }
    case StepKind::Tag: {
        QLineEdit *add = lineEdit(tr("Add tags"), step.addTags.join(QStringLiteral(", ")), QStringLiteral("addTags"));
        QLineEdit *remove = lineEdit(tr("Remove tags"), step.removeTags.join(QStringLiteral(", ")), QStringLiteral("removeTags"));
        add->setPlaceholderText(tr("Comma-separated"));
        read = [read, add, remove](Step &s) {
            read(s);
            s.addTags = splitList(add->text());
            s.removeTags = splitList(remove->text());
        };
        break;
    }
    case StepKind::SetField: {
        QLineEdit *field = lineEdit(tr("Field"), step.field, QStringLiteral("field"));
        field->setPlaceholderText(tr("city, company, or a custom field"));
        QLineEdit *value = lineEdit(tr("Value"), step.value, QStringLiteral("value"));
        read = [read, field, value](Step &s) {
            read(s);
            s.field = field->text().trimmed();
            s.value = value->text();
        };
        break;
    }
    case StepKind::Wait: {
        auto *d = new DurationEdit(step.durationMinutes, m_body);
        d->setObjectName(QStringLiteral("duration"));
        f->addRow(tr("Wait for"), d);
        connect(d->number(), &QSpinBox::editingFinished, this, &StepPanel::emitStep);
        connect(d->unit(), &QComboBox::activated, this, &StepPanel::emitStep);
        read = [read, d](Step &s) {
            read(s);
            s.durationMinutes = d->minutes();
        };
        break;
    }
    case StepKind::WaitUntil: {
        auto *time = new QTimeEdit(QTime(step.minuteOfDay / 60, step.minuteOfDay % 60), m_body);
        time->setObjectName(QStringLiteral("time"));
        time->setDisplayFormat(QStringLiteral("HH:mm"));
        f->addRow(tr("Time (their zone)"), time);
        connect(time, &QTimeEdit::editingFinished, this, &StepPanel::emitStep);
        auto *days = new QWidget(m_body);
        auto *row = new QHBoxLayout(days);
        row->setContentsMargins(0, 0, 0, 0);
        QList<QCheckBox *> boxes;
        for (int d = 1; d <= 7; ++d) {
            auto *box = new QCheckBox(QLocale().dayName(d, QLocale::ShortFormat), days);
            box->setChecked(step.weekdays.contains(d));
            row->addWidget(box);
            boxes << box;
            connect(box, &QCheckBox::toggled, this, &StepPanel::emitStep);
        }
        f->addRow(tr("Days (none: any)"), days);
        read = [read, time, boxes](Step &s) {
            read(s);
            s.minuteOfDay = time->time().hour() * 60 + time->time().minute();
            s.weekdays.clear();
            for (int d = 0; d < boxes.size(); ++d)
                if (boxes.at(d)->isChecked())
                    s.weekdays << d + 1;
        };
        break;
    }
    case StepKind::WaitEvent: {
        QComboBox *event = combo(tr("Until they"), QStringLiteral("event"));
        event->addItem(tr("open this workflow's email"), QStringLiteral("opened"));
        event->addItem(tr("click in this workflow's message"), QStringLiteral("clicked"));
        event->addItem(tr("register for an event"), QStringLiteral("registered"));
        event->addItem(tr("reply"), QStringLiteral("replied"));
        event->setCurrentIndex(std::max(0, event->findData(step.event)));
        auto *timeout = new DurationEdit(step.timeoutMinutes, m_body);
        timeout->setObjectName(QStringLiteral("timeout"));
        f->addRow(tr("At most"), timeout);
        connect(event, &QComboBox::activated, this, &StepPanel::emitStep);
        connect(timeout->number(), &QSpinBox::editingFinished, this, &StepPanel::emitStep);
        connect(timeout->unit(), &QComboBox::activated, this, &StepPanel::emitStep);
        read = [read, event, timeout](Step &s) {
            read(s);
            s.event = event->currentData().toString();
            s.timeoutMinutes = timeout->minutes();
        };
        break;
    }
    case StepKind::Condition:
    case StepKind::Goal: {
        const Condition current = step.condition.value_or(Condition{});
        if (current.kind == Condition::Kind::Event || current.kind == Condition::Kind::All || current.kind == Condition::Kind::Any) {
            // Made in the JSON: shown as it is and kept as it is.
            auto *shown = new QLabel(current.describe(), m_body);
            shown->setWordWrap(true);
            f->addRow(tr("Test"), shown);
            auto *note = new QLabel(tr("This condition was written in the workflow's JSON: change it there (luxctl automation import)."), m_body);
            note->setProperty("role", QStringLiteral("muted"));
            note->setWordWrap(true);
            f->addRow(note);
            break;
        }
        QComboBox *kind = combo(tr("Test"), QStringLiteral("conditionKind"));
        kind->addItem(tr("Has the tag"), int(Condition::Kind::Tag));
        kind->addItem(tr("Is in the segment"), int(Condition::Kind::Segment));
        kind->addItem(tr("A field"), int(Condition::Kind::Field));
        kind->addItem(tr("Opened or clicked an email"), int(Condition::Kind::Engagement));
        kind->setCurrentIndex(std::max(0, kind->findData(int(current.kind))));
        auto *negate = new QCheckBox(tr("Not"), m_body);
        negate->setChecked(current.negate);
        f->addRow(QString(), negate);
        QComboBox *which = combo(tr("Which"), QStringLiteral("conditionName"));
        which->setEditable(true);
        which->addItems(current.kind == Condition::Kind::Segment ? m_choices.segments : QStringList());
        which->setCurrentText(current.name);
        QComboBox *op = combo(tr("Is"), QStringLiteral("conditionOp"));
        const QList<std::pair<QString, QString>> ops{{QStringLiteral("eq"), tr("equal to")},       {QStringLiteral("ne"), tr("not equal to")},
                                                     {QStringLiteral("contains"), tr("containing")}, {QStringLiteral("empty"), tr("empty")},
                                                     {QStringLiteral("not_empty"), tr("not empty")}, {QStringLiteral("gt"), tr("more than")},
                                                     {QStringLiteral("lt"), tr("less than")}};
        for (const auto &[key, label] : ops)
            op->addItem(label, key);
        op->setCurrentIndex(std::max(0, op->findData(current.op)));
        QLineEdit *value = lineEdit(tr("Value"), current.value, QStringLiteral("conditionValue"));
        auto *within = new QSpinBox(m_body);
        within->setRange(0, 3650);
        within->setSpecialValueText(tr("ever"));
        within->setSuffix(tr(" days"));
        within->setValue(current.withinDays);
        f->addRow(tr("In the last"), within);
        QCheckBox *exitOnGoal = nullptr;
        if (step.kind == StepKind::Goal) {
            exitOnGoal = new QCheckBox(tr("Leave the workflow when reached"), m_body);
            exitOnGoal->setChecked(step.exitOnGoal);
            f->addRow(QString(), exitOnGoal);
            connect(exitOnGoal, &QCheckBox::toggled, this, &StepPanel::emitStep);
            auto *note = new QLabel(tr("Reached from anywhere in the workflow as soon as this is true."), m_body);
            note->setProperty("role", QStringLiteral("muted"));
            note->setWordWrap(true);
            f->addRow(note);
        }
        const auto shape = [f, kind, which, op, value, within, this] {
            const auto k = Condition::Kind(kind->currentData().toInt());
            f->setRowVisible(which, true);
            f->setRowVisible(op, k == Condition::Kind::Field);
            f->setRowVisible(value, k == Condition::Kind::Field && op->currentData().toString() != u"empty" && op->currentData().toString() != u"not_empty");
            f->setRowVisible(within, k == Condition::Kind::Engagement);
            const QString text = which->currentData().isValid() ? which->currentData().toString() : which->currentText();
            which->clear();
            which->setEditable(k != Condition::Kind::Engagement);
            if (which->lineEdit()) // a new one each time it becomes editable
                connect(which->lineEdit(), &QLineEdit::editingFinished, this, &StepPanel::emitStep, Qt::UniqueConnection);
            if (k == Condition::Kind::Segment)
                which->addItems(m_choices.segments);
            if (k == Condition::Kind::Engagement) {
                which->addItem(tr("opened an email"), QStringLiteral("opened"));
                which->addItem(tr("clicked in an email"), QStringLiteral("clicked"));
                which->setCurrentIndex(std::max(0, which->findData(text)));
            } else {
                which->setCurrentText(text);
            }
        };
        shape();
        connect(kind, &QComboBox::activated, this, [this, shape] {
            shape();
            emitStep();
        });
        connect(op, &QComboBox::activated, this, [this, shape] {
            shape();
            emitStep();
        });
        connect(negate, &QCheckBox::toggled, this, &StepPanel::emitStep);
        connect(which, &QComboBox::activated, this, &StepPanel::emitStep);
        connect(within, &QSpinBox::editingFinished, this, &StepPanel::emitStep);
        read = [read, kind, negate, which, op, value, within, exitOnGoal](Step &s) {
            read(s);
            Condition c;
            c.kind = Condition::Kind(kind->currentData().toInt());
            c.negate = negate->isChecked();
            c.name = c.kind == Condition::Kind::Engagement ? which->currentData().toString() : which->currentText().trimmed();
            c.op = op->currentData().toString();
            c.value = value->text();
            c.withinDays = within->value();
            if (c.kind == Condition::Kind::Engagement && c.name != u"clicked")
                c.name = QStringLiteral("opened");
            const bool empty = (c.kind == Condition::Kind::Tag || c.kind == Condition::Kind::Segment || c.kind == Condition::Kind::Field) && c.name.isEmpty();
            s.condition = empty ? std::nullopt : std::optional<Condition>(c);
            if (exitOnGoal)
                s.exitOnGoal = exitOnGoal->isChecked();
        };
        break;
    }
    case StepKind::Split: {
        QStringList shares;
        for (const automations::SplitBranch &b : step.branches)
            shares << QString::number(b.percent);
        QLineEdit *percents = lineEdit(tr("Shares (%)"), shares.join(QStringLiteral(" / ")), QStringLiteral("shares"));
        percents->setPlaceholderText(tr("50 / 50"));
        read = [read, percents](Step &s) {
            read(s);
            QList<automations::SplitBranch> branches;
            const QStringList parts = percents->text().split(u'/', Qt::SkipEmptyParts);
            for (qsizetype i = 0; i < parts.size(); ++i) {
                automations::SplitBranch b = s.branches.value(i);
                b.percent = parts.at(i).trimmed().remove(u'%').toInt();
                branches << b;
            }
            s.branches = branches;
        };
        break;
    }
    case StepKind::Exit: break;
    }
    m_readStep = read;
    m_loading = false;
}

void StepPanel::showFlow(const Flow &flow)
{
    m_loading = true;
    clear();
    m_stepId.clear();
    m_flow = flow;
    QFormLayout *f = form();
    auto *title = new QLabel(tr("Workflow"), m_body);
    title->setProperty("role", QStringLiteral("title"));
    f->addRow(title);
    auto *name = new QLineEdit(flow.name, m_body);
    name->setObjectName(QStringLiteral("flowName"));
    f->addRow(tr("Name"), name);
    connect(name, &QLineEdit::editingFinished, this, &StepPanel::emitFlow);
    auto *trigger = new QComboBox(m_body);
    trigger->setObjectName(QStringLiteral("trigger"));
    using automations::TriggerKind;
    const QList<std::pair<TriggerKind, QString>> kinds{
        {TriggerKind::Manual, tr("Added by hand")},
        {TriggerKind::ContactCreated, tr("A contact is added")},
        {TriggerKind::TagAdded, tr("A tag is added")},
        {TriggerKind::SegmentEntered, tr("A contact enters a segment")},
        {TriggerKind::EventRegistered, tr("Registers for an event")},
        {TriggerKind::EmailOpened, tr("Opens an email")},
        {TriggerKind::EmailClicked, tr("Clicks in an email")},
        {TriggerKind::SmsClicked, tr("Clicks in a text")},
        {TriggerKind::SmsKeyword, tr("Texts a keyword")},
        {TriggerKind::Anniversary, tr("A date's anniversary")},
    };
    for (const auto &[k, label] : kinds)
        trigger->addItem(label, int(k));
    trigger->setCurrentIndex(std::max(0, trigger->findData(int(flow.trigger.kind))));
    f->addRow(tr("Starts when"), trigger);
    auto *detail = new QComboBox(m_body);
    detail->setObjectName(QStringLiteral("triggerDetail"));
    detail->setEditable(true);
    f->addRow(tr("Which"), detail);
    const auto detailText = [&flow] {
        switch (flow.trigger.kind) {
        case TriggerKind::TagAdded: return flow.trigger.tag;
        case TriggerKind::SegmentEntered: return flow.trigger.segment;
        case TriggerKind::SmsKeyword: return flow.trigger.keyword;
        case TriggerKind::Anniversary: return flow.trigger.field;
        default: return QString();
        }
    };
    const auto shape = [f, trigger, detail, this] {
        const auto k = TriggerKind(trigger->currentData().toInt());
        const bool needs = k == TriggerKind::TagAdded || k == TriggerKind::SegmentEntered || k == TriggerKind::SmsKeyword || k == TriggerKind::Anniversary;
        f->setRowVisible(detail, needs);
        const QString text = detail->currentText();
        detail->clear();
        if (k == TriggerKind::SegmentEntered)
            detail->addItems(m_choices.segments);
        if (k == TriggerKind::Anniversary)
            detail->addItems({QStringLiteral("created_at"), QStringLiteral("birthday")});
        detail->setCurrentText(text);
    };
    detail->setCurrentText(detailText());
    shape();
    connect(trigger, &QComboBox::activated, this, [this, shape, detail] {
        detail->setCurrentText(QString());
        shape();
        emitFlow();
    });
    connect(detail->lineEdit(), &QLineEdit::editingFinished, this, &StepPanel::emitFlow);
    auto *entry = new QComboBox(m_body);
    entry->setObjectName(QStringLiteral("entry"));
    entry->addItem(tr("Once ever"), int(automations::EntryRule::Once));
    entry->addItem(tr("Again after leaving"), int(automations::EntryRule::AgainAfterExit));
    entry->addItem(tr("Every time"), int(automations::EntryRule::AnyTime));
    entry->setCurrentIndex(std::max(0, entry->findData(int(flow.entry))));
    f->addRow(tr("Enters"), entry);
    auto *gap = new QSpinBox(m_body);
    gap->setRange(0, 366);
    gap->setSuffix(tr(" days"));
    gap->setValue(flow.reentryGapMinutes / 1440);
    f->addRow(tr("At least"), gap);
    f->setRowVisible(gap, flow.entry == automations::EntryRule::AgainAfterExit);
    connect(entry, &QComboBox::activated, this, [this, f, entry, gap] {
        f->setRowVisible(gap, automations::EntryRule(entry->currentData().toInt()) == automations::EntryRule::AgainAfterExit);
        emitFlow();
    });
    connect(gap, &QSpinBox::editingFinished, this, &StepPanel::emitFlow);
    auto *help = new QLabel(tr("Select a step to change it. Drag from a step's dot to another step to connect them."), m_body);
    help->setProperty("role", QStringLiteral("muted"));
    help->setWordWrap(true);
    f->addRow(help);
    const int shownGap = flow.reentryGapMinutes / 1440;
    m_readFlow = [name, trigger, detail, entry, gap, shownGap](Flow &fl) {
        fl.name = name->text().trimmed();
        fl.trigger.kind = TriggerKind(trigger->currentData().toInt());
        const QString d = detail->currentText().trimmed();
        fl.trigger.tag = fl.trigger.kind == TriggerKind::TagAdded ? d : QString();
        fl.trigger.segment = fl.trigger.kind == TriggerKind::SegmentEntered ? d : QString();
        fl.trigger.keyword = fl.trigger.kind == TriggerKind::SmsKeyword ? d.toUpper() : QString();
        fl.trigger.field = fl.trigger.kind == TriggerKind::Anniversary ? d : QString();
        fl.entry = automations::EntryRule(entry->currentData().toInt());
        if (gap->value() != shownGap) // untouched, a gap in hours or minutes stays as it was
            fl.reentryGapMinutes = gap->value() * 1440;
    };
    m_loading = false;
}

FlowEditor::FlowEditor(QWidget *parent) : QWidget(parent), m_scene(new FlowScene(this)), m_undo(new QUndoStack(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_add = new QToolButton(this);
    m_add->setText(tr("Add Step"));
    m_add->setIcon(Theme::icon(QStringLiteral("new")));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_add);
    for (StepKind k : {StepKind::Email, StepKind::Sms, StepKind::Wait, StepKind::WaitUntil, StepKind::WaitEvent, StepKind::Condition,
                       StepKind::Split, StepKind::Tag, StepKind::SetField, StepKind::Goal, StepKind::Notify, StepKind::Exit}) {
        QAction *a = menu->addAction(StepCard::kindLabel(k));
        a->setData(automations::stepKindName(k));
        connect(a, &QAction::triggered, this, [this, k] { addStep(k); });
    }
    m_add->setMenu(menu);
    m_remove = new QToolButton(this);
    m_remove->setIcon(Theme::icon(QStringLiteral("trash")));
    m_remove->setToolTip(tr("Delete the selected step (Del)"));
    connect(m_remove, &QToolButton::clicked, this, &FlowEditor::removeSelected);
    auto *undo = new QToolButton(this);
    QAction *undoAction = m_undo->createUndoAction(this, tr("Undo"));
    undoAction->setIcon(Theme::icon(QStringLiteral("undo")));
    undoAction->setShortcut(QKeySequence::Undo);
    undo->setDefaultAction(undoAction);
    auto *redo = new QToolButton(this);
    QAction *redoAction = m_undo->createRedoAction(this, tr("Redo"));
    redoAction->setIcon(Theme::icon(QStringLiteral("redo")));
    redoAction->setShortcut(QKeySequence::Redo);
    redo->setDefaultAction(redoAction);
    addAction(undoAction);
    addAction(redoAction);
    auto *del = new QAction(this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(del, &QAction::triggered, this, [this] {
        if (m_view->hasFocus())
            removeSelected();
    });
    addAction(del);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole workflow"));
    connect(fit, &QToolButton::clicked, this, &FlowEditor::fitAll);
    m_summary = new QLabel(this);
    m_summary->setProperty("role", QStringLiteral("muted"));
    bar->addWidget(m_add);
    bar->addWidget(m_remove);
    bar->addSpacing(8);
    bar->addWidget(undo);
    bar->addWidget(redo);
    bar->addWidget(fit);
    bar->addStretch(1);
    bar->addWidget(m_summary);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QSplitter(Qt::Vertical, split);
    m_view = new QGraphicsView(m_scene, left);
    m_view->setObjectName(QStringLiteral("flowCanvas"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::RubberBandDrag);
    m_view->setAccessibleName(tr("Workflow canvas"));
    m_problems = new QListWidget(left);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setMaximumHeight(130);
    m_problems->setAccessibleName(tr("Problems"));
    left->setStretchFactor(0, 1);
    m_panel = new StepPanel(split);
    split->setStretchFactor(0, 1);
    split->setSizes({700, 300});
    layout->addWidget(split, 1);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &FlowEditor::showSelection);
    connect(m_scene, &FlowScene::stepMoved, this, &FlowEditor::moveStep);
    connect(m_scene, &FlowScene::connectRequested, this, &FlowEditor::connectSteps);
    connect(m_panel, &StepPanel::stepEdited, this, &FlowEditor::editStep);
    connect(m_panel, &StepPanel::flowEdited, this, &FlowEditor::editFlow);
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { selectStep(item->data(Qt::UserRole).toString()); });
    connect(m_problems, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { selectStep(item->data(Qt::UserRole).toString()); });
    setFlow(Flow{});
}

FlowEditor::~FlowEditor()
{
    // The scene and the undo stack go after this; what they say while going is not for us.
    disconnect(m_scene, nullptr, this, nullptr);
    disconnect(m_undo, nullptr, nullptr, nullptr);
}

void FlowEditor::setFlow(const Flow &flow)
{
    m_undo->clear();
    m_flow = flow;
    m_scene->showFlow(m_flow);
    refresh();
    showSelection();
    m_undo->setClean();
}

void FlowEditor::setChoices(const FlowChoices &choices)
{
    m_panel->setChoices(choices);
    showSelection();
}

void FlowEditor::setCounts(const QList<automations::StepCount> &counts)
{
    m_scene->setCounts(counts);
}

bool FlowEditor::isModified() const
{
    return !m_undo->isClean();
}

void FlowEditor::setSaved()
{
    m_undo->setClean();
}

void FlowEditor::restore(const QJsonObject &flow, const QString &select)
{
    auto parsed = Flow::fromJson(flow);
    if (!parsed)
        return; // made by toJson(): always readable
    m_flow = *parsed;
    m_scene->showFlow(m_flow);
    refresh();
    if (!select.isEmpty() && m_flow.step(select))
        m_scene->selectStep(select);
    showSelection();
    Q_EMIT changed();
}

void FlowEditor::apply(const Flow &after, const QString &text, int mergeId, const QString &select)
{
    const QJsonObject before = m_flow.toJson();
    m_flow = after;
    {
        // An edit from the panel keeps the panel as it is: the canvas follows without a word.
        const QSignalBlocker quiet(m_fromPanel ? m_scene : nullptr);
        m_scene->showFlow(m_flow);
        refresh();
        if (!select.isEmpty())
            m_scene->selectStep(select);
    }
    m_undo->push(new FlowCommand(this, before, m_flow.toJson(), text, mergeId, select));
    Q_EMIT changed();
}

void FlowEditor::refresh()
{
    const QList<automations::Problem> problems = automations::FlowCheck::problems(m_flow);
    m_scene->setProblems(problems);
    m_problems->clear();
    int errors = 0;
    for (const automations::Problem &p : problems) {
        const bool error = p.severity == automations::Problem::Severity::Error;
        errors += error ? 1 : 0;
        const Step *s = m_flow.step(p.stepId);
        const QString where = s ? (s->name.isEmpty() ? StepCard::kindLabel(s->kind) : s->name) : tr("Workflow");
        auto *item = new QListWidgetItem(Theme::icon(error ? QStringLiteral("alert") : QStringLiteral("info")), tr("%1: %2").arg(where, p.message), m_problems);
        item->setData(Qt::UserRole, p.stepId);
    }
    m_problems->setVisible(!problems.isEmpty());
    m_summary->setText(errors ? tr("%n problem(s) to fix before publishing", nullptr, errors)
                              : tr("%n step(s), ready to publish", nullptr, int(m_flow.steps.size())));
    m_remove->setEnabled(!m_scene->selectedStep().isEmpty());
}

void FlowEditor::showSelection()
{
    const QString id = m_scene->selectedStep();
    m_remove->setEnabled(!id.isEmpty());
    if (m_fromPanel && m_panel->shownStep() == id)
        return;
    if (const Step *s = m_flow.step(id))
        m_panel->showStep(*s);
    else
        m_panel->showFlow(m_flow);
}

void FlowEditor::addStep(StepKind kind)
{
    Flow f = m_flow;
    Step s;
    s.kind = kind;
    s.id = f.newStepId(kind);
    if (kind == StepKind::Split)
        s.branches = {{50, {}, {}}, {50, {}, {}}};
    if (kind == StepKind::Wait)
        s.durationMinutes = 1440;
    if (kind == StepKind::WaitEvent) {
        s.event = QStringLiteral("opened");
        s.timeoutMinutes = 3 * 1440;
    }
    // Below the selected step, joined to its first free exit; the first step starts the workflow.
    const Step *after = f.step(m_scene->selectedStep());
    if (!after && !f.steps.isEmpty())
        after = &f.steps.constLast();
    s.position = after ? after->position + QPointF(0, StepCard::kHeight + 60) : QPointF(0, 0);
    if (after) {
        Step *from = f.step(after->id);
        if (from->kind == StepKind::Split) {
            for (automations::SplitBranch &b : from->branches)
                if (b.next.isEmpty()) {
                    b.next = s.id;
                    break;
                }
        } else if (from->kind != StepKind::Exit && from->next.isEmpty()) {
            from->next = s.id;
        } else if (from->kind != StepKind::Exit && from->kind != StepKind::Condition && from->kind != StepKind::WaitEvent) {
            // Inserted between the step and what followed it.
            if (kind != StepKind::Exit)
                s.next = from->next;
            from->next = s.id;
        } else if ((from->kind == StepKind::Condition || from->kind == StepKind::WaitEvent) && from->otherwise.isEmpty()) {
            from->otherwise = s.id;
            s.position += QPointF(StepCard::kWidth + 40, 0);
        }
    }
    if (f.start.isEmpty())
        f.start = s.id;
    f.steps << s;
    apply(f, tr("Add a step (%1)").arg(StepCard::kindLabel(kind)), -1, s.id);
}

void FlowEditor::removeSelected()
{
    const QString id = m_scene->selectedStep();
    if (id.isEmpty())
        return;
    Flow f = m_flow;
    const Step *gone = f.step(id);
    if (!gone)
        return;
    const QString heir = gone->next; // what came after takes its place in the chain
    f.steps.removeIf([&id](const Step &s) { return s.id == id; });
    for (Step &s : f.steps) {
        if (s.next == id)
            s.next = heir;
        if (s.otherwise == id)
            s.otherwise = heir;
        for (automations::SplitBranch &b : s.branches)
            if (b.next == id)
                b.next = heir;
    }
    if (f.start == id)
        f.start = heir.isEmpty() && !f.steps.isEmpty() ? f.steps.constFirst().id : heir;
    apply(f, tr("Delete step"));
}

void FlowEditor::connectSteps(const QString &from, const QString &slot, const QString &to)
{
    Flow f = m_flow;
    Step *s = f.step(from);
    if (!s || !f.step(to) || from == to)
        return;
    if (slot == u"next")
        s->next = to;
    else if (slot == u"otherwise")
        s->otherwise = to;
    else if (slot.startsWith(u"branch:")) {
        const int i = slot.mid(7).toInt();
        if (i < 0 || i >= s->branches.size())
            return;
        s->branches[i].next = to;
    }
    apply(f, tr("Connect steps"), -1, from);
}

void FlowEditor::moveStep(const QString &stepId, const QPointF &pos)
{
    Flow f = m_flow;
    Step *s = f.step(stepId);
    if (!s || s->position == pos)
        return;
    s->position = pos;
    apply(f, tr("Move step"), kMergeMove, stepId);
}

void FlowEditor::editStep(const Step &step)
{
    Flow f = m_flow;
    Step *s = f.step(step.id);
    if (!s)
        return;
    const QPointF pos = s->position;
    const QString next = s->next, otherwise = s->otherwise;
    *s = step;
    s->position = pos;
    s->next = next;
    s->otherwise = otherwise;
    if (f.toJson() == m_flow.toJson())
        return;
    m_fromPanel = true; // the panel keeps its widgets (and the focus) while the canvas follows
    apply(f, tr("Change a step (%1)").arg(step.name.isEmpty() ? StepCard::kindLabel(step.kind) : step.name), kMergeEdit, step.id);
    m_fromPanel = false;
}

void FlowEditor::editFlow(const Flow &settings)
{
    Flow f = m_flow;
    f.name = settings.name;
    f.trigger = settings.trigger;
    f.entry = settings.entry;
    f.reentryGapMinutes = settings.reentryGapMinutes;
    if (f.toJson() == m_flow.toJson())
        return;
    m_fromPanel = true;
    apply(f, tr("Change the workflow's settings"), kMergeEdit);
    m_fromPanel = false;
}

void FlowEditor::selectStep(const QString &stepId)
{
    m_scene->selectStep(stepId);
    m_view->setFocus();
}

void FlowEditor::fitAll()
{
    m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (m_view->transform().m11() > 1.0)
        m_view->resetTransform();
}

} // namespace lux::ui
