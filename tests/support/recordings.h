// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTest>

// The real recorded Sourcegraph traffic, ../shared/protocol/recorded beside the clone
// (CODY_RECORDINGS_DIR, which cody_add_qtest defines). A clone without that folder skips the test
// functions that replay it, saying so; once the folder is there, every recording a test names must
// be in it, and one that is missing fails the test rather than skipping it.
namespace cody::test {

inline QDir recordingsDir()
{
    return QDir(QString::fromUtf8(CODY_RECORDINGS_DIR));
}

inline bool haveRecordings()
{
    return recordingsDir().exists();
}

/// The recordings whose names match pattern (e.g. "*.sse"), in name order, as full paths.
inline QStringList recordingsMatching(const QString &pattern)
{
    const QDir dir = recordingsDir();
    QStringList paths;
    for (const QString &name : dir.entryList({pattern}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

/// The path of the one recording matching pattern (a file name, or a wildcard such as
/// "05-*-response.sse"); empty when there is none, or more than one.
inline QString findRecording(const QString &pattern)
{
    const QStringList paths = recordingsMatching(pattern);
    return paths.size() == 1 ? paths.constFirst() : QString();
}

/// The bytes of a file (a recording, a fixture); empty when it cannot be read.
inline QByteArray readRecording(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A recorded JSON body (FX/NN-*-request.json, -response.json) as an object.
inline QJsonObject readRecordingJson(const QString &path)
{
    return QJsonDocument::fromJson(readRecording(path)).object();
}

} // namespace cody::test

/// Skips the test function when the recordings folder is absent altogether.
#define SKIP_WITHOUT_RECORDINGS()                                                                  \
    do {                                                                                           \
        if (!cody::test::haveRecordings())                                                         \
            QSKIP("no recordings at " CODY_RECORDINGS_DIR " (../shared/protocol/recorded beside "  \
                  "the clone): skipping what replays real Sourcegraph traffic");                   \
    } while (false)

/// Declares `const QString variable_`, the path of the one recording matching pattern_: skips the
/// test function when the recordings folder is absent, fails it when that recording is missing from
/// it.
#define REQUIRE_RECORDING(variable_, pattern_)                                                     \
    SKIP_WITHOUT_RECORDINGS();                                                                     \
    const QString variable_ = cody::test::findRecording(pattern_);                                 \
    QVERIFY2(!variable_.isEmpty(),                                                                 \
        qPrintable(QStringLiteral(                                                                 \
            "no single recording %1 in %2 (the folder is there, so it must be too)")               \
                       .arg(QString(pattern_), cody::test::recordingsDir().path())))
