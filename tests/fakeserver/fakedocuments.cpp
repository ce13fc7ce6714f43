// SPDX-License-Identifier: Apache-2.0
#include "fakedocuments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cody::test {

namespace {

struct ModelSpec
{
    const char *modelRef;
    const char *displayName;
    const char *modelName;
    const char *capabilities; // already a JSON list body
    const char *category;
    const char *status;
    const char *tier;
    int maxInputTokens;
    int maxOutputTokens;
    const char *costUnit;
    int inputTokenPennies;
    int outputTokenPennies;
};

constexpr ModelSpec builtInModels[] = {
    {"anthropic::2023-06-01::claude-3.5-sonnet", "Claude 3.5 Sonnet", "claude-3-5-sonnet-latest",
        R"("edit", "chat", "vision")", "accuracy", "stable", "free", 45000, 4000, "mtok", 300,
        1500},
    {"anthropic::2023-06-01::claude-3-opus", "Claude 3 Opus", "claude-3-opus-20240229",
        R"("edit", "chat")", "other", "stable", "pro", 45000, 4000, "mtok", 1500, 7500},
    {"anthropic::2023-06-01::claude-3-haiku", "Claude 3 Haiku", "claude-3-haiku-20240307",
        R"("edit", "chat")", "speed", "stable", "free", 7000, 4000, "mtok", 25, 125},
    {"openai::v1::gpt-4", "GPT-4", "gpt-4", R"("edit", "chat")", "other", "deprecated", "pro", 7000,
        4000, "mtok", 3000, 6000},
    {"google::v1::gemini-pro", "Gemini Pro", "gemini-pro", R"("edit", "chat")", "balanced",
        "waitlist", "pro", 45000, 4000, "mtok", 125, 500},
    {"fireworks::v1::deepseek-coder-v2-lite-base", "DeepSeek V2 Lite Base",
        "accounts/sourcegraph/models/deepseek-coder-v2-lite-base", R"("autocomplete")", "speed",
        "stable", "free", 2048, 256, "", 0, 0},
};

QByteArray modelJson(const ModelSpec &model)
{
    const QByteArray capabilities = QByteArray(model.capabilities).replace(", ", ",\n        ");
    return R"(    {
      "modelRef": ")"
        + QByteArray(model.modelRef) + R"(",
      "displayName": ")"
        + QByteArray(model.displayName) + R"(",
      "modelName": ")"
        + QByteArray(model.modelName) + R"(",
      "capabilities": [
        )"
        + capabilities + R"(
      ],
      "category": ")"
        + QByteArray(model.category) + R"(",
      "status": ")"
        + QByteArray(model.status) + R"(",
      "tier": ")"
        + QByteArray(model.tier) + R"(",
      "contextWindow": {
        "maxInputTokens": )"
        + QByteArray::number(model.maxInputTokens) + R"(,
        "maxOutputTokens": )"
        + QByteArray::number(model.maxOutputTokens) + R"(
      },
      "estimatedModelCost": {
        "unit": ")"
        + QByteArray(model.costUnit) + R"(",
        "inputTokenPennies": )"
        + QByteArray::number(model.inputTokenPennies) + R"(,
        "outputTokenPennies": )"
        + QByteArray::number(model.outputTokenPennies) + R"(
      }
    })";
}

} // namespace

QByteArray FakeDocuments::clientConfig(int latestStreamApiVersion)
{
    // Field order as in the recording, which QJsonDocument would not keep.
    return R"({
  "codyEnabled": true,
  "chatEnabled": true,
  "autoCompleteEnabled": true,
  "customCommandsEnabled": true,
  "attributionEnabled": false,
  "smartContextWindowEnabled": true,
  "modelsAPIEnabled": false,
  "latestSupportedCompletionsStreamAPIVersion": )"
        + QByteArray::number(latestStreamApiVersion) + "\n}\n";
}

QByteArray FakeDocuments::graphql(const QString &query, const QString &productVersion)
{
    if (query.contains(u"CurrentUser"))
        return R"({"data":{"currentUser":{"id":"VXNlcjox","username":"fake-user","displayName":"Fake User","hasVerifiedEmail":true,"avatarURL":null,"primaryEmail":{"email":"fake@example.com"},"organizations":{"nodes":[]}}}})";
    if (query.contains(u"SiteProductVersion")) {
        const QJsonObject site {{u"productVersion"_s, productVersion}};
        const QJsonObject data {{u"site"_s, site}};
        return QJsonDocument(QJsonObject {{u"data"_s, data}}).toJson(QJsonDocument::Compact);
    }
    return R"({"errors":[{"message":"unsupported query"}]})";
}

QByteArray FakeDocuments::supportedModelsWithDeprecatedSonnet()
{
    QJsonObject root = QJsonDocument::fromJson(supportedModels()).object();
    QJsonArray models = root.value(u"models"_s).toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        QJsonObject model = models.at(i).toObject();
        if (model.value(u"modelRef"_s).toString() == u"anthropic::2023-06-01::claude-3.5-sonnet"_s)
            model.insert(u"status"_s, u"deprecated"_s);
        models.replace(i, model);
    }
    root.insert(u"models"_s, models);
    return QJsonDocument(root).toJson();
}

QByteArray FakeDocuments::supportedModels()
{
    QList<QByteArray> models;
    for (const ModelSpec &model : builtInModels)
        models.append(modelJson(model));
    return R"({
  "schemaVersion": "1.0",
  "revision": "0.0.0+dev",
  "providers": [
    {
      "id": "anthropic",
      "displayName": "Anthropic"
    },
    {
      "id": "fireworks",
      "displayName": "Fireworks"
    },
    {
      "id": "google",
      "displayName": "Google"
    },
    {
      "id": "openai",
      "displayName": "OpenAI"
    }
  ],
  "models": [
)" + models.join(",\n")
        + R"(
  ],
  "defaultModels": {
    "chat": "anthropic::2023-06-01::claude-3.5-sonnet",
    "fastChat": "anthropic::2023-06-01::claude-3-haiku",
    "codeCompletion": "fireworks::v1::deepseek-coder-v2-lite-base"
  }
}
)";
}

QByteArray FakeDocuments::loginPage()
{
    return R"(<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Sourcegraph</title></head>
<body>
<h1>Sign in to Sourcegraph</h1>
<form method="post" action="/-/sign-in">
<input name="username" placeholder="Username"> <input name="password" type="password">
<button type="submit">Sign in</button>
</form>
</body>
</html>
)";
}

} // namespace cody::test
