// SPDX-License-Identifier: Apache-2.0
#include "config.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::Config;

class TestConfig : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment(const QList<std::pair<QString, QString>> &values)
    {
        QProcessEnvironment env;
        for (const auto &[name, value] : values)
            env.insert(name, value);
        return env;
    }

private Q_SLOTS:
    void defaults()
    {
        QStringList errors;
        const Config config = Config::load(QProcessEnvironment(), nullptr, &errors);
        QVERIFY(errors.isEmpty());
        QVERIFY(config.baseUrl.isEmpty());
        QVERIFY(config.accessToken.isEmpty());
        QCOMPARE(config.sslBypass, false);
        QCOMPARE(config.clientName, u"openhands"_s);
        QCOMPARE(config.defaultMaxTokens, 512);
        QCOMPARE(config.model, u"cody-sonnet"_s);
        QCOMPARE(config.idleTimeoutSeconds, 60);
        QCOMPARE(config.autoContinue, true);
        QCOMPARE(config.maxContinuations, 0);
        QCOMPARE(config.source(Config::Key::Model), Config::Source::Default);
    }

    void environmentValues()
    {
        QStringList errors;
        const Config config = Config::load(
            environment({{u"LLM_BASE_URL"_s, u"https://sg.example.com/"_s},
                {u"LLM_API_KEY"_s, u"sgp_secret"_s}, {u"CODY_SSL_BYPASS"_s, u"yes"_s},
                {u"CODY_CLIENT_NAME"_s, u"mytool"_s}, {u"CODY_DEFAULT_MAX_TOKENS"_s, u"1000"_s},
                {u"CODY_MODEL"_s, u"cody-opus"_s}, {u"CODY_CA_FILE"_s, u"/tmp/ca.pem"_s}}),
            nullptr, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.baseUrl, QUrl(u"https://sg.example.com"_s));
        QCOMPARE(config.accessToken, u"sgp_secret"_s);
        QCOMPARE(config.sslBypass, true);
        QCOMPARE(config.clientName, u"mytool"_s);
        QCOMPARE(config.defaultMaxTokens, 1000);
        QCOMPARE(config.model, u"cody-opus"_s);
        QCOMPARE(config.caFile, u"/tmp/ca.pem"_s);
        QCOMPARE(config.source(Config::Key::BaseUrl), Config::Source::Environment);
        QCOMPARE(config.origin(Config::Key::BaseUrl), u"LLM_BASE_URL"_s);
    }

    void sourcegraphSpellings()
    {
        QStringList errors;
        const Config config = Config::load(environment({{u"SRC_ENDPOINT"_s, u"https://a.example"_s},
                                               {u"SRC_ACCESS_TOKEN"_s, u"sgp_a"_s}}),
            nullptr, &errors);
        QCOMPARE(config.baseUrl, QUrl(u"https://a.example"_s));
        QCOMPARE(config.accessToken, u"sgp_a"_s);
        // LLM_* wins when both are set.
        const Config both = Config::load(environment({{u"SRC_ENDPOINT"_s, u"https://a.example"_s},
                                             {u"LLM_BASE_URL"_s, u"https://b.example"_s}}),
            nullptr, &errors);
        QCOMPARE(both.baseUrl, QUrl(u"https://b.example"_s));
    }

    void sslBypassFlag_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expected");
        for (const auto *on : {"true", "TRUE", "1", "yes", " Yes "})
            QTest::newRow(on) << QString::fromLatin1(on) << true;
        for (const auto *off : {"false", "0", "no", "on", "enabled", "2"})
            QTest::newRow(off) << QString::fromLatin1(off) << false;
    }

    void sslBypassFlag()
    {
        QFETCH(QString, value);
        QFETCH(bool, expected);
        QStringList errors;
        QCOMPARE(
            Config::load(environment({{u"CODY_SSL_BYPASS"_s, value}}), nullptr, &errors).sslBypass,
            expected);
    }

    void invalidMaxTokens_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("word") << u"lots"_s;
        QTest::newRow("zero") << u"0"_s;
        QTest::newRow("negative") << u"-5"_s;
        QTest::newRow("fraction") << u"1.5"_s;
        QTest::newRow("overflow") << u"99999999999999"_s;
    }

    void invalidMaxTokens()
    {
        QFETCH(QString, value);
        QStringList errors;
        const Config config
            = Config::load(environment({{u"CODY_DEFAULT_MAX_TOKENS"_s, value}}), nullptr, &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(u"CODY_DEFAULT_MAX_TOKENS"_s), qPrintable(errors.first()));
        QVERIFY(errors.first().contains(value));
        QCOMPARE(config.defaultMaxTokens, 512);
    }

    void baseUrls_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::newRow("plain") << u"https://sg.example.com"_s << u"https://sg.example.com"_s;
        QTest::newRow("trailing slash")
            << u"https://sg.example.com/"_s << u"https://sg.example.com"_s;
        QTest::newRow("path prefix")
            << u"https://host/sourcegraph/"_s << u"https://host/sourcegraph"_s;
        QTest::newRow("port") << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("spaces around") << u"  https://a.example  "_s << u"https://a.example"_s;
        QTest::newRow("no scheme") << u"sg.example.com"_s << QString();
        QTest::newRow("ftp") << u"ftp://sg.example.com"_s << QString();
        QTest::newRow("query") << u"https://sg.example.com/?x=1"_s << QString();
        QTest::newRow("user info") << u"https://user:pw@sg.example.com"_s << QString();
        QTest::newRow("garbage") << u"::::"_s << QString();
    }

    void baseUrls()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        const QUrl url = Config::parseBaseUrl(input, &error);
        if (expected.isEmpty()) {
            QVERIFY(url.isEmpty());
            QVERIFY(!error.isEmpty());
            QVERIFY2(!error.contains(u"pw"_s), "the message must not echo a password");
        } else {
            QCOMPARE(url.toString(), expected);
        }
    }

    void environmentBeatsSettingsBeatsDefaults()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        settings.setValue(Config::settingsKey(Config::Key::Model), u"cody-haiku"_s);
        settings.setValue(Config::settingsKey(Config::Key::BaseUrl), u"https://saved.example"_s);
        settings.setValue(Config::settingsKey(Config::Key::DefaultMaxTokens), 2048);
        QStringList errors;
        const Config config
            = Config::load(environment({{u"CODY_MODEL"_s, u"cody-opus"_s}}), &settings, &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(config.model, u"cody-opus"_s);
        QCOMPARE(config.source(Config::Key::Model), Config::Source::Environment);
        QCOMPARE(config.baseUrl, QUrl(u"https://saved.example"_s));
        QCOMPARE(config.source(Config::Key::BaseUrl), Config::Source::Settings);
        QCOMPARE(config.defaultMaxTokens, 2048);
        QCOMPARE(config.source(Config::Key::ClientName), Config::Source::Default);
    }

    void tokenIsNeverReadFromSettings()
    {
        QVERIFY(Config::settingsKey(Config::Key::AccessToken).isEmpty());
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        settings.setValue(u"token"_s, u"sgp_saved"_s);
        settings.setValue(u"auth/accessToken"_s, u"sgp_saved"_s);
        QStringList errors;
        QVERIFY(Config::load(QProcessEnvironment(), &settings, &errors).accessToken.isEmpty());
    }

    void emptyEnvironmentValueFallsThrough()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        settings.setValue(Config::settingsKey(Config::Key::Model), u"cody-haiku"_s);
        QStringList errors;
        QCOMPARE(
            Config::load(environment({{u"CODY_MODEL"_s, QString()}}), &settings, &errors).model,
            u"cody-haiku"_s);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
