# SPDX-License-Identifier: Apache-2.0
# Runs CheckLayering on FIXTURE and passes only if it fails, saying EXPECTED.
#   cmake -DCHECK=<CheckLayering.cmake> -DFIXTURE=<tree> -DEXPECTED=<text> -P expect-failure.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${FIXTURE} -P ${CHECK}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(result EQUAL 0)
    message(FATAL_ERROR "CheckLayering passed ${FIXTURE}, which has a wrong include")
endif()
string(FIND "${output}" "${EXPECTED}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "CheckLayering failed without saying: ${EXPECTED}")
endif()
