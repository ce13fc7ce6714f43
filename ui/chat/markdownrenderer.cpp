// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/markdownrenderer.h"

#include "ui/chat/codehighlighter.h"

#include <QByteArray>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QUrl>

#define CMARK_NO_SHORT_NAMES
#include <algorithm>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstdint>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace cody {
namespace {

constexpr auto copyScheme = "cody-copy-code"_L1;

// Colours the renderer sets itself. Body text colour is left to the view's palette; everything
// given a background here also gets an explicit foreground, so it stays readable whatever that
// palette is. Values follow GitHub's Primer light and dark themes.
struct Palette
{
    QLatin1StringView codeBackground;
    QLatin1StringView codeText;
    QLatin1StringView codeHeaderBackground;
    QLatin1StringView codeLabel;
    QLatin1StringView inlineCodeBackground;
    QLatin1StringView tableBorder;
    QLatin1StringView tableHeaderBackground;
    QLatin1StringView link;
    QLatin1StringView quoteText;
};

constexpr Palette lightColours {"#f6f8fa"_L1, "#1f2328"_L1, "#eaeef2"_L1, "#57606a"_L1,
    "rgba(175,184,193,0.35)"_L1, "#d0d7de"_L1, "#f6f8fa"_L1, "#0969da"_L1, "#57606a"_L1};
constexpr Palette darkColours {"#161b22"_L1, "#e6edf3"_L1, "#262c36"_L1, "#8d96a0"_L1,
    "rgba(110,118,129,0.4)"_L1, "#3d444d"_L1, "#262c36"_L1, "#4493f8"_L1, "#9198a1"_L1};

using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using IterPtr = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

QString literalOf(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

bool typeIs(cmark_node *node, const char *name)
{
    return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

// Allow-list, not deny-list: javascript:, data:, file:, relative and custom-scheme links from the
// model must never become clickable, and the view may open whatever it is handed.
QString allowedHref(const char *destination)
{
    const QUrl url(QString::fromUtf8(destination ? destination : ""));
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme();
    const bool allowed = ((scheme == u"http" || scheme == u"https") && !url.host().isEmpty())
        || (scheme == u"mailto" && !url.path().isEmpty());
    return allowed ? url.toString(QUrl::FullyEncoded) : QString();
}

// The label shown above a code block: the path of "cpp:src/main.cpp", else the language word.
QString codeLabel(QStringView info)
{
    const QStringView trimmed = info.trimmed();
    const QStringView word = trimmed.left(trimmed.indexOf(u' '));
    const qsizetype colon = word.indexOf(u':');
    if (colon >= 0 && colon + 1 < word.size())
        return word.sliced(colon + 1).toString();
    return CodeHighlighter::languageOf(info);
}

// True when every character takes the same width. Qt's fixedPitch() alone is not enough: it
// reads fontconfig's "spacing", which some monospaced fonts do not declare (Noto Sans Mono, the
// "monospace" of a machine with fonts-noto-mono).
bool isMonospaced(const QFont &font)
{
    if (QFontInfo(font).fixedPitch())
        return true;
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(u'i');
    return width > 0 && std::all_of(std::begin(u"Wm._0"), std::end(u"Wm._0") - 1, [&](char16_t c) {
        return qFuzzyCompare(metrics.horizontalAdvance(QChar(c)), width);
    });
}

// The CSS that sets code in the desktop's fixed-pitch font, named by the family it resolves to.
// Left to Qt, <code> and <pre> get the generic "monospace", whatever fontconfig makes of it; a
// font with proportional glyphs is replaced by the first family Qt knows to be fixed-pitch.
QString codeFontCss()
{
    const QFont system = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QString family = QFontInfo(system).family();
    if (!isMonospaced(system)) {
        const QStringList families = QFontDatabase::families();
        const auto fixed = std::find_if(families.cbegin(), families.cend(),
            [](const QString &name) { return QFontDatabase::isFixedPitch(name); });
        if (fixed != families.cend())
            family = *fixed;
    }
    family.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u"font-family:'"_s % family.toHtmlEscaped() % u"';"_s;
}

class HtmlWriter
{
public:
    HtmlWriter(const Palette &palette, const QString &codeFont, CodeHighlighter &highlighter,
        MarkdownRenderer::Rendered &out)
        : m_palette(palette)
        , m_codeFont(codeFont)
        , m_highlighter(highlighter)
        , m_out(out)
        , m_html(out.html)
    { }

    void write(cmark_node *document)
    {
        IterPtr iter(cmark_iter_new(document), &cmark_iter_free);
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER)
                enter(node);
            else
                exit(node);
        }
    }

private:
    void text(QStringView s) { m_html += s.toString().toHtmlEscaped(); }

    void enter(cmark_node *node)
    {
        const cmark_node_type type = cmark_node_get_type(node);
        if (!m_pendingNumber.isEmpty() && type != CMARK_NODE_PARAGRAPH)
            flushNumber(); // an item starting with a code block, quote or list
        switch (type) {
        case CMARK_NODE_BLOCK_QUOTE:
            m_html += u"<blockquote style=\"color:"_s % m_palette.quoteText % u"\">"_s;
            break;
        case CMARK_NODE_LIST:
            enterList(node);
            break;
        case CMARK_NODE_ITEM:
            enterItem(node);
            break;
        case CMARK_NODE_CODE_BLOCK:
            codeBlock(node);
            break;
        case CMARK_NODE_HTML_BLOCK:
            rawHtmlBlock(node);
            break;
        case CMARK_NODE_PARAGRAPH:
            if (!inTightList(node))
                m_html += u"<p>"_s;
            flushNumber();
            break;
        case CMARK_NODE_HEADING:
            m_html += u"<h"_s % QString::number(cmark_node_get_heading_level(node)) % u'>';
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            m_html += u"<hr />"_s;
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: // raw HTML from the model is shown, never interpreted
            text(literalOf(node));
            break;
        case CMARK_NODE_SOFTBREAK:
            m_html += u'\n';
            break;
        case CMARK_NODE_LINEBREAK:
            m_html += u"<br />"_s;
            break;
        case CMARK_NODE_CODE:
            m_html += u"<code style=\""_s % m_codeFont % u"background-color:"_s
                % m_palette.inlineCodeBackground % u"\">"_s;
            text(literalOf(node));
            m_html += u"</code>"_s;
            break;
        case CMARK_NODE_EMPH:
            m_html += u"<em>"_s;
            break;
        case CMARK_NODE_STRONG:
            m_html += u"<strong>"_s;
            break;
        case CMARK_NODE_LINK:
            enterLink(node);
            break;
        default:
            enterExtension(node);
            break;
        }
    }

    void exit(cmark_node *node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
            m_html += u"</blockquote>"_s;
            break;
        case CMARK_NODE_LIST: {
            --m_listDepth;
            const bool qtNumbered = m_listNumbers.takeLast() < 0;
            m_html += cmark_node_get_list_type(node) == CMARK_ORDERED_LIST && qtNumbered
                ? u"</ol>"_s
                : u"</ul>"_s;
            break;
        }
        case CMARK_NODE_ITEM:
            flushNumber(); // an empty item
            m_html += u"</li>"_s;
            break;
        case CMARK_NODE_PARAGRAPH:
            if (!inTightList(node))
                m_html += u"</p>"_s;
            break;
        case CMARK_NODE_HEADING:
            m_html += u"</h"_s % QString::number(cmark_node_get_heading_level(node)) % u">"_s;
            break;
        case CMARK_NODE_EMPH:
            m_html += u"</em>"_s;
            break;
        case CMARK_NODE_STRONG:
            m_html += u"</strong>"_s;
            break;
        case CMARK_NODE_LINK:
            if (m_openLinks.takeLast()) {
                m_html += u"</a>"_s;
                --m_anchorDepth;
            }
            break;
        case CMARK_NODE_IMAGE:
            exitImage(node);
            break;
        default:
            exitExtension(node);
            break;
        }
    }

