// SPDX-License-Identifier: Apache-2.0
// ModelRef::parse: what it accepts must survive parse -> fullName/wireName -> parse unchanged.
#include "cody/modelref.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using cody::ModelRef;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_modelref: property violated: %s\n", what);
        std::abort();
    }
}

void checkPartsHaveNoSeparator(const QString &part)
{
    require(!part.isEmpty(), "an empty part was accepted");
    require(!part.contains(u"::"_s), "a part contains '::'");
    for (const QChar c : part)
        require(c.unicode() > 0x20 && c.unicode() < 0x7f, "a non-printable-ASCII character");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto ref = ModelRef::parse(text, &error);
    if (!ref) {
        require(!error.isEmpty(), "a refusal without a reason");
        require(!error.contains(u'\n'), "a multi-line reason");
        // Refused with the prefix means refused without it, and the other way round.
        require(!ModelRef::parse(u"cody/"_s + text) || text.startsWith(u"cody/"_s)
                || text.startsWith(u"Cody/"_s, Qt::CaseInsensitive),
            "the cody/ prefix made a bad name good");
        return 0;
    }
    require(error.isEmpty(), "an accepted name with an error");
    require(ref->isValid(), "an accepted name is not valid");
    checkPartsHaveNoSeparator(ref->provider());
    checkPartsHaveNoSeparator(ref->apiVersion());
    checkPartsHaveNoSeparator(ref->modelId());

    const QString full = ref->fullName();
    const QString wire = ref->wireName();
    require(full == u"cody/"_s + wire, "fullName is not cody/ + wireName");
    require(text == full || text == wire, "the name is not one of its canonical spellings");
    const auto fromFull = ModelRef::parse(full);
    const auto fromWire = ModelRef::parse(wire);
    require(fromFull && *fromFull == *ref, "parse(fullName()) differs");
    require(fromWire && *fromWire == *ref, "parse(wireName()) differs");
    return 0;
}
