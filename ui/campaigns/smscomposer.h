// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sms/segments.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

// What the recipient's phone shows: a phone outline, the sender at the top, the text as a received
// bubble. Painted with QPainter in the app's palette.
class SmsPhonePreview : public QWidget
{
    Q_OBJECT
public:
    explicit SmsPhonePreview(QWidget *parent = nullptr);

    void setMessage(const QString &text);
    QString message() const { return m_text; }
    void setSender(const QString &name);
    QString sender() const { return m_sender; }
    // Where each part of the message ends (SegmentCount::partEnds): a mark in the bubble between parts.
    void setPartEnds(const QList<qsizetype> &ends);
    QList<qsizetype> partEnds() const { return m_partEnds; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QString m_sender;
    QList<qsizetype> m_partEnds;
};

// The body of an SMS campaign, counted as you type: encoding, parts, what is left in this part, the
// characters that force UCS-2 (with a one-click replacement of look-alikes when it would help), the
// sender name CTIA wants at the start, and the opt-out line that marketing texts get. Counts are of
// the text as it leaves: the opt-out line added, merge tags expanded for the sample contact.
class SmsComposer : public QWidget
{
    Q_OBJECT
public:
    using Expander = std::function<QString(QString)>;

    explicit SmsComposer(QWidget *parent = nullptr);

    QString body() const; // what the user wrote
    void setBody(const QString &text);
    // What is sent before merging: the body, with the opt-out line when it gets one.
    QString outgoingText() const;
    // What the sample contact receives (the preview's text, the one counted).
    QString sampleText() const;
    const sms::SegmentCount &count() const { return m_count; }

    // The name the text has to start with (CTIA: say who is texting); empty: no check.
    void setSenderName(const QString &name);
    QString senderName() const { return m_senderName; }
    bool startsWithSenderName() const;

    // Marketing texts get the opt-out line, in language ("en", "es"…), unless they have one.
    void setOptOutLine(bool on, const QString &language = QStringLiteral("en"));
    bool optOutLineAdded() const;

    // Expands merge tags for a sample contact; the text as it is by default.
    void setMergeExpander(Expander expander);

    // Replaces Twilio's Smart Encoding look-alikes in the body (what the button does); returns how many.
    int replaceLookalikes();
    bool lookalikesWouldHelp() const { return m_lookalikesHelp; }

    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *ucs2Label() const { return m_ucs2; }
    QPushButton *replaceButton() const { return m_replace; }
    QLabel *senderWarning() const { return m_senderWarning; }
    QLabel *optOutNote() const { return m_optOutNote; }
    SmsPhonePreview *preview() const { return m_preview; }

Q_SIGNALS:
    void textChanged();

private:
    void refresh();

    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_ucs2 = nullptr;
    QPushButton *m_replace = nullptr;
    QLabel *m_senderWarning = nullptr;
    QLabel *m_optOutNote = nullptr;
    QLabel *m_limit = nullptr;
    SmsPhonePreview *m_preview = nullptr;

    QString m_senderName;
    bool m_optOut = false;
    QString m_optOutLanguage = QStringLiteral("en");
    Expander m_expand;
    sms::SegmentCount m_count;
    bool m_lookalikesHelp = false;
};

} // namespace lux::ui
