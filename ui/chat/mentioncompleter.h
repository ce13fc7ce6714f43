// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/contextitem.h"
#include "ui/chat/mentiontext.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QKeyEvent;

namespace cody {

class Composer;
class ContextFiltersSource;
class MentionPopup;
class MentionSearch;
class SourcegraphClient;

/**
 * @brief The @-mention popup of the message box: typing `@` lists the instance's repositories
 * matching what follows; `:` after a name (or Tab on it) lists that repository's folders and
 * files; `:10-20` after a file picks lines. Enter or a click adds the current row — the typed
 * mention leaves the text and chosen() gives the item for a chip — Up and Down move, Esc closes.
 *
 * The keyboard stays in the message box throughout. Repositories the context filters exclude,
 * or all while they are being read, are listed but cannot be added, with the reason. Searching,
 * nothing found and errors are a line in the popup.
 */
class MentionCompleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionCompleter)

public:
    explicit MentionCompleter(Composer *composer, QObject *parent = nullptr);
    ~MentionCompleter() override;

    /// The instance to search, and the filters that say which repositories may be used.
    void setSource(SourcegraphClient *client, ContextFiltersSource *filters);
    MentionPopup *popup() const { return m_popup; }
    bool isOpen() const;

Q_SIGNALS:
    void chosen(const cody::ContextItem &item);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(QKeyEvent *event);
    void update();
    void open();
    void close();
    void showResults();
    /// Why `repoName` cannot be used now, or empty.
    QString unavailable(const QString &repoName) const;
    void choose(int row);
    void enter(int row);
    /// Replaces the mention being typed with `text`.
    void replaceMention(const QString &text);

    Composer *m_composer;
    MentionPopup *m_popup;
    MentionSearch *m_search;
    QPointer<ContextFiltersSource> m_filters;
    std::optional<MentionText> m_mention;
    int m_dismissedAt = -1; ///< where the mention starts that Esc closed
};

} // namespace cody
