// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/codehighlighter.h"

#include <QByteArray>

#include <exception>
#include <memory>
#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>
#include <string>
#include <utility>

using namespace Qt::StringLiterals;

namespace cody {
namespace {

struct ElementStyle
{
    const char *element;
    const char *light;
    const char *dark;
    bool bold = false;
    bool italic = false;
};

// source-highlight's element names mapped to GitHub Primer syntax colours, which are chosen for
// contrast on the code block backgrounds MarkdownRenderer uses (#f6f8fa light, #161b22 dark).
// Elements not listed (normal, symbol, cbracket…) keep the block's text colour: fewer spans and
// less visual noise.
constexpr ElementStyle elementStyles[] = {
    {"keyword", "#cf222e", "#ff7b72"},
    {"preproc", "#cf222e", "#ff7b72"},
    {"type", "#953800", "#ffa657"},
    {"usertype", "#953800", "#ffa657"},
    {"classname", "#953800", "#ffa657"},
    {"variable", "#953800", "#ffa657"},
    {"string", "#0a3069", "#a5d6ff"},
    {"valquote", "#0a3069", "#a5d6ff"},
    {"specialchar", "#0a3069", "#a5d6ff"},
    {"value", "#0a3069", "#a5d6ff"},
    {"url", "#0a3069", "#a5d6ff"},
    {"regexp", "#116329", "#7ee787"},
    {"selector", "#116329", "#7ee787"},
    {"comment", "#6e7781", "#8b949e", false, true},
    {"number", "#0550ae", "#79c0ff"},
    {"predef_var", "#0550ae", "#79c0ff"},
    {"label", "#0550ae", "#79c0ff"},
    {"key", "#0550ae", "#79c0ff"},
    {"keyquote", "#0550ae", "#79c0ff"},
    {"property", "#0550ae", "#79c0ff"},
    {"function", "#8250df", "#d2a8ff"},
    {"predef_func", "#8250df", "#d2a8ff"},
    {"difflines", "#8250df", "#d2a8ff"},
    {"oldfile", "#82071e", "#ffa198"},
    {"newfile", "#116329", "#7ee787"},
    {"todo", "#cf222e", "#ff7b72", true},
};

// Fence names models write that lang.map does not know. Only near-exact grammars are mapped:
// wrong colours would be worse than none.
struct LanguageAlias
{
    const char *name;
    const char *langFile;
};
constexpr LanguageAlias languageAliases[] = {
    {"c++", "cpp.lang"},
    {"c#", "csharp.lang"},
    {"golang", "go.lang"},
    {"rust", "rust.lang"},
    {"ts", "javascript.lang"},
    {"typescript", "javascript.lang"},
    {"jsx", "javascript.lang"},
    {"tsx", "javascript.lang"},
    {"mjs", "javascript.lang"},
    {"cjs", "javascript.lang"},
    {"node", "javascript.lang"},
    {"python3", "python.lang"},
    {"py3", "python.lang"},
    {"console", "sh.lang"},
    {"shellsession", "sh.lang"},
    {"make", "makefile.lang"},
    {"jsonc", "json.lang"},
    {"svg", "xml.lang"},
};

constexpr qsizetype tabWidth = 4;

// Appends text to the HTML being built. Formatters receive byte strings cut by source-highlight's
// byte-oriented regexes, which may split a UTF-8 sequence between two tokens; the incomplete tail
// is carried to the next token so that no character is turned into U+FFFD.
class HtmlSink
{
public:
    QString html;

    void append(const std::string &bytes, const QString &open, const QString &close)
    {
        std::string text;
        if (m_carry.empty()) {
            text = bytes;
        } else {
            text = m_carry + bytes;
            m_carry.clear();
        }
        const std::size_t complete = completeUtf8Prefix(text);
        m_carry.assign(text, complete, std::string::npos);
        text.resize(complete);
        if (text.empty())
            return;
        html += open;
        html += QString::fromUtf8(text.data(), qsizetype(text.size())).toHtmlEscaped();
        html += close;
    }

    void reset()
    {
        html.clear();
        m_carry.clear();
    }

    void endLine(bool newline)
    {
        if (!m_carry.empty()) {
            html += QString::fromUtf8(m_carry.data(), qsizetype(m_carry.size())).toHtmlEscaped();
            m_carry.clear();
        }
        if (newline)
            html += u'\n';
    }

private:
    static std::size_t completeUtf8Prefix(const std::string &s)
    {
        // Look back at most 3 bytes for the lead byte of the last sequence.
        const std::size_t size = s.size();
        for (std::size_t back = 1; back <= 4 && back <= size; ++back) {
            const auto byte = static_cast<unsigned char>(s[size - back]);
            if ((byte & 0xC0) == 0x80)
                continue; // continuation byte
            const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            return length > back ? size - back : size;
        }
        return size;
    }

