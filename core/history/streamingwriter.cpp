// SPDX-License-Identifier: Apache-2.0
// StreamingWriter is declared in conversationstore.h, beside the store it writes to.
#include "history/conversationstore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace cody {

StreamingWriter::StreamingWriter(ConversationStore *store, qint64 messageId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_messageId(messageId)
    , m_timer(new QTimer(this))
{
    // Started by the first pending text, not restarted by later text: a steady stream of small
    // pieces must still reach the disk every FlushIntervalMs.
    m_timer->setSingleShot(true);
    m_timer->setInterval(FlushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &StreamingWriter::flush);
}

StreamingWriter::~StreamingWriter()
{
    flush();
    if (!m_finished && m_store)
        m_store->markInterrupted(m_messageId, nullptr); // no one is left to tell of a failure
}

void StreamingWriter::append(const QString &text)
{
    if (m_finished || text.isEmpty())
        return;
    m_pending += text;
    // Counted as stored (UTF-8), which is what FlushBytes is about.
    m_pendingBytes += QStringView(text).toUtf8().size();
    if (m_pendingBytes >= FlushBytes)
        flush();
    else if (!m_timer->isActive())
        m_timer->start();
}

bool StreamingWriter::finish(const StoredMessage &final, QString *error)
{
    flush();
    m_finished = true;
    // What is still pending failed to save; final.text carries the whole reply anyway.
    m_pending.clear();
    m_pendingBytes = 0;
    if (!m_store) {
        if (error)
            *error = tr("Cannot save the reply: the conversation database is closed");
        return false;
    }
    StoredMessage message = final;
    message.id = m_messageId;
    return m_store->updateMessage(message, error);
}

void StreamingWriter::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    QString error;
    if (!m_store) {
        error = tr("Cannot save the reply: the conversation database is closed");
    } else if (m_store->appendToMessage(m_messageId, m_pending, &error)) {
        m_pending.clear();
        m_pendingBytes = 0;
        return;
    }
    // The text stays pending, so the next flush or finish() tries again.
    Q_EMIT failed(error);
}

} // namespace cody
