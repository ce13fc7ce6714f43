// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the MarkdownRenderer tests: they look at the QTextDocument Qt builds from the
// HTML, as the chat view does.
#pragma once

#include "ui/chat/markdownrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
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

namespace cody::test {

// What the chat view does with the output: the assertions look at the document Qt builds, not
// at the HTML text, so they hold whatever markup the renderer chooses.
inline std::unique_ptr<QTextDocument> documentFor(const QString &html)
{
    auto document = std::make_unique<QTextDocument>();
    document->setHtml(html);
    return document;
}

inline QList<QTextTable *> tablesIn(QTextFrame *frame)
{
    QList<QTextTable *> tables;
    const QList<QTextFrame *> children = frame->childFrames();
    for (QTextFrame *child : children) {
        if (auto *table = qobject_cast<QTextTable *>(child))
            tables.append(table);
        tables += tablesIn(child);
    }
    return tables;
}

inline QList<QTextFragment> fragmentsOf(const QTextDocument &document)
{
    QList<QTextFragment> fragments;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            fragments.append(it.fragment());
    }
    return fragments;
}

inline QStringList hrefsIn(const QTextDocument &document)
{
    QStringList hrefs;
    QString previous;
    for (const QTextFragment &fragment : fragmentsOf(document)) {
        const QString href = fragment.charFormat().anchorHref();
        if (!href.isEmpty() && href != previous)
            hrefs.append(href);
        previous = href;
    }
    return hrefs;
}

inline int listItemsIn(const QTextDocument &document)
{
    int items = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        items += block.textList() ? 1 : 0;
    return items;
}

inline bool hasImage(const QTextDocument &document)
{
    const QList<QTextFragment> fragments = fragmentsOf(document);
    return std::any_of(fragments.cbegin(), fragments.cend(),
        [](const QTextFragment &f) { return f.charFormat().isImageFormat(); });
}

// The fragment holding `text` (or the first fragment containing it).
inline QTextCharFormat formatOf(const QTextDocument &document, const QString &text)
{
    for (const QTextFragment &fragment : fragmentsOf(document)) {
        if (fragment.text().contains(text))
            return fragment.charFormat();
    }
    return {};
}

// Code is set in a family named explicitly (not the generic "monospace" Qt gives <code> and
// <pre>, nor Qt's "Courier New"), the desktop's fixed-pitch font, and in it every character has
// the same width. Qt's fixedPitch() alone would wrongly say no for Noto Sans Mono, which
// fontconfig does not mark as monospaced.
inline bool isMonospace(const QTextCharFormat &format)
{
    const QStringList families = format.fontFamilies().toStringList();
    if (families.isEmpty() || families.contains(u"monospace"_s, Qt::CaseInsensitive))
        return false;
    const QFont font = format.font();
    const QString system = QFontInfo(QFontDatabase::systemFont(QFontDatabase::FixedFont)).family();
    if (QFontInfo(font).family() != system && !QFontInfo(font).fixedPitch())
        return false;
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(u"iiiiiiii"_s);
    return width > 0 && metrics.horizontalAdvance(u"WWWWWWWW"_s) == width
        && metrics.horizontalAdvance(u"........"_s) == width
        && metrics.horizontalAdvance(u"mmmmmmmm"_s) == width;
}

inline QTextBlock blockWithText(const QTextDocument &document, const QString &text)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.text() == text)
            return block;
    }
    return {};
}

// The highlighted code inside the first <pre>, leaving out the block's header.
inline QString preBody(const QString &html)
{
    return html.section(u"<pre"_s, 1, 1).section(u"</pre>"_s, 0, 0);
}

// Distinct explicit foreground colours inside the code of a document's code block.
inline QSet<QRgb> codeColours(const QTextDocument &document)
{
    QSet<QRgb> colours;
    for (const QTextFragment &fragment : fragmentsOf(document)) {
        const QTextCharFormat format = fragment.charFormat();
        if (isMonospace(format) && format.hasProperty(QTextFormat::ForegroundBrush))
            colours.insert(format.foreground().color().rgb());
    }
    return colours;
}

inline const QString sampleMessage = uR"(## Streaming a reply

Here is **bold**, *italic*, ~~struck~~ and `inline code`, plus a [link](https://sourcegraph.com)
and an autolink: www.example.com. Non-ASCII: Grüße, 日本語, naïve café.

- first item
- second item with `code`
  - nested item
- [x] done task
- [ ] open task

1. one
2. two

> A block quote with *emphasis*.

| Model | Context | Status |
|:------|--------:|:------:|
| claude-sonnet | 200k | stable |
| gpt-4o | 128k | ~~deprecated~~ |

```cpp:src/main.cpp
#include <cstdio>
// Prints a greeting.
int main() {
	const char *s = "héllo";
	return std::printf("%s\n", s) < 0;
}
```

```
plain block, no language
```

<script>alert("raw html")</script>

### Steps

1. Install the dependencies:

   ```bash
   sudo apt-get install libcmark-gfm-dev  # a long comment that wraps instead of widening the view
   ```
2. Build with `ninja`, then see ![the diagram](https://example.com/d.png).
3. Run it:
```sh
./cody-chat
```
4. Numbering resumes after an unindented block.

---
Done.)"_s;

} // namespace cody::test