    std::string m_carry;
};

class SpanFormatter final : public srchilite::Formatter
{
public:
    SpanFormatter(HtmlSink *sink, QString open, QString close)
        : m_sink(sink)
        , m_open(std::move(open))
        , m_close(std::move(close))
    { }

    void format(const std::string &s, const srchilite::FormatterParams *) override
    {
        m_sink->append(s, m_open, m_close);
    }

private:
    HtmlSink *m_sink;
    QString m_open;
    QString m_close;
};

QString expandTabs(QStringView line)
{
    QString out;
    out.reserve(line.size());
    for (const QChar c : line) {
        if (c == u'\t')
            out += QString(tabWidth - out.size() % tabWidth, u' ');
        else
            out += c;
    }
    return out;
}

// Calls f for each line of code without its '\n' (and '\r'); a final newline ends the last line
// rather than starting an empty one.
template <typename F> void forEachLine(QStringView code, F f)
{
    qsizetype start = 0;
    while (start < code.size()) {
        qsizetype end = code.indexOf(u'\n', start);
        if (end < 0)
            end = code.size();
        QStringView line = code.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        f(line);
        start = end + 1;
    }
}

QString plainHtml(QStringView code)
{
    QString html;
    html.reserve(code.size() + code.size() / 8);
    bool first = true;
    forEachLine(code, [&](QStringView line) {
        if (!first)
            html += u'\n';
        first = false;
        html += expandTabs(line).toHtmlEscaped();
    });
    return html;
}

} // namespace

struct CodeHighlighter::Private
{
    explicit Private(bool dark)
        : dataDir(dataDirectory())
        , langMap(dataDir, "lang.map")
        , langDefs(&ruleFactory)
        , formatters(srchilite::FormatterPtr(new SpanFormatter(&sink, QString(), QString())))
    {
        try {
            langMap.open();
            langMapOpen = true;
        } catch (const std::exception &) {
            // Without lang.map every block is shown unhighlighted; that is the whole fallback.
        }
        for (const ElementStyle &style : elementStyles) {
            QString open
                = u"<span style=\"color:"_s + QLatin1StringView(dark ? style.dark : style.light);
            if (style.bold)
                open += u";font-weight:bold"_s;
            if (style.italic)
                open += u";font-style:italic"_s;
            open += u"\">"_s;
            formatters.addFormatter(style.element,
                srchilite::FormatterPtr(new SpanFormatter(&sink, std::move(open), u"</span>"_s)));
        }
    }

    static std::string dataDirectory()
    {
        // The same override the source-highlight tool honours; otherwise the library's own
        // compiled-in directory (Settings::retrieveDataDir would read ~/.source-highlight and
        // may log to stderr).
        const QByteArray env = qgetenv("SOURCE_HIGHLIGHT_DATADIR");
        return env.isEmpty() ? srchilite::Settings::getDefaultDataDir() : env.toStdString();
    }

    std::string langFileFor(QStringView infoString)
    {
        const QString language = languageOf(infoString).toLower();
        if (language.isEmpty() || !langMapOpen)
            return {};
        for (const LanguageAlias &alias : languageAliases) {
            if (language == QLatin1StringView(alias.name))
                return alias.langFile;
        }
        std::string file = langMap.getMappedFileName(language.toStdString());
        if (file.empty()) {
            // "cpp:src/main.cpp" names the file after the colon; a bare "main.py" also works.
            const qsizetype colon = infoString.indexOf(u':');
            const QStringView path
                = colon >= 0 ? infoString.sliced(colon + 1).trimmed() : infoString;
            const QString fileName = path.toString().section(u' ', 0, 0).section(u'/', -1);
            if (!fileName.isEmpty())
                file = langMap.getMappedFileNameFromFileName(fileName.toStdString());
        }
        return file == "nohilite.lang" ? std::string() : file;
    }

    srchilite::HighlightStatePtr stateFor(QStringView infoString)
    {
        const QString key = infoString.trimmed().toString();
        const auto it = states.constFind(key);
        if (it != states.constEnd())
            return it.value();
        srchilite::HighlightStatePtr state;
        try {
            const std::string file = langFileFor(key);
            if (!file.empty())
                state = langDefs.getHighlightState(dataDir, file);
        } catch (const std::exception &) {
            // A broken or missing .lang file: remembered as "unknown", so it is not retried.
            state.reset();
        }
        states.insert(key, state);
        return state;
    }

