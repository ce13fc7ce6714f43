// SPDX-License-Identifier: Apache-2.0
// A conversation's standing repositories in its settings panel, checked on the fake instance (its
// corpus, tests/data/corpus): added when the instance has them and the context filters allow
// them, refused with the reason otherwise, removed, and offered while a name is typed.
#include "graphqltestsupport.h"
#include "ui/chat/contextrepositorieseditor.h"
#include "ui/chat/conversationsettingspanel.h"

#include <QCompleter>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

/// Types `name` and presses Enter, as a person adds one; true once the check ended.
bool typeAndAdd(ContextRepositoriesEditor &editor, const QString &name)
{
    QSignalSpy checked(&editor, &ContextRepositoriesEditor::checked);
    editor.nameField()->clear();
    QTest::keyClicks(editor.nameField(), name);
    QTest::keyClick(editor.nameField(), Qt::Key_Return);
    return checked.wait(10'000) && checked.count() == 1;
}

QStringList listed(const ContextRepositoriesEditor &editor)
{
    QStringList names;
    for (int row = 0; row < editor.list()->count(); ++row)
        names.append(editor.list()->item(row)->text());
    return names;
}

} // namespace

class TestContextRepositoriesEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsWhatTheInstanceHas()
    {
        FakeInstance fake(excludingLangExample());
        QVERIFY(fake.listen());
        ContextRepositoriesEditor editor;
        editor.setClient(fake.client());
        editor.show();
        QSignalSpy edited(&editor, &ContextRepositoriesEditor::repositoriesEdited);

        QVERIFY(typeAndAdd(editor, u"  github.com/sourcegraph/cody "_s));
        QCOMPARE(editor.repositories(), QStringList {u"github.com/sourcegraph/cody"_s});
        QCOMPARE(listed(editor), editor.repositories());
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.constFirst().constFirst().toStringList(), editor.repositories());
        QVERIFY(editor.nameField()->text().isEmpty());
        QVERIFY2(editor.status()->text().startsWith(u"Added github.com/sourcegraph/cody"_s),
            qPrintable(editor.status()->text()));
        // It was looked up by name, exactly as typed (trimmed).
        const QList<RecordedRequest> lookups = graphqlCalls(fake.server, u"Repositories"_s);
        QCOMPARE(lookups.size(), 1);
        QCOMPARE(variablesOf(lookups.constFirst()).value(u"names"_s).toArray(),
            QJsonArray {u"github.com/sourcegraph/cody"_s});

        QVERIFY(typeAndAdd(editor, u"gitlab.example.com/platform/billing"_s));
        QCOMPARE(editor.repositories(),
            (QStringList {
                u"github.com/sourcegraph/cody"_s, u"gitlab.example.com/platform/billing"_s}));
        QCOMPARE(edited.count(), 2);

        // Once is enough: a second time asks nobody and says so.
        editor.add(u"github.com/sourcegraph/cody"_s);
        QVERIFY(editor.status()->text().contains(u"already"_s));
        QCOMPARE(graphqlCalls(fake.server, u"Repositories"_s).size(), 2);
        QCOMPARE(edited.count(), 2);
    }

    // Nothing is added that the instance does not have, the context filters exclude, or that
    // could not be checked; the reason is said and the name stays, to be corrected.
    void refusesWithTheReason_data()
    {
        QTest::addColumn<QString>("failingOperation");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown") << QString() << u"github.com/nobody/nothing"_s
                                 << u"github.com/nobody/nothing is not a repository on this "
                                    u"instance (or it is not visible to you)."_s;
        QTest::newRow("excluded") << QString() << u"github.com/acme/lang-example"_s
                                  << u"github.com/acme/lang-example cannot be used as context: "
                                     u"excluded by the context filters (exclude pattern "
                                     u"\".*lang-example.*\")."_s;
        QTest::newRow("lookup fails")
            << u"Repositories"_s << u"github.com/sourcegraph/cody"_s
            << u"github.com/sourcegraph/cody could not be checked: the server failed (HTTP 500"_s;
        QTest::newRow("filters fail")
            << u"ContextFilters"_s << u"github.com/sourcegraph/cody"_s
            << u"github.com/sourcegraph/cody could not be checked: the context filters could "
               u"not be read, so no repository is used"_s;
    }

    void refusesWithTheReason()
    {
        QFETCH(QString, failingOperation);
        QFETCH(QString, name);
        QFETCH(QString, said);
        FakeInstance fake(failingOperation.isEmpty() ? excludingLangExample()
                                                     : failing(failingOperation, u"http-500"_s));
        QVERIFY(fake.listen());
        ContextRepositoriesEditor editor;
        editor.setClient(fake.client());
        QSignalSpy edited(&editor, &ContextRepositoriesEditor::repositoriesEdited);
        QVERIFY(typeAndAdd(editor, name));
        QVERIFY2(editor.status()->text().startsWith(said), qPrintable(editor.status()->text()));
        QVERIFY(editor.repositories().isEmpty());
        QCOMPARE(editor.list()->count(), 0);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(editor.nameField()->text(), name);
        QVERIFY(editor.addButton()->isEnabled()); // ready for the corrected name
    }

    void withoutAConnectionNothingIsAdded()
    {
        ContextRepositoriesEditor editor;
        QSignalSpy checked(&editor, &ContextRepositoriesEditor::checked);
        editor.add(u"github.com/sourcegraph/cody"_s);
        QVERIFY(editor.status()->text().startsWith(u"Not connected"_s));
        QVERIFY(editor.repositories().isEmpty());
        QCOMPARE(checked.count(), 0);
    }

    void removesWithTheButtonOrTheDeleteKey()
    {
        ContextRepositoriesEditor editor;
        editor.show();
        QSignalSpy edited(&editor, &ContextRepositoriesEditor::repositoriesEdited);
        editor.setRepositories({u"a/b/c"_s, u"d/e/f"_s, u"g/h/i"_s});
        QCOMPARE(edited.count(), 0); // shown, not edited
        QCOMPARE(listed(editor), editor.repositories());
        QVERIFY(!editor.removeButton()->isEnabled()); // nothing selected yet

        editor.list()->setCurrentRow(1);
        QVERIFY(editor.removeButton()->isEnabled());
        QTest::mouseClick(editor.removeButton(), Qt::LeftButton);
        QCOMPARE(editor.repositories(), (QStringList {u"a/b/c"_s, u"g/h/i"_s}));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(editor.list()->currentRow(), 1); // the next one, ready for another Delete

        editor.list()->setFocus();
        QTest::keyClick(editor.list(), Qt::Key_Delete);
        QCOMPARE(editor.repositories(), QStringList {u"a/b/c"_s});
        QTest::keyClick(editor.list(), Qt::Key_Backspace);
        QVERIFY(editor.repositories().isEmpty());
        QCOMPARE(edited.count(), 3);
        QVERIFY(!editor.list()->isVisible());
        QVERIFY(editor.status()->text().contains(u"Removed a/b/c"_s));
    }

    // While a name is typed, the instance's matching repositories are offered.
    void offersMatchingRepositories()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        ContextRepositoriesEditor editor;
        editor.setClient(fake.client());
        editor.show();
        editor.nameField()->setFocus();
        QSignalSpy suggested(&editor, &ContextRepositoriesEditor::suggested);
        QTest::keyClicks(editor.nameField(), u"sourcegraph"_s);
        QVERIFY(suggested.wait(10'000));
        QCOMPARE(suggested.count(), 1); // one search for the pause in typing, not one per key
        // Ranked: the shorter of two names with the typed text at the same place first.
        QCOMPARE(editor.suggestions(),
            (QStringList {
                u"github.com/sourcegraph/cody"_s, u"github.com/sourcegraph/sourcegraph"_s}));
        QCOMPARE(graphqlCalls(fake.server, u"SuggestionsRepo"_s).size(), 1);
        QCOMPARE(editor.completer()->completionCount(), 2);

        // A name that is not a regular expression finds nothing, and says nothing: adding it does.
        editor.nameField()->clear();
        QTest::keyClicks(editor.nameField(), u"(cody"_s);
        QVERIFY(suggested.wait(10'000));
        QVERIFY(editor.suggestions().isEmpty());
    }

    // The panel carries the repositories in its settings, edited like its other fields.
    void thePanelReportsThem()
    {
        FakeInstance fake;
        QVERIFY(fake.listen());
        ConversationSettingsPanel panel;
        panel.setClient(fake.client());
        ConversationSettings settings;
        settings.systemPrompt = u"Be brief."_s;
        settings.repositories = {u"github.com/sourcegraph/sourcegraph"_s};
        QSignalSpy edited(&panel, &ConversationSettingsPanel::settingsEdited);
        panel.setSettings(settings, 512);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(panel.settings(), settings);
        QCOMPARE(listed(*panel.contextRepositories()), settings.repositories);

        QVERIFY(typeAndAdd(*panel.contextRepositories(), u"github.com/sourcegraph/cody"_s));
        QCOMPARE(edited.count(), 1);
        const auto reported = edited.constFirst().constFirst().value<ConversationSettings>();
        QCOMPARE(reported.systemPrompt, u"Be brief."_s);
        QCOMPARE(reported.repositories,
            (QStringList {
                u"github.com/sourcegraph/sourcegraph"_s, u"github.com/sourcegraph/cody"_s}));
        // Editing another field keeps them.
        panel.temperatureBox()->setValue(0.5);
        QCOMPARE(edited.constLast().constFirst().value<ConversationSettings>().repositories,
            reported.repositories);
        QVERIFY(panel.focusOrder().contains(panel.contextRepositories()->nameField()));
    }
};

QTEST_MAIN(TestContextRepositoriesEditor)
#include "tst_contextrepositorieseditor.moc"
