// SPDX-License-Identifier: GPL-3.0-or-later
#include "sse.h"

namespace lux::channels::openai {

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    QList<Event> out;
    if (m_overflow)
        return out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\n' && c != '\r')
            continue;
        if (c == '\n' && m_afterCr && i == start && m_line.isEmpty()) {
            // The LF of a CR LF whose CR ended the previous line (maybe in the previous read).
            m_afterCr = false;
            start = i + 1;
            continue;
        }
        m_line.append(bytes.sliced(start, i - start));
        line(m_line, out);
        m_line.clear();
        m_afterCr = c == '\r';
        start = i + 1;
    }
    if (start < bytes.size()) {
        m_afterCr = false;
        m_line.append(bytes.sliced(start));
        if (m_line.size() > kMaxLineBytes) {
            m_overflow = true;
            m_line.clear();
        }
    }
    return out;
}

bool SseParser::finish()
{
    const bool unfinished = !m_line.isEmpty() || m_hasData;
    m_line.clear();
    m_data.clear();
    m_type.clear();
    m_hasData = false;
    m_afterCr = false;
    return unfinished;
}

void SseParser::line(QByteArrayView text, QList<Event> &out)
{
    if (text.isEmpty()) {
        if (m_hasData) {
            Event e;
            e.type = m_type.isEmpty() ? QByteArrayLiteral("message") : m_type;
            e.data = m_data;
            e.id = m_lastId;
            out << e;
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        return;
    }
    if (text.front() == ':')
        return; // a comment (": keep-alive")
    const qsizetype colon = text.indexOf(':');
    QByteArrayView field = colon < 0 ? text : text.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    }
    // "retry" and unknown fields are ignored.
}

} // namespace lux::channels::openai