    // Highlights code, continuing the previous call's work when code extends the same block:
    // while a reply streams, its last block grows by a few characters per update, and
    // source-highlight's regexes (about 0.5 MB/s) would otherwise redo the whole block each time.
    // The highlighter's state after the last complete line is kept; the unfinished last line is
    // highlighted from a copy of that state, since its next characters may change its tokens.
    QString highlight(
        QStringView code, QStringView infoString, const srchilite::HighlightStatePtr &state)
    {
        if (!stream.highlighter || stream.info != infoString
            || !code.startsWith(stream.committedCode)) {
            stream.info = infoString.toString();
            stream.committedCode.clear();
            stream.committedHtml.clear();
            stream.highlighter = std::make_unique<srchilite::SourceHighlighter>(state);
            stream.highlighter->setFormatterManager(&formatters);
            // Merges adjacent tokens of one element into one span.
            stream.highlighter->setOptimize(true);
        }
        srchilite::SourceHighlighter &highlighter = *stream.highlighter;

        const QStringView rest = code.sliced(stream.committedCode.size());
        const qsizetype lastNewline = rest.lastIndexOf(u'\n');
        if (lastNewline >= 0) {
            const QStringView complete = rest.first(lastNewline + 1);
            sink.reset();
            forEachLine(complete, [&](QStringView line) {
                highlighter.highlightParagraph(expandTabs(line).toUtf8().toStdString());
                sink.endLine(true);
            });
            stream.committedHtml += sink.html;
            stream.committedCode += complete;
        }

        QString html = stream.committedHtml;
        const QStringView tail = rest.sliced(lastNewline + 1);
        if (tail.isEmpty()) {
            if (html.endsWith(u'\n'))
                html.chop(1);
            return html;
        }
        const srchilite::HighlightStatePtr savedState = highlighter.getCurrentState();
        const srchilite::HighlightStateStackPtr savedStack(
            new srchilite::HighlightStateStack(*highlighter.getStateStack()));
        sink.reset();
        highlighter.highlightParagraph(expandTabs(tail).toUtf8().toStdString());
        sink.endLine(false);
        highlighter.setCurrentState(savedState);
        highlighter.setStateStack(savedStack);
        return html + sink.html;
    }

    void resetStream() { stream.highlighter.reset(); }

    std::string dataDir;
    srchilite::LangMap langMap;
    bool langMapOpen = false;
    srchilite::RegexRuleFactory ruleFactory;
    srchilite::LangDefManager langDefs;
    HtmlSink sink;
    srchilite::FormatterManager formatters;
    // Keyed by the trimmed info string; a null state means "no grammar, show plain".
    QHash<QString, srchilite::HighlightStatePtr> states;
    struct
    {
        QString info;
        QString committedCode; // complete lines, each ending in '\n'
        QString committedHtml; // their HTML, each line ending in '\n'
        std::unique_ptr<srchilite::SourceHighlighter> highlighter; // state after committedCode
    } stream;
};

CodeHighlighter::CodeHighlighter(bool darkPalette)
    : d(std::make_unique<Private>(darkPalette))
{ }

CodeHighlighter::~CodeHighlighter() = default;

QString CodeHighlighter::languageOf(QStringView infoString)
{
    QStringView word = infoString.trimmed();
    const qsizetype space = word.indexOf(u' ');
    if (space >= 0)
        word = word.first(space);
    const qsizetype colon = word.indexOf(u':');
    if (colon >= 0)
        word = word.first(colon);
    // Pandoc-style "{.python}" and "language-python" appear in model output too.
    if (word.startsWith(u'{'))
        word = word.sliced(1);
    if (word.startsWith(u'.'))
        word = word.sliced(1);
    if (word.endsWith(u'}'))
        word.chop(1);
    if (word.startsWith(u"language-"))
        word = word.sliced(9);
    return word.toString();
}

QString CodeHighlighter::toHtml(QStringView code, QStringView infoString)
{
    QString key;
    key.reserve(infoString.size() + 1 + code.size());
    key.append(infoString).append(QChar()).append(code);
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return it.value();
    if (const auto it = m_previousCache.constFind(key); it != m_previousCache.constEnd()) {
        const QString html = it.value();
        m_cache.insert(key, html);
        return html;
    }

    QString html;
    if (const srchilite::HighlightStatePtr state = d->stateFor(infoString); state.get()) {
        try {
            html = d->highlight(code, infoString, state);
        } catch (const std::exception &) {
            // boost::regex gives up on pathological input (complexity limit): show it plain.
            d->resetStream();
            html = plainHtml(code);
        }
    } else {
        html = plainHtml(code);
    }
    m_cache.insert(key, html);
    return html;
}

void CodeHighlighter::beginPass()
{
    m_previousCache = std::exchange(m_cache, {});
}

} // namespace cody
