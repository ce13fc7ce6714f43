// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"

#include "account/session.h"
#include "chat/chatcontroller.h"
#include "chat/conversationrecorder.h"
#include "chat/messagemodel.h"
#include "cody/sourcegraphclient.h"
#include "history/conversationstore.h"
#include "ui/chat/chatview.h"
#include "ui/chat/composer.h"
#include "ui/chat/conversationsettingspanel.h"
#include "ui/chat/messagecomposerpanel.h"
#include "ui/chat/messageeditbar.h"
#include "ui/chat/sentrequestdialog.h"
#include "ui/common/accessible.h"
#include "ui/history/conversationsidebar.h"
#include "ui/history/historytransfer.h"
#include "ui/models/modelpicker.h"
#include "ui/models/startingmodel.h"
#include "ui/settings/settingsdialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cody {

MainWindow::MainWindow(Parts parts, QWidget *parent)
    : QMainWindow(parent)
    , m_parts(parts)
{
    setObjectName(u"mainWindow"_s);
    buildLayout();
    buildActions();
    setFocusOrder();

    m_view->setModel(m_parts.messages);
    connect(m_parts.session, &Session::changed, this, &MainWindow::onSessionChanged);
    connect(m_parts.session, &Session::changed, this, [this] {
        // First run, or a configuration that cannot connect: explain (the placeholder) and open
        // the settings once, instead of an error dialog.
        if (!m_parts.session->client() && !m_askedForSettings) {
            m_askedForSettings = true;
            openSettings();
        }
    });
    connect(m_parts.session, &Session::modelsChanged, this, &MainWindow::onModelsChanged);
    connect(m_parts.session, &Session::accountChanged, this, &MainWindow::onSessionChanged);
    connect(m_parts.chat, &ChatController::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_parts.chat, &ChatController::replyFinished, this, &MainWindow::onReplyFinished);
    connect(m_view, &ChatView::retryRequested, this, [this] {
        QString error;
        if (!m_parts.chat->retry(&error))
            showMessage(error);
    });
    connect(m_view, &ChatView::copied, this, &MainWindow::showMessage);
    connect(m_view, &ChatView::continueRequested, this, [this] {
        QString error;
        if (!m_parts.chat->continueReply(&error))
            showMessage(error);
    });
    connect(m_view, &ChatView::editRequested, this, &MainWindow::beginEdit);
    connect(m_view, &ChatView::sentRequestRequested, this,
        [this](int row) { SentRequestDialog::showFor(*m_parts.chat, row, this); });
    connect(m_editBar, &MessageEditBar::cancelled, this, [this] {
        endEdit();
        m_composer->clear();
    });
    // A message being edited must still be there when it is sent.
    connect(m_parts.messages, &QAbstractItemModel::modelReset, this, &MainWindow::endEdit);
    connect(m_parts.messages, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_editBar->row() >= m_parts.messages->rowCount())
            endEdit();
    });
    connect(m_parts.chat, &ChatController::settingsReplaced, this, &MainWindow::onSettingsReplaced);
    connect(m_panel, &ConversationSettingsPanel::settingsEdited, m_parts.chat,
        &ChatController::setConversationSettings);
    connect(
        m_panel, &ConversationSettingsPanel::changeModelRequested, this, &MainWindow::chooseModel);
    connect(m_input, &MessageComposerPanel::submitted, this, &MainWindow::send);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_parts.chat->isBusy())
            m_parts.chat->stop();
        else
            send(m_composer->toPlainText(), m_input->items());
    });
    connect(m_picker, &ModelPicker::modelChosen, this,
        [this](const QString &name, const ModelRef &ref) {
            m_parts.chat->setModel(ref, name);
            m_parts.session->saveSelectedModel(name);
            updateModelStatus();
            if (const QString warning
                = StartingModel::deprecationWarning(*m_parts.session->catalog(), name, ref);
                !warning.isEmpty())
                showMessage(warning);
        });
    connect(m_picker, &ModelPicker::rejected, this, &MainWindow::showMessage);
    m_parts.chat->setStore(m_parts.history);
    connect(m_parts.chat, &ChatController::conversationChanged, this,
        &MainWindow::onConversationChanged);
    connect(m_parts.chat, &ChatController::historyError, this, [this](const QString &error) {
        showMessage(tr("The history could not be written: %1").arg(error));
    });
    connect(m_sidebar, &ConversationSidebar::conversationRenamed, this, [this](qint64 id) {
        if (id == m_parts.chat->conversationId())
            onConversationChanged(id);
    });
    connect(m_sidebar, &ConversationSidebar::conversationDeleted, this,
        [this](qint64 id, const QByteArray &backup) { onConversationDeleted(id, backup); });
    connect(m_sidebar, &ConversationSidebar::conversationActivated, this,
        [this](qint64 id, qint64 messageId, const QString &match) {
            QString error;
            if (id != m_parts.chat->conversationId() && !m_parts.chat->openConversation(id, &error))
                showMessage(error);
            else if (messageId != 0)
                m_view->showStoredMessage(messageId, match);
        });

    if (!restoreGeometry(m_parts.settings->value(u"window/geometry"_s).toByteArray()))
        resize(1100, 720); // first start: room for a conversation
    m_splitter->restoreState(m_parts.settings->value(u"window/splitter"_s).toByteArray());
    onModelsChanged();
    onSessionChanged();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_sidebar = new ConversationSidebar(m_splitter);
    m_sidebar->setStore(m_parts.history);
    m_sidebar->setVisible(m_parts.history != nullptr);
    auto *central = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 8);
    if (m_parts.demo) {
        auto *banner
            = new QLabel(tr("<b>Demo mode</b>: answers come from the bundled fake Sourcegraph "
                            "server, not a real model. To use your instance, start cody-chat "
                            "on its own and enter its URL and token in Settings."),
                central);
        banner->setObjectName(u"demoBanner"_s);
        banner->setWordWrap(true);
        banner->setAccessibleName(tr("Demo mode notice"));
        banner->setAccessibleDescription(tr("Says that the answers come from a fake server"));
        banner->setStyleSheet(
            u"QLabel { background: #fff4ce; color: #4a3b00; padding: 6px; border-radius: 4px; }"_s);
        layout->addWidget(banner);
    }
    // Loud on purpose: with the bypass on, anyone on the network path can read the token.
    m_tlsBanner = new QLabel(central);
    m_tlsBanner->setObjectName(u"tlsBypassBanner"_s);
    m_tlsBanner->setWordWrap(true);
    m_tlsBanner->setAccessibleName(tr("TLS verification is off"));
    m_tlsBanner->setAccessibleDescription(
        tr("Warns that the server's certificate is not checked, so the token can be read"));
    m_tlsBanner->setStyleSheet(
        u"QLabel { background: #fde7e9; color: #7a0010; padding: 6px; border-radius: 4px; }"_s);
    m_tlsBanner->hide();
    layout->addWidget(m_tlsBanner);
    m_panel = new ConversationSettingsPanel(central);
    m_panel->hide();
    layout->addWidget(m_panel);
    m_view = new ChatView(central);
    layout->addWidget(m_view, 1);
    m_editBar = new MessageEditBar(central);
    layout->addWidget(m_editBar);

    auto *bottom = new QHBoxLayout();
    m_input = new MessageComposerPanel(central);
    m_input->setChat(m_parts.chat);
    m_composer = m_input->composer();
    m_send = new SendButton(central);
    bottom->addWidget(m_input, 1);
    bottom->addWidget(m_send, 0, Qt::AlignBottom);
    layout->addLayout(bottom);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(central);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({220, 740});
    setCentralWidget(m_splitter);

    m_picker = new ModelPicker(this);
    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setAccessibleName(tr("Connection"));
    m_endpointLabel->setAccessibleDescription(tr("The Sourcegraph instance and account in use"));
    m_modelLabel = new QLabel(this);
    m_modelLabel->setAccessibleName(tr("Selected model"));
    m_modelLabel->setAccessibleDescription(tr("The model that answers and its context size"));
    m_replyLabel = new QLabel(this);
    m_replyLabel->setAccessibleName(tr("Last reply"));
    m_replyLabel->setAccessibleDescription(tr("Details of the last reply"));
    statusBar()->addWidget(m_endpointLabel, 1);
    statusBar()->addPermanentWidget(m_replyLabel);
    statusBar()->addPermanentWidget(m_modelLabel);
}

