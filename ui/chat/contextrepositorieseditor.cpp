// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/contextrepositorieseditor.h"

#include "cody/discardrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/contextfiltersrequest.h"
#include "context/repositoryidlookup.h"
#include "context/repositorysuggestions.h"
#include "ui/common/accessible.h"

#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

/// Suggestions are asked for from this many typed characters on: fewer match too much.
constexpr int MinimumTyped = 2;
constexpr int VisibleRows = 3;

} // namespace

ContextRepositoriesEditor::ContextRepositoriesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(
          accessible(new QListWidget(this), u"contextRepositories"_s, tr("Standing repositories"),
              tr("Repositories every question in this conversation searches; Delete removes the "
                 "selected one")))
    , m_none(new QLabel(tr("None: a question searches only the repositories it mentions."), this))
    , m_field(accessible(new QLineEdit(this), u"contextRepositoryName"_s, tr("Repository to add"),
          tr("The name of a repository on the instance, e.g. github.com/sourcegraph/cody; "
             "matching names are offered as you type")))
    , m_add(accessible(new QPushButton(tr("&Add"), this), u"addContextRepository"_s,
          tr("Add the repository"),
          tr("Checks the name on the instance and adds it to the standing repositories")))
    , m_remove(accessible(new QPushButton(tr("&Remove"), this), u"removeContextRepository"_s,
          tr("Remove the repository"), tr("Removes the selected standing repository")))
    , m_status(new QLabel(this))
    , m_offered(new QStringListModel(this))
    , m_completer(new QCompleter(m_offered, this))
{
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->installEventFilter(this);
    m_none->setEnabled(false); // muted: a hint, not a value
    m_none->setWordWrap(true);
    m_field->setPlaceholderText(tr("Add a repository, e.g. github.com/sourcegraph/cody"));
    m_field->setClearButtonEnabled(true);
    // The server matches anywhere in the name ("cody" finds github.com/sourcegraph/cody).
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_field->setCompleter(m_completer);
    m_status->setObjectName(u"contextRepositoryStatus"_s);
    m_status->setAccessibleName(tr("Repository check"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_list, 0, 0, 1, 2);
    grid->addWidget(m_none, 0, 0, 1, 2);
    grid->addWidget(m_remove, 0, 2, Qt::AlignTop);
    grid->addWidget(m_field, 1, 0);
    grid->addWidget(m_add, 1, 1);
    grid->addWidget(m_status, 2, 0, 1, 3);
    grid->setColumnStretch(0, 1);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(TypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &ContextRepositoriesEditor::suggest);
    connect(m_field, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_typingPause.stop();
        if (m_client && text.trimmed().size() >= MinimumTyped)
            m_typingPause.start();
    });
    connect(m_field, &QLineEdit::returnPressed, this, [this] { add(m_field->text()); });
    connect(m_add, &QPushButton::clicked, this, [this] { add(m_field->text()); });
    connect(m_remove, &QPushButton::clicked, this, &ContextRepositoriesEditor::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this,
        [this](int row) { m_remove->setEnabled(row >= 0); });
    refreshList();
}

ContextRepositoriesEditor::~ContextRepositoriesEditor()
{
    dropRequests();
    discardRequest(m_suggestions, this);
}

void ContextRepositoriesEditor::setClient(SourcegraphClient *client)
{
    if (client == m_client)
        return;
    // A check under way asked the old instance: its answer would not hold for the new one.
    dropRequests();
    discardRequest(m_suggestions, this);
    m_client = client;
    setChecking(false);
}

void ContextRepositoriesEditor::setRepositories(const QStringList &names)
{
    dropRequests();
    setChecking(false);
    m_names = names;
    m_status->hide();
    refreshList();
}

void ContextRepositoriesEditor::add(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty() || !m_checking.isEmpty())
        return;
    if (m_names.contains(name, Qt::CaseInsensitive)) {
        showStatus(tr("%1 is already a standing repository.").arg(name), false);
        return;
    }
    if (!m_client) {
        showStatus(tr("Not connected: %1 cannot be checked on the instance.").arg(name), true);
        return;
    }
    m_checking = name;
    setChecking(true);
    showStatus(tr("Checking %1 on the instance…").arg(name), false);
    // Both at once: the answer is as fast as the slower of the two.
    m_lookup = new RepositoryIdLookup(m_client, {name}, this);
    m_filters = new ContextFiltersRequest(m_client, this);
    connect(m_lookup, &GraphqlRequest::finished, this, &ContextRepositoriesEditor::onCheckFinished);
    connect(
        m_filters, &GraphqlRequest::finished, this, &ContextRepositoriesEditor::onCheckFinished);
    m_lookup->start();
    m_filters->start();
}

