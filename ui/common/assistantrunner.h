// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant/assistantsession.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace lux::ui {

class AppSession;

// LUX where a page asks it for something (the template editor, the segment builder): the assistant
// session, opened on first use from Settings → Assistant and the keychain, and each piece of work run
// with a busy dialog whose Stop cancels it at once. Nothing here changes what the page shows: the page
// applies what comes back as an unsaved edit.
class AssistantRunner : public QObject
{
    Q_OBJECT
public:
    AssistantRunner(AppSession &session, QWidget *parent);
    ~AssistantRunner() override; // stops the work still under way

    using Ready = std::function<void(const std::shared_ptr<assistant::AssistantSession> &)>;
    // Calls `ready` with the session, or tells the user why the assistant cannot be used.
    void withSession(Ready ready);
    // The busy dialog for one piece of work; the returned Cancellation is what its Stop cancels. The
    // dialog closes when `finished()` is called or the widget goes.
    struct Busy
    {
        channels::Cancellation *cancel = nullptr;
        std::function<void()> finished;
    };
    Busy busy(const QString &text);
    // The session is built again on next use (the settings or the key changed).
    void forget() { m_lux.reset(); }

private:
    AppSession &m_session;
    QPointer<QWidget> m_parent;
    std::shared_ptr<assistant::AssistantSession> m_lux;
    QList<QPointer<channels::Cancellation>> m_live; // the work under way
};

} // namespace lux::ui