void MainWindow::buildActions()
{
    auto *chatMenu = menuBar()->addMenu(tr("&Chat"));
    auto *toolbar = addToolBar(tr("Chat"));
    toolbar->setObjectName(u"chatToolBar"_s);
    toolbar->setMovable(false);

    auto *newChat = chatMenu->addAction(tr("&New Chat"), this, &MainWindow::newChat);
    newChat->setShortcut(QKeySequence::New);
    m_stopAction = chatMenu->addAction(tr("&Stop Reply"), m_parts.chat, &ChatController::stop);
    m_stopAction->setShortcut(Qt::Key_Escape);
    m_stopAction->setEnabled(false);
    auto *regenerate = chatMenu->addAction(tr("&Regenerate Last Reply"), this, [this] {
        QString error;
        if (!m_parts.chat->regenerate(&error))
            showMessage(error);
    });
    regenerate->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    auto *focusComposer
        = chatMenu->addAction(tr("&Focus Message Box"), this, [this] { m_composer->setFocus(); });
    focusComposer->setShortcut(Qt::CTRL | Qt::Key_L);
    auto *continueReply = chatMenu->addAction(tr("&Continue Reply"), this, [this] {
        QString error;
        if (!m_parts.chat->continueReply(&error))
            showMessage(error);
    });
    continueReply->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    auto *chooseModel = chatMenu->addAction(tr("Choose &Model"), this, &MainWindow::chooseModel);
    chooseModel->setShortcut(Qt::CTRL | Qt::Key_M);
    auto *panel = chatMenu->addAction(tr("Conversation Se&ttings"));
    panel->setObjectName(u"conversationSettingsAction"_s);
    panel->setCheckable(true);
    panel->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Comma);
    panel->setToolTip(tr("Model, system prompt, temperature, max tokens and context repositories"));
    connect(panel, &QAction::toggled, m_panel, &QWidget::setVisible);
    chatMenu->addSeparator();
    auto *settings = chatMenu->addAction(tr("&Settings…"), this, [this] { openSettings(); });
    QList<QKeySequence> settingsKeys {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    if (!QKeySequence(QKeySequence::Preferences).isEmpty()
        && QKeySequence(QKeySequence::Preferences) != settingsKeys.constFirst())
        settingsKeys.append(QKeySequence(QKeySequence::Preferences));
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    chatMenu->addSeparator();
    auto *quit = chatMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    toolbar->addAction(newChat);
    toolbar->addSeparator();
    auto *modelLabel = new QLabel(tr("&Model:"), toolbar);
    modelLabel->setBuddy(m_picker);
    toolbar->addWidget(modelLabel);
    toolbar->addWidget(m_picker);
    toolbar->addAction(panel);
    toolbar->addSeparator();
    toolbar->addAction(settings);
    // Toolbar buttons take no focus: the keyboard reaches them through the actions' shortcuts.
    accessible(toolbar->widgetForAction(newChat), u"newChatButton"_s, tr("New chat"),
        tr("Starts a new conversation (Ctrl+N)"));
    accessible(toolbar->widgetForAction(panel), u"conversationSettingsButton"_s,
        tr("Conversation settings"),
        tr("Shows or hides the model, system prompt, temperature and max tokens of this "
           "conversation (Ctrl+Shift+,)"));
    accessible(toolbar->widgetForAction(settings), u"settingsButton"_s, tr("Settings"),
        tr("Opens the settings: Sourcegraph URL, token, proxy and chat defaults (Ctrl+,)"));
    if (m_parts.history)
        buildHistoryMenu();
}

