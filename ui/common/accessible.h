// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QWidget>

namespace cody {

/// Gives a control the objectName tests find it by and the name and description a screen reader
/// announces. Returns the widget, so that it can wrap the `new`.
template <typename Widget>
Widget *accessible(
    Widget *widget, const QString &objectName, const QString &name, const QString &description)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(name);
    widget->setAccessibleDescription(description);
    return widget;
}

} // namespace cody