    void enterList(cmark_node *node)
    {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        const int start = cmark_node_get_list_start(node);
        // Qt 6.4 ignores <ol start>, yet models often resume a numbered list after an unindented
        // code block ("2. Then run:"), which cmark parses as a new list starting at 2. Such
        // lists get unmarked items with the number written out, so the count does not restart.
        m_listNumbers.append(ordered && start != 1 ? start : -1);
        if (ordered && start != 1) {
            m_html += u"<ul style=\"list-style-type:none\">"_s;
        } else if (ordered) {
            m_html += u"<ol>"_s;
        } else {
            // Qt draws every level with a disc unless told otherwise.
            static constexpr QLatin1StringView bullets[] = {"disc"_L1, "circle"_L1, "square"_L1};
            m_html += u"<ul style=\"list-style-type:"_s % bullets[m_listDepth % 3] % u"\">"_s;
        }
        ++m_listDepth;
    }

    void enterItem(cmark_node *node)
    {
        QString attributes;
        // Qt's importer turns these classes into QTextBlockFormat check markers.
        if (typeIs(node, "tasklist")) {
            attributes = cmark_gfm_extensions_get_tasklist_item_checked(node)
                ? u" class=\"checked\""_s
                : u" class=\"unchecked\""_s;
        }
        if (m_listNumbers.last() >= 0) {
            const bool paren
                = cmark_node_get_list_delim(cmark_node_parent(node)) == CMARK_PAREN_DELIM;
            m_pendingNumber = QString::number(m_listNumbers.last()++) % (paren ? u") "_s : u". "_s);
            // Hangs the written-out number in the margin where Qt draws its own markers (about
            // 8px a character at the usual font sizes), so both kinds of list line up.
            attributes += u" style=\"text-indent:-"_s
                % QString::number(8 * (m_pendingNumber.size() - 1)) % u"px\""_s;
        }
        m_html += u"<li"_s % attributes % u'>';
    }

