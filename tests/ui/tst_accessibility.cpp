// SPDX-License-Identifier: Apache-2.0
// The real main window, offscreen, for someone with a screen reader or without a mouse: every
// control is named and described, Tab walks the main controls in reading order, and the main
// actions have keys.
#include "chat/messagemodel.h"
#include "fakesourcegraph.h"
#include "mainwindowfixture.h"
#include "ui/chat/chatview.h"
#include "ui/chat/composer.h"
#include "ui/chat/conversationsettingspanel.h"
#include "ui/chat/messageeditbar.h"
#include "ui/mainwindow.h"
#include "ui/models/modelpicker.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>

using namespace Qt::StringLiterals;
using namespace cody;
using namespace cody::test;

namespace {

/// Controls made of Qt's own parts (a spin box's line edit, a view's scroll bars and headers, a
/// tab bar's scroll buttons), which the control presents as one.
bool isCompound(const QWidget *widget)
{
    return qobject_cast<const QComboBox *>(widget) || qobject_cast<const QTabBar *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget)
        || qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget);
}

bool isQtInternal(const QWidget *widget, const QWidget *root)
{
    if (widget->objectName().startsWith("qt_"_L1))
        return true;
    // Not "any ancestor named qt_": a tab widget's pages sit in its qt_tabwidget_stackedwidget.
    for (const QWidget *part = widget->parentWidget(); part && part != root;
         part = part->parentWidget()) {
        if (isCompound(part))
            return true;
    }
    return false;
}

bool isInteractive(const QWidget *widget)
{
    // Menus' actions are named by their text.
    if (qobject_cast<const QMenu *>(widget) || qobject_cast<const QMenuBar *>(widget))
        return false;
    return (widget->focusPolicy() & Qt::TabFocus) || qobject_cast<const QAbstractButton *>(widget)
        || isCompound(widget);
}

QString describe(const QWidget *widget)
{
    return u"%1 \"%2\""_s.arg(
        QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
}

/// One line per interactive widget under `root` that lacks a name or a description; the
/// objectNames of those checked go to `checked`.
QStringList unnamedControls(const QWidget *root, QStringList *checked)
{
    QStringList problems;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!isInteractive(widget) || isQtInternal(widget, root))
            continue;
        checked->append(widget->objectName());
        QStringList missing;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString spoken = accessible ? accessible->text(QAccessible::Name) : QString();
        // A label's text is its name: setting one would hide what it says. A hidden status line
        // has no text yet.
        if (qobject_cast<QLabel *>(widget)) {
            if (widget->isVisibleTo(root) && spoken.isEmpty())
                missing.append(u"name"_s);
        } else if (widget->accessibleName().isEmpty() || spoken.isEmpty()) {
            missing.append(u"name"_s);
        }
        if (widget->accessibleDescription().isEmpty())
            missing.append(u"description"_s);
        if (!missing.isEmpty())
            problems.append(
                u"%1 has no accessible %2"_s.arg(describe(widget), missing.join(u" and "_s)));
    }
    return problems;
}

QString focusName()
{
    const QWidget *focus = QApplication::focusWidget();
    return focus ? focus->objectName() : u"(no focus)"_s;
}

/// The objectNames focus visits from the message box, pressing Tab (or Shift+Tab) `steps` times.
QStringList walk(MainWindow *window, qsizetype steps, bool backwards)
{
    window->composer()->setFocus();
    QStringList visited {focusName()};
    for (qsizetype step = 0; step < steps && QApplication::focusWidget(); ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab,
            backwards ? Qt::ShiftModifier : Qt::NoModifier);
        visited.append(focusName());
    }
    return visited;
}

