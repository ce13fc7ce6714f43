// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

namespace cody {

class CompletionStream;
class SourcegraphClient;

/**
 * @brief Turns a question into a keyword search for retrieval with one fast completion, as Cody
 * does before getCodyContext (context.md §1c, FX/28): `fast: true`, api-version 1.
 *
 * It never fails: on any failure (an HTTP or stream error, the timeout, an answer without
 * `<query>` or `<keywords>`) query() is the question itself and fallbackReason() says why.
 * finished() comes exactly once, never from inside start() or cancel().
 *
 * @code
 * auto *rewrite = new cody::KeywordQueryRewriter(client, question, this);
 * connect(rewrite, &cody::KeywordQueryRewriter::finished, this, [rewrite] {
 *     search(rewrite->query());
 *     rewrite->deleteLater();
 * });
 * rewrite->start();
 * @endcode
 */
class KeywordQueryRewriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeywordQueryRewriter)

public:
    /// The rewrite's own api-version: Cody's LEGACY_API_VERSION (full text in every event).
    static constexpr int ApiVersion = 1;

    KeywordQueryRewriter(SourcegraphClient *client, QString question, QObject *parent = nullptr);
    ~KeywordQueryRewriter() override;

    /// After this long without a whole answer the question is used as it is (default 20 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void start();
    void cancel();

    const QString &query() const { return m_query; }
    bool isRewritten() const { return m_rewritten; }
    const QString &fallbackReason() const { return m_fallbackReason; }

Q_SIGNALS:
    void finished();

private:
    void onStreamFinished();
    void fallBack(const QString &reason);
    void finishLater();

    SourcegraphClient *m_client;
    QString m_question;
    QString m_query;
    QString m_fallbackReason;
    QPointer<CompletionStream> m_stream;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(20);
    bool m_rewritten = false;
    bool m_done = false;
};

} // namespace cody