    void enterLink(cmark_node *node)
    {
        const QString href = allowedHref(cmark_node_get_url(node));
        // A link the model nests inside another (only possible via autolinks) stays text.
        const bool open = !href.isEmpty() && m_anchorDepth == 0;
        m_openLinks.append(open);
        if (open) {
            ++m_anchorDepth;
            m_html += u"<a href=\""_s % href.toHtmlEscaped() % u"\" style=\"color:"_s
                % m_palette.link % u"\">"_s;
        }
    }

    void exitImage(cmark_node *node)
    {
        // Images are never fetched: the alt text (the children, already written) stands in for
        // the picture, followed by its URL as an ordinary link.
        const QString href = allowedHref(cmark_node_get_url(node));
        if (href.isEmpty() || m_anchorDepth > 0)
            return;
        const bool hasAlt = cmark_node_first_child(node) != nullptr;
        m_html += (hasAlt ? u" ("_s : QString()) % u"<a href=\""_s % href.toHtmlEscaped()
            % u"\" style=\"color:"_s % m_palette.link % u"\">"_s % href.toHtmlEscaped() % u"</a>"_s
            % (hasAlt ? u")"_s : QString());
    }

    void enterExtension(cmark_node *node)
    {
        if (typeIs(node, "table")) {
            m_alignments = cmark_gfm_extensions_get_table_alignments(node);
            m_columns = cmark_gfm_extensions_get_table_columns(node);
            m_html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" style=\""
                      u"border-collapse:collapse;border-style:solid;border-color:"_s
                % m_palette.tableBorder % u";margin-top:6px;margin-bottom:10px\">"_s;
        } else if (typeIs(node, "table_header") || typeIs(node, "table_row")) {
            m_headerRow = typeIs(node, "table_header");
            m_column = 0;
            m_html += u"<tr>"_s;
        } else if (typeIs(node, "table_cell")) {
            const char alignment
                = m_alignments && m_column < m_columns ? m_alignments[m_column] : 0;
            const QLatin1StringView align = alignment == 'c' ? "center"_L1
                : alignment == 'r'                           ? "right"_L1
                                                             : "left"_L1;
            if (m_headerRow)
                m_html += u"<th align=\""_s % align % u"\" bgcolor=\""_s
                    % m_palette.tableHeaderBackground % u"\">"_s;
            else
                m_html += u"<td align=\""_s % align % u"\">"_s;
        } else if (typeIs(node, "strikethrough")) {
            m_html += u"<s>"_s;
        }
    }

    void exitExtension(cmark_node *node)
    {
        if (typeIs(node, "table")) {
            m_html += u"</table>"_s;
            m_alignments = nullptr;
        } else if (typeIs(node, "table_header") || typeIs(node, "table_row")) {
            m_html += u"</tr>"_s;
        } else if (typeIs(node, "table_cell")) {
            m_html += m_headerRow ? u"</th>"_s : u"</td>"_s;
            ++m_column;
        } else if (typeIs(node, "strikethrough")) {
            m_html += u"</s>"_s;
        }
    }

