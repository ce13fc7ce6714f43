// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

namespace cody {

/// "U+00E9": how a character is named in error messages.
QString codePointName(char32_t c);

/**
 * The reason a name typed by a user (a model name or alias) has a control character or
 * whitespace, or an empty string when it has neither. These usually come from copy-and-paste and
 * deserve a clearer message than "character not allowed". `text` must not be empty.
 */
QString controlOrWhitespaceProblem(QStringView text);

} // namespace cody
