// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "user.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace lux {

// Accounts of one database, desktop style: the first run creates the admin; admins create, disable
// and reset everyone else; nobody registers. Repeated failed sign-ins lock the account for a delay
// that doubles with each failure.
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(lux::UserService)
public:
    explicit UserService(QSqlDatabase db, Clock clock = systemClock());

    // On a database opened read-only, sign-in writes nothing: failures are counted in memory.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    bool hasUsers() const;
    QList<User> users() const;
    Result<User> user(qint64 id) const;

    // Hashing happens in these calls; the GUI calls the overloads taking a hash made on a worker.
    Result<User> createFirstAdmin(const QString &name, const QString &email, const QString &password);
    Result<User> createUser(const User &actor, const QString &name, const QString &email, const QString &password,
                            User::Role role);
    Result<User> createUserWithHash(const User *actor, const QString &name, const QString &email,
                                    const QString &passwordHash, User::Role role);
    Status resetPassword(const User &actor, qint64 userId, const QString &newPassword);
    Status resetPasswordWithHash(const User &actor, qint64 userId, const QString &passwordHash);
    Status setDisabled(const User &actor, qint64 userId, bool disabled);

    // Sign-in in three steps so the slow hash check can run on a worker thread:
    // begin (database, GUI thread) → PasswordHasher::verify (any thread) → finish (database).
    struct SignInAttempt
    {
        QString email;
        qint64 userId = 0; // 0: no such account (the decoy hash is checked instead)
        QString passwordHash;
    };
    Result<SignInAttempt> beginSignIn(const QString &email) const;
    Result<User> finishSignIn(const SignInAttempt &attempt, bool passwordMatched);
    Result<User> authenticate(const QString &email, const QString &password); // all three steps

    // "Remember me on this computer": the token goes to the keychain, its digest to the database.
    Result<QString> issueRememberToken(const User &user);
    Result<User> signInWithRememberToken(const QString &token);
    Status forgetRememberToken(qint64 userId);

    Status recordSignOut(const User &user);

    static Status validateName(const QString &name);
    static Status validateEmail(const QString &email);
    static Status validatePassword(const QString &password);
    static qint64 lockoutMsAfter(int consecutiveFailures);
    static constexpr int kMinPasswordLength = 10;
    static constexpr int kFreeAttempts = 3;

private:
    Result<User> insertUser(const User *actor, const QString &name, const QString &email, const QString &hash,
                            User::Role role);
    Status requireAdmin(const User &actor) const;

    QSqlDatabase m_db;
    Clock m_clock;
    bool m_readOnly = false;
    struct MemoryLockout
    {
        int failures = 0;
        qint64 lockedUntil = 0;
    };
    QHash<qint64, MemoryLockout> m_memoryLockouts; // read-only mode only
};

} // namespace lux
