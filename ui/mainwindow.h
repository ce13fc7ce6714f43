// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/chat/sendbutton.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QPushButton;
class QSettings;
class QSplitter;

namespace cody {

class ChatController;
class ChatView;
class ConversationSettingsPanel;
class ConversationSidebar;
class ConversationStore;
class Composer;
class MessageComposerPanel;
class MessageModel;
class MessageEditBar;
class ModelPicker;
class SecretStore;
class Session;
class SettingsDialog;
struct CompletionResult;
struct ContextItem;

/// The chat window. It only wires widgets to the session and the chat controller; each widget
/// is its own class.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Parts
    {
        Session *session = nullptr;
        ChatController *chat = nullptr;
        MessageModel *messages = nullptr;
        QSettings *settings = nullptr;
        SecretStore *secrets = nullptr;
        bool demo = false; ///< talking to the bundled fake server: say so
        ConversationStore *history = nullptr; ///< null: conversations are not recorded
    };

    explicit MainWindow(Parts parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    ChatView *chatView() const { return m_view; }
    Composer *composer() const { return m_composer; }
    MessageComposerPanel *composerPanel() const { return m_input; }
    ModelPicker *modelPicker() const { return m_picker; }
    ConversationSidebar *sidebar() const { return m_sidebar; }
    ConversationSettingsPanel *conversationSettingsPanel() const { return m_panel; }
    MessageEditBar *editBar() const { return m_editBar; }
    QPushButton *sendButton() const { return m_send; }
    /// Opens the settings dialog (non-modal); returns it.
    SettingsDialog *openSettings();
    /// Shows the window on top of the others, restored if minimized.
    void bringToFront();
    /// Starts a new chat and sends `prompt` in it (cody-chat --new-chat).
    void startNewChat(const QString &prompt);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildHistoryMenu();
    void buildLayout();
    void setFocusOrder();
    void applySettings();
    void onSessionChanged();
    void onModelsChanged();
    void onBusyChanged(bool busy);
    void onReplyFinished(const CompletionResult &result);
    void newChat();
    void send(const QString &text, const QList<ContextItem> &items = {});
    void beginEdit(int row);
    void endEdit();
    void onSettingsReplaced();
    void chooseModel();
    void updateTitle();
    void onConversationChanged(qint64 id);
    void onConversationDeleted(qint64 id, const QByteArray &backup);
    void updateModelStatus();
    void showMessage(const QString &text);
    QString welcomeHtml() const;

    Parts m_parts;
    ChatView *m_view = nullptr;
    ConversationSidebar *m_sidebar = nullptr;
    ConversationSettingsPanel *m_panel = nullptr;
    MessageEditBar *m_editBar = nullptr;
    QAction *m_exportAction = nullptr;
    QSplitter *m_splitter = nullptr;
    MessageComposerPanel *m_input = nullptr;
    Composer *m_composer = nullptr;
    ModelPicker *m_picker = nullptr;
    SendButton *m_send = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_tlsBanner = nullptr;
    QLabel *m_modelLabel = nullptr;
    QLabel *m_replyLabel = nullptr;
    QAction *m_stopAction = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<QPushButton> m_undoButton;
    QString m_title;
    bool m_reloadPending = false;
    bool m_askedForSettings = false;
    bool m_startingModelChecked = false; ///< the built-in default was checked against a catalog
};

} // namespace cody
