// SPDX-License-Identifier: GPL-3.0-or-later
#include "userservice.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include "auditlog.h"
#include "common/logging.h"
#include "passwordhasher.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lux {

namespace {

const QString kColumns = QStringLiteral(
    "id, name, email, role, disabled, created_at, updated_at, coalesce(last_sign_in, 0), coalesce(created_by, 0)");

User userFrom(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.name = q.value(1).toString();
    u.email = q.value(2).toString();
    u.role = q.value(3).toString() == QLatin1String("admin") ? User::Role::Admin : User::Role::Member;
    u.disabled = q.value(4).toBool();
    u.createdAt = q.value(5).toLongLong();
    u.updatedAt = q.value(6).toLongLong();
    u.lastSignIn = q.value(7).toLongLong();
    u.createdBy = q.value(8).toLongLong();
    return u;
}

QString roleName(User::Role role)
{
    return role == User::Role::Admin ? QStringLiteral("admin") : QStringLiteral("member");
}

} // namespace

UserService::UserService(QSqlDatabase db, Clock clock) : m_db(std::move(db)), m_clock(std::move(clock)) {}

bool UserService::hasUsers() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1 FROM users LIMIT 1")) && q.next();
}

QList<User> UserService::users() const
{
    QList<User> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users ORDER BY name COLLATE NOCASE")))
        return result;
    while (q.next())
        result << userFrom(q);
    return result;
}

Result<User> UserService::user(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::userNotFound, tr("There is no user with id %1.").arg(id));
    return userFrom(q);
}

Status UserService::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error(errc::userNameEmpty, tr("Enter a name."));
    if (name.size() > 200)
        return Error(errc::userNameLong, tr("The name is longer than 200 characters."));
    return {};
}

Status UserService::validateEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral(R"(^[^\s@]+@[^\s@]+\.[^\s@]+$)"));
    if (!re.match(email.trimmed()).hasMatch())
        return Error(errc::userEmailInvalid,
                     tr("\"%1\" is not an email address (expected name@example.com).").arg(email.trimmed()));
    return {};
}

Status UserService::validatePassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return Error(errc::userPasswordShort,
                     tr("The password needs at least %n characters.", nullptr, kMinPasswordLength));
    if (password.trimmed().isEmpty())
        return Error(errc::userPasswordBlank, tr("The password cannot be only spaces."));
    return {};
}

qint64 UserService::lockoutMsAfter(int consecutiveFailures)
{
    if (consecutiveFailures < kFreeAttempts)
        return 0;
    // 2 s after the third failure, doubling each time, at most 15 minutes.
    const int exponent = qMin(consecutiveFailures - kFreeAttempts + 1, 20);
    return qMin<qint64>(qint64(1000) << exponent, 15 * 60 * 1000);
}

Status UserService::requireAdmin(const User &actor) const
{
    const auto current = user(actor.id); // the stored account, not the caller's copy
    if (!current || !current->isAdmin() || current->disabled)
        return Error(errc::userNotAdmin, tr("Only an administrator can manage users."));
    return {};
}

Result<User> UserService::createFirstAdmin(const QString &name, const QString &email, const QString &password)
{
    if (hasUsers())
        return Error(errc::userExists,
                     tr("This database already has users: an administrator must create new accounts."));
    if (Status s = validatePassword(password); !s)
        return s.error();
    return insertUser(nullptr, name, email, PasswordHasher::hash(password), User::Role::Admin);
}

Result<User> UserService::createUser(const User &actor, const QString &name, const QString &email,
                                     const QString &password, User::Role role)
{
    if (Status s = requireAdmin(actor); !s)
        return s.error();
    if (Status s = validatePassword(password); !s)
        return s.error();
    return insertUser(&actor, name, email, PasswordHasher::hash(password), role);
}

Result<User> UserService::createUserWithHash(const User *actor, const QString &name, const QString &email,
                                             const QString &passwordHash, User::Role role)
{
    if (actor) {
        if (Status s = requireAdmin(*actor); !s)
            return s.error();
    } else if (hasUsers()) {
        return Error(errc::userExists,
                     tr("This database already has users: an administrator must create new accounts."));
    }
    return insertUser(actor, name, email, passwordHash, actor ? role : User::Role::Admin);
}

