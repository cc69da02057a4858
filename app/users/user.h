// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace lux {

struct User
{
    enum class Role { Admin, Member };

    qint64 id = 0;
    QString name;
    QString email;
    Role role = Role::Member;
    bool disabled = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 lastSignIn = 0;
    // Set by a sign-in: when this user last signed in before it (0: never; the window says "Welcome"
    // rather than "Welcome back").
    qint64 previousSignIn = 0;
    qint64 createdBy = 0;

    bool isAdmin() const { return role == Role::Admin; }
    bool isValid() const { return id > 0; }
};

} // namespace lux

Q_DECLARE_METATYPE(lux::User)
