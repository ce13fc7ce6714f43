// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cody/modelref.h"

#include <QCoreApplication>
#include <QString>

namespace cody {

class ModelCatalog;

/**
 * @brief The model the window starts on once the server's catalog is known, and what to say
 * about it: a built-in default the server does not call stable gives way to the server's own
 * choice; a model the user chose is kept, with a warning when the server deprecated it.
 */
class StartingModel
{
    Q_DECLARE_TR_FUNCTIONS(cody::StartingModel)

public:
    QString name; ///< as shown in the picker
    ModelRef ref;
    QString message; ///< for the status bar; empty: nothing to say

    /// `name`/`ref` is what the window has now; `chosenByUser` is Session::hasModelChoice()
    /// or any name other than the built-in default.
    static StartingModel choose(
        const ModelCatalog &catalog, const QString &name, const ModelRef &ref, bool chosenByUser);

    /// The warning for a chosen model the server marks deprecated; empty otherwise.
    static QString deprecationWarning(
        const ModelCatalog &catalog, const QString &name, const ModelRef &ref);
};

} // namespace cody
