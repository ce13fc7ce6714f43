// SPDX-License-Identifier: Apache-2.0
#include "cody/modelcatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody {

namespace {

// Starts the load warnings, which are kept for diagnostics only and so stay English.
const auto WarningPrefix = u"supported models: "_s;

std::optional<double> number(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

qint64 tokenLimit(const QJsonObject &contextWindow, QStringView key)
{
    return std::max<qint64>(0, contextWindow.value(key).toInteger(0));
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

ModelInfo modelInfo(
    const ModelRef &ref, const QJsonObject &object, const QHash<QString, QString> &providerNames)
{
    ModelInfo info;
    info.ref = ref;
    info.displayName = object.value(u"displayName").toString();
    if (info.displayName.isEmpty())
        info.displayName = object.value(u"modelName").toString(ref.modelId());
    info.providerId = ref.provider();
    info.providerName = providerNames.value(info.providerId, info.providerId);
    info.capabilities = strings(object.value(u"capabilities"));
    info.category = object.value(u"category").toString();
    info.status = object.value(u"status").toString();
    info.tier = object.value(u"tier").toString();

    const QJsonObject contextWindow = object.value(u"contextWindow").toObject();
    info.maxInputTokens = tokenLimit(contextWindow, u"maxInputTokens");
    info.maxOutputTokens = tokenLimit(contextWindow, u"maxOutputTokens");

    // Other units exist in the wild ("btok", "") with numbers that do not match the published
    // prices; showing no price beats showing a wrong one.
    const QJsonObject cost = object.value(u"estimatedModelCost").toObject();
    if (cost.value(u"unit").toString() == u"mtok") {
        info.inputCentsPerMtok = number(cost, u"inputTokenPennies");
        info.outputCentsPerMtok = number(cost, u"outputTokenPennies");
    }
    return info;
}

} // namespace

bool ModelInfo::isUsableForChat() const
{
    return isChat() && status.compare(u"waitlist", Qt::CaseInsensitive) != 0;
}

bool ModelInfo::isDeprecated() const
{
    return status.compare(u"deprecated", Qt::CaseInsensitive) == 0;
}

bool ModelInfo::isStable() const
{
    return status.isEmpty() || status.compare(u"stable", Qt::CaseInsensitive) == 0;
}

ModelCatalog::ModelCatalog(ModelAliases aliases)
    : m_aliases(std::move(aliases))
{ }

bool ModelCatalog::loadSupportedModels(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = QCoreApplication::translate("cody::ModelCatalog", "supported models: %1")
                         .arg(reason);
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(
            QCoreApplication::translate("cody::ModelCatalog", "not valid JSON (%1 at offset %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(
            QCoreApplication::translate("cody::ModelCatalog", "the document is not a JSON object"));
    const QJsonObject root = document.object();
    const QJsonValue modelsValue = root.value(u"models");
    if (!modelsValue.isArray())
        return fail(QCoreApplication::translate(
            "cody::ModelCatalog", "the document has no \"models\" array"));

    QHash<QString, QString> providerNames;
    for (const QJsonValue &provider : root.value(u"providers").toArray()) {
        const QJsonObject object = provider.toObject();
        const QString id = object.value(u"id").toString();
        const QString name = object.value(u"displayName").toString();
        if (!id.isEmpty() && !name.isEmpty())
            providerNames.insert(id, name);
    }

    // One odd entry must not hide every other model from the user, so entries are skipped, not
    // fatal, and the reason is kept for diagnostics.
    QList<ModelInfo> models;
    QStringList warnings;
    const QJsonArray entries = modelsValue.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = WarningPrefix + u"skipped models["_s + QString::number(i) + u']';
        if (!entries.at(i).isObject()) {
            warnings.append(where + u": not a JSON object"_s);
            continue;
        }
        const QJsonObject object = entries.at(i).toObject();
        const QString refText = object.value(u"modelRef").toString();
        QString reason;
        const std::optional<ModelRef> ref = ModelRef::parse(refText, &reason);
        if (!ref) {
            warnings.append(where + u": modelRef \""_s + refText + u"\": "_s + reason);
            continue;
        }
        const bool duplicate = std::any_of(models.cbegin(), models.cend(),
            [&ref](const ModelInfo &model) { return model.ref == *ref; });
        if (duplicate) {
            warnings.append(where + u": duplicate modelRef \""_s + refText + u'"');
            continue;
        }
        models.append(modelInfo(*ref, object, providerNames));
    }

    m_models = std::move(models);
    m_loadWarnings = std::move(warnings);
    m_defaultChat = root.value(u"defaultModels").toObject().value(u"chat").toString();
    m_loaded = true;
    return true;
}

QList<ModelInfo> ModelCatalog::chatModels() const
{
    QList<ModelInfo> result;
    std::copy_if(m_models.cbegin(), m_models.cend(), std::back_inserter(result),
        [](const ModelInfo &model) { return model.isUsableForChat() && !model.isDeprecated(); });
    return result;
}

const ModelInfo *ModelCatalog::find(const ModelRef &ref) const
{
    for (const ModelInfo &model : m_models) {
        if (model.ref == ref)
            return &model;
    }
    return nullptr;
}

std::optional<ModelRef> ModelCatalog::defaultChatModel() const
{
    // Both recorded catalogs (16, 17) name a deprecated model as the chat default, so the
    // server's word is not enough.
    if (const std::optional<ModelRef> ref = ModelRef::parse(m_defaultChat)) {
        if (const ModelInfo *model = find(*ref); model && model->isStableChat())
            return model->ref;
    }
    for (const ModelInfo &model : m_models) {
        if (model.isStableChat())
            return model.ref;
    }
    return std::nullopt;
}

std::optional<ModelRef> ModelCatalog::replacementForDefault(const ModelRef &preferred) const
{
    if (!m_loaded)
        return std::nullopt;
    if (const ModelInfo *model = find(preferred); model && model->isStableChat())
        return std::nullopt;
    const std::optional<ModelRef> replacement = defaultChatModel();
    return replacement && *replacement != preferred ? replacement : std::nullopt;
}

int ModelCatalog::clampMaxTokens(const ModelRef &ref, int requested) const
{
    if (requested <= 0)
        return requested;
    const ModelInfo *model = find(ref);
    if (!model || model->maxOutputTokens <= 0)
        return requested;
    return int(std::min<qint64>(requested, model->maxOutputTokens));
}

CostEstimate ModelCatalog::estimateCost(const ModelRef &ref, const std::optional<TokenUsage> &usage,
    qsizetype promptChars, qsizetype replyChars) const
{
    CostEstimate estimate;
    if (usage) {
        estimate.inputTokens = usage->promptTokens;
        estimate.outputTokens = usage->completionTokens;
    } else {
        estimate.inputTokens = estimatedTokens(promptChars);
        estimate.outputTokens = estimatedTokens(replyChars);
        estimate.tokensEstimated = true;
    }
    const ModelInfo *model = find(ref);
    if (!model || !model->inputCentsPerMtok || !model->outputCentsPerMtok)
        return estimate;
    estimate.priceKnown = true;
    const double cents = double(estimate.inputTokens) * *model->inputCentsPerMtok
        + double(estimate.outputTokens) * *model->outputCentsPerMtok;
    estimate.usd = cents / 1e6 / 100.0;
    return estimate;
}

} // namespace cody
