// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventeditor.h"
#include "eventsmodel.h"

#include "campaigns/senderstore.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/scrollpage.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lux::ui {

using events::Event;
using events::EventQuestion;
using events::EventStore;

namespace {

enum QuestionColumn { QKind, QLabelColumn, QChoices, QRequired, QColumns };
enum Unit { Minutes, Hours, Days };
constexpr int kUnitMinutes[] = {1, 60, 1440};

struct EditorData
{
    QList<QPair<qint64, QString>> senders; // id, address
    Event event;
};

// A wall time in `zone` as the date-time editors hold it (a plain date and time).
QDateTime wallTime(qint64 ms, const QTimeZone &zone)
{
    const QDateTime there = QDateTime::fromMSecsSinceEpoch(ms, zone);
    return QDateTime(there.date(), there.time());
}

QDateTimeEdit *dateTimeEdit(QWidget *parent, const char *name)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    edit->setMinimumWidth(210);
    return edit;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setProperty("role", QStringLiteral("muted"));
    return label;
}

} // namespace

EventEditor::EventEditor(AppSession &session, qint64 eventId, QWidget *parent)
    : QDialog(parent), m_session(session), m_validate(new QTimer(this))
{
    setObjectName(QStringLiteral("eventEditor"));
    setWindowTitle(eventId ? tr("Edit Event") : tr("New Event"));
    resize(1180, 860);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 12);
    layout->setSpacing(0);

    auto *head = new QWidget(this);
    auto *headLayout = new QVBoxLayout(head);
    headLayout->setContentsMargins(28, 20, 28, 8);
    m_heading = new QLabel(eventId ? tr("Edit Event") : tr("New Event"), head);
    m_heading->setProperty("role", QStringLiteral("title"));
    headLayout->addWidget(m_heading);
    auto *intro = hint(tr("A free event on one date with a public registration page on lux-tracker. It is saved as a draft; "
                          "publish it when it is ready."),
                       head);
    headLayout->addWidget(intro);
    m_publishedNote = new QLabel(tr("This event is published: registrants get an updated invite when its time or place changes."), head);
    m_publishedNote->setObjectName(QStringLiteral("eventPublishedNote"));
    m_publishedNote->setProperty("role", QStringLiteral("warning"));
    m_publishedNote->setWordWrap(true);
    m_publishedNote->hide();
    headLayout->addWidget(m_publishedNote);
    m_error = new QLabel(head);
    m_error->setObjectName(QStringLiteral("eventEditorError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    headLayout->addWidget(m_error);
    layout->addWidget(head);

    auto *body = new QWidget(this);
    const ScrollPage page = makeScrollPage(body);
    page.layout->addWidget(buildForm());
    layout->addWidget(body, 1);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setContentsMargins(28, 8, 28, 0);
    m_save = buttons->addButton(eventId ? tr("Save") : tr("Create Event"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("eventSave"));
    m_save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->setContentsMargins(28, 8, 28, 0);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
    connect(buttons, &QDialogButtonBox::accepted, this, &EventEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_validate->setSingleShot(true);
    m_validate->setInterval(250);
    connect(m_validate, &QTimer::timeout, this, &EventEditor::revalidate);

    // A new event: next week at 18:00 for two hours, in this computer's zone.
    Event fresh;
    const QTimeZone here = QTimeZone::systemTimeZone();
    const QDate day = QDate::currentDate().addDays(7);
    fresh.timeZone = QString::fromUtf8(here.id());
    fresh.startsAt = QDateTime(day, QTime(18, 0), here).toMSecsSinceEpoch();
    fresh.endsAt = fresh.startsAt + 2 * 3'600'000;
    fresh.consentText = tr("I agree that the organiser keeps my details to manage my registration and may email me about this event.");
    setEvent(fresh);
    load(eventId);
}

QWidget *EventEditor::buildForm()
{
    // Two columns: the event itself on the left, its form and messages on the right.
    auto *form = new QWidget(this);
    auto *columns = new QHBoxLayout(form);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(18);
    auto *left = new QVBoxLayout;
    left->setSpacing(14);
    auto *right = new QVBoxLayout;
    right->setSpacing(14);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    QVBoxLayout *v = left;
    const auto group = [form, &v](const QString &title) {
        auto *box = new QGroupBox(title, form);
        auto *f = new QFormLayout(box);
        f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        f->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        f->setHorizontalSpacing(14);
        f->setVerticalSpacing(8);
        v->addWidget(box);
        return std::pair{box, f};
    };
    const auto changed = [this] { m_validate->start(); };

    // What it is.
    auto [about, aboutForm] = group(tr("Event"));
    m_title = new QLineEdit(about);
    m_title->setObjectName(QStringLiteral("eventTitle"));
    m_title->setMaxLength(EventStore::kMaxTitle);
    m_title->setPlaceholderText(tr("Spring product launch"));
    aboutForm->addRow(tr("&Title:"), m_title);
    m_description = new QPlainTextEdit(about);
    m_description->setObjectName(QStringLiteral("eventDescription"));
    m_description->setPlaceholderText(tr("What happens, for whom, and what to bring. Markdown: **bold**, *italic*, [a link](https://…), "
                                         "lists with -."));
    m_description->setMinimumHeight(110);
    m_description->setMaximumHeight(120);
    aboutForm->addRow(tr("&Description:"), m_description);
    m_language = new QComboBox(about);
    m_language->setObjectName(QStringLiteral("eventLanguage"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->setToolTip(tr("The language of the registration page and of the messages registrants get."));
    aboutForm->addRow(tr("&Language:"), m_language);

    // When and where.
    auto [when, whenForm] = group(tr("When and where"));
    m_start = dateTimeEdit(when, "eventStart");
    m_end = dateTimeEdit(when, "eventEnd");
    auto *times = new QHBoxLayout;
    times->setSpacing(10);
    times->addWidget(m_start);
    auto *to = new QLabel(tr("to"), when);
    to->setProperty("role", QStringLiteral("muted"));
    times->addWidget(to);
    times->addWidget(m_end);
    times->addStretch(1);
    auto *startsLabel = new QLabel(tr("&Starts:"), when);
    startsLabel->setBuddy(m_start);
    whenForm->addRow(startsLabel, times);
    m_zone = new QComboBox(when);
    m_zone->setObjectName(QStringLiteral("eventTimeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->setToolTip(tr("Type part of a place to search (“Madrid”, “New_York”). Times are shown to registrants in this zone."));
    m_zone->setMinimumWidth(260);
    auto *zoneRow = new QHBoxLayout;
    zoneRow->addWidget(m_zone);
    zoneRow->addStretch(1);
    auto *zoneLabel = new QLabel(tr("Time &zone:"), when);
    zoneLabel->setBuddy(m_zone);
    whenForm->addRow(zoneLabel, zoneRow);
    m_venue = new QLineEdit(when);
    m_venue->setObjectName(QStringLiteral("eventVenue"));
    m_venue->setPlaceholderText(tr("Hall B, Calle Mayor 1, Madrid"));
    whenForm->addRow(tr("&Venue:"), m_venue);
    m_online = new QLineEdit(when);
    m_online->setObjectName(QStringLiteral("eventOnline"));
    m_online->setPlaceholderText(tr("https://meet.example.com/spring (for an online event)"));
    whenForm->addRow(tr("&Online link:"), m_online);

    // Registration.
    const auto regGroup = group(tr("Registration"));
    QGroupBox *reg = regGroup.first;
    QFormLayout *regForm = regGroup.second;
    m_organiser = new QComboBox(reg);
    m_organiser->setObjectName(QStringLiteral("eventOrganiser"));
    m_organiser->setToolTip(tr("The mailbox confirmations, invites and reminders come from; invites name it as the organiser."));
    regForm->addRow(tr("&Organiser:"), m_organiser);
    m_noSenders = new QLabel(tr("No sender mailbox yet: add one under Settings → Sending."), reg);
    m_noSenders->setProperty("role", QStringLiteral("warning"));
    m_noSenders->hide();
    regForm->addRow(QString(), m_noSenders);
    m_capacity = new QSpinBox(reg);
    m_capacity->setObjectName(QStringLiteral("eventCapacity"));
    m_capacity->setRange(0, 1'000'000);
    m_capacity->setSpecialValueText(tr("No limit"));
    m_capacity->setSuffix(tr(" seats"));
    m_capacity->setMinimumWidth(140);
    auto *capacityRow = new QHBoxLayout;
    capacityRow->setSpacing(12);
    capacityRow->addWidget(m_capacity);
    capacityRow->addWidget(hint(tr("When it is full, people join the waiting list in order and are promoted as seats free up."), reg), 1);
    auto *capacityLabel = new QLabel(tr("&Capacity:"), reg);
    capacityLabel->setBuddy(m_capacity);
    regForm->addRow(capacityLabel, capacityRow);
    const auto optionalTime = [reg, &changed](QCheckBox *&box, QDateTimeEdit *&edit, const QString &label, const char *name) {
        box = new QCheckBox(label, reg);
        edit = dateTimeEdit(reg, name);
        edit->setEnabled(false);
        QObject::connect(box, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        QObject::connect(box, &QCheckBox::toggled, reg, changed);
        QObject::connect(edit, &QDateTimeEdit::dateTimeChanged, reg, changed);
        auto *row = new QHBoxLayout;
        row->addWidget(box);
        row->addWidget(edit);
        row->addStretch(1);
        return row;
    };
    regForm->addRow(tr("Opens:"), optionalTime(m_opensOn, m_opens, tr("Not before"), "eventOpens"));
    regForm->addRow(tr("Closes:"), optionalTime(m_closesOn, m_closes, tr("Not after"), "eventCloses"));
    m_doubleOptIn = new QCheckBox(tr("Ask new registrants to confirm by email (double opt-in)"), reg);
    m_doubleOptIn->setObjectName(QStringLiteral("eventDoubleOptIn"));
    m_doubleOptIn->setToolTip(tr("A seat is held from the form until they confirm; unconfirmed seats go to the waiting list after a while."));
    regForm->addRow(QString(), m_doubleOptIn);
    m_tags = new QLineEdit(reg);
    m_tags->setObjectName(QStringLiteral("eventTags"));
    m_tags->setPlaceholderText(tr("spring-launch, madrid (separated by commas)"));
    regForm->addRow(tr("&Tags:"), m_tags);
    regForm->addRow(QString(), hint(tr("Every registrant becomes a contact with these tags."), reg));

    // The form's questions and consent.
    auto *questionsBox = new QGroupBox(tr("Questions and consent"), form);
    auto *qLayout = new QVBoxLayout(questionsBox);
    qLayout->setSpacing(8);
    qLayout->addWidget(hint(tr("Besides email, first and last name. A choice question lists its choices separated by “|”."), questionsBox));
    m_questions = new QTableWidget(0, QColumns, questionsBox);
    m_questions->setObjectName(QStringLiteral("eventQuestions"));
    m_questions->setHorizontalHeaderLabels({tr("Kind"), tr("Question"), tr("Choices"), tr("Required")});
    m_questions->verticalHeader()->hide();
    m_questions->verticalHeader()->setDefaultSectionSize(34);
    m_questions->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_questions->horizontalHeader()->setSectionResizeMode(QLabelColumn, QHeaderView::Stretch);
    m_questions->horizontalHeader()->setSectionResizeMode(QChoices, QHeaderView::Stretch);
    m_questions->setColumnWidth(QKind, 120);
    m_questions->setColumnWidth(QRequired, 80);
    m_questions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_questions->setMinimumHeight(120);
    m_questions->setMaximumHeight(160);
    qLayout->addWidget(m_questions);
    auto *qButtons = new QHBoxLayout;
    auto *addQuestionButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add Question"), questionsBox);
    addQuestionButton->setObjectName(QStringLiteral("eventAddQuestion"));
    m_removeQuestion = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove Question"), questionsBox);
    m_removeQuestion->setEnabled(false);
    qButtons->addWidget(addQuestionButton);
    qButtons->addWidget(m_removeQuestion);
    qButtons->addStretch(1);
    qLayout->addLayout(qButtons);
    connect(addQuestionButton, &QPushButton::clicked, this, [this] {
        addQuestion({});
        m_questions->editItem(m_questions->item(m_questions->rowCount() - 1, QLabelColumn));
    });
    connect(m_removeQuestion, &QPushButton::clicked, this, [this] {
        const int row = m_questions->currentRow();
        if (row >= 0)
            m_questions->removeRow(row);
        m_validate->start();
    });
    connect(m_questions, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeQuestion->setEnabled(!m_questions->selectedItems().isEmpty()); });
    connect(m_questions, &QTableWidget::itemChanged, this, changed);
    connect(m_questions->model(), &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_questions->model(), &QAbstractItemModel::rowsInserted, this, changed);
    auto *consentLabel = new QLabel(tr("Consent text, shown beside a checkbox on the form (empty: no consent asked):"), questionsBox);
    consentLabel->setWordWrap(true);
    qLayout->addWidget(consentLabel);
    m_consent = new QPlainTextEdit(questionsBox);
    m_consent->setObjectName(QStringLiteral("eventConsent"));
    m_consent->setMaximumHeight(70);
    qLayout->addWidget(m_consent);
    qLayout->addWidget(hint(tr("Each text is kept by version: a registrant's consent record names the version they saw."), questionsBox));
    v->addStretch(1);
    v = right;
    v->addWidget(questionsBox);

    // Reminders.
    auto *remindersBox = new QGroupBox(tr("Reminders"), form);
    auto *rLayout = new QVBoxLayout(remindersBox);
    rLayout->addWidget(hint(tr("Emails before the start (and texts to registrants with SMS consent, outside quiet hours)."), remindersBox));
    m_reminderRows = new QVBoxLayout;
    m_reminderRows->setSpacing(6);
    rLayout->addLayout(m_reminderRows);
    m_addReminder = new QPushButton(Theme::icon(QStringLiteral("clock")), tr("Add Reminder"), remindersBox);
    m_addReminder->setObjectName(QStringLiteral("eventAddReminder"));
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addReminder);
    addRow->addStretch(1);
    rLayout->addLayout(addRow);
    connect(m_addReminder, &QPushButton::clicked, this, [this] {
        addReminderRow(30);
        m_validate->start();
    });
    v->addWidget(remindersBox);

    // Advanced.
    auto *advanced = new QGroupBox(tr("Advanced"), form);
    auto *aLayout = new QVBoxLayout(advanced);
    auto *powRow = new QHBoxLayout;
    powRow->setSpacing(10);
    auto *powLabel = new QLabel(tr("&Proof of work:"), advanced);
    m_pow = new QSpinBox(advanced);
    m_pow->setObjectName(QStringLiteral("eventPow"));
    m_pow->setRange(0, 28);
    m_pow->setSpecialValueText(tr("Off"));
    m_pow->setMinimumWidth(90);
    powLabel->setBuddy(m_pow);
    auto *bits = new QLabel(tr("bits (0 to 28; 16 by default)"), advanced);
    bits->setProperty("role", QStringLiteral("muted"));
    powRow->addWidget(powLabel);
    powRow->addWidget(m_pow);
    powRow->addWidget(bits);
    powRow->addStretch(1);
    aLayout->addLayout(powRow);
    aLayout->addWidget(hint(tr("Bots must solve a small puzzle in the page before the form is taken: each step up doubles their "
                               "work, about a second on a phone at 16. 0 turns it off, for trusted intranets and load tests."),
                            advanced));
    v->addWidget(advanced);
    v->addStretch(1);

    for (QLineEdit *e : {m_title, m_venue, m_online, m_tags})
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QPlainTextEdit *e : {m_description, m_consent})
        connect(e, &QPlainTextEdit::textChanged, this, changed);
    connect(m_zone, &QComboBox::currentTextChanged, this, changed);
    connect(m_capacity, &QSpinBox::valueChanged, this, changed);
    connect(m_pow, &QSpinBox::valueChanged, this, changed);
    // Moving the start keeps the length; moving the end sets it.
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &start) {
        const QSignalBlocker quiet(m_end);
        m_end->setDateTime(start.addMSecs(m_durationMs));
        m_validate->start();
    });
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &end) {
        m_durationMs = m_start->dateTime().msecsTo(end);
        m_validate->start();
    });
    return form;
}

void EventEditor::addQuestion(const EventQuestion &question)
{
    const QSignalBlocker quiet(m_questions);
    const int row = m_questions->rowCount();
    m_questions->insertRow(row);
    auto *kind = new QComboBox(m_questions);
    kind->addItem(tr("Text"), int(EventQuestion::Kind::Text));
    kind->addItem(tr("Choice"), int(EventQuestion::Kind::Choice));
    kind->addItem(tr("Checkbox"), int(EventQuestion::Kind::Checkbox));
    kind->setCurrentIndex(kind->findData(int(question.kind)));
    connect(kind, &QComboBox::currentIndexChanged, this, [this] { m_validate->start(); });
    m_questions->setCellWidget(row, QKind, kind);
    m_questions->setItem(row, QLabelColumn, new QTableWidgetItem(question.label));
    auto *choices = new QTableWidgetItem(question.choices.join(QStringLiteral(" | ")));
    choices->setToolTip(tr("For a choice question: the choices, separated by “|”"));
    m_questions->setItem(row, QChoices, choices);
    auto *required = new QTableWidgetItem;
    required->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    required->setCheckState(question.required ? Qt::Checked : Qt::Unchecked);
    m_questions->setItem(row, QRequired, required);
}

void EventEditor::addReminderRow(int minutes)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("eventReminder"));
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *amount = new QSpinBox(row);
    amount->setObjectName(QStringLiteral("reminderAmount"));
    amount->setRange(1, 999);
    amount->setMinimumWidth(80);
    auto *unit = new QComboBox(row);
    unit->setObjectName(QStringLiteral("reminderUnit"));
    unit->addItem(tr("minutes"), Minutes);
    unit->addItem(tr("hours"), Hours);
    unit->addItem(tr("days"), Days);
    const Unit u = minutes % 1440 == 0 ? Days : minutes % 60 == 0 ? Hours : Minutes;
    unit->setCurrentIndex(u);
    amount->setValue(minutes / kUnitMinutes[u]);
    auto *before = new QLabel(tr("before the start"), row);
    auto *remove = new QToolButton(row);
    remove->setIcon(Theme::icon(QStringLiteral("x")));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this reminder"));
    h->addWidget(amount);
    h->addWidget(unit);
    h->addWidget(before);
    h->addWidget(remove);
    h->addStretch(1);
    m_reminderRows->addWidget(row);
    connect(amount, &QSpinBox::valueChanged, this, [this] { m_validate->start(); });
    connect(unit, &QComboBox::currentIndexChanged, this, [this] { m_validate->start(); });
    connect(remove, &QToolButton::clicked, this, [this, row] {
        m_reminderRows->removeWidget(row);
        row->deleteLater();
        row->hide();
        updateReminderButtons();
        m_validate->start();
    });
    updateReminderButtons();
}