    void codeBlock(cmark_node *node)
    {
        QString code = literalOf(node);
        if (code.endsWith(u'\n'))
            code.chop(1);
        const QString info = QString::fromUtf8(cmark_node_get_fence_info(node));
        const qsizetype index = m_out.codeBlocks.size();
        m_out.codeBlocks.append(code);

        // A table is the only way to give a block a full-width background in QTextDocument. No
        // border: Qt 6.4 ignores per-cell border styles, so a bordered table would draw lines
        // between the header cells; the header row's darker band delimits the block instead.
        const QString header = u"<td bgcolor=\""_s % m_palette.codeHeaderBackground
            % u"\" style=\"padding-left:8px;padding-right:8px;padding-top:2px;padding-bottom:2px\""_s;
        m_html
            += u"<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" bgcolor=\""_s
            % m_palette.codeBackground % u"\" style=\"margin-top:6px;margin-bottom:10px\"><tr>"_s
            % header % u"><span style=\"color:"_s % m_palette.codeLabel % u";font-size:small\">"_s
            % codeLabel(info).toHtmlEscaped() % u"</span></td>"_s % header
            % u" align=\"right\"><a href=\""_s % copyScheme % u':' % QString::number(index)
            % u"\" style=\"color:"_s % m_palette.link
            % u";font-size:small;text-decoration:none\">Copy</a></td></tr>"_s
            // pre-wrap: a QTextBrowser cannot scroll one block sideways, so a long line would
            // otherwise widen the whole conversation.
            % u"<tr><td colspan=\"2\" style=\"padding:8px\">"_s % u"<pre style=\""_s % m_codeFont
            % u"margin-top:0;margin-bottom:0;white-space:pre-wrap;color:"_s % m_palette.codeText
            % u"\">"_s % m_highlighter.toHtml(code, info) % u"</pre></td></tr></table>"_s;
    }

    void rawHtmlBlock(cmark_node *node)
    {
        QString html = literalOf(node);
        if (html.endsWith(u'\n'))
            html.chop(1);
        m_html += u"<p>"_s % html.toHtmlEscaped().replace(u'\n', u"<br />"_s) % u"</p>"_s;
    }

    void flushNumber()
    {
        m_html += m_pendingNumber;
        m_pendingNumber.clear();
    }

    static bool inTightList(cmark_node *paragraph)
    {
        cmark_node *item = cmark_node_parent(paragraph);
        cmark_node *list = item ? cmark_node_parent(item) : nullptr;
        return list && cmark_node_get_type(item) == CMARK_NODE_ITEM
            && cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
    }

    const Palette &m_palette;
    const QString &m_codeFont;
    CodeHighlighter &m_highlighter;
    MarkdownRenderer::Rendered &m_out;
    QString &m_html;
    int m_listDepth = 0;
    QList<int> m_listNumbers {-1}; // per open list: next number to write out, -1 when Qt numbers
    QString m_pendingNumber; // written at the start of the item's first paragraph
    int m_anchorDepth = 0;
    QList<bool> m_openLinks; // per LINK node being visited: whether it opened an <a>
    const uint8_t *m_alignments = nullptr;
    int m_columns = 0;
    int m_column = 0;
    bool m_headerRow = false;
};

} // namespace

MarkdownRenderer::MarkdownRenderer(bool darkPalette)
    : m_dark(darkPalette)
    , m_codeFont(codeFontCss())
    , m_highlighter(std::make_unique<CodeHighlighter>(darkPalette))
{
    // Registers table, strikethrough, autolink and tasklist with cmark's global registry; the
    // function itself guards against running twice.
    cmark_gfm_core_extensions_ensure_registered();
}

MarkdownRenderer::~MarkdownRenderer() = default;
MarkdownRenderer::MarkdownRenderer(MarkdownRenderer &&) noexcept = default;
MarkdownRenderer &MarkdownRenderer::operator=(MarkdownRenderer &&) noexcept = default;

MarkdownRenderer::Rendered MarkdownRenderer::render(QStringView markdown) const
{
    Rendered rendered;
    if (markdown.trimmed().isEmpty())
        return rendered;

    // CMARK_OPT_DEFAULT leaves "safe" mode on, but it does not matter: cmark's own HTML renderer
    // is not used, HtmlWriter below escapes every literal itself.
    ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT), &cmark_parser_free);
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    const QByteArray utf8 = markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), std::size_t(utf8.size()));
    NodePtr document(cmark_parser_finish(parser.get()), &cmark_node_free);
    if (!document)
        return rendered;

    rendered.html.reserve(utf8.size() + utf8.size() / 2);
    m_highlighter->beginPass();
    HtmlWriter writer(m_dark ? darkColours : lightColours, m_codeFont, *m_highlighter, rendered);
    writer.write(document.get());
    return rendered;
}

int MarkdownRenderer::copyCodeIndex(const QUrl &url)
{
    if (url.scheme() != copyScheme)
        return -1;
    bool ok = false;
    const int index = url.path().toInt(&ok);
    return ok && index >= 0 ? index : -1;
}

} // namespace cody
