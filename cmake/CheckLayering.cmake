# SPDX-License-Identifier: Apache-2.0
# Fails when a library includes a header from a subsystem it may not use: every quoted include of
# core/, ui/ and app/cli/gateway/ must name a folder (or, for history, a header) its rule allows.
# A folder without a rule fails too, so a new subsystem is given one.
#   cmake -DROOT=<source tree> -P cmake/CheckLayering.cmake
# Run by CTest as `layering`; tests/layering shows it failing on a deliberate wrong include.
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
    message(FATAL_ERROR "CheckLayering: pass -DROOT=<source tree>")
endif()

set(core_subsystems net cody history account context chat)
# "<folder>=<allowed…>": an allowed entry is a folder ("net" allows "net/x.h") or one header.
# CORE stands for every core subsystem. The same table is in core/CMakeLists.txt, ui/ and README.
set(rules
    "core/net=net"
    "core/cody=cody net"
    "core/history=history cody/completionrequest.h cody/contextitem.h cody/tokenusage.h"
    "core/account=account cody net"
    "core/context=context cody net"
    "core/chat=chat net cody history account context"
    "app/cli/gateway=gateway chat cody net"
    "ui/common=ui/common"
    "ui/chat=ui/chat ui/common CORE"
    "ui/history=ui/history ui/common CORE"
    "ui/models=ui/models ui/common CORE"
    "ui/settings=ui/settings ui/common CORE"
    "ui=ui ui/chat ui/common ui/history ui/models ui/settings CORE"
)

set(violations 0)
set(ruled_folders "")
foreach(rule IN LISTS rules)
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${rule}")
    set(folder "${CMAKE_MATCH_1}")
    string(REPLACE " " ";" allowed "${CMAKE_MATCH_2}")
    list(TRANSFORM allowed REPLACE "^CORE$" "${core_subsystems}")
    list(APPEND ruled_folders "${folder}")
    list(JOIN allowed ", " allowed_text)
    file(GLOB sources "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(RELATIVE_PATH shown "${ROOT}" "${source}")
        file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line IN LISTS lines)
            string(REGEX MATCH "\"([^\"]+)\"" _ "${line}")
            set(header "${CMAKE_MATCH_1}")
            if(header MATCHES "\\.moc$")
                continue()
            endif()
            string(REGEX MATCH "^(.*)/[^/]+$" _ "${header}")
            set(from "${CMAKE_MATCH_1}")
            if(NOT from)
                message("${shown}: \"${header}\" names no subsystem; write \"<subsystem>/${header}\"")
                math(EXPR violations "${violations} + 1")
            elseif(NOT from IN_LIST allowed AND NOT header IN_LIST allowed)
                message("${shown}: ${folder} may not include \"${header}\" (it may use: ${allowed_text})")
                math(EXPR violations "${violations} + 1")
            endif()
        endforeach()
    endforeach()
endforeach()

# Every source folder has a rule.
file(GLOB candidates LIST_DIRECTORIES true "${ROOT}/core/*" "${ROOT}/ui/*")
foreach(candidate IN LISTS candidates)
    if(IS_DIRECTORY "${candidate}")
        file(RELATIVE_PATH folder "${ROOT}" "${candidate}")
        if(NOT folder IN_LIST ruled_folders)
            message("${folder}: no layering rule; add one to cmake/CheckLayering.cmake")
            math(EXPR violations "${violations} + 1")
        endif()
    endif()
endforeach()

if(violations GREATER 0)
    message(FATAL_ERROR "CheckLayering: ${violations} include(s) cross the layering")
endif()
message("CheckLayering: every include of ${ROOT} keeps to the layering")
