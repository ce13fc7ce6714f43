// SPDX-License-Identifier: Apache-2.0
// The settings dialog on the real keychain: KeychainSecretStore against the Secret Service that
// scripts/with-test-session.sh starts (a throw-away gnome-keyring), checked from outside with
// secret-tool and a fresh KeychainSecretStore. tst_settingsdialog covers the rest of the dialog
// with the in-memory store.
#include "account/keychainsecretstore.h"
#include "keychaintestsupport.h"
#include "settingsdialogfixture.h"

#include <QScopeGuard>
#include <QUrl>

using cody::KeychainSecretStore;
using namespace cody::test;

class TestSettingsDialogKeychain : public SettingsDialogFixture
{
    Q_OBJECT

private:
    static SecretResult readFromFreshStore(const QString &key)
    {
        KeychainSecretStore store(std::chrono::seconds(10));
        return waitForSecret([&](QObject *context, SecretStore::Callback done) {
            store.read(key, context, std::move(done));
        });
    }

private Q_SLOTS:
    void initTestCase() { CODY_REQUIRE_SECRET_SERVICE(); }
    void init() { reset(); }

    // Saved in the dialog, the token is in the keychain (and nowhere in the settings); a dialog
    // opened later, on another store object, shows it; emptied, it leaves the keychain.
    void tokenLivesInTheKeychain()
    {
        // A host of its own, so no other run's entry can answer for this one.
        const QString url = u"https://"_s + uniqueKeychainKey(u"dialog"_s) + u".example.com"_s;
        const QString key = SecretStore::keyForEndpoint(QUrl(url));
        const auto cleanUp = qScopeGuard([&] { secretToolClear(key); });
        const QString token = u"sgp_keychain_"_s + QUuid::createUuid().toString(QUuid::Id128);

        {
            KeychainSecretStore keychain(std::chrono::seconds(10));
            auto dialog = open({}, &keychain);
            QTRY_VERIFY(!tokenBusy(dialog.get()));
            setUrl(dialog.get(), url);
            QTRY_VERIFY(!tokenBusy(dialog.get()));
            QCOMPARE(tokenEdit(dialog.get())->text(), QString());
            typeToken(dialog.get(), token);
            QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
            clickOk(dialog.get());
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15'000);
            QCOMPARE(dialog->result(), int(QDialog::Accepted));
        }

        QCOMPARE(secretToolLookup(key), token.toUtf8());
        const SecretResult stored = readFromFreshStore(key);
        QCOMPARE(stored.status, SecretResult::Status::Ok);
        QCOMPARE(stored.secret, token);
        m_settings->sync();
        QVERIFY(!fileBytes(iniPath()).contains(token.toUtf8()));
        QCOMPARE(m_settings->value(u"endpoint/url"_s).toString(), key);

        {
            KeychainSecretStore keychain(std::chrono::seconds(10));
            auto dialog = open({}, &keychain);
            QTRY_COMPARE_WITH_TIMEOUT(tokenEdit(dialog.get())->text(), token, 15'000);
            typeToken(dialog.get(), QString());
            QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
            clickOk(dialog.get());
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15'000);
        }
        QCOMPARE(secretToolLookup(key), QByteArray());
        QCOMPARE(readFromFreshStore(key).status, SecretResult::Status::NotFound);
    }
};

QTEST_MAIN(TestSettingsDialogKeychain)
#include "tst_settingsdialogkeychain.moc"
