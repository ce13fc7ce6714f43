// SPDX-License-Identifier: Apache-2.0
#include "benchreport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cody::bench {

double Samples::median() const
{
    if (ms.isEmpty())
        return 0.0;
    QList<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted.at(middle) : (sorted.at(middle - 1) + sorted.at(middle)) / 2;
}

double Samples::max() const
{
    return ms.isEmpty() ? 0.0 : *std::max_element(ms.begin(), ms.end());
}

double timeMs(const std::function<void()> &run)
{
    QElapsedTimer clock;
    clock.start();
    run();
    return double(clock.nsecsElapsed()) / 1e6;
}

Samples repeat(int runs, const std::function<void()> &run)
{
    Samples samples;
    for (int i = 0; i < runs; ++i)
        samples.ms.append(timeMs(run));
    return samples;
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // "VmRSS:     123456 kB"
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void Report::addFact(const QString &key, const QString &label, const QString &value)
{
    m_rows.append({key, label, value, {}, {}, {}});
}

void Report::addValue(const QString &key, const QString &label, double value, const QString &unit)
{
    m_rows.append({key, label, {}, {value}, unit, {}});
}

void Report::addTiming(const QString &key, const QString &label, const Samples &samples)
{
    m_rows.append({key, label, {}, {samples.median(), samples.max()}, u"ms"_s, samples.ms});
}

void Report::print(QTextStream &out) const
{
    out << u"%1  %2  %3\n"_s.arg(u"measurement"_s, -62).arg(u"median"_s, 12).arg(u"max"_s, 12);
    out << QString(90, u'-') << u'\n';
    for (const Row &row : m_rows) {
        out << u"%1  "_s.arg(row.label, -62);
        if (row.values.isEmpty())
            out << row.text;
        else if (row.values.size() == 1)
            out << u"%1 %2"_s.arg(row.values.at(0), 12, 'f', row.unit.isEmpty() ? 0 : 1)
                       .arg(row.unit);
        else
            out << u"%1  %2 %3"_s.arg(row.values.at(0), 12, 'f', 1)
                       .arg(row.values.at(1), 12, 'f', 1)
                       .arg(row.unit);
        out << u'\n';
    }
    out.flush();
}

bool Report::writeJson(const QString &path, QString *error) const
{
    QJsonObject root;
    for (const Row &row : m_rows) {
        QJsonObject entry {{u"label"_s, row.label}};
        if (row.values.isEmpty())
            entry.insert(u"value"_s, row.text);
        else if (row.values.size() == 1)
            entry.insert(u"value"_s, row.values.at(0));
        if (row.values.size() == 2) {
            entry.insert(u"median"_s, row.values.at(0));
            entry.insert(u"max"_s, row.values.at(1));
            QJsonArray runs;
            for (double ms : row.samples)
                runs.append(ms);
            entry.insert(u"runs"_s, runs);
        }
        if (!row.unit.isEmpty())
            entry.insert(u"unit"_s, row.unit);
        root.insert(row.key, entry);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(root).toJson()) < 0) {
        *error = u"Cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace cody::bench