void EventEditor::updateReminderButtons()
{
    int visible = 0;
    for (int i = 0; i < m_reminderRows->count(); ++i)
        visible += m_reminderRows->itemAt(i)->widget() ? 1 : 0;
    m_addReminder->setEnabled(visible < EventStore::kMaxReminders);
    m_addReminder->setToolTip(visible < EventStore::kMaxReminders ? QString()
                                                                   : tr("An event has at most %n reminder(s).", nullptr, EventStore::kMaxReminders));
}

void EventEditor::setReminders(const QList<int> &minutes)
{
    while (QLayoutItem *item = m_reminderRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int m : minutes)
        addReminderRow(m);
    updateReminderButtons();
}

QList<int> EventEditor::reminders() const
{
    QList<int> out;
    for (int i = 0; i < m_reminderRows->count(); ++i) {
        QWidget *row = m_reminderRows->itemAt(i)->widget();
        if (!row)
            continue;
        const auto *amount = row->findChild<QSpinBox *>(QStringLiteral("reminderAmount"));
        const auto *unit = row->findChild<QComboBox *>(QStringLiteral("reminderUnit"));
        out << amount->value() * kUnitMinutes[unit->currentData().toInt()];
    }
    std::sort(out.begin(), out.end(), std::greater<>());
    return out;
}

