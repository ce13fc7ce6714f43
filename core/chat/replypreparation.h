// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/error.h"

#include <QObject>
#include <QPointer>

namespace cody {

class ApiCall;
class ApiVersionProbe;
class ModelCatalog;
class SourcegraphClient;

/**
 * @brief What a reply needs to know before its first request, fetched at the same time: the
 * api-version (ApiVersionProbe) and, when a catalog without server models is given, the server's
 * model list (for the output-token limit and prices). Each is cached, so later replies skip it.
 *
 * A failed model list only loses the limits; a failed probe (token rejected, TLS, timeout) ends
 * the preparation with that error. finished() comes once; deleting the object stops it.
 */
class ReplyPreparation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplyPreparation)

public:
    ReplyPreparation(SourcegraphClient *client, ModelCatalog *catalog, QObject *parent = nullptr);
    ~ReplyPreparation() override;

    void start();

    int apiVersion() const { return m_apiVersion; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void onProbeFinished();
    void onModelsFinished();
    void stopModels();
    void finishWhenDone();

    SourcegraphClient *m_client;
    ModelCatalog *m_catalog;
    QPointer<ApiVersionProbe> m_probe;
    QPointer<ApiCall> m_models;
    int m_apiVersion = 0;
    Error m_error;
    bool m_done = false;
};

} // namespace cody
