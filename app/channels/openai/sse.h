// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace lux::channels::openai {

// Server-sent events (the HTML standard's "event stream" interpretation) read from bytes as they
// arrive, however a read splits them: lines end in LF, CR LF or CR (a CR at the end of one read and
// an LF at the start of the next are one line end); "data:" lines are joined with LF; a line that
// starts with ":" is a comment; one space after the colon is dropped; a blank line dispatches the
// event; an event without data is not dispatched. Bytes stay bytes until the event is complete, so
// a UTF-8 character split across reads is whole in the event.
class SseParser
{
public:
    struct Event
    {
        QByteArray type; // "message" unless an "event:" line said otherwise
        QByteArray data;
        QByteArray id;
    };

    // The events completed by these bytes, in order.
    QList<Event> feed(QByteArrayView bytes);
    // The end of the stream: an event not yet ended by a blank line is dropped, as the standard says;
    // true when something was left unfinished (a stream cut in the middle of an event).
    bool finish();

    // Lines longer than this end the stream's reading (a server that never ends a line).
    static constexpr qsizetype kMaxLineBytes = 4 * 1024 * 1024;
    bool overflowed() const { return m_overflow; }

private:
    void line(QByteArrayView text, QList<Event> &out);

    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_lastId;
    bool m_hasData = false;
    bool m_afterCr = false;
    bool m_overflow = false;
};

} // namespace lux::channels::openai
