// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QTextStream;

namespace cody::bench {

/// One measurement repeated: the milliseconds of each run.
struct Samples
{
    QList<double> ms;

    double median() const;
    double max() const;
};

/// Runs `run` `runs` times and times each run.
Samples repeat(int runs, const std::function<void()> &run);
/// Milliseconds `run` takes, once.
double timeMs(const std::function<void()> &run);
/// VmRSS of this process in KiB (Linux), or -1.
qint64 residentKiB();

/// The numbers of one benchmark run: printed as a table and written as JSON.
class Report
{
public:
    void addFact(const QString &key, const QString &label, const QString &value);
    void addValue(const QString &key, const QString &label, double value, const QString &unit);
    void addTiming(const QString &key, const QString &label, const Samples &samples);

    void print(QTextStream &out) const;
    bool writeJson(const QString &path, QString *error) const;

private:
    struct Row
    {
        QString key;
        QString label;
        QString text; ///< facts only
        QList<double> values; ///< one value, or the median and max of a timing
        QString unit;
        QList<double> samples; ///< timings only, for the JSON
    };
    QList<Row> m_rows;
};

} // namespace cody::bench
