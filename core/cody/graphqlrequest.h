// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/discardrequest.h"
#include "net/error.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace cody {

class ApiCall;
struct GraphqlResult;
class SourcegraphClient;

/**
 * @brief The base of every request object made of GraphQL calls (repository lookup, file content,
 * context retrieval, context filters, the product version): it owns the call in flight and
 * gives each request `cancel()` and exactly one finished().
 *
 * finished() never comes from inside start() or cancel(); after cancel() error() is Cancelled.
 * A subclass implements begin() (the first call, or an answer it already knows) and handle()
 * (each call's answer: finish() or send() the next call). The owner deleteLater()s it.
 *
 * @code
 * auto *lookup = new cody::RepositoryIdLookup(client, {u"github.com/sourcegraph/cody"_s});
 * connect(lookup, &cody::GraphqlRequest::finished, this, [lookup] {
 *     use(lookup->error().isError() ? QList<RemoteRepository>() : lookup->repositories());
 *     lookup->deleteLater();
 * });
 * lookup->start();
 * @endcode
 */
class GraphqlRequest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphqlRequest)

public:
    ~GraphqlRequest() override;

    /// Starts it; a second call does nothing.
    void start();
    void cancel();
    bool isFinished() const { return m_done; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished();

protected:
    explicit GraphqlRequest(SourcegraphClient *client, QObject *parent = nullptr);

    SourcegraphClient *client() const { return m_client; }
    virtual void begin() = 0;
    virtual void handle(const GraphqlResult &result) = 0;
    /// Called once on cancel(), for a subclass to stop what it runs besides its own call.
    virtual void stopOthers() { }

    /// Sends the next call; its answer goes to handle().
    void send(const QString &operationName, const QString &query,
        const QJsonObject &variables = QJsonObject());
    /// Ends the request (later, when called from begin()); the first call wins.
    void finish(Error error = {});
    /// Stops a request this one ran (anything with cancel()): nothing of it reaches this one
    /// any more, it is deleted later, and the pointer is cleared.
    template <typename Request> void discard(QPointer<Request> &child)
    {
        if (Request *request = child.data()) {
            request->disconnect(this);
            request->cancel();
            request->deleteLater();
        }
        child = nullptr;
    }

private:
    void onCallFinished();
    void dropCall();

    SourcegraphClient *m_client;
    QPointer<ApiCall> m_call;
    Error m_error;
    bool m_done = false;
    bool m_started = false;
    bool m_starting = false;
};

} // namespace cody
