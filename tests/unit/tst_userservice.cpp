// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"
#include "users/auditlog.h"
#include "users/passwordhasher.h"
#include "users/userservice.h"

#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
}

class TestUserService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstRunCreatesTheAdminOnce();
    void passwordsAreStoredAsArgon2id();
    void signInSucceedsAndFailsAlike();
    void delayGrowsWithFailures();
    void lockoutSchedule();
    void onlyAdminsManageUsers();
    void emailsAreUniqueIgnoringCase();
    void disabledUsersCannotSignIn();
    void lastAdminStays();
    void resetPasswordReplacesTheOldOne();
    void rememberTokens();
    void auditRecordsWhoAndWhat();
    void readOnlyCountsFailuresInMemory();
    void validation_data();
    void validation();

private:
    std::optional<test::DatabaseFixture> m_fx;
    std::unique_ptr<UserService> m_users;
    qint64 m_now = 1'700'000'000'000;
};

void TestUserService::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("users.sqlite")).open());
    m_users = std::make_unique<UserService>(m_fx->db(), [this] { return m_now; });
}

void TestUserService::cleanup()
{
    m_users.reset();
    m_fx.reset();
}

void TestUserService::firstRunCreatesTheAdminOnce()
{
    QVERIFY(!m_users->hasUsers());
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral(" ada@example.com "), kPassword);
    QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().message));
    QVERIFY(admin->isAdmin());
    QCOMPARE(admin->email, QStringLiteral("ada@example.com"));
    QCOMPARE(admin->createdAt, m_now);
    QVERIFY(m_users->hasUsers());

    const auto second = m_users->createFirstAdmin(QStringLiteral("Eve"), QStringLiteral("eve@example.com"), kPassword);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, QStringLiteral("user.exists"));
    const auto viaHash = m_users->createUserWithHash(nullptr, QStringLiteral("Eve"), QStringLiteral("eve@example.com"),
                                                     PasswordHasher::hash(kPassword), User::Role::Admin);
    QVERIFY(!viaHash.ok());
    QCOMPARE(m_users->users().size(), 1);
}

void TestUserService::passwordsAreStoredAsArgon2id()
{
    QVERIFY(m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword).ok());
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM users")) && q.next());
    const QString hash = q.value(0).toString();
    QVERIFY2(hash.startsWith(QStringLiteral("$argon2id$")), qPrintable(hash));
    QVERIFY(!hash.contains(kPassword));
    QVERIFY(PasswordHasher::verify(hash, kPassword));
    QVERIFY(!PasswordHasher::verify(hash, kPassword + QLatin1Char('!')));
    QVERIFY(!PasswordHasher::needsRehash(hash));
}

void TestUserService::signInSucceedsAndFailsAlike()
{
    QVERIFY(m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword).ok());
    const auto ok = m_users->authenticate(QStringLiteral("ADA@example.com"), kPassword);
    QVERIFY(ok.ok());
    QCOMPARE(ok->lastSignIn, m_now);

    const auto wrongPassword = m_users->authenticate(QStringLiteral("ada@example.com"), QStringLiteral("nope nope nope"));
    const auto noSuchUser = m_users->authenticate(QStringLiteral("bob@example.com"), kPassword);
    QVERIFY(!wrongPassword.ok());
    QVERIFY(!noSuchUser.ok());
    // The answer does not tell whether the account exists.
    QCOMPARE(wrongPassword.error().code, noSuchUser.error().code);
    QCOMPARE(wrongPassword.error().message, noSuchUser.error().message);
}

void TestUserService::delayGrowsWithFailures()
{
    QVERIFY(m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword).ok());
    const QString email = QStringLiteral("ada@example.com");
    const QString wrong = QStringLiteral("wrong wrong wrong");
    for (int i = 0; i < UserService::kFreeAttempts - 1; ++i)
        QCOMPARE(m_users->authenticate(email, wrong).error().code, QStringLiteral("user.bad-credentials"));
    // The third failure starts the delay.
    const auto third = m_users->authenticate(email, wrong);
    QVERIFY(third.error().message.contains(QStringLiteral("2 second")));

    // Even the right password waits out the delay.
    const auto locked = m_users->authenticate(email, kPassword);
    QCOMPARE(locked.error().code, QStringLiteral("user.locked"));
    QVERIFY2(locked.error().message.contains(QStringLiteral("2 second")), qPrintable(locked.error().message));

    m_now += 2000;
    const auto fourth = m_users->authenticate(email, wrong);
    QVERIFY2(fourth.error().message.contains(QStringLiteral("4 second")), qPrintable(fourth.error().message));
    m_now += 3000;
    QCOMPARE(m_users->authenticate(email, kPassword).error().code, QStringLiteral("user.locked"));
    m_now += 1000;
    QVERIFY(m_users->authenticate(email, kPassword).ok());
    // Success resets the count: one new failure does not lock.
    QCOMPARE(m_users->authenticate(email, wrong).error().code, QStringLiteral("user.bad-credentials"));
    QVERIFY(m_users->authenticate(email, kPassword).ok());
}

