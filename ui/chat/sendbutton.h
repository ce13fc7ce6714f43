// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPushButton>

namespace cody {

/// The button beside the message box: Send, or Stop while a reply is being written — with the
/// names, descriptions and tooltips a screen reader and a mouse user need for either. Never a
/// default button, so Enter in the message box is the message box's.
class SendButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendButton)

public:
    explicit SendButton(QWidget *parent = nullptr);

    void setBusy(bool busy);
};

} // namespace cody
