// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

class QUrl;

namespace cody {

class CodeHighlighter;

// Turns a chat message's Markdown (GitHub flavour, parsed by cmark-gfm) into the HTML subset
// QTextDocument renders. Pure: no widgets, no I/O besides source-highlight's language files.
// Code is set in the system's fixed-pitch font (QFontDatabase::FixedFont), named explicitly.
//
// The text comes from a model, so nothing in it is trusted: raw HTML is shown as text, only
// http, https and mailto links stay links, and images are never loaded (their alt text and URL
// are shown instead). Code blocks are highlighted with GNU source-highlight and headed by a
// "Copy" link whose URL copyCodeIndex() maps back to an index into Rendered::codeBlocks.
//
// Cheap enough to call on every streaming update: linear in the message length, with language
// grammars loaded once per renderer and already highlighted blocks reused by the next render.
// Not thread-safe (render() updates those caches).
class MarkdownRenderer
{
public:
    struct Rendered
    {
        QString html;
        // The raw code of each fenced or indented block in document order, without the final
        // newline: what the block's Copy link should put on the clipboard.
        QStringList codeBlocks;
    };

    // darkPalette picks colours (code, links, borders) readable on a dark background.
    explicit MarkdownRenderer(bool darkPalette = false);
    ~MarkdownRenderer();
    MarkdownRenderer(MarkdownRenderer &&) noexcept;
    MarkdownRenderer &operator=(MarkdownRenderer &&) noexcept;

    Rendered render(QStringView markdown) const;

    bool darkPalette() const { return m_dark; }

    // For the view's anchorClicked handler: the code block index of a "cody-copy-code:N" link,
    // or -1 for any other URL.
    static int copyCodeIndex(const QUrl &url);

private:
    bool m_dark = false;
    QString m_codeFont; ///< CSS naming the fixed-pitch font for code
    std::unique_ptr<CodeHighlighter> m_highlighter;
};

} // namespace cody
