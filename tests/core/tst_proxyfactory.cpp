// SPDX-License-Identifier: Apache-2.0
#include "proxyfactory.h"

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
};

QTEST_GUILESS_MAIN(TestProxyFactory)
#include "tst_proxyfactory.moc"
