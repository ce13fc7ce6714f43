// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <memory>

namespace cody {

// Syntax highlighting of fenced code for MarkdownRenderer, on top of GNU source-highlight.
// The srchilite and Boost types stay behind the pimpl so that nothing including this header (or
// markdownrenderer.h) needs their headers.
class CodeHighlighter
{
public:
    explicit CodeHighlighter(bool darkPalette = false);
    ~CodeHighlighter();
    CodeHighlighter(const CodeHighlighter &) = delete;
    CodeHighlighter &operator=(const CodeHighlighter &) = delete;

    // The language word of a fence info string: "cpp:src/main.cpp" -> "cpp", "python title=x" ->
    // "python".
    static QString languageOf(QStringView infoString);

    // The body of a <pre>: HTML-escaped code, coloured with <span style="color:…"> when the
    // language is known, plain otherwise; lines are separated by '\n' and tabs expanded to 4
    // columns. When code extends the block of the previous call (a streamed reply), only its new
    // lines are highlighted.
    QString toHtml(QStringView code, QStringView infoString);

    // Starts a new render pass for the result cache: blocks highlighted in this pass or the
    // previous one are served from the cache, older ones are dropped, so memory stays bounded by
    // about two messages' code.
    void beginPass();

private:
    struct Private;
    std::unique_ptr<Private> d;
    QHash<QString, QString> m_cache;
    QHash<QString, QString> m_previousCache;
};

} // namespace cody
