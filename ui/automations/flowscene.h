// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/automationstore.h"
#include "automations/flow.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QHash>
#include <QSet>

class QGraphicsPathItem;

namespace lux::ui {

class FlowScene;

// One step as a card on the canvas: its kind, name and what it does, its live numbers, and a port
// per exit ("next", "yes"/"no", a split's branches) to drag a connection from.
class StepCard : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr qreal kWidth = 220, kHeight = 78;

    StepCard(FlowScene *scene, const automations::Step &step);

    QString stepId() const { return m_step.id; }
    void setStep(const automations::Step &step);
    void setCounts(const std::optional<automations::StepCount> &counts);
    void setProblem(int severity); // -1 none, 0 error, 1 warning
    void setStart(bool start);

    // The exits in order: (slot, label). Slots: "next", "otherwise", "branch:N".
    QList<std::pair<QString, QString>> exits() const;
    QPointF portPos(const QString &slot) const; // in scene coordinates
    QString slotAt(const QPointF &scenePos) const; // empty when not on a port
    QPointF inPos() const { return mapToScene(QPointF(kWidth / 2, 0)); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QString kindLabel(automations::StepKind kind);
    static QString summary(const automations::Step &step);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    FlowScene *m_scene;
    automations::Step m_step;
    std::optional<automations::StepCount> m_counts;
    int m_problem = -1;
    bool m_start = false;
    QString m_dragSlot; // dragging a connection from this port
    QPointF m_pressPos;
};

// The canvas: cards for the steps and curves for their exits. It shows a flow; changes the user
// makes (a card moved, a connection drawn) are asked for through signals, and the editor applies
// them (with undo) and shows the flow again.
class FlowScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit FlowScene(QObject *parent = nullptr);

    void showFlow(const automations::Flow &flow);
    void setCounts(const QList<automations::StepCount> &counts);
    void setProblems(const QList<automations::Problem> &problems);
    StepCard *card(const QString &stepId) const { return m_cards.value(stepId); }
    QString selectedStep() const;
    void selectStep(const QString &stepId);
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);

    // From the cards.
    void cardMoved(StepCard *card);
    void dragConnection(StepCard *from, const QString &slot, const QPointF &to);
    void dropConnection(StepCard *from, const QString &slot, const QPointF &to);

Q_SIGNALS:
    void stepMoved(const QString &stepId, const QPointF &pos);
    void connectRequested(const QString &fromStep, const QString &slot, const QString &toStep);

private:
    void drawEdges();

    automations::Flow m_flow;
    QHash<QString, StepCard *> m_cards;
    QList<QGraphicsItem *> m_edges;
    QGraphicsPathItem *m_rubber = nullptr;
    QHash<QString, automations::StepCount> m_counts;
    bool m_readOnly = false;
};

} // namespace lux::ui
