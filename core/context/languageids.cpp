// SPDX-License-Identifier: Apache-2.0
#include "context/languageids.h"

#include <array>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

struct Entry
{
    QLatin1StringView extension;
    QLatin1StringView language;
};

// Cody's EXTENSION_TO_LANGUAGE (lib/shared/src/common/languages.ts), lower-cased as
// markdownCodeBlockLanguageIDForFilename does; these must stay as they are, since the model saw
// them in every Cody prompt.
constexpr std::array CodyTable {
    Entry {"js"_L1, "javascript"_L1},
    Entry {"jsx"_L1, "javascript"_L1},
    Entry {"cjs"_L1, "javascript"_L1},
    Entry {"mjs"_L1, "javascript"_L1},
    Entry {"ts"_L1, "typescript"_L1},
    Entry {"tsx"_L1, "typescript"_L1},
    Entry {"cts"_L1, "typescript"_L1},
    Entry {"mts"_L1, "typescript"_L1},
    Entry {"py"_L1, "python"_L1},
    Entry {"rb"_L1, "ruby"_L1},
    Entry {"md"_L1, "markdown"_L1},
    Entry {"markdown"_L1, "markdown"_L1},
    Entry {"php"_L1, "php"_L1},
    Entry {"go"_L1, "go"_L1},
    Entry {"java"_L1, "java"_L1},
    Entry {"c"_L1, "c"_L1},
    Entry {"cpp"_L1, "c++"_L1},
    Entry {"cs"_L1, "csharp"_L1},
    Entry {"css"_L1, "css"_L1},
    Entry {"html"_L1, "html"_L1},
    Entry {"json"_L1, "json"_L1},
    Entry {"rs"_L1, "rust"_L1},
    Entry {"txt"_L1, "plain text"_L1},
};

// What Cody's table leaves out, named the way its entries are. Only extensions whose language
// is not simply the extension are worth an entry: the rest come out right without one.
constexpr std::array MoreLanguages {
    Entry {"h"_L1, "c"_L1},
    Entry {"cc"_L1, "c++"_L1},
    Entry {"cxx"_L1, "c++"_L1},
    Entry {"hh"_L1, "c++"_L1},
    Entry {"hpp"_L1, "c++"_L1},
    Entry {"hxx"_L1, "c++"_L1},
    Entry {"ipp"_L1, "c++"_L1},
    Entry {"inl"_L1, "c++"_L1},
    Entry {"m"_L1, "objective-c"_L1},
    Entry {"mm"_L1, "objective-c++"_L1},
    Entry {"kt"_L1, "kotlin"_L1},
    Entry {"kts"_L1, "kotlin"_L1},
    Entry {"pyi"_L1, "python"_L1},
    Entry {"pyw"_L1, "python"_L1},
    Entry {"rake"_L1, "ruby"_L1},
    Entry {"gemspec"_L1, "ruby"_L1},
    Entry {"pl"_L1, "perl"_L1},
    Entry {"pm"_L1, "perl"_L1},
    Entry {"sh"_L1, "bash"_L1},
    Entry {"ps1"_L1, "powershell"_L1},
    Entry {"psm1"_L1, "powershell"_L1},
    Entry {"bat"_L1, "batch"_L1},
    Entry {"cmd"_L1, "batch"_L1},
    Entry {"yml"_L1, "yaml"_L1},
    Entry {"htm"_L1, "html"_L1},
    Entry {"xhtml"_L1, "html"_L1},
    Entry {"svg"_L1, "xml"_L1},
    Entry {"xsd"_L1, "xml"_L1},
    Entry {"xsl"_L1, "xml"_L1},
    Entry {"ui"_L1, "xml"_L1},
    Entry {"qrc"_L1, "xml"_L1},
    Entry {"jsonc"_L1, "json"_L1},
    Entry {"json5"_L1, "json"_L1},
    Entry {"hs"_L1, "haskell"_L1},
    Entry {"lhs"_L1, "haskell"_L1},
    Entry {"ml"_L1, "ocaml"_L1},
    Entry {"mli"_L1, "ocaml"_L1},
    Entry {"fs"_L1, "fsharp"_L1},
    Entry {"fsx"_L1, "fsharp"_L1},
    Entry {"ex"_L1, "elixir"_L1},
    Entry {"exs"_L1, "elixir"_L1},
    Entry {"erl"_L1, "erlang"_L1},
    Entry {"hrl"_L1, "erlang"_L1},
    Entry {"clj"_L1, "clojure"_L1},
    Entry {"cljs"_L1, "clojure"_L1},
    Entry {"cljc"_L1, "clojure"_L1},
    Entry {"jl"_L1, "julia"_L1},
    Entry {"vb"_L1, "vb.net"_L1},
    Entry {"gradle"_L1, "groovy"_L1},
    Entry {"tf"_L1, "terraform"_L1},
    Entry {"hcl"_L1, "terraform"_L1},
    Entry {"proto"_L1, "protobuf"_L1},
    Entry {"gql"_L1, "graphql"_L1},
    Entry {"mk"_L1, "makefile"_L1},
    Entry {"tex"_L1, "latex"_L1},
    Entry {"rst"_L1, "restructuredtext"_L1},
    Entry {"adoc"_L1, "asciidoc"_L1},
    Entry {"patch"_L1, "diff"_L1},
    Entry {"psql"_L1, "sql"_L1},
    Entry {"cu"_L1, "cuda"_L1},
    Entry {"cuh"_L1, "cuda"_L1},
    Entry {"sol"_L1, "solidity"_L1},
    Entry {"v"_L1, "verilog"_L1},
    Entry {"sv"_L1, "systemverilog"_L1},
    Entry {"vhd"_L1, "vhdl"_L1},
    Entry {"asm"_L1, "assembly"_L1},
    Entry {"s"_L1, "assembly"_L1},
};

template <typename Table> QLatin1StringView find(const Table &table, QStringView extension)
{
    for (const Entry &entry : table) {
        if (extension.compare(entry.extension, Qt::CaseInsensitive) == 0)
            return entry.language;
    }
    return {};
}

} // namespace

QStringView LanguageIds::extension(QStringView path)
{
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    const QStringView name = path.mid(slash + 1);
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0) // none, or a leading dot only: ".gitignore" has no extension
        return {};
    return name.mid(dot + 1);
}

QString LanguageIds::forPath(QStringView path)
{
    const QStringView ext = extension(path);
    if (ext.isEmpty())
        return {};
    QLatin1StringView language = find(CodyTable, ext);
    if (language.isEmpty())
        language = find(MoreLanguages, ext);
    // Lookups ignore case ("README.MD" is Markdown, where Cody would say "md").
    return language.isEmpty() ? ext.toString().toLower() : QString(language);
}

} // namespace cody