void TestUserService::lockoutSchedule()
{
    QCOMPARE(UserService::lockoutMsAfter(0), 0);
    QCOMPARE(UserService::lockoutMsAfter(2), 0);
    QCOMPARE(UserService::lockoutMsAfter(3), 2000);
    QCOMPARE(UserService::lockoutMsAfter(4), 4000);
    QCOMPARE(UserService::lockoutMsAfter(5), 8000);
    QCOMPARE(UserService::lockoutMsAfter(12), 15 * 60 * 1000);
    QCOMPARE(UserService::lockoutMsAfter(1000), 15 * 60 * 1000);
}

void TestUserService::onlyAdminsManageUsers()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    QVERIFY(admin.ok());
    const auto member = m_users->createUser(*admin, QStringLiteral("Max"), QStringLiteral("max@example.com"), kPassword,
                                            User::Role::Member);
    QVERIFY(member.ok());
    QVERIFY(!member->isAdmin());
    QCOMPARE(member->createdBy, admin->id);

    const auto byMember = m_users->createUser(*member, QStringLiteral("Zed"), QStringLiteral("zed@example.com"),
                                              kPassword, User::Role::Admin);
    QVERIFY(!byMember.ok());
    QCOMPARE(byMember.error().code, QStringLiteral("user.not-admin"));
    QCOMPARE(m_users->setDisabled(*member, admin->id, true).error().code, QStringLiteral("user.not-admin"));
    QCOMPARE(m_users->resetPassword(*member, admin->id, kPassword).error().code, QStringLiteral("user.not-admin"));

    // An admin who was demoted or disabled in the meantime is checked against the database, not the copy.
    User stale = *admin;
    QVERIFY(m_users->createUser(*admin, QStringLiteral("Bea"), QStringLiteral("bea@example.com"), kPassword,
                                User::Role::Admin).ok());
    const auto bea = m_users->authenticate(QStringLiteral("bea@example.com"), kPassword);
    QVERIFY(m_users->setDisabled(*bea, admin->id, true).ok());
    QCOMPARE(m_users->createUser(stale, QStringLiteral("Cy"), QStringLiteral("cy@example.com"), kPassword,
                                 User::Role::Member).error().code,
             QStringLiteral("user.not-admin"));
}

void TestUserService::emailsAreUniqueIgnoringCase()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    const auto dup = m_users->createUser(*admin, QStringLiteral("Ada 2"), QStringLiteral("Ada@Example.COM"), kPassword,
                                         User::Role::Member);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, QStringLiteral("user.duplicate"));
    QVERIFY(dup.error().message.contains(QStringLiteral("Ada@Example.COM")));
}

void TestUserService::disabledUsersCannotSignIn()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    const auto member = m_users->createUser(*admin, QStringLiteral("Max"), QStringLiteral("max@example.com"), kPassword,
                                            User::Role::Member);
    QVERIFY(m_users->issueRememberToken(*member).ok());
    QVERIFY(m_users->setDisabled(*admin, member->id, true).ok());
    const auto attempt = m_users->authenticate(QStringLiteral("max@example.com"), kPassword);
    QCOMPARE(attempt.error().code, QStringLiteral("user.disabled"));
    QVERIFY(m_users->setDisabled(*admin, member->id, false).ok());
    QVERIFY(m_users->authenticate(QStringLiteral("max@example.com"), kPassword).ok());
    QCOMPARE(m_users->user(member->id)->disabled, false);
}

void TestUserService::lastAdminStays()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    QCOMPARE(m_users->setDisabled(*admin, admin->id, true).error().code, QStringLiteral("user.disable-self"));
    const auto other = m_users->createUser(*admin, QStringLiteral("Bea"), QStringLiteral("bea@example.com"), kPassword,
                                           User::Role::Admin);
    QVERIFY(m_users->setDisabled(*admin, other->id, true).ok());
    QVERIFY(m_users->setDisabled(*admin, other->id, false).ok());
}

void TestUserService::resetPasswordReplacesTheOldOne()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    const auto member = m_users->createUser(*admin, QStringLiteral("Max"), QStringLiteral("max@example.com"), kPassword,
                                            User::Role::Member);
    const auto token = m_users->issueRememberToken(*member);
    QVERIFY(token.ok());
    const QString fresh = QStringLiteral("a brand new passphrase");
    QVERIFY(m_users->resetPassword(*admin, member->id, fresh).ok());
    QVERIFY(!m_users->authenticate(QStringLiteral("max@example.com"), kPassword).ok());
    QVERIFY(m_users->authenticate(QStringLiteral("max@example.com"), fresh).ok());
    QVERIFY(!m_users->signInWithRememberToken(*token).ok()); // a reset signs out every remembered computer
    QCOMPARE(m_users->resetPassword(*admin, member->id, QStringLiteral("short")).error().code,
             QStringLiteral("user.password-short"));
}