void EventEditor::setEvent(const Event &e)
{
    m_original = e;
    const QTimeZone zone = eventtime::zoneOf(e);
    m_title->setText(e.title);
    m_description->setPlainText(e.description);
    m_language->setCurrentIndex(std::max(0, m_language->findData(e.language)));
    {
        const QSignalBlocker a(m_start), b(m_end);
        m_start->setDateTime(wallTime(e.startsAt, zone));
        m_end->setDateTime(wallTime(e.endsAt, zone));
    }
    m_durationMs = e.endsAt - e.startsAt;
    m_zone->setCurrentText(QString::fromUtf8(zone.id()));
    m_venue->setText(e.venue);
    m_online->setText(e.onlineUrl);
    if (e.senderId)
        m_organiser->setCurrentIndex(std::max(0, m_organiser->findData(*e.senderId)));
    m_capacity->setValue(e.capacity);
    m_opensOn->setChecked(e.opensAt.has_value());
    m_opens->setDateTime(wallTime(e.opensAt.value_or(QDateTime::currentMSecsSinceEpoch()), zone));
    m_closesOn->setChecked(e.closesAt.has_value());
    m_closes->setDateTime(wallTime(e.closesAt.value_or(e.startsAt), zone));
    m_doubleOptIn->setChecked(e.doubleOptIn);
    m_tags->setText(e.tags.join(QStringLiteral(", ")));
    m_questions->setRowCount(0);
    for (const EventQuestion &q : e.questions)
        addQuestion(q);
    m_consent->setPlainText(e.consentText);
    setReminders(e.reminders);
    m_pow->setValue(e.powDifficulty);
    m_publishedNote->setVisible(e.status == events::EventStatus::Published);
    revalidate();
}