Result<User> UserService::insertUser(const User *actor, const QString &name, const QString &email,
                                     const QString &hash, User::Role role)
{
    if (Status s = validateName(name); !s)
        return s.error();
    if (Status s = validateEmail(email); !s)
        return s.error();
    const QString cleanEmail = email.trimmed();
    {
        QSqlQuery dup(m_db);
        dup.prepare(QStringLiteral("SELECT 1 FROM users WHERE lower(email) = lower(?)"));
        dup.addBindValue(cleanEmail);
        if (dup.exec() && dup.next())
            return Error(errc::userDuplicate, tr("A user with the email %1 already exists.").arg(cleanEmail));
    }
    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO users (name, email, password_hash, role, created_at, updated_at, "
                             "created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(name.trimmed());
    q.addBindValue(cleanEmail);
    q.addBindValue(hash);
    q.addBindValue(roleName(role));
    q.addBindValue(now);
    q.addBindValue(now);
    const QVariant by = storage::userValue(actor ? std::optional<qint64>(actor->id) : std::nullopt);
    q.addBindValue(by);
    q.addBindValue(by);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    AuditLog audit(m_db);
    if (Status s = audit.record(actor ? std::optional<qint64>(actor->id) : std::optional<qint64>(id),
                                QStringLiteral("user.created"), QStringLiteral("user"), id,
                                QStringLiteral("%1 <%2> (%3)").arg(name.trimmed(), cleanEmail, roleName(role)), now);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcUsers) << "created user" << id << roleName(role);
    return user(id);
}

Status UserService::resetPassword(const User &actor, qint64 userId, const QString &newPassword)
{
    if (Status s = validatePassword(newPassword); !s)
        return s;
    return resetPasswordWithHash(actor, userId, PasswordHasher::hash(newPassword));
}

Status UserService::resetPasswordWithHash(const User &actor, qint64 userId, const QString &passwordHash)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    const auto target = user(userId);
    if (!target)
        return target.error();
    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = 0, "
                             "remember_token_hash = NULL, updated_at = ?, updated_by = ? WHERE id = ?"));
    q.addBindValue(passwordHash);
    q.addBindValue(now);
    q.addBindValue(actor.id);
    q.addBindValue(userId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = AuditLog(m_db).record(actor.id, QStringLiteral("user.password_reset"), QStringLiteral("user"),
                                         userId, target->email, now);
        !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s.error();
    return {};
}

Status UserService::setDisabled(const User &actor, qint64 userId, bool disabled)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    const auto target = user(userId);
    if (!target)
        return target.error();
    if (disabled && userId == actor.id)
        return Error(errc::userDisableSelf, tr("You cannot disable your own account."));
    if (disabled && target->isAdmin()) {
        QSqlQuery admins(m_db);
        if (admins.exec(QStringLiteral("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0"))
            && admins.next() && admins.value(0).toInt() <= 1)
            return Error(errc::userLastAdmin, tr("The last active administrator cannot be disabled."));
    }
    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET disabled = ?, remember_token_hash = CASE WHEN ? THEN NULL "
                             "ELSE remember_token_hash END, updated_at = ?, updated_by = ? WHERE id = ?"));
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(now);
    q.addBindValue(actor.id);
    q.addBindValue(userId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = AuditLog(m_db).record(actor.id, disabled ? QStringLiteral("user.disabled") : QStringLiteral("user.enabled"),
                                         QStringLiteral("user"), userId, target->email, now);
        !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s.error();
    return {};
}

Result<UserService::SignInAttempt> UserService::beginSignIn(const QString &email) const
{
    SignInAttempt attempt;
    attempt.email = email.trimmed();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, password_hash, locked_until FROM users WHERE lower(email) = lower(?)"));
    q.addBindValue(attempt.email);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next()) {
        attempt.passwordHash = PasswordHasher::decoyHash();
        return attempt;
    }
    const qint64 id = q.value(0).toLongLong();
    const qint64 lockedUntil = m_readOnly ? m_memoryLockouts.value(id).lockedUntil : q.value(2).toLongLong();
    const qint64 now = m_clock();
    if (lockedUntil > now) {
        const qint64 seconds = (lockedUntil - now + 999) / 1000;
        return Error(errc::userLocked,
                     tr("Too many failed attempts. Try again in %n second(s).", nullptr, int(seconds)));
    }
    attempt.userId = q.value(0).toLongLong();
    attempt.passwordHash = q.value(1).toString();
    return attempt;
}

