// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace lux::social {

// LinkedIn's "little text" (the Posts API's commentary; learn.microsoft.com, Community Management,
// "Little Text Format"): \ | { } @ [ ] ( ) < > # * _ ~ are reserved for its elements and must be
// escaped with a backslash to be text. An unescaped one does not fail the call: LinkedIn cuts the
// post at it, silently. So everything reserved is escaped, except a hashtag (#word), which becomes
// LinkedIn's hashtag element {hashtag|\#|word} and is shown as one.
class LittleText
{
public:
    static bool isReserved(QChar c);
    static QString escape(QStringView plain);
    // What LinkedIn shows for little text: escapes undone, hashtag elements back to #word, other
    // elements (a mention's @[Name](urn)) to their text.
    static QString unescape(QStringView little);
};

} // namespace lux::social