Event EventEditor::event() const
{
    Event e = m_original;
    const QString zoneId = m_zone->currentText().trimmed();
    const QTimeZone zone(zoneId.toUtf8());
    const auto instant = [&zone](const QDateTimeEdit *edit) -> qint64 {
        return QDateTime(edit->date(), edit->time(), zone.isValid() ? zone : QTimeZone::systemTimeZone()).toMSecsSinceEpoch();
    };
    e.title = m_title->text().trimmed();
    e.description = m_description->toPlainText();
    e.language = m_language->currentData().toString();
    e.timeZone = zoneId;
    e.startsAt = instant(m_start);
    e.endsAt = instant(m_end);
    e.venue = m_venue->text().trimmed();
    e.onlineUrl = m_online->text().trimmed();
    e.senderId = m_organiser->currentData().isValid() ? std::optional<qint64>(m_organiser->currentData().toLongLong()) : std::nullopt;
    e.capacity = m_capacity->value();
    e.opensAt = m_opensOn->isChecked() ? std::optional<qint64>(instant(m_opens)) : std::nullopt;
    e.closesAt = m_closesOn->isChecked() ? std::optional<qint64>(instant(m_closes)) : std::nullopt;
    e.doubleOptIn = m_doubleOptIn->isChecked();
    e.tags.clear();
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            e.tags << tag.trimmed();
    e.questions.clear();
    for (int row = 0; row < m_questions->rowCount(); ++row) {
        EventQuestion q;
        const auto *kind = qobject_cast<QComboBox *>(m_questions->cellWidget(row, QKind));
        q.kind = static_cast<EventQuestion::Kind>(kind ? kind->currentData().toInt() : 0);
        q.label = m_questions->item(row, QLabelColumn) ? m_questions->item(row, QLabelColumn)->text().trimmed() : QString();
        if (const QTableWidgetItem *choices = m_questions->item(row, QChoices))
            for (const QString &c : choices->text().split(u'|', Qt::SkipEmptyParts))
                if (!c.trimmed().isEmpty())
                    q.choices << c.trimmed();
        if (q.kind != EventQuestion::Kind::Choice)
            q.choices.clear(); // what was typed before the kind changed
        q.required = m_questions->item(row, QRequired) && m_questions->item(row, QRequired)->checkState() == Qt::Checked;
        e.questions << q;
    }
    e.consentText = m_consent->toPlainText().trimmed();
    e.reminders = reminders();
    e.powDifficulty = m_pow->value();
    return e;
}

