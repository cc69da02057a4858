// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/fieldcatalog.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace lux::ui {

class AppSession;
class AssistantRunner;

// Builds a segment's rules: groups that match all or any of their rules, nested; each rule a field
// (standard or custom), an operator and a value, edited with a picker that fits: statuses and the
// database's tags from a list, dates from a calendar, days in a spin box. The number of matching contacts follows the edits, counted on a worker
// (a newer edit makes a pending count stale). Saves under a name.
class SegmentBuilder : public QDialog
{
    Q_OBJECT
public:
    // `tags` and `customFields`: the database's, for the pickers (the Contacts page reads them on a worker).
    SegmentBuilder(AppSession &session, const QStringList &tags, const QList<contacts::CustomField> &customFields,
                   QWidget *parent = nullptr);

    void load(const QString &name, const QJsonObject &rules);
    QJsonObject rules() const;
    QString countText() const;
    QTreeWidgetItem *addRule(QTreeWidgetItem *group, const QString &field = QStringLiteral("country"),
                             const QString &op = QStringLiteral("equals"), const QString &value = {});
    QTreeWidgetItem *addGroup(QTreeWidgetItem *parent, const QString &match = QStringLiteral("all"));
    QTreeWidgetItem *root() const;

Q_SIGNALS:
    void saved(const QString &name);

private:
    void changed();
    void countNow();
    void save();
    void removeSelected();
    void describe(); // LUX: rules from words, loaded here unsaved
    QJsonObject groupJson(QTreeWidgetItem *group) const;
    void fillOperators(QTreeWidgetItem *rule, const QString &op);
    // Puts the value editor that fits the rule's field and operator in place, keeping value if it fits.
    void setValueEditor(QTreeWidgetItem *rule, const QString &value);
    QString valueOf(QTreeWidgetItem *rule) const;

    AppSession &m_session;
    AssistantRunner *m_lux;
    QLineEdit *m_name;
    QTreeWidget *m_tree;
    QLabel *m_count;
    QLabel *m_error;
    QLabel *m_explanation; // what LUX said of rules it wrote
    QTimer m_debounce;
    QFutureWatcher<QString> m_counting;
    quint64 m_generation = 0;
    QStringList m_tags;                  // the database's tags, for the tag picker
    QList<QPair<QString, QString>> m_customFields; // name, type
};

} // namespace lux::ui