Result<User> UserService::finishSignIn(const SignInAttempt &attempt, bool passwordMatched)
{
    const Error wrong(errc::userBadCredentials, tr("The email or password is not correct."));
    if (attempt.userId == 0)
        return wrong;
    const qint64 now = m_clock();
    if (m_readOnly) {
        MemoryLockout &lock = m_memoryLockouts[attempt.userId];
        if (!passwordMatched) {
            lock.failures += 1;
            const qint64 lockout = lockoutMsAfter(lock.failures);
            lock.lockedUntil = lockout > 0 ? now + lockout : 0;
            return wrong;
        }
        lock = {};
        const auto found = user(attempt.userId);
        if (found && found->disabled)
            return Error(errc::userDisabled, tr("This account is disabled. Ask an administrator."));
        return found;
    }
    AuditLog audit(m_db);
    if (!passwordMatched) {
        storage::Transaction tx(m_db);
        if (!tx.isOpen())
            return tx.beginError();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? "
                                 "RETURNING failed_attempts"));
        q.addBindValue(attempt.userId);
        if (!q.exec() || !q.next())
            return storage::queryError(q);
        const int failures = q.value(0).toInt();
        q.finish();
        const qint64 lockout = lockoutMsAfter(failures);
        if (lockout > 0) {
            QSqlQuery lock(m_db);
            lock.prepare(QStringLiteral("UPDATE users SET locked_until = ? WHERE id = ?"));
            lock.addBindValue(now + lockout);
            lock.addBindValue(attempt.userId);
            if (!lock.exec())
                return storage::queryError(lock);
        }
        if (Status s = audit.record(attempt.userId, QStringLiteral("user.sign_in_failed"), QStringLiteral("user"),
                                    attempt.userId, {}, now);
            !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        if (lockout > 0)
            return Error(errc::userBadCredentials,
                         tr("The email or password is not correct. Try again in %n second(s).", nullptr,
                            int(lockout / 1000)));
        return wrong;
    }
    const auto found = user(attempt.userId);
    if (!found)
        return found.error();
    if (found->disabled)
        return Error(errc::userDisabled, tr("This account is disabled. Ask an administrator."));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = 0, last_sign_in = ? WHERE id = ?"));
    q.addBindValue(now);
    q.addBindValue(attempt.userId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = audit.record(attempt.userId, QStringLiteral("user.signed_in"), QStringLiteral("user"),
                                attempt.userId, {}, now);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    auto signedIn = user(attempt.userId);
    if (signedIn)
        signedIn->previousSignIn = found->lastSignIn;
    return signedIn;
}

Result<User> UserService::authenticate(const QString &email, const QString &password)
{
    const auto attempt = beginSignIn(email);
    if (!attempt)
        return attempt.error();
    const bool matched = PasswordHasher::verify(attempt->passwordHash, password);
    return finishSignIn(*attempt, matched);
}

Result<QString> UserService::issueRememberToken(const User &user)
{
    // "<id>.<random>": the id finds the row, the random part proves possession.
    const QString token = QString::number(user.id) + QLatin1Char('.') + PasswordHasher::randomToken(32);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET remember_token_hash = ? WHERE id = ? AND disabled = 0"));
    q.addBindValue(PasswordHasher::tokenDigest(token));
    q.addBindValue(user.id);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::userNotFound, tr("The account no longer exists or is disabled."));
    return token;
}

Result<User> UserService::signInWithRememberToken(const QString &token)
{
    const Error invalid(errc::userRememberInvalid, tr("The saved sign-in is no longer valid."));
    const qsizetype dot = token.indexOf(QLatin1Char('.'));
    bool ok = false;
    const qint64 id = token.left(dot).toLongLong(&ok);
    if (dot <= 0 || !ok)
        return invalid;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT remember_token_hash, disabled FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return invalid;
    const QByteArray stored = q.value(0).toString().toLatin1();
    const bool disabled = q.value(1).toBool();
    q.finish();
    if (disabled || stored.isEmpty()
        || !PasswordHasher::constantTimeEquals(stored, PasswordHasher::tokenDigest(token).toLatin1()))
        return invalid;
    SignInAttempt attempt{QString(), id, QString()};
    return finishSignIn(attempt, true);
}

Status UserService::forgetRememberToken(qint64 userId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET remember_token_hash = NULL WHERE id = ?"));
    q.addBindValue(userId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status UserService::recordSignOut(const User &user)
{
    return AuditLog(m_db).record(user.id, QStringLiteral("user.signed_out"), QStringLiteral("user"), user.id, {},
                                 m_clock());
}

} // namespace lux