QString EventEditor::errorText() const
{
    const Status s = EventStore::validate(event());
    return s ? QString() : s.error().message;
}

QWidget *EventEditor::fieldNamedIn(const QString &message) const
{
    const QString m = message.toLower();
    // The store's messages (events/eventstore.cpp, and their Spanish in lux_es.ts) name the field
    // with these words.
    const QList<QPair<QStringList, QWidget *>> fields{
        {{QStringLiteral("time zone"), QStringLiteral("zona horaria")}, m_zone},
        {{QStringLiteral("registration must close"), QStringLiteral("inscripción debe cerrarse")}, m_closes},
        {{QStringLiteral("the end"), QStringLiteral("el final")}, m_end},
        {{QStringLiteral("title"), QStringLiteral("título")}, m_title},
        {{QStringLiteral("capacity"), QStringLiteral("aforo")}, m_capacity},
        {{QStringLiteral("online link"), QStringLiteral("enlace en línea")}, m_online},
        {{QStringLiteral("proof-of-work"), QStringLiteral("prueba de trabajo")}, m_pow},
        {{QStringLiteral("question"), QStringLiteral("pregunta")}, m_questions},
        {{QStringLiteral("reminder"), QStringLiteral("recordatorio")}, m_addReminder},
        {{QStringLiteral("tag"), QStringLiteral("etiqueta")}, m_tags},
        {{QStringLiteral("language"), QStringLiteral("idioma")}, m_language},
    };
    for (const auto &[words, widget] : fields)
        for (const QString &w : words)
            if (!w.isEmpty() && m.contains(w))
                return widget;
    return nullptr;
}

