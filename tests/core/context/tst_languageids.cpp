// SPDX-License-Identifier: Apache-2.0
#include "context/languageids.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cody::LanguageIds;

class TestLanguageIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("language");
        // context.md §3.1, taken from Cody's table.
        QTest::newRow("ts") << u"src/squirrel.ts"_s << u"typescript"_s;
        QTest::newRow("tsx") << u"src/Heading.tsx"_s << u"typescript"_s; // FX/31
        QTest::newRow("py") << u"cmd/example3.py"_s << u"python"_s;
        QTest::newRow("md") << u"agent/README.md"_s << u"markdown"_s;
        QTest::newRow("go") << u"cmd/symbols/squirrel/service.go"_s << u"go"_s;
        QTest::newRow("cpp") << u"core/main.cpp"_s << u"c++"_s;
        QTest::newRow("cs") << u"Program.cs"_s << u"csharp"_s;
        QTest::newRow("txt") << u"notes.txt"_s << u"plain text"_s;
        QTest::newRow("CMakeLists.txt") << u"CMakeLists.txt"_s << u"plain text"_s;
        QTest::newRow("java") << u"src/sub/Sample2.java"_s << u"java"_s;
        QTest::newRow("mjs") << u"a.mjs"_s << u"javascript"_s;
        QTest::newRow("rs") << u"src/lib.rs"_s << u"rust"_s;
        // Unknown extensions are used as they are (FX/29).
        QTest::newRow("bzl") << u"test_repos/starlark/sample.bzl"_s << u"bzl"_s;
        QTest::newRow("bazel") << u"test_repos/starlark/BUILD.bazel"_s << u"bazel"_s;
        QTest::newRow("gz") << u"dist/archive.tar.gz"_s << u"gz"_s;
        QTest::newRow("unknown, upper case") << u"data/TABLE.XYZ"_s << u"xyz"_s;
        // No extension: no id (FX/29's WORKSPACE, BUILD and CODENOTIFY).
        QTest::newRow("WORKSPACE") << u"test_repos/starlark/WORKSPACE"_s << QString();
        QTest::newRow("CODENOTIFY") << u"cmd/symbols/squirrel/CODENOTIFY"_s << QString();
        QTest::newRow("dot file") << u"repo/.gitignore"_s << QString();
        QTest::newRow("trailing dot") << u"notes."_s << QString();
        QTest::newRow("dot in a folder") << u"conf.d/settings"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        // Our additions.
        QTest::newRow("h") << u"include/x.h"_s << u"c"_s;
        QTest::newRow("hpp") << u"include/x.hpp"_s << u"c++"_s;
        QTest::newRow("cc") << u"x.cc"_s << u"c++"_s;
        QTest::newRow("kt") << u"App.kt"_s << u"kotlin"_s;
        QTest::newRow("sh") << u"scripts/build.sh"_s << u"bash"_s;
        QTest::newRow("yml") << u".github/workflows/ci.yml"_s << u"yaml"_s;
        QTest::newRow("yaml") << u"config.yaml"_s << u"yaml"_s;
        QTest::newRow("swift (the extension)") << u"App.swift"_s << u"swift"_s;
        QTest::newRow("upper-case known") << u"README.MD"_s << u"markdown"_s;
        QTest::newRow("windows separators") << u"src\\tools\\gen.py"_s << u"python"_s;
        QTest::newRow("space in the name") << u"my docs/read me.md"_s << u"markdown"_s;
    }

    void forPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, language);
        QCOMPARE(LanguageIds::forPath(path), language);
    }

    void extensionIsAfterTheLastDotOfTheName()
    {
        QCOMPARE(LanguageIds::extension(u"a/b.c/d.e.f").toString(), u"f"_s);
        QCOMPARE(LanguageIds::extension(u"a/b.c/d").toString(), QString());
        QCOMPARE(LanguageIds::extension(u".profile").toString(), QString());
        QCOMPARE(LanguageIds::extension(u"..x").toString(), u"x"_s);
    }
};

QTEST_GUILESS_MAIN(TestLanguageIds)
#include "tst_languageids.moc"
