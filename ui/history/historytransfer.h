// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QWidget;

namespace cody {

class ConversationStore;

/**
 * @brief Export of conversations to files (one as Markdown or JSON, all as JSON) and import of
 * the JSON back, behind the File dialogs of the main window. Files are written atomically: a
 * failed export (disk full) leaves no half-written file behind.
 */
class HistoryTransfer
{
    Q_DECLARE_TR_FUNCTIONS(HistoryTransfer)

public:
    enum class Format { Markdown, Json };

    HistoryTransfer(ConversationStore *store, QWidget *window);

    /// Asks where to save conversation `id` (titled `title`) and saves it there. Returns what
    /// to tell the user: where it went, or why not; empty when the user cancelled.
    QString exportConversation(qint64 id, const QString &title);
    /// Asks where to save every conversation, as JSON.
    QString exportAll();
    /// Asks for a JSON file of conversations and adds them to the history as new conversations.
    QString importFile(QList<qint64> *imported);

    bool saveConversation(qint64 id, const QString &path, Format format, QString *error) const;
    bool saveAll(const QString &path, QString *error) const;
    bool import(const QString &path, QList<qint64> *imported, QString *error);

    /// A file name (without directory) for a conversation titled `title`.
    static QString fileNameFor(const QString &title, Format format);

private:
    static bool write(const QString &path, const QByteArray &data, QString *error);

    ConversationStore *m_store;
    QWidget *m_window;
};

} // namespace cody
