// SPDX-License-Identifier: Apache-2.0
#include "ui/models/startingmodel.h"

#include "cody/modelcatalog.h"

namespace cody {

StartingModel StartingModel::choose(
    const ModelCatalog &catalog, const QString &name, const ModelRef &ref, bool chosenByUser)
{
    // Both recorded servers list the built-in default's target as deprecated.
    const auto replacement = chosenByUser ? std::nullopt : catalog.replacementForDefault(ref);
    if (!replacement)
        return {name, ref, deprecationWarning(catalog, name, ref)};
    const ModelInfo *info = catalog.find(ref);
    const ModelInfo *chosen = catalog.find(*replacement);
    return {replacement->fullName(), *replacement,
        tr("%1 is %2 on this server, so Cody Chat starts with %3, the server's choice. Pick "
           "another model at any time.")
            .arg(name, info && !info->status.isEmpty() ? info->status : tr("not offered"),
                chosen && !chosen->displayName.isEmpty() ? chosen->displayName
                                                         : replacement->modelId())};
}

QString StartingModel::deprecationWarning(
    const ModelCatalog &catalog, const QString &name, const ModelRef &ref)
{
    const ModelInfo *info = catalog.find(ref);
    if (!info || !info->isDeprecated())
        return {};
    return tr("%1 is deprecated on this server and may stop answering; it is kept because you "
              "chose it.")
        .arg(name);
}

} // namespace cody
