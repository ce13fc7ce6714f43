// SPDX-License-Identifier: Apache-2.0
#include "ui/chat/sendbutton.h"

using namespace Qt::StringLiterals;

namespace cody {

SendButton::SendButton(QWidget *parent)
    : QPushButton(parent)
{
    setObjectName(u"sendButton"_s);
    setDefault(false);
    setAutoDefault(false);
    setBusy(false);
}

void SendButton::setBusy(bool busy)
{
    setText(busy ? tr("Stop") : tr("Send"));
    setAccessibleName(busy ? tr("Stop the reply") : tr("Send"));
    setAccessibleDescription(busy ? tr("Stops the reply being written (Esc)")
                                  : tr("Sends the message in the message box"));
    setToolTip(busy ? tr("Stop the reply (Esc)") : tr("Send the message (Enter)"));
}

} // namespace cody
