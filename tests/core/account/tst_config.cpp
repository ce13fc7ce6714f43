// SPDX-License-Identifier: Apache-2.0
#include "account/config.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cody::Config;
using cody::ProxyFactory;
using ProxyMode = cody::ProxySettings::Mode;

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
        QCOMPARE(config.contextRewrite, true);
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

    // A bypass saved in Settings holds for the host it was turned on for, never for another.
    void savedBypassIsBoundToItsHost_data()
    {
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("savedUrl"); // empty: none saved
        QTest::addColumn<QString>("environmentUrl"); // empty: not set
        QTest::addColumn<bool>("expected");
        QTest::newRow("saved for this host")
            << u"sg.example.com"_s << u"https://sg.example.com"_s << QString() << true;
        QTest::newRow("host name case")
            << u"SG.example.com"_s << u"https://sg.example.com"_s << QString() << true;
        QTest::newRow("URL changed in Settings")
            << u"sg.example.com"_s << u"https://other.example.com"_s << QString() << false;
        QTest::newRow("LLM_BASE_URL elsewhere")
            << u"sg.example.com"_s << u"https://sg.example.com"_s << u"https://other.example.com"_s
            << false;
        QTest::newRow("LLM_BASE_URL on that host")
            << u"sg.example.com"_s << QString() << u"https://sg.example.com/prefix"_s << true;
        QTest::newRow("older true, with the saved URL")
            << u"true"_s << u"https://sg.example.com"_s << QString() << true;
        QTest::newRow("older true, LLM_BASE_URL instead")
            << u"true"_s << u"https://sg.example.com"_s << u"https://other.example.com"_s << false;
        QTest::newRow("off") << u"false"_s << u"https://sg.example.com"_s << QString() << false;
    }

    void savedBypassIsBoundToItsHost()
    {
        QFETCH(QString, saved);
        QFETCH(QString, savedUrl);
        QFETCH(QString, environmentUrl);
        QFETCH(bool, expected);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        settings.setValue(u"tls/bypass"_s, saved);
        if (!savedUrl.isEmpty())
            settings.setValue(u"endpoint/url"_s, savedUrl);
        QStringList errors;
        const Config config = Config::load(environmentUrl.isEmpty()
                ? QProcessEnvironment()
                : environment({{u"LLM_BASE_URL"_s, environmentUrl}}),
            &settings, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.sslBypass, expected);

        // Saving a host keeps it, lower-cased; saving off is "false".
        QString error;
        QVERIFY(Config::save(settings, Config::Key::SslBypass, u"Host.Example"_s, &error));
        QCOMPARE(settings.value(u"tls/bypass"_s).toString(), u"host.example"_s);
        QVERIFY(Config::save(settings, Config::Key::SslBypass, false, &error));
        QCOMPARE(settings.value(u"tls/bypass"_s).toString(), u"false"_s);
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

    void proxyModes_data()
    {
        QTest::addColumn<QString>("mode"); // saved network/proxyMode; empty: not saved
        QTest::addColumn<QString>("host"); // saved network/proxyHost; empty: not saved
        QTest::addColumn<QStringList>("variables"); // NAME=value
        QTest::addColumn<QString>("httpsProxy"); // for https://sg.example.com; empty: none
        QTest::addColumn<QString>("httpProxy"); // for http://sg.example.com; empty: none

        const QStringList corporate {
            u"https_proxy=http://env.corp:1"_s, u"http_proxy=http://env.corp:2"_s};
        QTest::newRow("default is the environment's")
            << QString() << QString() << corporate << u"env.corp:1"_s << u"env.corp:2"_s;
        QTest::newRow("system") << u"system"_s << QString() << QStringList() << QString()
                                << QString();
        QTest::newRow("none") << u"none"_s << QString() << QStringList() << QString() << QString();
        QTest::newRow("manual for both schemes")
            << u"manual"_s << u"saved.corp:3128"_s << QStringList() << u"saved.corp:3128"_s
            << u"saved.corp:3128"_s;
        QTest::newRow("manual honours no_proxy")
            << u"Manual "_s << u"saved.corp:3128"_s << QStringList {u"no_proxy=.example.com"_s}
            << QString() << QString();
        QTest::newRow("host kept but unused when not manual")
            << u"none"_s << u"saved.corp:3128"_s << QStringList() << QString() << QString();
        QTest::newRow("environment beats none")
            << u"none"_s << QString() << corporate << u"env.corp:1"_s << u"env.corp:2"_s;
        QTest::newRow("environment beats manual")
            << u"manual"_s << u"saved.corp:3128"_s
            << QStringList {u"HTTPS_PROXY=http://up.corp:4"_s} << u"up.corp:4"_s << QString();
    }

    void proxyModes()
    {
        QFETCH(QString, mode);
        QFETCH(QString, host);
        QFETCH(QStringList, variables);
        QFETCH(QString, httpsProxy);
        QFETCH(QString, httpProxy);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        if (!mode.isEmpty())
            settings.setValue(u"network/proxyMode"_s, mode);
        if (!host.isEmpty())
            settings.setValue(u"network/proxyHost"_s, host);
        QProcessEnvironment env;
        for (const auto &pair : variables)
            env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        QStringList errors;
        const Config config = Config::load(env, &settings, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        ProxyFactory factory(config.proxy);
        const auto describe = [&factory](const QString &url) {
            const QNetworkProxy proxy = factory.proxyFor(QUrl(url));
            return proxy.type() == QNetworkProxy::NoProxy
                ? QString()
                : u"%1:%2"_s.arg(proxy.hostName()).arg(proxy.port());
        };
        QCOMPARE(describe(u"https://sg.example.com"_s), httpsProxy);
        QCOMPARE(describe(u"http://sg.example.com"_s), httpProxy);
    }

    void proxyEnvironmentIsReportedAsTheSource()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        settings.setValue(u"network/proxyMode"_s, u"manual"_s);
        settings.setValue(u"network/proxyHost"_s, u"saved.corp:3128"_s);
        QStringList errors;
        const Config fromEnv = Config::load(
            environment({{u"http_proxy"_s, u"http://env.corp:8080"_s}}), &settings, &errors);
        QCOMPARE(fromEnv.source(Config::Key::ProxyMode), Config::Source::Environment);
        QCOMPARE(fromEnv.origin(Config::Key::ProxyMode), u"http_proxy"_s);
        QCOMPARE(fromEnv.proxyMode, ProxyMode::System);
        QCOMPARE(fromEnv.proxyHost, u"http://env.corp:8080"_s);

        // no_proxy alone sets no proxy, so it does not override the saved mode.
        const Config saved
            = Config::load(environment({{u"no_proxy"_s, u"localhost"_s}}), &settings, &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(saved.source(Config::Key::ProxyMode), Config::Source::Settings);
        QCOMPARE(saved.proxyMode, ProxyMode::Manual);
        QCOMPARE(saved.proxyHost, u"saved.corp:3128"_s);
        QCOMPARE(saved.proxy.noProxy, u"localhost"_s);
    }

    void invalidProxySettings_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown mode") << u"auto"_s << QString() << u"network/proxyMode"_s;
        QTest::newRow("manual without host") << u"manual"_s << QString() << u"network/proxyHost"_s;
        QTest::newRow("host without port") << u"manual"_s << u"proxy.corp"_s << u"port"_s;
        QTest::newRow("host with scheme") << u"manual"_s << u"http://p:1"_s << u"scheme"_s;
        QTest::newRow("bad host even when unused") << u"none"_s << u"a b:1"_s << u"a b:1"_s;
    }

    void invalidProxySettings()
    {
        QFETCH(QString, mode);
        QFETCH(QString, host);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        settings.setValue(u"network/proxyMode"_s, mode);
        if (!host.isEmpty())
            settings.setValue(u"network/proxyHost"_s, host);
        QStringList errors;
        const Config config = Config::load(QProcessEnvironment(), &settings, &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(mentions), qPrintable(errors.first()));
        // Never a half-configured manual proxy: the environment's (here: none) applies instead.
        QVERIFY(config.proxyMode != ProxyMode::Manual);
        QVERIFY(config.proxy.httpsProxy.isEmpty());
    }

    void saveRoundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        using Key = Config::Key;
        const QList<std::pair<Key, QVariant>> values {
            {Key::BaseUrl, u" https://sg.example.com/prefix/ "_s},
            {Key::SslBypass, true},
            {Key::ClientName, u"mytool"_s},
            {Key::DefaultMaxTokens, 2000},
            {Key::Model, u"cody-opus"_s},
            {Key::CaFile, u"/etc/ssl/corp.pem"_s},
            {Key::IdleTimeout, 30},
            {Key::AutoContinue, false},
            {Key::MaxContinuations, 0},
            {Key::ContextRewrite, false},
            {Key::ProxyMode, QVariant::fromValue(ProxyMode::Manual)},
            {Key::ProxyHost, u"proxy.corp:3128"_s},
        };
        for (const auto &[key, value] : values) {
            QString error;
            QVERIFY2(Config::save(settings, key, value, &error), qPrintable(error));
        }
        QCOMPARE(settings.value(u"endpoint/url"_s).toString(), u"https://sg.example.com/prefix"_s);
        QCOMPARE(settings.value(u"tls/bypass"_s).toString(), u"true"_s);
        QCOMPARE(settings.value(u"network/proxyMode"_s).toString(), u"manual"_s);

        QStringList errors;
        const Config config = Config::load(QProcessEnvironment(), &settings, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.baseUrl, QUrl(u"https://sg.example.com/prefix"_s));
        QCOMPARE(config.sslBypass, true);
        QCOMPARE(config.clientName, u"mytool"_s);
        QCOMPARE(config.defaultMaxTokens, 2000);
        QCOMPARE(config.model, u"cody-opus"_s);
        QCOMPARE(config.caFile, u"/etc/ssl/corp.pem"_s);
        QCOMPARE(config.idleTimeoutSeconds, 30);
        QCOMPARE(config.autoContinue, false);
        QCOMPARE(config.maxContinuations, 0);
        QCOMPARE(config.contextRewrite, false);
        QCOMPARE(config.source(Key::MaxContinuations), Config::Source::Settings);
        QCOMPARE(config.proxyMode, ProxyMode::Manual);
        QCOMPARE(config.proxy.httpsProxy, u"http://proxy.corp:3128"_s);

        // The mode's name works as well as the enum.
        QVERIFY(Config::save(settings, Key::ProxyMode, u"none"_s));
        QCOMPARE(
            Config::load(QProcessEnvironment(), &settings, &errors).proxyMode, ProxyMode::None);
    }

    void saveEmptyRemoves()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        const QString key = Config::settingsKey(Config::Key::ClientName);
        QVERIFY(Config::save(settings, Config::Key::ClientName, u"mytool"_s));
        QVERIFY(settings.contains(key));
        QVERIFY(Config::save(settings, Config::Key::ClientName, u"  "_s));
        QVERIFY(!settings.contains(key));
        QVERIFY(Config::save(settings, Config::Key::BaseUrl, u"https://a.example"_s));
        QVERIFY(Config::save(settings, Config::Key::BaseUrl, QVariant()));
        QVERIFY(!settings.contains(Config::settingsKey(Config::Key::BaseUrl)));
    }

    void saveRejectsWhatLoadWouldReject_data()
    {
        QTest::addColumn<Config::Key>("key");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("url") << Config::Key::BaseUrl << QVariant(u"sg.example.com"_s);
        QTest::newRow("max tokens zero") << Config::Key::DefaultMaxTokens << QVariant(0);
        QTest::newRow("max tokens word") << Config::Key::DefaultMaxTokens << QVariant(u"lots"_s);
        QTest::newRow("continuations negative") << Config::Key::MaxContinuations << QVariant(-1);
        QTest::newRow("idle timeout") << Config::Key::IdleTimeout << QVariant(0);
        QTest::newRow("proxy mode") << Config::Key::ProxyMode << QVariant(u"auto"_s);
        QTest::newRow("proxy host") << Config::Key::ProxyHost << QVariant(u"proxy.corp"_s);
    }

    void saveRejectsWhatLoadWouldReject()
    {
        QFETCH(Config::Key, key);
        QFETCH(QVariant, value);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cody.ini"_s), QSettings::IniFormat);
        QString error;
        QVERIFY(!Config::save(settings, key, value, &error));
        QVERIFY2(error.contains(Config::settingsKey(key)), qPrintable(error));
        QVERIFY(settings.allKeys().isEmpty());
    }

    void tokenIsNeverSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cody.ini"_s);
        {
            QSettings settings(path, QSettings::IniFormat);
            QString error;
            QVERIFY(!Config::save(settings, Config::Key::AccessToken, u"sgp_secret"_s, &error));
            QVERIFY(!error.isEmpty());
            QVERIFY(settings.allKeys().isEmpty());
            QVERIFY(Config::save(settings, Config::Key::ClientName, u"mytool"_s));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sgp_secret"));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
