// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/automationstore.h"
#include "automations/simulator.h"

#include <QAbstractTableModel>
#include <QWidget>

class QChartView;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QTreeWidget;

namespace lux::ui {

class AppSession;
class FlowEditor;

// The workflows list: name, status, version, contacts in it, finished, left early.
class AutomationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Status, Version, Active, Done, Exited, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<automations::Automation> rows);
    const automations::Automation *row(qint64 id) const;
    void setDraft(qint64 id, const automations::Flow &draft); // saved in the background
    void setCounts(qint64 id, qint64 active, qint64 done, qint64 exited);
    int rowOf(qint64 id) const;
    static QString statusLabel(automations::AutomationStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<automations::Automation> m_rows;
};

// Automations: the workflows on the left; the selected one's flow editor (its draft, with the live
// numbers of its published version on the cards), one contact's journey through it, and what a
// simulation says it would do. New, import, save, publish, pause, resume, archive. Reads and writes
// run off the GUI thread, a simulation too.
class AutomationsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { FlowTab, JourneyTab, SimulationTab };

    explicit AutomationsPage(AppSession &session, QWidget *parent = nullptr);
    ~AutomationsPage() override;

    void reload();
    AutomationsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    FlowEditor *editor() const { return m_editor; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *emptyState() const { return m_empty; }
    void select(qint64 id);
    qint64 selectedId() const;

    void newWorkflow();
    void importFile(const QString &path);
    void save();
    void publish(); // saves the draft first
    void pauseOrResume();
    void archive();
    void showJourney(const QString &email);
    void simulate();
    void refreshCounts();

    // What the journey and the simulation show, for tests and screenshots.
    QTreeWidget *journeyTree() const { return m_journey; }
    QLineEdit *journeyEmail() const { return m_journeyEmail; }
    QChartView *simulationChart() const { return m_chart; }
    QTableWidget *simulationTable() const { return m_simTable; }
    QLabel *simulationSummary() const { return m_simSummary; }
    QSpinBox *simulationContacts() const { return m_simContacts; }
    QSpinBox *simulationDays() const { return m_simDays; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void reloaded();
    void saved(qint64 id, const QString &error);
    void published(qint64 id, int version, const QString &error);
    void countsShown();
    void journeyShown();
    void simulated(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void updateActions();
    void loadChoices();
    void showSimulation(const automations::Flow &flow, const automations::SimulationResult &result);
    // Saves the draft if changed, then `then` (on the GUI thread) when it is stored.
    void saveThen(std::function<void()> then);

    AppSession &m_session;
    AutomationsModel *m_model;
    QStackedWidget *m_stack;
    QWidget *m_empty;
    QTableView *m_view;
    QTabWidget *m_tabs;
    FlowEditor *m_editor;
    QLabel *m_header;
    QPushButton *m_save, *m_publish, *m_pause, *m_archive;
    QLineEdit *m_journeyEmail;
    QTreeWidget *m_journey;
    QSpinBox *m_simContacts, *m_simDays, *m_simSeed, *m_simOpen, *m_simClick;
    QCheckBox *m_simReal;
    QPushButton *m_simRun;
    QChartView *m_chart;
    QTableWidget *m_simTable;
    QLabel *m_simSummary;
    QTimer *m_countsTimer;
    qint64 m_shown = 0; // the workflow in the editor
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace lux::ui
