// SPDX-License-Identifier: Apache-2.0
#include "fakecorpus.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody::test {

FakeCorpus::FakeCorpus(const QString &directory)
{
    const QDir root(directory.isEmpty() ? builtInDirectory() : directory);
    QFile manifest(root.filePath(u"repositories.json"_s));
    if (!manifest.open(QIODevice::ReadOnly)) {
        m_error = u"cannot read %1: %2"_s.arg(manifest.fileName(), manifest.errorString());
        return;
    }
    const QJsonArray list
        = QJsonDocument::fromJson(manifest.readAll()).object().value(u"repositories"_s).toArray();
    for (const QJsonValue &value : list) {
        Repository repository;
        repository.name = value[u"name"_s].toString();
        repository.id = value[u"id"_s].toString();
        repository.stars = value[u"stars"_s].toInt();
        repository.commit = value[u"commit"_s].toString();
        const QDir repoDir(root.filePath(repository.name));
        QDirIterator files(repoDir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly))
                repository.files.insert(repoDir.relativeFilePath(file.fileName()), file.readAll());
        }
        m_repositories.append(std::move(repository));
    }
    std::sort(m_repositories.begin(), m_repositories.end(),
        [](const Repository &a, const Repository &b) { return a.name < b.name; });
}

QString FakeCorpus::builtInDirectory()
{
    return QStringLiteral(CODY_FAKE_CORPUS_DIR);
}

const FakeCorpus::Repository *FakeCorpus::byName(const QString &name) const
{
    for (const Repository &repository : m_repositories) {
        if (repository.name == name)
            return &repository;
    }
    return nullptr;
}

const FakeCorpus::Repository *FakeCorpus::byId(const QString &id) const
{
    for (const Repository &repository : m_repositories) {
        if (repository.id == id)
            return &repository;
    }
    return nullptr;
}

QString FakeCorpus::decodeId(const QString &id)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        id.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const QString text = decoded ? QString::fromUtf8(*decoded) : QString();
    return text.startsWith(u"Repository:"_s) ? text : QString();
}

} // namespace cody::test
