// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/automationstore.h"
#include "automations/flow.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QListWidget;
class QToolButton;
class QUndoStack;

namespace lux::ui {

class FlowScene;

// What the step settings offer to choose from, read from the database by the page.
struct FlowChoices
{
    QList<std::pair<qint64, QString>> templates;
    QStringList emailSenders, smsSenders, segments;
};

// The settings of the selected step (or, with none selected, of the workflow: name, trigger, entry
// rule), as a form; every change is handed to the editor as a whole step or flow, which applies it
// with undo.
class StepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StepPanel(QWidget *parent = nullptr);

    void setChoices(const FlowChoices &choices) { m_choices = choices; }
    void showStep(const automations::Step &step);
    void showFlow(const automations::Flow &flow);
    QString shownStep() const { return m_stepId; }

Q_SIGNALS:
    void stepEdited(const lux::automations::Step &step);
    void flowEdited(const lux::automations::Flow &flow);

private:
    void clear();
    QFormLayout *form();
    void emitStep();
    void emitFlow();

    FlowChoices m_choices;
    QString m_stepId;
    automations::Step m_step;
    automations::Flow m_flow;
    bool m_loading = false;
    QWidget *m_body = nullptr;
    // The widgets of what is shown, read back when it changes.
    std::function<void(automations::Step &)> m_readStep;
    std::function<void(automations::Flow &)> m_readFlow;
};

// The flow editor: the canvas (cards and their connections, drag from a port to a card to connect),
// a palette to add steps, the selected step's settings beside it, and what is wrong with the
// workflow below, checked as it is built (FlowCheck). Every change is undoable. Live numbers (the
// published version's contacts at, through and ended at each step) sit on the cards.
class FlowEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FlowEditor(QWidget *parent = nullptr);
    ~FlowEditor() override;

    void setFlow(const automations::Flow &flow); // a new document: the undo history starts again
    automations::Flow flow() const { return m_flow; }
    void setChoices(const FlowChoices &choices);
    void setCounts(const QList<automations::StepCount> &counts);
    bool isModified() const;
    void setSaved(); // what is shown now is what is stored

    QUndoStack *undoStack() const { return m_undo; }
    FlowScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    QListWidget *problemsList() const { return m_problems; }
    StepPanel *panel() const { return m_panel; }
    QToolButton *addButton() const { return m_add; }

    // The edits, each one undoable step.
    void addStep(automations::StepKind kind);
    void removeSelected();
    void connectSteps(const QString &from, const QString &slot, const QString &to);
    void moveStep(const QString &stepId, const QPointF &pos);
    void editStep(const automations::Step &step);
    void editFlow(const automations::Flow &settings); // name, trigger, entry, start
    void selectStep(const QString &stepId);
    void fitAll();

    // Restores a whole flow (the undo stack's commands call it).
    void restore(const QJsonObject &flow, const QString &select);

Q_SIGNALS:
    void changed();

private:
    void apply(const automations::Flow &after, const QString &text, int mergeId = -1, const QString &select = {});
    void refresh();
    void showSelection();

    automations::Flow m_flow;
    FlowScene *m_scene;
    QGraphicsView *m_view;
    StepPanel *m_panel;
    QListWidget *m_problems;
    QLabel *m_summary;
    QUndoStack *m_undo;
    QToolButton *m_add;
    QToolButton *m_remove;
    bool m_fromPanel = false; // an edit made in the panel is being applied
};

} // namespace lux::ui