void ContextRepositoriesEditor::onCheckFinished()
{
    if (!m_lookup || !m_filters || !m_lookup->isFinished() || !m_filters->isFinished())
        return;
    const QString name = std::exchange(m_checking, {});
    const Error lookupError = m_lookup->error();
    const QList<RemoteRepository> found = m_lookup->repositories();
    const ContextFilters filters = m_filters->filters();
    const bool filtersFailed = m_filters->error().isError();
    dropRequests();
    setChecking(false);

    QString why;
    if (lookupError.isError()) {
        showStatus(tr("%1 could not be checked: %2.").arg(name, lookupError.message), true);
    } else if (found.isEmpty()) {
        showStatus(
            tr("%1 is not a repository on this instance (or it is not visible to you).").arg(name),
            true);
    } else if (!filters.isRepositoryAllowed(found.constFirst().name, &why)) {
        // Filters that could not be read exclude everything, and `why` says so: nothing is
        // added that the site may forbid.
        showStatus((filtersFailed ? tr("%1 could not be checked: %2.")
                                  : tr("%1 cannot be used as context: %2."))
                       .arg(found.constFirst().name, why),
            true);
    } else {
        const QString added = found.constFirst().name; // as the instance spells it
        m_names.append(added);
        refreshList();
        m_field->clear();
        showStatus(
            tr("Added %1: every question in this conversation searches it.").arg(added), false);
        Q_EMIT repositoriesEdited(m_names);
    }
    Q_EMIT checked();
}

void ContextRepositoriesEditor::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_names.size())
        return;
    const QString removed = m_names.takeAt(row);
    refreshList();
    if (!m_names.isEmpty())
        m_list->setCurrentRow(std::min<int>(row, int(m_names.size()) - 1));
    else
        m_field->setFocus(); // the list hides: keep the keyboard in the section
    showStatus(tr("Removed %1.").arg(removed), false);
    Q_EMIT repositoriesEdited(m_names);
}

bool ContextRepositoriesEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Delete and Backspace on the list remove the selected repository.
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QStringList ContextRepositoriesEditor::suggestions() const
{
    return m_offered->stringList();
}

QList<QWidget *> ContextRepositoriesEditor::focusOrder() const
{
    return {m_list, m_remove, m_field, m_add};
}

void ContextRepositoriesEditor::suggest()
{
    discardRequest(m_suggestions, this);
    const QString typed = m_field->text().trimmed();
    if (!m_client || typed.size() < MinimumTyped)
        return;
    m_suggestions = new RepositorySuggestions(m_client, typed, this);
    connect(m_suggestions, &GraphqlRequest::finished, this, [this, typed] {
        RepositorySuggestions *done = m_suggestions.data();
        m_suggestions = nullptr;
        done->deleteLater();
        // A failed search (the typed text is no valid regular expression, say) offers nothing;
        // adding the name still says exactly what is wrong with it.
        QStringList names;
        if (!done->error().isError()) {
            for (const RemoteRepository &repository : done->repositories())
                names.append(repository.name);
        }
        m_offered->setStringList(names);
        if (m_field->hasFocus() && m_field->text().trimmed() == typed && !names.isEmpty()) {
            m_completer->setCompletionPrefix(typed);
            m_completer->complete();
        }
        Q_EMIT suggested();
    });
    m_suggestions->start();
}

void ContextRepositoriesEditor::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("problem", problem);
    // A refusal in red, readable on a light and a dark palette alike (the palette has no error
    // colour); what went well in the normal text colour.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_status->setStyleSheet(
        problem ? u"QLabel { color: %1; }"_s.arg(dark ? u"#ff8a80"_s : u"#c62828"_s) : QString());
    m_status->setAccessibleDescription(text);
    m_status->show();
}

void ContextRepositoriesEditor::dropRequests()
{
    discardRequest(m_lookup, this);
    discardRequest(m_filters, this);
    m_checking.clear();
}

void ContextRepositoriesEditor::refreshList()
{
    m_list->clear();
    m_list->addItems(m_names);
    // As tall as its rows, up to a few: the panel sits above the chat and should stay small.
    if (!m_names.isEmpty()) {
        // Two rows at least: one alone would look like a text field.
        const int rows = std::clamp(int(m_names.size()), 2, VisibleRows);
        m_list->setFixedHeight(m_list->sizeHintForRow(0) * rows + 2 * m_list->frameWidth() + 2);
    }
    m_list->setVisible(!m_names.isEmpty());
    m_none->setVisible(m_names.isEmpty());
    m_remove->setEnabled(m_list->currentRow() >= 0);
    m_remove->setVisible(!m_names.isEmpty());
}

void ContextRepositoriesEditor::setChecking(bool checking)
{
    m_add->setEnabled(!checking);
    m_field->setReadOnly(checking);
}

} // namespace cody