void TestUserService::rememberTokens()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    const auto token = m_users->issueRememberToken(*admin);
    QVERIFY(token.ok());
    QVERIFY(token->startsWith(QString::number(admin->id) + QLatin1Char('.')));
    QVERIFY(token->size() > 40);

    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT remember_token_hash FROM users")) && q.next());
    QCOMPARE(q.value(0).toString(), PasswordHasher::tokenDigest(*token)); // only the digest is stored
    q.finish();

    const auto back = m_users->signInWithRememberToken(*token);
    QVERIFY(back.ok());
    QCOMPARE(back->id, admin->id);

    QString tampered = *token;
    tampered[tampered.size() - 1] = tampered.back() == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!m_users->signInWithRememberToken(tampered).ok());
    QVERIFY(!m_users->signInWithRememberToken(QStringLiteral("garbage")).ok());
    QVERIFY(!m_users->signInWithRememberToken(QStringLiteral("99.abc")).ok());

    QVERIFY(m_users->forgetRememberToken(admin->id).ok());
    QVERIFY(!m_users->signInWithRememberToken(*token).ok());
}

void TestUserService::auditRecordsWhoAndWhat()
{
    const auto admin = m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword);
    const auto member = m_users->createUser(*admin, QStringLiteral("Max"), QStringLiteral("max@example.com"), kPassword,
                                            User::Role::Member);
    m_now += 1000;
    QVERIFY(m_users->setDisabled(*admin, member->id, true).ok());
    QVERIFY(!m_users->authenticate(QStringLiteral("ada@example.com"), QStringLiteral("not the password")).ok());
    QVERIFY(m_users->authenticate(QStringLiteral("ada@example.com"), kPassword).ok());

    const QList<AuditEntry> entries = AuditLog(m_fx->db()).entries();
    QStringList actions;
    for (const AuditEntry &e : entries)
        actions.prepend(e.action);
    QCOMPARE(actions, (QStringList{QStringLiteral("user.created"), QStringLiteral("user.created"),
                                   QStringLiteral("user.disabled"), QStringLiteral("user.sign_in_failed"),
                                   QStringLiteral("user.signed_in")}));
    const AuditEntry &disabled = entries.at(2);
    QCOMPARE(disabled.userId.value_or(0), admin->id);
    QCOMPARE(disabled.userName, QStringLiteral("Ada"));
    QCOMPARE(disabled.entityId.value_or(0), member->id);
    QCOMPARE(disabled.at, m_now);

    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT created_by, updated_by, updated_at FROM users WHERE email = 'max@example.com'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), admin->id);
    QCOMPARE(q.value(1).toLongLong(), admin->id);
    QCOMPARE(q.value(2).toLongLong(), m_now);
}

void TestUserService::readOnlyCountsFailuresInMemory()
{
    QVERIFY(m_users->createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("ada@example.com"), kPassword).ok());
    UserService readOnly(m_fx->db(), [this] { return m_now; });
    readOnly.setReadOnly(true);
    const int auditBefore = AuditLog(m_fx->db()).count();
    for (int i = 0; i < UserService::kFreeAttempts; ++i)
        QVERIFY(!readOnly.authenticate(QStringLiteral("ada@example.com"), QStringLiteral("wrong wrong wrong")).ok());
    QCOMPARE(readOnly.authenticate(QStringLiteral("ada@example.com"), kPassword).error().code, QStringLiteral("user.locked"));
    m_now += 2000;
    QVERIFY(readOnly.authenticate(QStringLiteral("ada@example.com"), kPassword).ok());
    QCOMPARE(AuditLog(m_fx->db()).count(), auditBefore); // nothing written
}

void TestUserService::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");
    QTest::newRow("ok") << "Ada" << "ada@example.com" << "long enough pw" << "";
    QTest::newRow("no name") << "  " << "ada@example.com" << "long enough pw" << "user.name-empty";
    QTest::newRow("no at") << "Ada" << "ada.example.com" << "long enough pw" << "user.email-invalid";
    QTest::newRow("no domain dot") << "Ada" << "ada@example" << "long enough pw" << "user.email-invalid";
    QTest::newRow("space") << "Ada" << "a da@example.com" << "long enough pw" << "user.email-invalid";
    QTest::newRow("short pw") << "Ada" << "ada@example.com" << "short" << "user.password-short";
    QTest::newRow("blank pw") << "Ada" << "ada@example.com" << "            " << "user.password-blank";
}

void TestUserService::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, code);
    const auto result = m_users->createFirstAdmin(name, email, password);
    QCOMPARE(result.ok(), code.isEmpty());
    if (!code.isEmpty()) {
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!m_users->hasUsers());
    }
}

LUX_TEST_MAIN(TestUserService, QCoreApplication)
#include "tst_userservice.moc"
