// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace cody::test {

// The repositories the fake instance hosts: tests/data/corpus/repositories.json names them
// (name, GraphQL ID, stars, the one commit), and each one's files are under
// tests/data/corpus/<name>/.
class FakeCorpus
{
public:
    struct Repository
    {
        QString name;
        QString id;
        int stars = 0;
        QString commit;
        QMap<QString, QByteArray> files; // path in the repository -> content, sorted by path
    };

    // The corpus under `directory`, or the built-in one when it is empty. A corpus that cannot
    // be read is empty, with errorString() saying why.
    explicit FakeCorpus(const QString &directory = {});

    static QString builtInDirectory();
    QString errorString() const { return m_error; }
    // Sorted by name.
    const QList<Repository> &repositories() const { return m_repositories; }
    const Repository *byName(const QString &name) const;
    const Repository *byId(const QString &id) const;
    // "Repository:399" for "UmVwb3NpdG9yeTozOTk="; empty when the ID is not a repository's.
    static QString decodeId(const QString &id);

private:
    QList<Repository> m_repositories;
    QString m_error;
};

} // namespace cody::test