void EventEditor::markField(QWidget *field)
{
    if (m_marked == field)
        return;
    if (m_marked)
        m_marked->setStyleSheet({});
    m_marked = field;
    if (m_marked)
        m_marked->setStyleSheet(QStringLiteral("border: 1px solid %1; border-radius: 4px;").arg(Theme::color("danger").name()));
}

void EventEditor::revalidate()
{
    const Event e = event();
    const Status s = EventStore::validate(e);
    // A new, empty form is not an error yet: the title's absence is said once Save is pressed.
    const bool show = !s && (m_tried || !e.title.isEmpty() || m_original.id != 0);
    m_error->setVisible(show);
    m_error->setText(show ? s.error().message : QString());
    markField(show ? fieldNamedIn(s.error().message) : nullptr);
    m_save->setEnabled(!m_saving && m_loading == 0 && (s || !m_tried));
}

void EventEditor::load(qint64 eventId)
{
    if (!m_session.hasDatabase())
        return;
    ++m_loading;
    m_save->setEnabled(false);
    runOnDatabase<Result<EditorData>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [eventId](QSqlDatabase &db) -> Result<EditorData> {
            EditorData data;
            for (const campaigns::SenderMailbox &m : campaigns::SenderStore(db).list())
                data.senders.append({m.id, m.address});
            if (eventId) {
                auto e = EventStore(db).find(eventId);
                if (!e)
                    return e.error();
                data.event = *e;
            }
            return data;
        },
        [this, eventId](const Result<EditorData> &data) {
            --m_loading;
            if (!data) {
                Dialogs::warning(this, tr("Event"), tr("The event cannot be loaded: %1").arg(data.error().message));
                reject();
                return;
            }
            const Event current = eventId ? data->event : event();
            m_organiser->clear();
            m_organiser->addItem(tr("Choose a sender mailbox"), QVariant());
            for (const auto &[id, address] : data->senders)
                m_organiser->addItem(Theme::icon(QStringLiteral("send")), address, id);
            // A new event comes from the only mailbox there is, or the first.
            if (!eventId && !data->senders.isEmpty())
                m_organiser->setCurrentIndex(1);
            m_noSenders->setVisible(data->senders.isEmpty());
            if (eventId) {
                setEvent(current);
                m_heading->setText(tr("Edit “%1”").arg(current.title));
            }
            revalidate();
            Q_EMIT loaded();
        });
}

void EventEditor::save()
{
    if (m_saving || m_loading > 0)
        return;
    m_tried = true;
    const Event e = event();
    if (const Status s = EventStore::validate(e); !s) {
        revalidate();
        Q_EMIT saveFailed(s.error().message);
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_save->setText(tr("Saving…"));
    runOnDatabase<Result<qint64>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [e](QSqlDatabase &db) -> Result<qint64> {
            EventStore store(db);
            if (e.id == 0)
                return store.create(e);
            if (const Status s = store.update(e); !s)
                return s.error();
            return e.id;
        },
        [this](const Result<qint64> &id) {
            m_saving = false;
            m_save->setText(m_original.id ? tr("Save") : tr("Create Event"));
            if (!id) {
                m_error->setText(id.error().message);
                m_error->show();
                markField(fieldNamedIn(id.error().message));
                m_save->setEnabled(true);
                Q_EMIT saveFailed(id.error().message);
                return;
            }
            m_original.id = *id;
            Q_EMIT saved(*id);
            accept();
        });
}

} // namespace lux::ui