void MainWindow::buildHistoryMenu()
{
    auto *menu = menuBar()->addMenu(tr("&History"));
    m_exportAction = menu->addAction(tr("&Export Conversation…"), this, [this] {
        HistoryTransfer transfer(m_parts.history, this);
        showMessage(transfer.exportConversation(m_parts.chat->conversationId(), m_title));
    });
    m_exportAction->setObjectName(u"exportConversationAction"_s);
    m_exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    m_exportAction->setEnabled(false);
    auto *exportAll = menu->addAction(tr("Export &All Conversations…"), this, [this] {
        HistoryTransfer transfer(m_parts.history, this);
        showMessage(transfer.exportAll());
    });
    exportAll->setObjectName(u"exportAllAction"_s);
    auto *import = menu->addAction(tr("&Import Conversations…"), this, [this] {
        HistoryTransfer transfer(m_parts.history, this);
        QList<qint64> imported;
        showMessage(transfer.importFile(&imported));
        if (!imported.isEmpty())
            m_sidebar->refresh(m_parts.chat->conversationId());
    });
    import->setObjectName(u"importAction"_s);
}

void MainWindow::setFocusOrder()
{
    // Reading order, the sidebar before the chat; the picker, made last for the toolbar, would
    // otherwise end the chain.
    const QList<QWidget *> order = QList<QWidget *> {m_composer, m_send, m_picker,
                                       m_sidebar->searchField(), m_sidebar->view()}
        + m_panel->focusOrder() + QList<QWidget *> {m_view, m_editBar->cancelButton(), m_composer};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void MainWindow::chooseModel()
{
    m_picker->setFocus();
    m_picker->showPopup();
}

SettingsDialog *MainWindow::openSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(
            *m_parts.settings, m_parts.session->environment(), m_parts.secrets, this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::settingsSaved, this, &MainWindow::applySettings);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

void MainWindow::applySettings()
{
    // A new connection would cut the reply being streamed: let it finish first.
    if (m_parts.chat->isBusy()) {
        m_reloadPending = true;
        showMessage(tr("Settings saved; they take effect when this reply ends."));
        return;
    }
    m_parts.session->reload();
}

void MainWindow::onSessionChanged()
{
    Session *session = m_parts.session;
    SourcegraphClient *client = session->client();
    m_parts.chat->setClient(client);
    m_input->setClient(client); // with its context filters, which the chat applies too
    m_parts.chat->setContextFilters(m_input->contextFilters());
    m_parts.chat->setCatalog(session->catalog());
    m_panel->setClient(client);
    const Config &config = session->config();
    m_view->setInstanceUrl(client ? config.baseUrl : QUrl());
    m_parts.chat->setOptions({config.defaultMaxTokens, config.autoContinue, config.maxContinuations,
        config.contextRewrite});
    if (client) {
        const QString account
            = session->account().isEmpty() ? tr("checking sign-in…") : session->account();
        m_endpointLabel->setText(
            u"%1 — %2"_s.arg(config.baseUrl.toDisplayString(QUrl::RemoveUserInfo), account));
        m_view->setPlaceholder(tr("<p style=\"margin: 24px;\">Ask Cody anything. Enter sends, "
                                  "Shift+Enter starts a new line.</p>"));
    } else {
        m_endpointLabel->setText(tr("Not connected: %1").arg(session->problem()));
        m_view->setPlaceholder(welcomeHtml());
    }
    m_endpointLabel->setToolTip(config.baseUrl.toDisplayString());
    m_tlsBanner->setVisible(client && config.sslBypass);
    if (client && config.sslBypass) {
        m_tlsBanner->setText(
            tr("<b>TLS certificate verification is off</b> for %1 (%2). Anyone on the network "
               "path can read your access token and chats. Prefer a CA file in Settings.")
                .arg(config.baseUrl.host().toHtmlEscaped(),
                    config.origin(Config::Key::SslBypass).toHtmlEscaped()));
    }
}

QString MainWindow::welcomeHtml() const
{
    return tr("<h2 style=\"margin-top: 24px;\">Welcome to Cody Chat</h2>"
              "<p>To chat, Cody Chat needs the address of your Sourcegraph instance and an access "
              "token. %1</p>"
              "<p>Open <b>Settings</b> (Ctrl+,) and enter:</p>"
              "<ul><li>the Sourcegraph URL, for example https://sourcegraph.example.com</li>"
              "<li>an access token (Sourcegraph → Settings → Access tokens); it is kept in your "
              "system keychain, never in a file</li></ul>")
        .arg(m_parts.session->problem().toHtmlEscaped());
}

void MainWindow::onModelsChanged()
{
    const ModelCatalog *catalog = m_parts.session->catalog();
    m_picker->setCatalog(catalog);
    QString name = m_picker->currentName().isEmpty() ? m_parts.session->selectedModel()
                                                     : m_picker->currentName();
    QString error;
    auto ref = catalog->resolve(name, &error);
    // Once per catalog-bearing start: the built-in default may give way to the server's choice.
    if (ref && !m_startingModelChecked && catalog->hasServerModels()) {
        m_startingModelChecked = true;
        const bool chosenByUser
            = m_parts.session->hasModelChoice() || name != m_parts.session->config().model;
        const StartingModel start = StartingModel::choose(*catalog, name, *ref, chosenByUser);
        name = start.name;
        ref = start.ref;
        if (!start.message.isEmpty())
            showMessage(start.message);
    }
    if (ref) {
        m_picker->setCurrentName(name);
        m_parts.chat->setModel(*ref, name);
    } else {
        // The saved choice no longer exists (an alias removed in Settings): say so and fall back.
        const QString fallback = m_parts.session->config().model;
        showMessage(tr("The model \"%1\" is no longer available: %2").arg(name, error));
        m_picker->setCurrentName(fallback);
        m_parts.chat->setModel(
            m_parts.session->catalog()->resolve(fallback).value_or(ModelRef()), fallback);
    }
    updateModelStatus();
}

void MainWindow::updateModelStatus()
{
    const ModelRef ref = m_parts.chat->model();
    const ModelInfo *info = m_parts.session->catalog()->find(ref);
    QString text = m_picker->currentName();
    if (info && info->maxInputTokens > 0)
        text += tr(" · %1k context").arg(info->maxInputTokens / 1000);
    m_modelLabel->setText(text);
    m_modelLabel->setToolTip(ref.fullName());
    const QString name = m_picker->currentName();
    m_panel->setModelName(
        name == ref.fullName() || !ref.isValid() ? name : u"%1 (%2)"_s.arg(name, ref.fullName()));
    m_input->remeasure(); // another model, another window
}

void MainWindow::newChat()
{
    m_parts.chat->newChat();
    m_sidebar->refresh(0);
    m_replyLabel->clear();
    m_title.clear();
    updateTitle();
    m_composer->setFocus();
}

void MainWindow::startNewChat(const QString &prompt)
{
    bringToFront();
    newChat();
    // Left in the message box if it cannot be sent yet (not connected: settings open instead).
    m_composer->setPlainText(prompt);
    send(prompt);
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::send(const QString &text, const QList<ContextItem> &items)
{
    if (text.trimmed().isEmpty())
        return;
    if (!m_parts.session->client()) {
        showMessage(tr("Not connected: %1").arg(m_parts.session->problem()));
        openSettings();
        return;
    }
    m_panel->commit(); // a system prompt just typed applies to this message
    QString error;
    const bool hadMessages = m_parts.messages->rowCount() > 0;
    const int editRow = m_editBar->row();
    const bool sent = editRow >= 0 ? m_parts.chat->editAndResend(editRow, text, &error)
                                   : m_parts.chat->send(text, items, &error);
    if (!sent) {
        showMessage(error);
        return;
    }
    endEdit();
    if (!hadMessages) {
        m_title = ConversationRecorder::titleFor(text); // the title the history gives it
        updateTitle();
    }
    m_input->clear(editRow < 0 && !items.isEmpty()); // unsent chips (an edit) wait
}

void MainWindow::beginEdit(int row)
{
    m_editBar->begin(row, m_parts.messages->rowCount() - row - 1);
    m_composer->setPlainText(m_parts.messages->message(row).text);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
}

void MainWindow::endEdit()
{
    m_editBar->end();
}

void MainWindow::onSettingsReplaced()
{
    endEdit();
    ChatController *chat = m_parts.chat;
    m_panel->setSettings(chat->conversationSettings(), m_parts.session->config().defaultMaxTokens);
    if (!chat->modelName().isEmpty())
        m_picker->setCurrentName(chat->modelName());
    updateModelStatus();
    if (m_exportAction)
        m_exportAction->setEnabled(chat->conversationId() != 0);
}

void MainWindow::onBusyChanged(bool busy)
{
    m_send->setBusy(busy);
    m_stopAction->setEnabled(busy);
    if (!busy && m_reloadPending) {
        m_reloadPending = false;
        m_parts.session->reload();
    }
}

void MainWindow::onReplyFinished(const CompletionResult &)
{
    m_sidebar->refresh(m_parts.chat->conversationId()); // it moved to the top
    const int last = m_parts.messages->rowCount() - 1;
    m_replyLabel->setText(last >= 0 ? m_parts.messages->message(last).details : QString());
}

void MainWindow::onConversationChanged(qint64 id)
{
    m_sidebar->refresh(id);
    if (m_exportAction)
        m_exportAction->setEnabled(id != 0);
    if (const auto conversation
        = m_parts.history ? m_parts.history->conversation(id) : std::nullopt) {
        m_title = conversation->title;
        updateTitle();
    }
}

void MainWindow::onConversationDeleted(qint64 id, const QByteArray &backup)
{
    if (id == m_parts.chat->conversationId()) {
        m_parts.chat->newChat();
        m_title.clear();
        updateTitle();
    }
    delete m_undoButton;
    m_undoButton = accessible(new QPushButton(tr("Undo"), statusBar()), u"undoDelete"_s,
        tr("Undo deleting the conversation"), tr("Restores the conversation just deleted"));
    statusBar()->addWidget(m_undoButton);
    statusBar()->showMessage(tr("Conversation deleted."), 10'000);
    connect(m_undoButton, &QPushButton::clicked, this, [this, backup] {
        QString error;
        QList<qint64> restored;
        if (!m_parts.history->importJson(backup, &restored, &error))
            showMessage(tr("The conversation could not be restored: %1").arg(error));
        m_sidebar->refresh(m_parts.chat->conversationId());
        m_undoButton->deleteLater();
        statusBar()->clearMessage();
    });
    QTimer::singleShot(10'000, m_undoButton, &QObject::deleteLater);
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_title.isEmpty() ? tr("Cody Chat") : tr("Cody Chat — %1").arg(m_title));
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_parts.settings->setValue(u"window/geometry"_s, saveGeometry());
    m_parts.settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    m_parts.chat->stop();
    QMainWindow::closeEvent(event);
}

} // namespace cody
