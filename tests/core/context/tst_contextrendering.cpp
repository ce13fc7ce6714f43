// SPDX-License-Identifier: Apache-2.0
#include "context/contextrendering.h"
#include "prompttestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody::test;
using cody::ContextItem;
using cody::ContextRendering;
using cody::PromptFormat;
using Template = cody::ContextRendering::Template;

Q_DECLARE_METATYPE(ContextItem)
Q_DECLARE_METATYPE(PromptFormat)

namespace {

const QString Repo = u"github.com/sourcegraph/sourcegraph"_s;
const QString Root = u"/home/ada/shop"_s;

} // namespace

class TestContextRendering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data()
    {
        QTest::addColumn<ContextItem>("item");
        QTest::addColumn<PromptFormat>("format");
        QTest::addColumn<QString>("message");

        const QString go = u"package squirrel\n"_s;
        QTest::newRow("retrieved chunk, current: slash, repository, lang:path fence")
            << chunk(Repo, u"cmd/symbols/squirrel/service.go"_s, go) << PromptFormat::Current
            << u"Codebase context from file /cmd/symbols/squirrel/service.go in repository "
               "github.com/sourcegraph/sourcegraph:\n```go:/cmd/symbols/squirrel/service.go\n"
               "package squirrel\n```"_s;
        QTest::newRow("retrieved chunk, legacy: lang only (FX/29)")
            << chunk(Repo, u"cmd/symbols/squirrel/service.go"_s, go) << PromptFormat::Legacy
            << u"Codebase context from file /cmd/symbols/squirrel/service.go in repository "
               "github.com/sourcegraph/sourcegraph:\n```go\npackage squirrel\n```"_s;
        QTest::newRow("no extension, legacy: a bare fence")
            << chunk(Repo, u"cmd/symbols/squirrel/CODENOTIFY"_s, u"** @varungandhi-src\n"_s)
            << PromptFormat::Legacy
            << u"Codebase context from file /cmd/symbols/squirrel/CODENOTIFY in repository "
               "github.com/sourcegraph/sourcegraph:\n```\n** @varungandhi-src\n```"_s;
        QTest::newRow("no extension, current: the fence still names the file")
            << chunk(Repo, u"WORKSPACE"_s, u"x\n"_s) << PromptFormat::Current
            << u"Codebase context from file /WORKSPACE in repository "
               "github.com/sourcegraph/sourcegraph:\n```:/WORKSPACE\nx\n```"_s;
        QTest::newRow("remote path already with a slash gets one")
            << chunk(Repo, u"/a.py"_s, u"x\n"_s) << PromptFormat::Current
            << u"Codebase context from file /a.py in repository "
               "github.com/sourcegraph/sourcegraph:\n```python:/a.py\nx\n```"_s;
        QTest::newRow("spaces are %20, in the path and the fence")
            << chunk(Repo, u"docs/read me.md"_s, u"# Hi\n"_s) << PromptFormat::Current
            << u"Codebase context from file /docs/read%20me.md in repository "
               "github.com/sourcegraph/sourcegraph:\n```markdown:/docs/read%20me.md\n# Hi\n```"_s;
        QTest::newRow("no newline is added before the closing fence")
            << chunk(Repo, u"a.txt"_s, u"no newline"_s) << PromptFormat::Current
            << u"Codebase context from file /a.txt in repository "
               "github.com/sourcegraph/sourcegraph:\n```plain text:/a.txt\nno newline```"_s;

        QTest::newRow("@file on the instance: the code template with its repository")
            << remoteFile(Repo, u"cmd/main.go"_s, u"package main\n"_s) << PromptFormat::Current
            << u"Codebase context from file /cmd/main.go in repository "
               "github.com/sourcegraph/sourcegraph:\n```go:/cmd/main.go\npackage main\n```"_s;
        QTest::newRow("@file:3-4 on the instance: the same, the range is not named")
            << remoteFile(Repo, u"cmd/main.go"_s, u"func main() {\n}\n"_s, 3, 4)
            << PromptFormat::Current
            << u"Codebase context from file /cmd/main.go in repository "
               "github.com/sourcegraph/sourcegraph:\n```go:/cmd/main.go\nfunc main() {\n}\n```"_s;

        QTest::newRow("local file under the root (FX/31)")
            << localFile(u"/home/ada/shop/src/animal.ts"_s, u"export interface Animal {}\n"_s)
            << PromptFormat::Current
            << u"Codebase context from file src/animal.ts:\n```typescript:src/animal.ts\n"
               "export interface Animal {}\n```"_s;
        QTest::newRow("local file outside the root: absolute")
            << localFile(u"/etc/hosts.txt"_s, u"127.0.0.1\n"_s) << PromptFormat::Current
            << u"Codebase context from file /etc/hosts.txt:\n```plain text:/etc/hosts.txt\n"
               "127.0.0.1\n```"_s;
        QTest::newRow("local root is only a prefix of another folder")
            << localFile(u"/home/ada/shopping/list.md"_s, u"milk\n"_s) << PromptFormat::Current
            << u"Codebase context from file /home/ada/shopping/list.md:\n"
               "```markdown:/home/ada/shopping/list.md\nmilk\n```"_s;
        ContextItem withRepo = localFile(u"/home/ada/shop/a.go"_s, u"x\n"_s);
        withRepo.repoName = u"github.com/ada/shop"_s;
        QTest::newRow("a local file's repository is not named")
            << withRepo << PromptFormat::Current
            << u"Codebase context from file a.go:\n```go:a.go\nx\n```"_s;
        QTest::newRow("local range: my selected code (FX/32)")
            << localFile(
                   u"/home/ada/shop/src/animal.ts"_s, u"\nexport interface Animal {\n}\n"_s, 1, 6)
            << PromptFormat::Current
            << u"My selected code from codebase file src/animal.ts:1-6:\n```\n\nexport interface "
               "Animal {\n}\n```"_s;
        QTest::newRow("local one-line range: one line number")
            << localFile(u"/home/ada/shop/src/a b.ts"_s, u"x;\n"_s, 7, 7) << PromptFormat::Current
            << u"My selected code from codebase file src/a%20b.ts:7:\n```\nx;\n```"_s;
        ContextItem emptyUserFile = localFile(u"/home/ada/shop/empty.py"_s, QString());
        QTest::newRow("an empty file the user added is still sent")
            << emptyUserFile << PromptFormat::Current
            << u"Codebase context from file empty.py:\n```python:empty.py\n```"_s;
    }

    void render()
    {
        QFETCH(ContextItem, item);
        QFETCH(PromptFormat, format);
        QFETCH(QString, message);
        const Template form = ContextRendering::templateFor(item, {item});
        QCOMPARE(ContextRendering::render(item, form, format, Root), message);
    }

    void fileBesideItsRangeUsesThePathTemplate()
    {
        // FX/32: "@src/animal.ts:1-6 @src/animal.ts" — the file as Cody's editor item.
        const ContextItem range = localFile(u"/home/ada/shop/src/animal.ts"_s, u"a\n"_s, 1, 6);
        const ContextItem file = localFile(u"/home/ada/shop/src/animal.ts"_s, u"a\nb\n"_s);
        const ContextItem other = localFile(u"/home/ada/shop/src/other.ts"_s, u"c\n"_s);
        const QList<ContextItem> items {range, file, other};
        QCOMPARE(ContextRendering::templateFor(file, items), Template::FilePath);
        QCOMPARE(ContextRendering::templateFor(range, items), Template::Selection);
        QCOMPARE(ContextRendering::templateFor(other, items), Template::Code);
        QCOMPARE(ContextRendering::render(file, Template::FilePath, PromptFormat::Current, Root),
            u"Codebase context from file path src/animal.ts: a\nb\n"_s);

        // A range that is already left out (e.g. by the filters) does not change the file's form.
        ContextItem filtered = range;
        filtered.omittedReason = u"excluded by the context filters"_s;
        QCOMPARE(ContextRendering::templateFor(file, {filtered, file}), Template::Code);
        // Nor does a retrieved chunk of it.
        ContextItem retrieved = range;
        retrieved.source = ContextItem::Source::Retrieved;
        QCOMPARE(ContextRendering::templateFor(file, {retrieved, file}), Template::Code);
    }

    void blankRetrievedContentRendersToNothing()
    {
        const ContextItem blank = chunk(Repo, u"a.go"_s, u" \n\t\n"_s);
        QVERIFY(ContextRendering::isBlank(blank));
        QCOMPARE(ContextRendering::render(blank, Template::Code, PromptFormat::Current, Root),
            QString());
        const ContextItem userBlank = remoteFile(Repo, u"a.go"_s, u"\n"_s);
        QVERIFY(!ContextRendering::isBlank(userBlank));
        QVERIFY(!ContextRendering::render(userBlank, Template::Code, PromptFormat::Current, Root)
                     .isEmpty());
    }

    void repositoriesAndFoldersRenderToNothing()
    {
        ContextItem folder = repository(Repo);
        QCOMPARE(ContextRendering::templateFor(folder, {folder}), Template::None);
        folder.kind = ContextItem::Kind::RemoteFolder;
        folder.path = u"cmd/symbols"_s;
        folder.content = u"not sent"_s;
        QCOMPARE(ContextRendering::templateFor(folder, {folder}), Template::None);
        QCOMPARE(ContextRendering::render(folder, Template::None, PromptFormat::Current, Root),
            QString());
    }

    void acknowledgement() { QCOMPARE(ContextRendering::acknowledgement(), u"Ok."_s); }
};

QTEST_GUILESS_MAIN(TestContextRendering)
#include "tst_contextrendering.moc"
