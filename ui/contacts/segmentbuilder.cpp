// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentbuilder.h"
#include "common/assistantrunner.h"

#include "common/dialogs.h"
#include "contacts/fieldcatalog.h"
#include "contacts/segment.h"
#include "contactsmodel.h"
#include "session/appsession.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QCoroTask>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace lux::ui {

namespace {

constexpr int kKindRole = Qt::UserRole + 1; // "group" or "rule"
enum Columns { ColField, ColOp, ColValue };

struct Choice
{
    const char *code;
    const char *label;
};

// Fields and operators the compiler understands (contacts/segment.h), with their labels.
const QList<Choice> &fields()
{
    static const QList<Choice> list = {
        {"email", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Email")},
        {"first_name", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "First name")},
        {"last_name", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Last name")},
        {"company", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Company")},
        {"city", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "City")},
        {"country", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Country")},
        {"language", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Language")},
        {"source", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Source")},
        {"tag", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Tag")},
        {"status", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Status")},
        {"created_at", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Added")},
        {"updated_at", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "Changed")},
    };
    return list;
}

QList<Choice> operatorsFor(const QString &field, const QString &customType = {})
{
    if (customType == QLatin1String("number"))
        return {{"equals", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is")},
                {"not_equals", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is not")},
                {"lt", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is less than")},
                {"lte", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is at most")},
                {"gt", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is more than")},
                {"gte", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is at least")},
                {"is_empty", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is empty")},
                {"is_not_empty", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is not empty")}};
    if (field == QLatin1String("tag"))
        return {{"has", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "has")},
                {"lacks", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "does not have")}};
    if (field == QLatin1String("status"))
        return {{"is", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is")},
                {"is_not", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is not")}};
    if (field == QLatin1String("created_at") || field == QLatin1String("updated_at"))
        return {{"within_days", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "within the last (days)")},
                {"before", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "before")},
                {"after", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "after")}};
    return {{"equals", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is")},
            {"not_equals", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is not")},
            {"contains", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "contains")},
            {"not_contains", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "does not contain")},
            {"starts_with", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "starts with")},
            {"ends_with", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "ends with")},
            {"is_empty", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is empty")},
            {"is_not_empty", QT_TRANSLATE_NOOP("lux::ui::SegmentBuilder", "is not empty")}};
}

QComboBox *combo(QTreeWidgetItem *item, int column)
{
    return qobject_cast<QComboBox *>(item->treeWidget()->itemWidget(item, column));
}

} // namespace

SegmentBuilder::SegmentBuilder(AppSession &session, const QStringList &tags, const QList<contacts::CustomField> &customFields,
                               QWidget *parent) : QDialog(parent), m_session(session), m_lux(new AssistantRunner(session, this))
{
    setObjectName(QStringLiteral("segmentBuilder"));
    setWindowTitle(tr("Segment"));
    resize(720, 480);
    auto *layout = new QVBoxLayout(this);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Name"), this));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("segmentName"));
    m_name->setPlaceholderText(tr("e.g. Spanish customers"));
    nameRow->addWidget(m_name, 1);
    layout->addLayout(nameRow);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("segmentTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Field"), tr("Condition"), tr("Value")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ColField, 220);
    m_tree->setColumnWidth(ColOp, 200);
    m_tree->setRootIsDecorated(true);
    layout->addWidget(m_tree, 1);

    auto *buttons = new QHBoxLayout;
    auto *addRuleButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add Rule"), this);
    addRuleButton->setObjectName(QStringLiteral("segmentAddRule"));
    auto *addGroupButton = new QPushButton(Theme::icon(QStringLiteral("folder")), tr("Add Group"), this);
    auto *remove = new QPushButton(Theme::icon(QStringLiteral("slash")), tr("Remove"), this);
    buttons->addWidget(addRuleButton);
    buttons->addWidget(addGroupButton);
    buttons->addWidget(remove);
    auto *describe = new QPushButton(Theme::icon(QStringLiteral("sparkles")), tr("Describe in Words…"), this);
    describe->setObjectName(QStringLiteral("segmentDescribe"));
    describe->setToolTip(tr("LUX turns a description into rules here; nothing is saved until you save"));
    buttons->addWidget(describe);
    connect(describe, &QPushButton::clicked, this, &SegmentBuilder::describe);
    buttons->addStretch(1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("segmentCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    buttons->addWidget(m_count);
    layout->addLayout(buttons);
    m_error = new QLabel(this);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("segmentExplanation"));
    m_explanation->setProperty("role", QStringLiteral("subtitle"));
    m_explanation->setWordWrap(true);
    m_explanation->hide();
    layout->addWidget(m_explanation);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(box);

    const auto targetGroup = [this] {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (!item)
            return root();
        return item->data(0, kKindRole).toString() == QLatin1String("group") ? item : item->parent();
    };
    connect(addRuleButton, &QPushButton::clicked, this, [this, targetGroup] { m_tree->setCurrentItem(addRule(targetGroup())); });
    connect(addGroupButton, &QPushButton::clicked, this, [this, targetGroup] {
        QTreeWidgetItem *group = addGroup(targetGroup(), QStringLiteral("any"));
        addRule(group);
        m_tree->setCurrentItem(group);
    });
    connect(remove, &QPushButton::clicked, this, &SegmentBuilder::removeSelected);
    connect(box, &QDialogButtonBox::accepted, this, &SegmentBuilder::save);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &SegmentBuilder::countNow);
    connect(&m_counting, &QFutureWatcher<QString>::finished, this, [this] {
        if (m_counting.property("generation").toULongLong() == m_generation)
            m_count->setText(m_counting.result());
    });

    m_tags = tags;
    // Picked by label, so listed by label.
    QList<contacts::CustomField> fields = customFields;
    std::stable_sort(fields.begin(), fields.end(), [](const contacts::CustomField &a, const contacts::CustomField &b) {
        return a.label.toLower() < b.label.toLower();
    });
    for (const contacts::CustomField &f : std::as_const(fields))
        m_customFields.append({f.name, f.type});
    addGroup(nullptr, QStringLiteral("all"));
    addRule(root());
}

QTreeWidgetItem *SegmentBuilder::root() const
{
    return m_tree->topLevelItem(0);
}

QTreeWidgetItem *SegmentBuilder::addGroup(QTreeWidgetItem *parent, const QString &match)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setData(0, kKindRole, QStringLiteral("group"));
    auto *matchBox = new QComboBox(m_tree);
    matchBox->addItem(tr("All of these"), QStringLiteral("all"));
    matchBox->addItem(tr("Any of these"), QStringLiteral("any"));
    matchBox->setCurrentIndex(match == QLatin1String("any") ? 1 : 0);
    m_tree->setItemWidget(item, ColField, matchBox);
    connect(matchBox, &QComboBox::currentIndexChanged, this, &SegmentBuilder::changed);
    item->setExpanded(true);
    if (parent)
        parent->setExpanded(true);
    changed();
    return item;
}

QTreeWidgetItem *SegmentBuilder::addRule(QTreeWidgetItem *group, const QString &field, const QString &op, const QString &value)
{
    auto *item = new QTreeWidgetItem(group);
    item->setData(0, kKindRole, QStringLiteral("rule"));
    auto *fieldBox = new QComboBox(m_tree);
    for (const Choice &c : fields())
        fieldBox->addItem(tr(c.label), QString::fromLatin1(c.code));
    if (!m_customFields.isEmpty())
        fieldBox->insertSeparator(fieldBox->count());
    for (const auto &[name, type] : std::as_const(m_customFields))
        fieldBox->addItem(name, QString(QStringLiteral("custom:") + name));
    fieldBox->setCurrentIndex(qMax(0, fieldBox->findData(field)));
    m_tree->setItemWidget(item, ColField, fieldBox);
    m_tree->setItemWidget(item, ColOp, new QComboBox(m_tree));
    fillOperators(item, op);
    setValueEditor(item, value);
    connect(fieldBox, &QComboBox::currentIndexChanged, this, [this, item] {
        fillOperators(item, {});
        setValueEditor(item, {});
        changed();
    });
    connect(combo(item, ColOp), &QComboBox::currentIndexChanged, this, [this, item] {
        setValueEditor(item, valueOf(item));
        changed();
    });
    group->setExpanded(true);
    changed();
    return item;
}

void SegmentBuilder::fillOperators(QTreeWidgetItem *rule, const QString &op)
{
    QComboBox *ops = combo(rule, ColOp);
    const QSignalBlocker block(ops);
    ops->clear();
    const QString field = combo(rule, ColField)->currentData().toString();
    QString customType;
    for (const auto &[name, type] : std::as_const(m_customFields))
        if (field == QStringLiteral("custom:") + name)
            customType = type;
    for (const Choice &c : operatorsFor(field, customType))
        ops->addItem(tr(c.label), QString::fromLatin1(c.code));
    ops->setCurrentIndex(qMax(0, ops->findData(op)));
}

void SegmentBuilder::setValueEditor(QTreeWidgetItem *rule, const QString &value)
{
    const QString field = combo(rule, ColField)->currentData().toString();
    const QString op = combo(rule, ColOp)->currentData().toString();
    QWidget *editor = nullptr;
    if (op == QLatin1String("is_empty") || op == QLatin1String("is_not_empty")) {
        editor = new QLabel(m_tree); // nothing to enter
    } else if (field == QLatin1String("status")) {
        auto *box = new QComboBox(m_tree);
        for (const char *s : {"subscribed", "unsubscribed", "bounced", "complained", "cleaned"})
            box->addItem(ContactsModel::statusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
        box->setCurrentIndex(qMax(0, box->findData(value)));
        connect(box, &QComboBox::currentIndexChanged, this, &SegmentBuilder::changed);
        editor = box;
    } else if (field == QLatin1String("tag")) {
        auto *box = new QComboBox(m_tree);
        box->setEditable(true); // a tag that no contact has yet is still a valid rule
        box->addItems(m_tags);
        box->setCurrentText(value.isEmpty() && !m_tags.isEmpty() ? m_tags.first() : value);
        connect(box, &QComboBox::currentTextChanged, this, &SegmentBuilder::changed);
        editor = box;
    } else if (op == QLatin1String("within_days")) {
        auto *days = new QSpinBox(m_tree);
        days->setRange(1, 36500);
        days->setSuffix(tr(" days"));
        days->setValue(value.toInt() > 0 ? value.toInt() : 30);
        connect(days, &QSpinBox::valueChanged, this, &SegmentBuilder::changed);
        editor = days;
    } else if (op == QLatin1String("before") || op == QLatin1String("after")) {
        auto *date = new QDateEdit(m_tree);
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        const QDate parsed = QDate::fromString(value, Qt::ISODate);
        date->setDate(parsed.isValid() ? parsed : QDate::currentDate());
        connect(date, &QDateEdit::dateChanged, this, &SegmentBuilder::changed);
        editor = date;
    } else {
        auto *edit = new QLineEdit(value, m_tree);
        connect(edit, &QLineEdit::textChanged, this, &SegmentBuilder::changed);
        editor = edit;
    }
    editor->setObjectName(QStringLiteral("segmentValue"));
    m_tree->setItemWidget(rule, ColValue, editor); // deletes the previous editor
}

QString SegmentBuilder::valueOf(QTreeWidgetItem *rule) const
{
    QWidget *editor = m_tree->itemWidget(rule, ColValue);
    if (const auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text().trimmed();
    if (const auto *date = qobject_cast<QDateEdit *>(editor))
        return date->date().toString(Qt::ISODate);
    if (const auto *days = qobject_cast<QSpinBox *>(editor))
        return QString::number(days->value());
    if (const auto *box = qobject_cast<QComboBox *>(editor))
        return box->isEditable() ? box->currentText().trimmed() : box->currentData().toString();
    return {};
}

void SegmentBuilder::removeSelected()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item == root())
        return;
    delete item;
    changed();
}

QJsonObject SegmentBuilder::groupJson(QTreeWidgetItem *group) const
{
    QJsonArray rules;
    for (int i = 0; i < group->childCount(); ++i) {
        QTreeWidgetItem *child = group->child(i);
        if (child->data(0, kKindRole).toString() == QLatin1String("group")) {
            rules.append(groupJson(child));
            continue;
        }
        const QString field = combo(child, ColField)->currentData().toString();
        const QString op = combo(child, ColOp)->currentData().toString();
        const QString text = valueOf(child);
        QJsonObject rule{{QStringLiteral("field"), field}, {QStringLiteral("op"), op}};
        if (op == QLatin1String("within_days"))
            rule.insert(QStringLiteral("value"), text.toInt());
        else if (op != QLatin1String("is_empty") && op != QLatin1String("is_not_empty"))
            rule.insert(QStringLiteral("value"), text);
        rules.append(rule);
    }
    return QJsonObject{{QStringLiteral("match"), combo(group, ColField)->currentData().toString()}, {QStringLiteral("rules"), rules}};
}

QJsonObject SegmentBuilder::rules() const
{
    return root() ? groupJson(root()) : QJsonObject();
}

QString SegmentBuilder::countText() const
{
    return m_count->text();
}

void SegmentBuilder::changed()
{
    ++m_generation; // any count under way is stale now
    m_debounce.start();
}

void SegmentBuilder::countNow()
{
    if (!m_session.database())
        return;
    const QJsonObject r = rules();
    const auto compiled = contacts::Segment::compile(r, QDateTime::currentMSecsSinceEpoch());
    m_error->setVisible(!compiled);
    if (!compiled) {
        m_error->setText(compiled.error().message);
        m_count->clear();
        return;
    }
    m_count->setText(tr("Counting…"));
    m_counting.setProperty("generation", m_generation);
    m_counting.setFuture(QtConcurrent::run([path = m_session.database()->path(), r]() -> QString {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
        const auto n = contacts::Segment::count(conn.db(), r, QDateTime::currentMSecsSinceEpoch());
        return n ? tr("%n contact(s) match", nullptr, int(qMin<qint64>(*n, INT_MAX))) : n.error().message;
    }));
}

void SegmentBuilder::describe()
{
    bool ok = false;
    const QString words = QInputDialog::getText(this, tr("Describe in Words"),
                                                tr("Which contacts? For example: customers in Spain tagged VIP who joined this year"),
                                                QLineEdit::Normal, {}, &ok)
                              .trimmed();
    if (!ok || words.isEmpty())
        return;
    m_lux->withSession([this, words](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is writing the rules…"));
        QCoro::connect(lux->drafts().segment(words, {}, busy.cancel), this,
                       [this, lux, busy](const Result<assistant::Drafts::SegmentDraft> &segment) {
                           busy.finished();
                           if (!segment) {
                               if (segment.error().code != u"openai.cancelled")
                                   Dialogs::warning(this, tr("LUX"), segment.error().message);
                               return;
                           }
                           // Shown with its live count; saved only when the user saves.
                           load(m_name->text().trimmed().isEmpty() ? segment->name : m_name->text(), segment->rules);
                           m_explanation->setText(tr("LUX: %1").arg(segment->explanation));
                           m_explanation->setVisible(!segment->explanation.isEmpty());
                       });
    });
}

void SegmentBuilder::load(const QString &name, const QJsonObject &rulesJson)
{
    m_name->setText(name);
    m_tree->clear();
    std::function<void(QTreeWidgetItem *, const QJsonObject &)> fill = [&](QTreeWidgetItem *parent, const QJsonObject &g) {
        QTreeWidgetItem *group = addGroup(parent, g.value(QStringLiteral("match")).toString(QStringLiteral("all")));
        for (const QJsonValue &v : g.value(QStringLiteral("rules")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.contains(QStringLiteral("rules")))
                fill(group, o);
            else
                addRule(group, o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("op")).toString(),
                        o.value(QStringLiteral("value")).toVariant().toString());
        }
    };
    fill(nullptr, rulesJson);
}

void SegmentBuilder::save()
{
    if (!m_session.database())
        return;
    const auto stored = contacts::SegmentRepository(m_session.database()->connection())
                            .save(m_name->text(), rules(),
                                  m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt);
    if (!stored) {
        Dialogs::warning(this, tr("Segment"), stored.error().message);
        return;
    }
    Q_EMIT saved(stored->name);
    accept();
}

} // namespace lux::ui
