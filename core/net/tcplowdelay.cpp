// SPDX-License-Identifier: Apache-2.0
#include "net/tcplowdelay.h"

#include <cerrno>
#include <cstdlib>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>

namespace cody::tcplowdelay {

namespace {

bool isTcpSocket(int fd)
{
    struct stat info;
    if (::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
        return false;
    int domain = 0;
    int type = 0;
    socklen_t length = sizeof domain;
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) != 0)
        return false;
    length = sizeof type;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0)
        return false;
    return (domain == AF_INET || domain == AF_INET6) && type == SOCK_STREAM;
}

} // namespace

int applyToOpenSockets()
{
    DIR *fds = ::opendir("/proc/self/fd");
    if (!fds)
        return 0; // not Linux, or no /proc: requests are only slower
    const int own = ::dirfd(fds);
    int set = 0;
    while (const dirent *entry = ::readdir(fds)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == own || !isTcpSocket(int(fd)))
            continue;
        const int on = 1;
        if (::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0)
            ++set;
    }
    ::closedir(fds);
    return set;
}

} // namespace cody::tcplowdelay
