// SPDX-License-Identifier: Apache-2.0
#include "net/proxyfactory.h"

#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using cody::ProxyFactory;
using cody::ProxySettings;

class TestProxyFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proxies_data()
    {
        QTest::addColumn<QStringList>("variables"); // NAME=value pairs
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected"); // host:port, or empty for no proxy

        QTest::newRow("none") << QStringList() << u"https://sg.example.com"_s << QString();
        QTest::newRow("https_proxy for https")
            << QStringList {u"https_proxy=http://proxy.corp:3128"_s} << u"https://sg.example.com"_s
            << u"proxy.corp:3128"_s;
        QTest::newRow("http_proxy not for https")
            << QStringList {u"http_proxy=http://proxy.corp:3128"_s} << u"https://sg.example.com"_s
            << QString();
        QTest::newRow("http_proxy for http") << QStringList {u"http_proxy=proxy.corp:8080"_s}
                                             << u"http://sg.example.com"_s << u"proxy.corp:8080"_s;
        QTest::newRow("upper case") << QStringList {u"HTTPS_PROXY=http://up.corp:1"_s}
                                    << u"https://sg.example.com"_s << u"up.corp:1"_s;
        QTest::newRow("no_proxy exact")
            << QStringList {u"https_proxy=http://p:1"_s, u"no_proxy=sg.example.com"_s}
            << u"https://sg.example.com"_s << QString();
        QTest::newRow("no_proxy suffix with dot")
            << QStringList {u"https_proxy=http://p:1"_s, u"no_proxy=localhost,.example.com"_s}
            << u"https://sg.example.com"_s << QString();
        QTest::newRow("no_proxy suffix without dot")
            << QStringList {u"https_proxy=http://p:1"_s, u"no_proxy=example.com"_s}
            << u"https://sg.example.com"_s << QString();
        QTest::newRow("no_proxy does not match a longer name")
            << QStringList {u"https_proxy=http://p:1"_s, u"no_proxy=ample.com"_s}
            << u"https://sg.example.com"_s << u"p:1"_s;
        QTest::newRow("no_proxy star") << QStringList {u"https_proxy=http://p:1"_s, u"no_proxy=*"_s}
                                       << u"https://sg.example.com"_s << QString();
        QTest::newRow("no_proxy ip")
            << QStringList {u"http_proxy=http://p:1"_s, u"no_proxy=127.0.0.1"_s}
            << u"http://127.0.0.1:9000"_s << QString();
    }

    void proxies()
    {
        QFETCH(QStringList, variables);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QProcessEnvironment environment;
        for (const auto &pair : variables)
            environment.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        ProxyFactory factory(ProxySettings::fromEnvironment(environment));
        const QNetworkProxy proxy = factory.proxyFor(QUrl(url));
        if (expected.isEmpty()) {
            QCOMPARE(proxy.type(), QNetworkProxy::NoProxy);
        } else {
            QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
            QCOMPARE(u"%1:%2"_s.arg(proxy.hostName()).arg(proxy.port()), expected);
        }
    }

    void hostPort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem"); // a word of the message; empty: valid
        QTest::newRow("name") << u"proxy.corp:3128"_s << QString();
        QTest::newRow("spaces around") << u" proxy.corp:3128 "_s << QString();
        QTest::newRow("ipv4") << u"10.0.0.1:8080"_s << QString();
        QTest::newRow("ipv6") << u"[::1]:3128"_s << QString();
        QTest::newRow("empty") << QString() << u"missing"_s;
        QTest::newRow("no port") << u"proxy.corp"_s << u"no port"_s;
        QTest::newRow("empty port") << u"proxy.corp:"_s << u"no port"_s;
        QTest::newRow("port zero") << u"proxy.corp:0"_s << u"no port"_s;
        QTest::newRow("port too large") << u"proxy.corp:70000"_s << u"not a host and port"_s;
        QTest::newRow("scheme") << u"http://proxy.corp:3128"_s << u"scheme"_s;
        QTest::newRow("path") << u"proxy.corp:3128/x"_s << u"not a host and port"_s;
        QTest::newRow("user") << u"me@proxy.corp:3128"_s << u"not a host and port"_s;
        QTest::newRow("space inside") << u"proxy corp:3128"_s << u"not a host and port"_s;
    }

    void hostPort()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const QString message = ProxySettings::hostPortProblem(text);
        if (problem.isEmpty()) {
            QVERIFY2(message.isEmpty(), qPrintable(message));
        } else {
            QVERIFY2(message.contains(problem), qPrintable(message));
            QVERIFY2(message.contains(u"host:port"_s), qPrintable(message));
        }
    }

    void modes()
    {
        using Mode = ProxySettings::Mode;
        for (const Mode mode : {Mode::System, Mode::None, Mode::Manual})
            QCOMPARE(ProxySettings::parseMode(ProxySettings::modeName(mode)), mode);
        QCOMPARE(ProxySettings::parseMode(u" MANUAL "_s), Mode::Manual);
        QVERIFY(!ProxySettings::parseMode(u"auto"_s));
        QVERIFY(!ProxySettings::parseMode(QString()));

        QProcessEnvironment environment;
        environment.insert(u"https_proxy"_s, u"http://env.corp:1"_s);
        environment.insert(u"no_proxy"_s, u"localhost"_s);
        const auto none = ProxySettings::forMode(Mode::None, u"p:1"_s, environment);
        QVERIFY(none.httpProxy.isEmpty() && none.httpsProxy.isEmpty());
        QCOMPARE(ProxySettings::forMode(Mode::System, {}, environment).httpsProxy,
            u"http://env.corp:1"_s);

        const auto manual = ProxySettings::forMode(Mode::Manual, u" p.corp:3128 "_s, environment);
        QCOMPARE(manual.noProxy, u"localhost"_s);
        ProxyFactory factory(manual);
        for (const auto &url : {u"https://sg.example.com"_s, u"http://sg.example.com"_s}) {
            const QNetworkProxy proxy = factory.proxyFor(QUrl(url));
            QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
            QCOMPARE(proxy.hostName(), u"p.corp"_s);
            QCOMPARE(proxy.port(), quint16(3128));
        }
        QCOMPARE(factory.proxyFor(QUrl(u"http://localhost:1"_s)).type(), QNetworkProxy::NoProxy);
        // An IPv6 manual proxy keeps its brackets through the URL round trip.
        const QNetworkProxy v6
            = ProxyFactory(ProxySettings::forMode(Mode::Manual, u"[::1]:3128"_s, {}))
                  .proxyFor(QUrl(u"https://sg.example.com"_s));
        QCOMPARE(v6.hostName(), u"::1"_s);
    }
};

QTEST_GUILESS_MAIN(TestProxyFactory)
#include "tst_proxyfactory.moc"
