/*
 * smart/common.h -- versions, errors and the export macro
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_COMMON_H
#define SMART_COMMON_H

#include <stddef.h>
#include "smart/version.h"

/* SMART_EXTERN(type) declares an exported function, as libgit2's GIT_EXTERN does. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(SMART_C_BUILDING)
#    define SMART_EXTERN(type) extern __declspec(dllexport) type
#  else
#    define SMART_EXTERN(type) extern __declspec(dllimport) type
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define SMART_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#  define SMART_EXTERN(type) extern type
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Versions ========================================================================= */

/*
 * The ABI this header describes. It changes only when a binary-incompatible change is made
 * (which docs/c-api.md promises to avoid), and it is the SONAME version of the shared
 * library (libsmart_c.so.1). Within one ABI version functions are only ever added.
 */
#define SMART_ABI_VERSION 1

/* SMART_VERSION_NUMBER as the library that is running was built (MAJOR*10000 + MINOR*100 +
 * PATCH). Cannot fail. Thread-safe. */
SMART_EXTERN(int) smart_version_number(void);

/* "MAJOR.MINOR.PATCH" of the running library: a static string, never NULL, never freed.
 * Cannot fail. Thread-safe. */
SMART_EXTERN(const char *) smart_version_string(void);

/* The ABI version of the running library. A program checks it at start-up:
 *     if (smart_abi_version() != SMART_ABI_VERSION) { ... refuse to run ... }
 * and, when it needs functions added in a later release, also
 *     smart_version_number() >= the SMART_VERSION_NUMBER that added them.
 * Cannot fail. Thread-safe. */
SMART_EXTERN(int) smart_abi_version(void);

/* ==== Errors =========================================================================== */

/* Status codes. The values are those of the C++ core's one mapping table (src/error.cpp,
 * smart::to_c_status) and never change. */
typedef enum smart_status {
    SMART_OK = 0,
    SMART_EINVAL = -1,      /* an unusable argument: NULL, an unknown enum value, an index
                               out of range, an evaluation paired with another cohort */
    SMART_EPARSE = -2,      /* text that is not well-formed: JSON, a date */
    SMART_EVALIDATION = -3, /* well-formed input that breaks a rule of the model */
    SMART_ENOTFOUND = -4,   /* an id that names nothing, a file that cannot be opened */
    SMART_ENOTALLOWED = -5, /* a valid request the state forbids (cohort full, participant
                               not eligible for a certificate) */
    SMART_ENOMEM = -6,      /* out of memory */
    SMART_EINTERNAL = -7,   /* a bug in the library: please report it */
    SMART_EBUFS = -8        /* an output buffer is too small (as libgit2's GIT_EBUFS): nothing
                               is written but a terminating NUL at out[0] (when size > 0);
                               the last error's message says how many bytes are needed */
} smart_status;

/* The last error of the calling thread. */
typedef struct smart_error {
    int code;            /* a smart_status; SMART_OK when no call has failed on this
                            thread (or after smart_error_clear()) */
    const char *message; /* never NULL; starts with the JSON Pointer, when there is one
                            ("/participants/3/name: expected a non-empty name") */
    const char *pointer; /* never NULL; the JSON Pointer (RFC 6901) of the offending value
                            in the document, "" when the failure is not about a place */
} smart_error;

/* The calling thread's last error: never NULL. The structure and its strings belong to the
 * library and stay valid until the next failing call (or smart_error_clear()) on the same
 * thread. Thread-safe (each thread has its own). */
SMART_EXTERN(const smart_error *) smart_error_last(void);

/* Resets the calling thread's last error to SMART_OK, message "no error". */
SMART_EXTERN(void) smart_error_clear(void);

/* The name of a status: "ok", "invalid_argument", "parse_error", "validation_error",
 * "not_found", "not_allowed", "out_of_memory", "internal"; "unknown" for any other value.
 * A static string, never NULL. Cannot fail. Thread-safe. */
SMART_EXTERN(const char *) smart_status_name(int status);

/* Releases a string handed out by this library (`char **out`). Accepts NULL. */
SMART_EXTERN(void) smart_string_free(char *s);

#ifdef __cplusplus
}
#endif

#endif /* SMART_COMMON_H */
