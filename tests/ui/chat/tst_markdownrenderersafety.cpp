// SPDX-License-Identifier: Apache-2.0
// MarkdownRenderer against hostile or awkward input: model text must never become markup, links
// must not run code, images must not load, and highlighting must stay silent.
#include "markdownrenderertestsupport.h"
#include "ui/chat/markdownrenderer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

class TestMarkdownRendererSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawHtmlIsText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("visible");

        QTest::newRow("script block")
            << u"<script>alert(1)</script>"_s << u"<script>alert(1)</script>"_s;
        QTest::newRow("bold inline") << u"a <b>not bold</b> c"_s << u"a <b>not bold</b> c"_s;
        QTest::newRow("img onerror")
            << u"<img src=x onerror=alert(1)>"_s << u"<img src=x onerror=alert(1)>"_s;
        QTest::newRow("inline img")
            << u"see <img src=\"x.png\"> here"_s << u"see <img src=\"x.png\"> here"_s;
        QTest::newRow("anchor") << u"<a href=\"javascript:alert(1)\">click</a>"_s
                                << u"<a href=\"javascript:alert(1)\">click</a>"_s;
        QTest::newRow("multi-line div") << u"<div>\n<p>para</p>\n</div>"_s << u"<p>para</p>"_s;
        QTest::newRow("comment") << u"<!-- hidden? -->"_s << u"<!-- hidden? -->"_s;
        QTest::newRow("style") << u"<style>body{color:red}</style>"_s
                               << u"<style>body{color:red}</style>"_s;
        QTest::newRow("entity stays literal") << u"&lt;b&gt; &amp;"_s << u"<b> &"_s;
    }

    void rawHtmlIsText()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, visible);

        const auto rendered = MarkdownRenderer().render(markdown);
        for (const QString &tag :
            {u"<script"_s, u"<b>"_s, u"<img"_s, u"<style"_s, u"<div"_s, u"<!--"_s}) {
            QVERIFY2(!rendered.html.contains(tag, Qt::CaseInsensitive), qPrintable(rendered.html));
        }
        const auto document = documentFor(rendered.html);
        QVERIFY2(document->toPlainText().contains(visible), qPrintable(document->toPlainText()));
        QVERIFY(!hasImage(*document));
        QVERIFY(hrefsIn(*document).isEmpty());
        QVERIFY(!formatOf(*document, u"not bold"_s).hasProperty(QTextFormat::FontWeight));
    }

    void unsafeLinksAreText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("visible");

        QTest::newRow("javascript") << u"[click](javascript:alert(1))"_s << u"click"_s;
        QTest::newRow("mixed case") << u"[click](JaVaScRiPt:alert(1))"_s << u"click"_s;
        QTest::newRow("entity-encoded") << u"[click](&#106;avascript:alert(1))"_s << u"click"_s;
        QTest::newRow("vbscript") << u"[click](vbscript:msgbox)"_s << u"click"_s;
        QTest::newRow("file") << u"[passwd](file:///etc/passwd)"_s << u"passwd"_s;
        QTest::newRow("data") << u"[x](data:text/html;base64,PHNjcmlwdD4=)"_s << u"x"_s;
        QTest::newRow("relative") << u"[rel](../secret.html)"_s << u"rel"_s;
        QTest::newRow("custom scheme") << u"[copy](cody-copy-code:0)"_s << u"copy"_s;
        QTest::newRow("reference") << u"[ref][r]\n\n[r]: javascript:void(0)"_s << u"ref"_s;
        QTest::newRow("autolink") << u"<javascript:alert(1)>"_s << u"javascript:alert(1)"_s;
        QTest::newRow("unsafe image") << u"![alt text](javascript:alert(1))"_s << u"alt text"_s;
        QTest::newRow("data image") << u"![pic](data:image/png;base64,AAAA)"_s << u"pic"_s;
    }

    void unsafeLinksAreText()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, visible);

        const auto document = documentFor(MarkdownRenderer().render(markdown).html);
        QCOMPARE(hrefsIn(*document), QStringList());
        QVERIFY(!hasImage(*document));
        QVERIFY2(document->toPlainText().contains(visible), qPrintable(document->toPlainText()));
    }

    void imagesAreNotLoaded()
    {
        const auto document = documentFor(
            MarkdownRenderer().render(u"![a diagram](https://example.com/d.png \"title\")"_s).html);
        QVERIFY(!hasImage(*document));
        QCOMPARE(hrefsIn(*document), QStringList {u"https://example.com/d.png"_s});
        QVERIFY(document->toPlainText().contains(u"a diagram"_s));

        // A badge (image inside a link) keeps one link, the outer one.
        const auto badge = documentFor(
            MarkdownRenderer().render(u"[![build](https://ci/b.svg)](https://ci/job)"_s).html);
        QCOMPARE(hrefsIn(*badge), QStringList {u"https://ci/job"_s});
    }

    void highlightingIsSilent_data()
    {
        QTest::addColumn<QString>("dataDir");
        QTest::addColumn<bool>("highlighted");
        QTest::newRow("installed") << QString() << true;
        QTest::newRow("missing data dir") << u"empty"_s << false;
        QTest::newRow("broken lang file") << u"broken"_s << false;
    }

    void highlightingIsSilent()
    {
#ifdef Q_OS_UNIX
        // The GUI has no console, and a library printing into it is noise at best: nothing may
        // be written to stdout or stderr, and a broken installation just means unhighlighted
        // blocks. Both descriptors are captured around the whole life of the renderer.
        QFETCH(QString, dataDir);
        QFETCH(bool, highlighted);
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        if (dataDir == u"broken") {
            QFile map(temporary.filePath(u"lang.map"_s));
            QVERIFY(map.open(QIODevice::WriteOnly));
            map.write("cpp = broken.lang\npython = missing.lang\n");
            QFile lang(temporary.filePath(u"broken.lang"_s));
            QVERIFY(lang.open(QIODevice::WriteOnly));
            lang.write("keyword = \"unterminated\n(((\n");
        }
        if (!dataDir.isEmpty())
            qputenv("SOURCE_HIGHLIGHT_DATADIR", QFile::encodeName(temporary.path()));
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stdout);
        std::fflush(stderr);
        const int savedOut = dup(STDOUT_FILENO);
        const int savedErr = dup(STDERR_FILENO);
        dup2(capture.handle(), STDOUT_FILENO);
        dup2(capture.handle(), STDERR_FILENO);
        MarkdownRenderer::Rendered rendered;
        {
            const MarkdownRenderer renderer;
            rendered = renderer.render(QString(u"```cpp\nint main() { return 0; }\n```\n"_s
                % u"```python\nx = 1  # c\n```\n```nosuchlanguage\ny\n```\n"_s % sampleMessage));
        }
        std::fflush(stdout);
        std::fflush(stderr);
        dup2(savedOut, STDOUT_FILENO);
        dup2(savedErr, STDERR_FILENO);
        close(savedOut);
        close(savedErr);
        qunsetenv("SOURCE_HIGHLIGHT_DATADIR");

        QCOMPARE(capture.readAll(), QByteArray());
        QCOMPARE(rendered.codeBlocks.mid(0, 3),
            (QStringList {u"int main() { return 0; }"_s, u"x = 1  # c"_s, u"y"_s}));
        QCOMPARE(preBody(rendered.html).contains(u"<span style=\"color:"_s), highlighted);
#else
        QSKIP("fd redirection is POSIX-only");
#endif
    }
};

QTEST_MAIN(TestMarkdownRendererSafety)
#include "tst_markdownrenderersafety.moc"
