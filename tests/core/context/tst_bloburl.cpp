// SPDX-License-Identifier: Apache-2.0
#include "context/bloburl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::BlobUrl;

class TestBlobUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void make_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("expected");
        QTest::newRow("range") << u"https://sg.example"_s << 1 << 20
                               << u"https://sg.example/github.com/org/repo/-/blob/src/a.go?L1-20"_s;
        QTest::newRow("trailing slash")
            << u"https://sg.example/"_s << 13 << 32
            << u"https://sg.example/github.com/org/repo/-/blob/src/a.go?L13-32"_s;
        QTest::newRow("path prefix")
            << u"https://corp.example/sourcegraph/"_s << 0 << 0
            << u"https://corp.example/sourcegraph/github.com/org/repo/-/blob/src/a.go"_s;
    }

    void make()
    {
        QFETCH(QString, base);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, expected);
        QCOMPARE(BlobUrl::make(QUrl(base), u"github.com/org/repo"_s, u"src/a.go"_s, start, end)
                     .toString(),
            expected);
    }

    void resolve()
    {
        const QUrl base(u"https://corp.example/sourcegraph"_s);
        QCOMPARE(BlobUrl::resolve(base, u"/github.com/org/repo@abc/-/blob/x.go"_s).toString(),
            u"https://corp.example/sourcegraph/github.com/org/repo@abc/-/blob/x.go"_s);
        QCOMPARE(BlobUrl::resolve(base, u"https://elsewhere.example/x"_s).toString(),
            u"https://elsewhere.example/x"_s);
        QVERIFY(BlobUrl::resolve(base, QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBlobUrl)
#include "tst_bloburl.moc"
