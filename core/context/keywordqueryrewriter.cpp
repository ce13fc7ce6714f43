// SPDX-License-Identifier: Apache-2.0
#include "context/keywordqueryrewriter.h"

#include "cody/completionstream.h"
#include "cody/discardrequest.h"
#include "cody/sourcegraphclient.h"
#include "context/keywordquery.h"

namespace cody {

KeywordQueryRewriter::KeywordQueryRewriter(
    SourcegraphClient *client, QString question, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_question(std::move(question))
    , m_query(m_question)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        fallBack(tr("the keyword rewrite took longer than %1 s")
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
        Q_EMIT finished();
    });
}

KeywordQueryRewriter::~KeywordQueryRewriter()
{
    discardRequest(m_stream, this);
}

void KeywordQueryRewriter::start()
{
    if (m_done || m_stream)
        return;
    if (m_question.trimmed().isEmpty()) {
        fallBack(tr("there is no question to rewrite"));
        finishLater();
        return;
    }
    m_stream = m_client->openCompletionStream(KeywordQuery::requestBody(m_question), ApiVersion);
    connect(m_stream, &CompletionStream::finished, this, &KeywordQueryRewriter::onStreamFinished);
    m_timer.start(m_timeout);
}

void KeywordQueryRewriter::cancel()
{
    if (m_done)
        return;
    fallBack(tr("cancelled"));
    finishLater();
}

void KeywordQueryRewriter::fallBack(const QString &reason)
{
    m_done = true;
    m_timer.stop();
    m_query = m_question;
    m_rewritten = false;
    m_fallbackReason = reason;
    discardRequest(m_stream, this);
}

void KeywordQueryRewriter::finishLater()
{
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

void KeywordQueryRewriter::onStreamFinished()
{
    CompletionStream *stream = m_stream;
    m_stream = nullptr;
    stream->deleteLater();
    if (m_done)
        return;
    const CompletionStream::Outcome &outcome = stream->outcome();
    const QString keywords = KeywordQuery::parseAnswer(outcome.text);
    if (outcome.error.isError()) {
        fallBack(tr("the keyword rewrite failed: %1").arg(outcome.error.message));
    } else if (keywords.isEmpty()) {
        fallBack(tr("the keyword rewrite answered no keywords"));
    } else {
        m_done = true;
        m_timer.stop();
        m_query = keywords;
        m_rewritten = true;
    }
    Q_EMIT finished();
}

} // namespace cody