QAction *menuAction(MainWindow *window, const QString &text)
{
    const auto menus = window->menuBar()->findChildren<QMenu *>();
    for (const QMenu *menu : menus) {
        const auto actions = menu->actions();
        for (QAction *action : actions) {
            if (QString(action->text()).remove(u'&') == text)
                return action;
        }
    }
    return nullptr;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlIsNamedAndDescribed_data()
    {
        // From the environment, the settings' fields say so in their descriptions instead.
        QTest::addColumn<bool>("configured");
        QTest::newRow("configured by the environment") << true;
        QTest::newRow("first start") << false;
    }

    void everyControlIsNamedAndDescribed()
    {
        QFETCH(bool, configured);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server, configured);
        if (configured)
            start(app);
        // The panel, the edit bar and the dialog show only on demand; their controls count too.
        app.window->findChild<QAction *>(u"conversationSettingsAction"_s)->trigger();
        QVERIFY(app.window->conversationSettingsPanel()->isVisible());
        app.window->editBar()->begin(0, 0);
        SettingsDialog *dialog = app.window->openSettings();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->parentWidget(), app.window.get());

        QStringList checked;
        const QStringList problems = unnamedControls(app.window.get(), &checked);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The walk reached every part of the window.
        for (const QString &name : {u"messageBox"_s, u"sendButton"_s, u"modelPicker"_s,
                 u"conversationSearch"_s, u"conversationList"_s, u"chatView"_s, u"changeModel"_s,
                 u"systemPrompt"_s, u"temperature"_s, u"maxTokens"_s, u"cancelEdit"_s,
                 u"newChatButton"_s, u"settingsButton"_s, u"url"_s, u"accessToken"_s,
                 u"proxyManual"_s, u"testConnection"_s, u"aliases"_s, u"addAlias"_s, u"okButton"_s,
                 u"cancelButton"_s, u"mentionList"_s})
            QVERIFY2(checked.contains(name), qPrintable(name));
    }

    void tabVisitsTheMainControlsInOrder_data()
    {
        QTest::addColumn<bool>("panel");
        QTest::addColumn<bool>("editing");
        QTest::addColumn<QStringList>("expected");
        const QStringList top {u"messageBox"_s, u"sendButton"_s, u"modelPicker"_s,
            u"conversationSearch"_s, u"conversationList"_s};
        // The standing repositories' list and Remove show once there are some.
        const QStringList panel {u"changeModel"_s, u"systemPrompt"_s, u"temperature"_s,
            u"maxTokens"_s, u"contextRepositoryName"_s, u"addContextRepository"_s};
        QTest::newRow("chat") << false << false
                              << top + QStringList {u"chatView"_s, u"messageBox"_s};
        QTest::newRow("conversation settings open")
            << true << false << top + panel + QStringList {u"chatView"_s, u"messageBox"_s};
        QTest::newRow("editing a message")
            << false << true << top + QStringList {u"chatView"_s, u"cancelEdit"_s, u"messageBox"_s};
    }

    void tabVisitsTheMainControlsInOrder()
    {
        QFETCH(bool, panel);
        QFETCH(bool, editing);
        QFETCH(QStringList, expected);
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
        if (panel)
            app.window->findChild<QAction *>(u"conversationSettingsAction"_s)->trigger();
        if (editing)
            app.window->editBar()->begin(0, 0);

        QCOMPARE(walk(app.window.get(), expected.size() - 1, false), expected);
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(walk(app.window.get(), expected.size() - 1, true), expected);
    }

    void mainActionsHaveKeys()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        const QList<std::pair<QString, QKeySequence>> shortcuts {
            {u"New Chat"_s, QKeySequence(QKeySequence::New)},
            {u"Stop Reply"_s, QKeySequence(Qt::Key_Escape)},
            {u"Regenerate Last Reply"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
            {u"Focus Message Box"_s, QKeySequence(Qt::CTRL | Qt::Key_L)},
            {u"Continue Reply"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
            {u"Choose Model"_s, QKeySequence(Qt::CTRL | Qt::Key_M)},
            {u"Conversation Settings"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Comma)},
            {u"Settings…"_s, QKeySequence(Qt::CTRL | Qt::Key_Comma)},
            {u"Export Conversation…"_s, QKeySequence(Qt::CTRL | Qt::Key_E)},
        };
        for (const auto &[text, keys] : shortcuts) {
            const QAction *action = menuAction(app.window.get(), text);
            QVERIFY2(action, qPrintable(text));
            QVERIFY2(action->shortcuts().contains(keys), qPrintable(text));
        }
        // The rest (and Quit, whose standard key some platforms lack) open from the menu bar by
        // their mnemonics (Alt+H, then A).
        const auto menus = app.window->menuBar()->actions();
        for (const QAction *menu : menus) {
            QVERIFY2(menu->text().contains(u'&'), qPrintable(menu->text()));
            const auto actions = menu->menu()->actions();
            for (const QAction *action : actions) {
                if (!action->isSeparator())
                    QVERIFY2(!action->shortcut().isEmpty() || action->text().contains(u'&'),
                        qPrintable(action->text()));
            }
        }
    }

    // A whole exchange without the mouse: shortcuts to move around, Tab and Space to send.
    void chatsWithTheKeyboardOnly()
    {
        FakeSourcegraph server;
        QVERIFY(server.listen());
        App app(&server);
        start(app);
        app.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
        QWidget *window = app.window.get();

        QTest::keyClick(window, Qt::Key_M, Qt::ControlModifier);
        QTRY_VERIFY(app.window->modelPicker()->view()->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!app.window->modelPicker()->view()->isVisible());
        // The offscreen platform leaves the closed popup the active window; a desktop does not.
        app.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTRY_VERIFY(app.window->modelPicker()->hasFocus());
        app.chooseModel(u"fake::v1::normal"_s);

        QTest::keyClick(
            QApplication::focusWidget(), Qt::Key_Comma, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(app.window->conversationSettingsPanel()->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(app.window->composer()->hasFocus());

        QTest::keyClicks(app.window->composer(), u"hi by keyboard"_s);
        QTest::keyClick(app.window->composer(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), app.window->sendButton());
        QTest::keyClick(app.window->sendButton(), Qt::Key_Space);
        QTRY_COMPARE(app.messages.rowCount(), 2);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QTRY_VERIFY(app.viewText().contains(u"You said: hi by keyboard"_s));

        // Enter in the message box sends too, and Ctrl+N starts over.
        app.window->composer()->setFocus();
        app.type(u"again"_s);
        QTRY_COMPARE(app.messages.rowCount(), 4);
        QTRY_COMPARE(app.replyState(), MessageModel::State::Complete);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(app.messages.rowCount(), 0);
        QVERIFY(app.window->composer()->hasFocus());
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
