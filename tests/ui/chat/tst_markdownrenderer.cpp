// SPDX-License-Identifier: Apache-2.0
#include "markdownrenderertestsupport.h"
#include "ui/chat/markdownrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFontInfo>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace cody;

using namespace cody::test;

class TestMarkdownRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("tables");
        QTest::addColumn<int>("cells");
        QTest::addColumn<int>("listItems");
        QTest::addColumn<QStringList>("hrefs");
        QTest::addColumn<QString>("text");

        QTest::newRow("table") << u"| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |"_s << 1 << 6 << 0
                               << QStringList() << u"3"_s;
        QTest::newRow("bullet list")
            << u"- one\n- two\n- three"_s << 0 << 0 << 3 << QStringList() << u"three"_s;
        QTest::newRow("ordered list") << u"3. c\n4. d"_s << 0 << 0 << 2 << QStringList() << u"d"_s;
        QTest::newRow("loose nested list")
            << u"- one\n\n  - inner\n\n- two"_s << 0 << 0 << 3 << QStringList() << u"inner"_s;
        QTest::newRow("task list")
            << u"- [x] done\n- [ ] todo"_s << 0 << 0 << 2 << QStringList() << u"todo"_s;
        QTest::newRow("link") << u"see [docs](https://example.com/a?b=1&c=2)"_s << 0 << 0 << 0
                              << QStringList {u"https://example.com/a?b=1&c=2"_s} << u"docs"_s;
        QTest::newRow("autolink www")
            << u"visit www.example.com now"_s << 0 << 0 << 0
            << QStringList {u"http://www.example.com"_s} << u"www.example.com"_s;
        QTest::newRow("angle autolink")
            << u"<https://a.example/x>"_s << 0 << 0 << 0 << QStringList {u"https://a.example/x"_s}
            << u"https://a.example/x"_s;
        QTest::newRow("mailto") << u"[mail](mailto:someone@example.com)"_s << 0 << 0 << 0
                                << QStringList {u"mailto:someone@example.com"_s} << u"mail"_s;
        QTest::newRow("email autolink")
            << u"write to someone@example.com"_s << 0 << 0 << 0
            << QStringList {u"mailto:someone@example.com"_s} << u"someone@example.com"_s;
        QTest::newRow("headings") << u"# One\n## Two\n### Three\ntext"_s << 0 << 0 << 0
                                  << QStringList() << u"Three"_s;
        QTest::newRow("block quote")
            << u"> quoted\n> text"_s << 0 << 0 << 0 << QStringList() << u"quoted"_s;
        QTest::newRow("non-ASCII") << u"Grüße, 日本語, emoji 😀, RTL עברית"_s << 0 << 0 << 0
                                   << QStringList() << u"Grüße, 日本語, emoji 😀, RTL עברית"_s;
        QTest::newRow("non-ASCII table")
            << u"| ä | 日 |\n|---|---|\n| ö | 本 |"_s << 1 << 4 << 0 << QStringList() << u"本"_s;
    }

    void structure()
    {
        QFETCH(QString, markdown);
        QFETCH(int, tables);
        QFETCH(int, cells);
        QFETCH(int, listItems);
        QFETCH(QStringList, hrefs);
        QFETCH(QString, text);

        const MarkdownRenderer renderer;
        const auto rendered = renderer.render(markdown);
        QVERIFY(rendered.codeBlocks.isEmpty());
        const auto document = documentFor(rendered.html);
        const QList<QTextTable *> found = tablesIn(document->rootFrame());
        QCOMPARE(found.size(), tables);
        if (tables == 1)
            QCOMPARE(found.first()->rows() * found.first()->columns(), cells);
        QCOMPARE(listItemsIn(*document), listItems);
        QCOMPARE(hrefsIn(*document), hrefs);
        QVERIFY2(document->toPlainText().contains(text), qPrintable(document->toPlainText()));
    }

    void inlineFormats_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("property");

        QTest::newRow("strong") << u"a **bold** b"_s << u"bold"_s << int(QTextFormat::FontWeight);
        QTest::newRow("emphasis") << u"a *it* b"_s << u"it"_s << int(QTextFormat::FontItalic);
        QTest::newRow("strikethrough")
            << u"a ~~gone~~ b"_s << u"gone"_s << int(QTextFormat::FontStrikeOut);
        QTest::newRow("inline code")
            << u"a `x()` b"_s << u"x()"_s << int(QTextFormat::FontFamilies);
        QTest::newRow("heading") << u"# Title"_s << u"Title"_s
                                 << int(QTextFormat::FontSizeAdjustment);
    }

    void inlineFormats()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, text);
        QFETCH(int, property);

        const auto document = documentFor(MarkdownRenderer().render(markdown).html);
        const QTextCharFormat format = formatOf(*document, text);
        if (property == QTextFormat::FontFamilies) {
            QVERIFY(isMonospace(format));
            QVERIFY(!isMonospace(formatOf(*document, u"a "_s)));
            return;
        }
        QVERIFY2(format.hasProperty(property), qPrintable(document->toHtml()));
        if (property == QTextFormat::FontWeight)
            QCOMPARE(format.fontWeight(), QFont::Bold);
        else if (property != QTextFormat::FontSizeAdjustment)
            QVERIFY(format.boolProperty(property));
        else
            QVERIFY(format.intProperty(property) > 0);
        // The surrounding text keeps the plain format.
        if (markdown.startsWith(u"a "))
            QVERIFY(!formatOf(*document, u"a "_s).hasProperty(property));
    }

    void taskListMarkers()
    {
        const auto document
            = documentFor(MarkdownRenderer().render(u"- [x] done\n- [ ] todo"_s).html);
        QCOMPARE(document->begin().blockFormat().marker(), QTextBlockFormat::MarkerType::Checked);
        QCOMPARE(document->begin().next().blockFormat().marker(),
            QTextBlockFormat::MarkerType::Unchecked);
        QCOMPARE(document->toPlainText(), u"done\ntodo"_s);
    }

    void codeBlocks_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("highlighted");

        QTest::newRow("cpp") << u"```cpp\nint main() { return 0; }\n```"_s
                             << u"int main() { return 0; }"_s << true;
        QTest::newRow("cpp with path") << u"```cpp:src/main.cpp\nint main() { return 0; }\n```"_s
                                       << u"int main() { return 0; }"_s << true;
        QTest::newRow("file name only") << u"```main.cpp\nint main() { return 0; }\n```"_s
                                        << u"int main() { return 0; }"_s << true;
        QTest::newRow("python") << u"```python\ndef f(x):\n    return x  # done\n```"_s
                                << u"def f(x):\n    return x  # done"_s << true;
        QTest::newRow("js") << u"```js\nconst a = \"s\"; // c\n```"_s << u"const a = \"s\"; // c"_s
                            << true;
        QTest::newRow("typescript alias")
            << u"```ts\nconst a: number = 1; // c\n```"_s << u"const a: number = 1; // c"_s << true;
        QTest::newRow("bash") << u"```bash\nfor f in *; do echo \"$f\"; done\n```"_s
                              << u"for f in *; do echo \"$f\"; done"_s << true;
        QTest::newRow("json") << u"```json\n{\"a\": [1, true, null]}\n```"_s
                              << u"{\"a\": [1, true, null]}"_s << true;
        QTest::newRow("multi-line comment")
            << u"```c\n/* one\n   two */ int x;\n```"_s << u"/* one\n   two */ int x;"_s << true;
        QTest::newRow("unknown language")
            << u"```klingon\nqapla' int return\n```"_s << u"qapla' int return"_s << false;
        QTest::newRow("no language")
            << u"```\nint main() { return 0; }\n```"_s << u"int main() { return 0; }"_s << false;
        QTest::newRow("indented") << u"text\n\n    int x = 1;\n    return x;\n"_s
                                  << u"int x = 1;\nreturn x;"_s << false;
        QTest::newRow("tilde fence")
            << u"~~~python\nprint('<b>')\n~~~"_s << u"print('<b>')"_s << true;
        QTest::newRow("raw html kept in code")
            << u"```html\n<script>x()</script>\n```"_s << u"<script>x()</script>"_s << true;
        QTest::newRow("non-ASCII cpp") << u"```cpp\nauto s = \"日本語 ü\"; // ä\n```"_s
                                       << u"auto s = \"日本語 ü\"; // ä"_s << true;
        QTest::newRow("trailing blank line kept") << u"```\na\n\n```"_s << u"a\n"_s << false;
        QTest::newRow("empty block") << u"```cpp\n```"_s << QString() << false;
    }

    void codeBlocks()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, code);
        QFETCH(bool, highlighted);

        const MarkdownRenderer renderer;
        const auto rendered = renderer.render(markdown);
        QCOMPARE(rendered.codeBlocks, QStringList {code});
        QCOMPARE(preBody(rendered.html).contains(u"<span style=\"color:"_s), highlighted);

        const auto document = documentFor(rendered.html);
        // The code shows exactly (tabs aside) in a monospace block, headed by its Copy link.
        QVERIFY2(document->toPlainText().contains(code), qPrintable(document->toPlainText()));
        QCOMPARE(hrefsIn(*document), QStringList {u"cody-copy-code:0"_s});
        if (!code.isEmpty()) {
            const QTextBlock first = blockWithText(*document, code.section(u'\n', 0, 0));
            QVERIFY(first.isValid());
            for (auto it = first.begin(); !it.atEnd(); ++it)
                QVERIFY(isMonospace(it.fragment().charFormat()));
        }
        // Highlighting means several colours within the code; plain means one (the block's).
        QCOMPARE(codeColours(*document).size() > 1, highlighted);
    }

    void orderedListNumbers_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("items");

        QTest::newRow("from one") << u"1. a\n2. b"_s << QStringList {u"1.|a"_s, u"2.|b"_s};
        // cmark starts a new list at 2 after an unindented fence; Qt 6.4 ignores <ol start>.
        QTest::newRow("resumed after code") << u"1. a\n```\nx\n```\n2. b\n3. c"_s
                                            << QStringList {u"1.|a"_s, u"|2. b"_s, u"|3. c"_s};
        QTest::newRow("paren, loose") << u"7) a\n\n8) b"_s << QStringList {u"|7) a"_s, u"|8) b"_s};
        QTest::newRow("nested in bullets")
            << u"- x\n\n  5. y\n\n- z"_s << QStringList {u"\u2022|x"_s, u"|5. y"_s, u"\u2022|z"_s};
    }

    void orderedListNumbers()
    {
        // Each list item as "<marker Qt draws>|<text>", a bullet style shown as "\u2022".
        QFETCH(QString, markdown);
        QFETCH(QStringList, items);
        const auto document = documentFor(MarkdownRenderer().render(markdown).html);
        QStringList found;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (QTextList *list = block.textList()) {
                const QTextListFormat::Style style = list->format().style();
                const QString marker = style == QTextListFormat::ListStyleUndefined ? QString()
                    : style >= QTextListFormat::ListSquare ? u"\u2022"_s // disc, circle, square
                                                           : list->itemText(block).trimmed();
                found.append(marker % u'|' % block.text());
            }
        }
        QCOMPARE(found, items);
    }

    void copyLinksIndexTheBlocks()
    {
        const auto rendered = MarkdownRenderer().render(
            u"```cpp\nint a;\n```\ntext\n```python\nb = 2\n```\n\n- item\n\n      indented\n"_s
            u"```\nlast\n```"_s);
        QCOMPARE(
            rendered.codeBlocks, (QStringList {u"int a;"_s, u"b = 2"_s, u"indented"_s, u"last"_s}));
        const auto document = documentFor(rendered.html);
        const QStringList hrefs = hrefsIn(*document);
        QCOMPARE(hrefs,
            (QStringList {u"cody-copy-code:0"_s, u"cody-copy-code:1"_s, u"cody-copy-code:2"_s,
                u"cody-copy-code:3"_s}));
        for (int i = 0; i < hrefs.size(); ++i)
            QCOMPARE(MarkdownRenderer::copyCodeIndex(QUrl(hrefs.at(i))), i);
        QCOMPARE(MarkdownRenderer::copyCodeIndex(QUrl(u"https://example.com/0"_s)), -1);
        QCOMPARE(MarkdownRenderer::copyCodeIndex(QUrl(u"cody-copy-code:x"_s)), -1);
    }

    void streamingFragments_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("visible");
        QTest::addColumn<int>("codeBlocks");

        QTest::newRow("unclosed fence")
            << u"Look:\n```cpp\nint main() {\n  ret"_s << u"int main() {\n  ret"_s << 1;
        QTest::newRow("fence opener only") << u"Look:\n```py"_s << u"Look:"_s << 1;
        QTest::newRow("half table header") << u"| a | b |\n|--"_s << u"| a | b |"_s << 0;
        QTest::newRow("table without rows") << u"| a | b |\n|---|---|"_s << u"b"_s << 0;
        QTest::newRow("table half row") << u"| a | b |\n|---|---|\n| 1 |"_s << u"1"_s << 0;
        QTest::newRow("unclosed strong") << u"some **bold te"_s << u"**bold te"_s << 0;
        QTest::newRow("unclosed link")
            << u"see [docs](https://exa"_s << u"[docs](https://exa"_s << 0;
        QTest::newRow("unclosed inline code") << u"run `make"_s << u"`make"_s << 0;
        QTest::newRow("list marker only") << u"- a\n- "_s << u"a"_s << 0;
    }

    void streamingFragments()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, visible);
        QFETCH(int, codeBlocks);

        const auto rendered = MarkdownRenderer().render(markdown);
        QCOMPARE(rendered.codeBlocks.size(), codeBlocks);
        const auto document = documentFor(rendered.html);
        QVERIFY2(document->toPlainText().contains(visible), qPrintable(document->toPlainText()));
    }

    void emptyInput_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << u"   "_s;
        QTest::newRow("newlines") << u"\n\n\r\n"_s;
    }

    void emptyInput()
    {
        QFETCH(QString, markdown);
        const auto rendered = MarkdownRenderer().render(markdown);
        QVERIFY(rendered.html.isEmpty());
        QVERIFY(rendered.codeBlocks.isEmpty());
    }

    void repeatedRendersAreStable()
    {
        // The streaming path: one renderer, the same blocks re-rendered from its cache, a
        // growing message, and then back to the first text.
        const MarkdownRenderer renderer;
        const auto first = renderer.render(sampleMessage);
        QCOMPARE(renderer.render(sampleMessage).html, first.html);
        const auto longer = renderer.render(QString(sampleMessage + u"\n```python\nx = 1"_s));
        QCOMPARE(longer.codeBlocks.size(), first.codeBlocks.size() + 1);
        QCOMPARE(longer.codeBlocks.last(), u"x = 1"_s);
        QCOMPARE(renderer.render(sampleMessage).html, first.html);
        QCOMPARE(MarkdownRenderer().render(sampleMessage).html, first.html);
    }

    void streamedCodeMatchesFreshRender()
    {
        // The renderer continues highlighting a growing block from its last complete line; the
        // result must be what highlighting the whole text at once gives, at every step, also
        // inside multi-line comments and strings and with multi-byte characters.
        // Not a raw string literal: moc 6.4 mis-parses one holding \" and then misses the class.
        const QString message
            = u"Intro text.\n```python\ndef f(s: str) -> str:\n"
              u"    \"\"\"Multi-line\n    docstring \u00fc\"\"\"\n"
              u"    return s + \"\u65e5\u672c\"  # tail\n```\n"
              u"```c\n/* spans\n   lines */ int x = 0x1F;\nchar *s = \"a\\\"b\";\n"_s;
        const MarkdownRenderer streaming;
        const MarkdownRenderer reference;
        for (qsizetype length = 1; length <= message.size(); ++length) {
            const QStringView prefix = QStringView(message).first(length);
            const QString streamed = streaming.render(prefix).html;
            // A block in another language in between makes `reference` start from scratch.
            reference.render(u"```lua\nx = 1\n```"_s);
            QCOMPARE(streamed, reference.render(prefix).html);
        }
    }

    void paletteChangesColours()
    {
        const QString markdown = u"```cpp\nint main() { return 0; }\n```\n[l](https://x.example)"_s;
        const QString light = MarkdownRenderer(false).render(markdown).html;
        const QString dark = MarkdownRenderer(true).render(markdown).html;
        QVERIFY(light != dark);
        QVERIFY(light.contains(u"#f6f8fa"_s));
        QVERIFY(dark.contains(u"#161b22"_s));
        QVERIFY(MarkdownRenderer(true).darkPalette());
    }

    void largeMessage()
    {
        // About 200 KB of mixed content in one call, as a long streamed answer would be.
        QString markdown;
        for (int i = 0; markdown.size() < 200 * 1024; ++i) {
            markdown += u"## Section "_s % QString::number(i)
                % u"\n\nSome *text* with `code` and a [link](https://example.com/"_s
                % QString::number(i) % u").\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"_s
                % u"```cpp\nint f"_s % QString::number(i)
                % u"() { return 42; } // comment\nstd::string s = \"x\";\n```\n\n"_s;
        }
        const MarkdownRenderer renderer;
        const auto rendered = renderer.render(markdown);
        QVERIFY(rendered.codeBlocks.size() > 500);
        QVERIFY(rendered.html.size() > markdown.size());
        const auto document = documentFor(rendered.html);
        QVERIFY(document->toPlainText().contains(u"Section 1"_s));

        // One huge code block as well: highlighting is linear too.
        QString code;
        while (code.size() < 200 * 1024)
            code += u"for (int i = 0; i < n; ++i) { total += values[i] * 2; } /* x */\n"_s;
        const auto big = renderer.render(QString(u"```cpp\n"_s % code % u"```"_s));
        QCOMPARE(big.codeBlocks.first() + u'\n', code);
    }

    void rendersToImage_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void rendersToImage()
    {
        // Draws a sample message the way the chat view shows it. Set CODY_MD_SNAPSHOT_DIR to keep
        // the PNGs (md-light.png, md-dark.png) and look at them.
        QFETCH(bool, dark);
        const auto rendered = MarkdownRenderer(dark).render(sampleMessage);
        QTextDocument document;
        document.setDocumentMargin(12);
        document.setHtml(rendered.html);
        document.setTextWidth(640);

        const QColor background = dark ? QColor(0x26, 0x29, 0x2d) : QColor(Qt::white);
        QImage image(640, int(document.size().height()) + 1, QImage::Format_RGB32);
        image.fill(background);
        QPainter painter(&image);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(
            QPalette::Text, dark ? QColor(0xe6, 0xed, 0xf3) : QColor(Qt::black));
        context.palette.setColor(QPalette::Base, background);
        document.documentLayout()->draw(&painter, context);
        painter.end();

        QVERIFY(image.height() > 400);
        const QString dir = qEnvironmentVariable("CODY_MD_SNAPSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(QDir(dir).filePath(dark ? u"md-dark.png"_s : u"md-light.png"_s)));
    }
};

QTEST_MAIN(TestMarkdownRenderer)
#include "tst_markdownrenderer.moc"
