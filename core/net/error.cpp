// SPDX-License-Identifier: Apache-2.0
#include "net/error.h"

using namespace Qt::StringLiterals;

namespace cody {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return u"none"_s;
    case ErrorKind::Config:
        return u"config"_s;
    case ErrorKind::Auth:
        return u"auth"_s;
    case ErrorKind::Network:
        return u"network"_s;
    case ErrorKind::Tls:
        return u"tls"_s;
    case ErrorKind::Timeout:
        return u"timeout"_s;
    case ErrorKind::Dropped:
        return u"dropped"_s;
    case ErrorKind::Http:
        return u"http"_s;
    case ErrorKind::Server:
        return u"server"_s;
    case ErrorKind::Stream:
        return u"stream"_s;
    case ErrorKind::Protocol:
        return u"protocol"_s;
    case ErrorKind::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

} // namespace cody
