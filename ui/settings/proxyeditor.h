// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/proxyfactory.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cody {

/**
 * @brief The proxy choice of the settings dialog: System / None / Manual host:port, with the
 * manual host checked inline (ProxySettings::hostPortProblem()).
 */
class ProxyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyEditor)

public:
    explicit ProxyEditor(QWidget *parent = nullptr);

    ProxySettings::Mode mode() const;
    void setMode(ProxySettings::Mode mode);
    QString host() const;
    void setHost(const QString &host);

    /// The environment's `variable` sets the proxy to `value`: shown read-only, naming it.
    void setFromEnvironment(const QString &variable, const QString &value);
    bool isFromEnvironment() const { return !m_variable.isEmpty(); }

    /// True when the manual host is usable or not needed; otherwise shows the problem inline.
    bool validate();
    /// The proxies a connection made now would use (the environment's when it sets them).
    ProxySettings proxySettings(const QProcessEnvironment &environment) const;

    QRadioButton *button(ProxySettings::Mode mode) const;
    QLineEdit *hostEdit() const { return m_host; }

private:
    void updateState();

    QButtonGroup *m_group;
    QLineEdit *m_host;
    QLabel *m_message;
    QString m_variable;
};

} // namespace cody
