// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace cody {

class ContextFiltersRequest;
class RepositoryIdLookup;
class RepositorySuggestions;
class SourcegraphClient;

/**
 * @brief A conversation's standing repositories (ConversationSettings::repositories): the
 * repositories of the instance every question searches, as if mentioned again each time.
 *
 * A name is added only once the instance has confirmed it (RepositoryIdLookup) and the site's
 * context filters allow it (ContextFiltersRequest); otherwise status() says why, and nothing
 * changes. While a name is typed, the instance's matching repositories are offered
 * (RepositorySuggestions, after a short pause in typing). Removing needs no check.
 */
class ContextRepositoriesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextRepositoriesEditor)

public:
    static constexpr int TypingPauseMs = 250;

    explicit ContextRepositoriesEditor(QWidget *parent = nullptr);
    ~ContextRepositoriesEditor() override;

    /// The instance names are checked on; null: nothing can be added.
    void setClient(SourcegraphClient *client);
    /// Shows `names` without reporting them as edited; a check under way is dropped.
    void setRepositories(const QStringList &names);
    QStringList repositories() const { return m_names; }

    /// Checks `name` on the instance and adds it if it may be used; checked() follows.
    void add(const QString &name);
    /// Removes the selected repository.
    void removeSelected();

    QLineEdit *nameField() const { return m_field; }
    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    /// What the last check said (added, or why not).
    QLabel *status() const { return m_status; }
    QCompleter *completer() const { return m_completer; }
    /// The names offered for what was typed last.
    QStringList suggestions() const;
    /// The editor's controls in the order Tab visits them.
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void repositoriesEdited(const QStringList &names);
    /// A check ended: the name was added, or status() says why not.
    void checked();
    /// New suggestions arrived for the text typed.
    void suggested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCheckFinished();
    void suggest();
    void showStatus(const QString &text, bool problem);
    void dropRequests();
    void refreshList();
    void setChecking(bool checking);

    QPointer<SourcegraphClient> m_client;
    QStringList m_names;
    QString m_checking; ///< the name being checked, or empty
    QPointer<RepositoryIdLookup> m_lookup;
    QPointer<ContextFiltersRequest> m_filters;
    QPointer<RepositorySuggestions> m_suggestions;
    QListWidget *m_list;
    QLabel *m_none;
    QLineEdit *m_field;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_status;
    QStringListModel *m_offered;
    QCompleter *m_completer;
    QTimer m_typingPause; ///< one suggestion request per pause in typing
};

} // namespace cody
