// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace cody {

/**
 * @brief One cody-chat per history: a second start hands its request to the first over a local
 * socket and exits.
 *
 * The socket lives in the user's runtime directory (XDG_RUNTIME_DIR, mode 0700) and is named after
 * the history file, so instances with different data directories (tests, a second profile) never
 * meet. A request is one line of JSON ({"action":"raise"} or {"action":"new-chat","prompt":…});
 * the running instance answers "ok" once it has acted, so a start that got no answer (a hung or
 * crashed instance) opens its own window instead of vanishing.
 */
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    /// `key` tells instances apart: the history file's path.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Asks a running instance to come to the front, or to start a new chat with `prompt` when
    /// it is not empty. True if one answered: this process should then exit. Blocks for at most
    /// `timeoutMs`.
    bool handOver(const QString &prompt, int timeoutMs = 3000);

    /// Becomes the instance others hand over to. Removes a socket a crashed instance left.
    bool listen(QString *error = nullptr);

    QString socketPath() const { return m_path; }

    /// Longest prompt accepted over the socket.
    static constexpr qsizetype MaxRequestBytes = 4 * 1024 * 1024;

Q_SIGNALS:
    void raiseRequested();
    void newChatRequested(const QString &prompt);

private:
    void onNewConnection();

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace cody
