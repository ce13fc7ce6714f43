// SPDX-License-Identifier: Apache-2.0
#include "ui/history/historytransfer.h"

#include "history/conversationexport.h"
#include "history/conversationstore.h"
#include "history/privatefiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

QString suffixFor(HistoryTransfer::Format format)
{
    return format == HistoryTransfer::Format::Markdown ? u"md"_s : u"json"_s;
}

QString documentsDirectory()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

HistoryTransfer::HistoryTransfer(ConversationStore *store, QWidget *window)
    : m_store(store)
    , m_window(window)
{ }

QString HistoryTransfer::fileNameFor(const QString &title, Format format)
{
    // Characters that are awkward or invalid in file names on some system become dashes.
    static const QRegularExpression awkward(u"[\\\\/:*?\"<>|\\x00-\\x1f]+"_s);
    QString name = QString(title).replace(awkward, u"-"_s).simplified().left(80);
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(u"conversation"_s);
    return name + u'.' + suffixFor(format);
}

QString HistoryTransfer::exportConversation(qint64 id, const QString &title)
{
    const QString markdown = tr("Markdown (*.md)");
    const QString json = tr("JSON (*.json)");
    QString filter = markdown;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Conversation"),
        QDir(documentsDirectory()).filePath(fileNameFor(title, Format::Markdown)),
        markdown + u";;"_s + json, &filter);
    if (path.isEmpty())
        return {};
    // The name decides when it says; otherwise the chosen filter does (and adds the suffix).
    const QString suffix = QFileInfo(path).suffix().toLower();
    Format format = filter == json ? Format::Json : Format::Markdown;
    if (suffix == "json"_L1)
        format = Format::Json;
    else if (suffix == "md"_L1 || suffix == "markdown"_L1)
        format = Format::Markdown;
    else
        path += u'.' + suffixFor(format);
    QString error;
    if (!saveConversation(id, path, format, &error))
        return tr("The conversation was not exported: %1").arg(error);
    return tr("Conversation exported to %1").arg(QDir::toNativeSeparators(path));
}

QString HistoryTransfer::exportAll()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export All Conversations"),
        QDir(documentsDirectory()).filePath(u"cody-chat-history.json"_s), tr("JSON (*.json)"));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    QString error;
    if (!saveAll(path, &error))
        return tr("The conversations were not exported: %1").arg(error);
    return tr("All conversations exported to %1").arg(QDir::toNativeSeparators(path));
}

QString HistoryTransfer::importFile(QList<qint64> *imported)
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Conversations"),
        documentsDirectory(), tr("JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return {};
    QString error;
    if (!import(path, imported, &error))
        return tr("Nothing was imported: %1").arg(error);
    return imported->size() == 1 ? tr("1 conversation imported")
                                 : tr("%1 conversations imported").arg(imported->size());
}

bool HistoryTransfer::saveConversation(
    qint64 id, const QString &path, Format format, QString *error) const
{
    if (!m_store->conversation(id)) {
        *error = tr("there is no conversation %1").arg(id);
        return false;
    }
    const QByteArray data = format == Format::Markdown ? m_store->exportMarkdown(id).toUtf8()
                                                       : m_store->exportJson(id);
    return write(path, data, error);
}

bool HistoryTransfer::saveAll(const QString &path, QString *error) const
{
    return write(path, m_store->exportAllJson(), error);
}

bool HistoryTransfer::import(const QString &path, QList<qint64> *imported, QString *error)
{
    QByteArray json;
    return conversationexport::readFile(path, &json, error)
        && m_store->importJson(json, imported, error);
}

bool HistoryTransfer::write(const QString &path, const QByteArray &data, QString *error)
{
    // Conversations are private: the file is made 0600 first, and QSaveFile keeps an existing
    // file's mode (a new one would get the umask's, usually readable by every local user).
    const bool existed = QFileInfo::exists(path);
    privatefiles::makeFile(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = tr("%1 cannot be written: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        if (!existed)
            QFile::remove(path); // only the empty file made above
        return false;
    }
    return true;
}

} // namespace cody
