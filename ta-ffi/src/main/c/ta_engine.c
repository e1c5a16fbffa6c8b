/*
 * libta: the C ABI v1 of ta over an embedded JVM (JNI invocation API, the way libhdfs exposes HDFS to C).
 *
 * Every call into Java goes to static methods of one class, io.ta.ffi.Bridge; this file knows their names and JNI
 * signatures and nothing else of the Java API. Design notes:
 *  - The JVM is found with dlopen (so a missing JDK is a status, not a loader failure) and created once per process.
 *  - Threads are attached as daemons on first use and detached when they exit (a pthread key destructor).
 *  - A thread attached through the invocation API has no enclosing native frame, so its JNI local references would
 *    never be released: every call that creates any runs inside PushLocalFrame/PopLocalFrame.
 *  - Strings cross as UTF-8 byte arrays where JNI's modified UTF-8 would differ (characters beyond the BMP).
 *  - A stream exchanges bars through one direct ByteBuffer over memory the handle owns: one JNI transition per bar.
 *  - The Bridge methods of ABI 1.1 (bar times, zones) are optional: with a jar of ABI 1.0 the engine still starts and
 *    only the TA_1.1 functions fail, as the contract lets the minor versions of jar and library differ.
 */
#define _GNU_SOURCE
#include "ta_engine.h"

#include <dlfcn.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef TA_VERSION
#error "TA_VERSION must be defined by the build"
#endif
#ifndef TA_BUILD_JAVA_HOME
#define TA_BUILD_JAVA_HOME ""
#endif

#define BRIDGE "io/ta/ffi/Bridge"
#define DEFAULT_JAR "ta-engine.jar"
#define PLAN_MAGIC 0x7461506c616e3031ULL   /* "taPlan01" */
#define STREAM_MAGIC 0x7461537472653031ULL /* "taStre01" */
#define DEAD_MAGIC 0xdeadULL

/* ------------------------------------------------------------------------------------------- per-thread errors */

typedef struct thread_state {
    char *message; /* NULL means "" */
    size_t capacity;
    int32_t line;
    int32_t column;
    int attached; /* attached to the JVM by libta (so libta detaches it) */
    int keyed;    /* the pthread key is set, so the destructor runs at thread exit */
} thread_state;

static _Thread_local thread_state tls;
static _Thread_local JNIEnv *tls_env;
static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

static JavaVM *g_vm;

static void relay_stop(void);

static void thread_exit(void *unused) {
    (void)unused;
    relay_stop();
    if (tls.attached && g_vm != NULL) {
        (*g_vm)->DetachCurrentThread(g_vm);
    }
    tls.attached = 0;
    tls_env = NULL;
    free(tls.message);
    tls.message = NULL;
    tls.capacity = 0;
}

static void thread_key_create(void) { pthread_key_create(&thread_key, thread_exit); }

static void thread_register(void) {
    if (!tls.keyed) {
        pthread_once(&thread_key_once, thread_key_create);
        pthread_setspecific(thread_key, (void *)1);
        tls.keyed = 1;
    }
}

static void clear_error(void) {
    if (tls.message != NULL) {
        tls.message[0] = '\0';
    }
    tls.line = 0;
    tls.column = 0;
}

static void set_message(const char *text, size_t length) {
    if (length + 1 > tls.capacity) {
        size_t cap = length + 1 < 256 ? 256 : length + 1;
        char *m = realloc(tls.message, cap);
        if (m == NULL) {
            return; /* keep the previous buffer; the status still tells what happened */
        }
        tls.message = m;
        tls.capacity = cap;
        thread_register();
    }
    memcpy(tls.message, text, length);
    tls.message[length] = '\0';
}

/* `length` shortened so that it does not end inside a UTF-8 sequence: a message cut to fit a buffer stays valid
 * UTF-8 (the caller's names, which messages quote, may hold multi-byte characters). */
static size_t utf8_boundary(const char *text, size_t length) {
    size_t lead = length;
    while (lead > 0 && length - lead < 4 && ((unsigned char)text[lead - 1] & 0xc0) == 0x80) {
        lead--;
    }
    if (lead == 0 || length - lead >= 4) {
        return length;
    }
    unsigned char c = (unsigned char)text[lead - 1];
    size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length - (lead - 1) < need ? lead - 1 : length;
}

static ta_status fail(ta_status status, const char *format, ...) __attribute__((format(printf, 2, 3)));

static ta_status fail(ta_status status, const char *format, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    if (n < 0) {
        n = 0;
    }
    set_message(buffer, utf8_boundary(buffer, (size_t)n < sizeof buffer ? (size_t)n : sizeof buffer - 1));
    tls.line = 0;
    tls.column = 0;
    return status;
}

/* ---------------------------------------------------------------------------------------------- engine state */

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int g_ready;      /* 1 once the JVM and every method id are usable */
static int g_final_failure;     /* a JVM creation failed: every later call reports g_failure */
static char g_failure[1024];
static jclass g_bridge;
static atomic_size_t g_live;

static char **g_kernel_names; /* catalog cache, filled once, lives until exit */
static size_t g_kernel_count;
static char *g_catalog_json;

static jmethodID m_abi, m_version, m_string, m_status, m_message, m_position, m_kernel_names, m_kernel_shape,
    m_catalog_json, m_batch_open, m_batch_lookback, m_batch_inputs, m_batch_outputs, m_batch_run, m_plan_compile,
    m_plan_roots, m_plan_lookbacks, m_plan_columns, m_plan_explain, m_plan_run, m_stream_open,
    m_stream_bar_width, m_stream_out_width, m_stream_update, m_stream_preview, m_stream_replace_last,
    m_stream_count, m_stream_reset, m_stream_snapshot, m_stream_restore;

/* ABI 1.1, looked up without being required (see the file comment). */
static jmethodID m_plan_reads_time, m_plan_compile_zoned, m_plan_run_timed, m_stream_update_at, m_stream_preview_at,
    m_stream_time;
static char g_missing_1_1[256]; /* the first ABI 1.1 method the jar lacks, "" if it has them all */

static const struct method {
    jmethodID *id;
    const char *name;
    const char *signature;
} METHODS[] = {
    {&m_abi, "abi", "()I"},
    {&m_version, "version", "()[B"},
    {&m_string, "string", "([B)Ljava/lang/String;"},
    {&m_status, "status", "(Ljava/lang/Throwable;)I"},
    {&m_message, "message", "(Ljava/lang/Throwable;)[B"},
    {&m_position, "position", "(Ljava/lang/Throwable;)[I"},
    {&m_kernel_names, "kernelNames", "()[[B"},
    {&m_kernel_shape, "kernelShape", "(Ljava/lang/String;)[I"},
    {&m_catalog_json, "catalogJson", "()[B"},
    {&m_batch_open, "batchOpen", "(Ljava/lang/String;[Ljava/lang/String;[D[Ljava/lang/String;[J[J)Ljava/lang/Object;"},
    {&m_batch_lookback, "batchLookback", "(Ljava/lang/Object;)I"},
    {&m_batch_inputs, "batchInputs", "(Ljava/lang/Object;)[[D"},
    {&m_batch_outputs, "batchOutputs", "(Ljava/lang/Object;)[[D"},
    {&m_batch_run, "batchRun", "(Ljava/lang/Object;I)V"},
    {&m_plan_compile, "planCompile", "([Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/Object;"},
    {&m_plan_roots, "planRoots", "(Ljava/lang/Object;)[[B"},
    {&m_plan_lookbacks, "planLookbacks", "(Ljava/lang/Object;)[J"},
    {&m_plan_columns, "planColumns", "(Ljava/lang/Object;)[[B"},
    {&m_plan_explain, "planExplain", "(Ljava/lang/Object;)[B"},
    {&m_plan_run, "planRun", "(Ljava/lang/Object;[Ljava/lang/String;[J[[D[J)[[D"},
    {&m_stream_open, "streamOpen", "(Ljava/lang/Object;Ljava/nio/ByteBuffer;)Ljava/lang/Object;"},
    {&m_stream_bar_width, "streamBarWidth", "(Ljava/lang/Object;J)V"},
    {&m_stream_out_width, "streamOutWidth", "(Ljava/lang/Object;J)V"},
    {&m_stream_update, "streamUpdate", "(Ljava/lang/Object;)V"},
    {&m_stream_preview, "streamPreview", "(Ljava/lang/Object;)V"},
    {&m_stream_replace_last, "streamReplaceLast", "(Ljava/lang/Object;)V"},
    {&m_stream_count, "streamCount", "(Ljava/lang/Object;)J"},
    {&m_stream_reset, "streamReset", "(Ljava/lang/Object;)V"},
    {&m_stream_snapshot, "streamSnapshot", "(Ljava/lang/Object;)[B"},
    {&m_stream_restore, "streamRestore", "(Ljava/lang/Object;[B)V"},
};

static const struct method METHODS_1_1[] = {
    {&m_plan_reads_time, "planReadsTime", "(Ljava/lang/Object;)I"},
    {&m_plan_compile_zoned, "planCompileZoned",
     "([Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Object;"},
    {&m_plan_run_timed, "planRunTimed", "(Ljava/lang/Object;[Ljava/lang/String;[J[[D[J[J)[[D"},
    {&m_stream_update_at, "streamUpdateAt", "(Ljava/lang/Object;J)V"},
    {&m_stream_preview_at, "streamPreviewAt", "(Ljava/lang/Object;J)V"},
    {&m_stream_time, "streamTime", "(Ljava/lang/Object;)J"},
};

/* --------------------------------------------------------------------------------------- Java exceptions → status */

/* A copy of a Java UTF-8 byte array as a NUL-terminated string (malloc), or NULL. */
static char *copy_bytes(JNIEnv *env, jbyteArray bytes, size_t *length) {
    if (bytes == NULL) {
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, bytes);
    char *s = malloc((size_t)n + 1);
    if (s == NULL) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, bytes, 0, n, (jbyte *)s);
    s[n] = '\0';
    if (length != NULL) {
        *length = (size_t)n;
    }
    return s;
}

/* Takes the pending exception, classifies it through Bridge.status and records its message and position. Must run
 * inside a local frame. */
static ta_status fail_java(JNIEnv *env) {
    jthrowable t = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    if (t == NULL) {
        return fail(TA_ERR_INTERNAL, "internal error: a Java call failed without an exception");
    }
    jint status = (*env)->CallStaticIntMethod(env, g_bridge, m_status, t);
    jbyteArray message = (*env)->ExceptionCheck(env) ? NULL : (*env)->CallStaticObjectMethod(env, g_bridge, m_message, t);
    jintArray position = (*env)->ExceptionCheck(env) ? NULL : (*env)->CallStaticObjectMethod(env, g_bridge, m_position, t);
    if ((*env)->ExceptionCheck(env) || message == NULL || position == NULL) {
        (*env)->ExceptionClear(env);
        return fail(TA_ERR_INTERNAL, "internal error: the JVM could not describe a failure (out of memory?)");
    }
    size_t length = 0;
    char *text = copy_bytes(env, message, &length);
    if (text == NULL) {
        return fail(TA_ERR_INTERNAL, "internal error: out of memory reporting an error");
    }
    set_message(text, length);
    free(text);
    jint lc[2] = {0, 0};
    (*env)->GetIntArrayRegion(env, position, 0, 2, lc);
    tls.line = lc[0];
    tls.column = lc[1];
    return (ta_status)status;
}

/* ---------------------------------------------------------------------------------------------- engine start */

typedef jint(JNICALL *create_vm_fn)(JavaVM **, void **, void *);
typedef jint(JNICALL *created_vms_fn)(JavaVM **, jsize, jsize *);

static void set_failure(const char *format, ...) __attribute__((format(printf, 1, 2)));

static void set_failure(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vsnprintf(g_failure, sizeof g_failure, format, args);
    va_end(args);
}

/* Any object inside libta, to ask the dynamic loader which file it came from. */
static const char library_anchor = 0;

/* The directory holding libta.so, for the default classpath. */
static int library_dir(char *out, size_t size) {
    Dl_info info;
    if (dladdr(&library_anchor, &info) == 0 || info.dli_fname == NULL) {
        return -1;
    }
    const char *slash = strrchr(info.dli_fname, '/');
    size_t n = slash == NULL ? 1 : (size_t)(slash - info.dli_fname);
    if (n + 1 > size) {
        return -1;
    }
    if (slash == NULL) {
        out[0] = '.';
    } else {
        memcpy(out, info.dli_fname, n);
    }
    out[n] = '\0';
    return 0;
}

/*
 * Every entry of a given classpath must be a readable file or directory. The JVM itself skips missing entries and
 * only fails later, once it exists, to find the bridge: a failure that is final for the process. Checked here, a
 * typo stays retryable. Empty entries name the working directory, as for java -cp.
 */
static int check_classpath(const char *cp, const char *source) {
    if (cp[0] == '\0') {
        set_failure("the classpath (%s) is empty; give the path of ta-engine.jar", source);
        return -1;
    }
    for (const char *p = cp; *p != '\0';) {
        const char *end = strchr(p, ':');
        size_t n = end == NULL ? strlen(p) : (size_t)(end - p);
        char entry[PATH_MAX];
        if (n >= sizeof entry) {
            set_failure("a classpath entry (%s) is longer than %zu bytes", source, sizeof entry - 1);
            return -1;
        }
        memcpy(entry, p, n);
        entry[n] = '\0';
        struct stat st;
        if (n > 0 && (stat(entry, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) ||
                      access(entry, R_OK) != 0)) {
            set_failure("classpath entry '%s' (%s) is not a readable file or directory", entry, source);
            return -1;
        }
        p += n + (end != NULL);
    }
    return 0;
}

static int resolve_classpath(const char *given, char *out, size_t size) {
    const char *env = getenv("TA_CLASSPATH");
    const char *cp = given != NULL ? given : (env != NULL && env[0] != '\0' ? env : NULL);
    if (cp != NULL) {
        if ((size_t)snprintf(out, size, "%s", cp) >= size) {
            set_failure("the classpath is longer than %zu bytes", size);
            return -1;
        }
        return check_classpath(out, given != NULL ? "given to ta_init" : "from TA_CLASSPATH");
    }
    char dir[PATH_MAX];
    if (library_dir(dir, sizeof dir) != 0) {
        set_failure("cannot locate libta's directory; set TA_CLASSPATH to the ta jar");
        return -1;
    }
    if ((size_t)snprintf(out, size, "%s/%s", dir, DEFAULT_JAR) >= size || access(out, R_OK) != 0) {
        set_failure("no ta jar: set TA_CLASSPATH (or call ta_init) with the path of ta-engine.jar, or put it at %s/%s",
                    dir, DEFAULT_JAR);
        return -1;
    }
    return 0;
}

static void *open_jvm(const char *given, char *tried, size_t size) {
    const char *env = getenv("TA_JVM");
    const char *home = getenv("JAVA_HOME");
    char path[PATH_MAX];
    const char *candidates[3];
    char from_home[PATH_MAX];
    char from_build[PATH_MAX];
    int count = 0;
    if (given != NULL) {
        candidates[count++] = given;
    } else if (env != NULL && env[0] != '\0') {
        candidates[count++] = env;
    } else {
        if (home != NULL && home[0] != '\0' &&
            (size_t)snprintf(from_home, sizeof from_home, "%s/lib/server/libjvm.so", home) < sizeof from_home) {
            candidates[count++] = from_home;
        }
        if (TA_BUILD_JAVA_HOME[0] != '\0' &&
            (size_t)snprintf(from_build, sizeof from_build, "%s/lib/server/libjvm.so", TA_BUILD_JAVA_HOME) <
                sizeof from_build) {
            candidates[count++] = from_build;
        }
    }
    tried[0] = '\0';
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s", candidates[i]);
        void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
        if (h != NULL) {
            return h;
        }
        size_t used = strlen(tried);
        snprintf(tried + used, size - used, "%s%s", used ? "; " : "", dlerror());
    }
    if (count == 0) {
        snprintf(tried, size, "no candidate: set TA_JVM or JAVA_HOME");
    }
    return NULL;
}

static int split_options(const char *text, char ***out) {
    int n = 0;
    char **opts = NULL;
    const char *p = text;
    while (p != NULL && *p != '\0') {
        while (*p == ' ' || *p == '\t' || *p == '\n') {
            p++;
        }
        if (*p == '\0') {
            break;
        }
        const char *start = p;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n') {
            p++;
        }
        char **grown = realloc(opts, sizeof(char *) * (size_t)(n + 1));
        if (grown == NULL) {
            break;
        }
        opts = grown;
        opts[n++] = strndup(start, (size_t)(p - start));
    }
    *out = opts;
    return n;
}

/* What the boot thread needs and reports. */
typedef struct boot {
    const char *classpath;
    const char *const *options;
    size_t option_count;
    create_vm_fn create;
    created_vms_fn created;
    int result;
} boot;

/*
 * What HotSpot prints while it is being created, kept for the failure message: without it a rejected option is only
 * "JNI_CreateJavaVM failed (-6)". The text still reaches the stream as before. The hook stays installed for the life
 * of the JVM, which then writes its console output through it rather than to the descriptor: the flush keeps that
 * output unbuffered, as it was.
 */
static pthread_mutex_t g_boot_output_lock = PTHREAD_MUTEX_INITIALIZER;
static char g_boot_output[768];
static atomic_int g_booting; /* 1 while JNI_CreateJavaVM runs */

static jint JNICALL boot_vfprintf(FILE *stream, const char *format, va_list args) {
    if (atomic_load(&g_booting)) {
        va_list copy;
        va_copy(copy, args);
        pthread_mutex_lock(&g_boot_output_lock);
        size_t used = strlen(g_boot_output);
        if (used + 1 < sizeof g_boot_output) {
            vsnprintf(g_boot_output + used, sizeof g_boot_output - used, format, copy);
        }
        pthread_mutex_unlock(&g_boot_output_lock);
        va_end(copy);
    }
    jint n = vfprintf(stream, format, args);
    fflush(stream);
    return n;
}

/* The captured output as one line: HotSpot writes a message per line. */
static void boot_output_line(char *out, size_t size) {
    pthread_mutex_lock(&g_boot_output_lock);
    size_t n = 0;
    for (const char *p = g_boot_output; *p != '\0' && n + 1 < size; p++) {
        if (*p == '\n') {
            if (p[1] != '\0' && n > 0 && n + 3 < size) {
                out[n++] = ';';
                out[n++] = ' ';
            }
        } else {
            out[n++] = *p;
        }
    }
    out[utf8_boundary(out, n)] = '\0';
    pthread_mutex_unlock(&g_boot_output_lock);
}

/*
 * Creates (or joins) the JVM, finds the bridge and checks its ABI. Runs on a thread of its own with a known stack,
 * as the java launcher does: the host's main thread may already be deep in its own stack (Node's is), and HotSpot
 * sizes the guard zones of the thread that creates it from what is left, which fails with a StackOverflowError while
 * the JVM initializes. The boot thread detaches when done; callers attach their own threads afterwards.
 */
static void *boot_vm(void *arg) {
    boot *b = arg;
    const char *cp = b->classpath;
    b->result = -1;
    JavaVM *vm = NULL;
    JNIEnv *env = NULL;
    jsize existing = 0;
    if (b->created(&vm, 1, &existing) == JNI_OK && existing > 0) {
        /* A JVM already runs in this process (the host is Java): use it; its classpath must hold ta. */
        if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **)&env, NULL) != JNI_OK) {
            set_failure("cannot attach to the JVM already running in this process");
            return NULL;
        }
    } else {
        char **env_opts = NULL;
        int env_count = 0;
        if (b->options == NULL || b->option_count == 0) {
            env_count = split_options(getenv("TA_JVM_OPTIONS"), &env_opts);
        }
        size_t total = 3 + (b->options != NULL ? b->option_count : 0) + (size_t)env_count;
        JavaVMOption *vm_opts = calloc(total, sizeof(JavaVMOption));
        char *cp_opt = malloc(strlen(cp) + 32);
        if (vm_opts == NULL || cp_opt == NULL) {
            free(vm_opts);
            free(cp_opt);
            set_failure("out of memory starting the JVM");
            return NULL;
        }
        sprintf(cp_opt, "-Djava.class.path=%s", cp);
        size_t k = 0;
        /* The hook first: HotSpot reads options in order and may fail on any later one. */
        vm_opts[k].optionString = "vfprintf";
        vm_opts[k++].extraInfo = (void *)(uintptr_t)boot_vfprintf;
        vm_opts[k++].optionString = cp_opt;
        /* -Xrs: the host keeps SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-C stops a Python or Node program). */
        vm_opts[k++].optionString = "-Xrs";
        for (size_t i = 0; b->options != NULL && i < b->option_count; i++) {
            vm_opts[k++].optionString = (char *)b->options[i];
        }
        for (int i = 0; i < env_count; i++) {
            vm_opts[k++].optionString = env_opts[i];
        }
        JavaVMInitArgs args;
        args.version = JNI_VERSION_10;
        args.nOptions = (jint)k;
        args.options = vm_opts;
        args.ignoreUnrecognized = JNI_FALSE;
        pthread_mutex_lock(&g_boot_output_lock);
        g_boot_output[0] = '\0';
        pthread_mutex_unlock(&g_boot_output_lock);
        atomic_store(&g_booting, 1);
        jint rc = b->create(&vm, (void **)&env, &args);
        atomic_store(&g_booting, 0);
        free(cp_opt);
        free(vm_opts);
        for (int i = 0; i < env_count; i++) {
            free(env_opts[i]);
        }
        free(env_opts);
        if (rc != JNI_OK) {
            g_final_failure = 1;
            char said[sizeof g_boot_output];
            boot_output_line(said, sizeof said);
            set_failure("JNI_CreateJavaVM failed (%d)%s%s; check TA_JVM_OPTIONS and the classpath %s", (int)rc,
                        said[0] != '\0' ? ": " : "", said, cp);
            return NULL;
        }
    }
    g_vm = vm;
    jclass local = (*env)->FindClass(env, BRIDGE);
    if (local == NULL) {
        (*env)->ExceptionClear(env);
        g_final_failure = 1;
        set_failure("class io.ta.ffi.Bridge not found on the classpath %s", cp);
        (*vm)->DetachCurrentThread(vm);
        return NULL;
    }
    g_bridge = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    for (size_t i = 0; i < sizeof METHODS / sizeof METHODS[0]; i++) {
        *METHODS[i].id = (*env)->GetStaticMethodID(env, g_bridge, METHODS[i].name, METHODS[i].signature);
        if (*METHODS[i].id == NULL) {
            (*env)->ExceptionClear(env);
            g_final_failure = 1;
            set_failure("the ta jar at %s does not match this libta (no Bridge.%s%s)", cp, METHODS[i].name,
                        METHODS[i].signature);
            (*vm)->DetachCurrentThread(vm);
            return NULL;
        }
    }
    for (size_t i = 0; i < sizeof METHODS_1_1 / sizeof METHODS_1_1[0]; i++) {
        *METHODS_1_1[i].id = (*env)->GetStaticMethodID(env, g_bridge, METHODS_1_1[i].name, METHODS_1_1[i].signature);
        if (*METHODS_1_1[i].id == NULL) {
            (*env)->ExceptionClear(env);
            if (g_missing_1_1[0] == '\0') {
                snprintf(g_missing_1_1, sizeof g_missing_1_1, "%s%s", METHODS_1_1[i].name, METHODS_1_1[i].signature);
            }
        }
    }
    jint abi = (*env)->CallStaticIntMethod(env, g_bridge, m_abi);
    if ((*env)->ExceptionCheck(env) || abi != TA_ABI_VERSION) {
        (*env)->ExceptionClear(env);
        g_final_failure = 1;
        set_failure("the ta jar at %s implements ABI %d, this libta ABI %d", cp, (int)abi, TA_ABI_VERSION);
        (*vm)->DetachCurrentThread(vm);
        return NULL;
    }
    (*vm)->DetachCurrentThread(vm);
    b->result = 0;
    return NULL;
}

/* Called with g_lock held. 0 on success; otherwise g_failure says why. */
static int start_locked(const char *classpath, const char *libjvm, const char *const *options, size_t option_count) {
    char cp[8192];
    if (resolve_classpath(classpath, cp, sizeof cp) != 0) {
        return -1;
    }
    char tried[2048];
    void *jvm = open_jvm(libjvm, tried, sizeof tried);
    if (jvm == NULL) {
        set_failure("cannot load libjvm.so (%s)", tried);
        return -1;
    }
    boot b = {cp, options, option_count, NULL, NULL, -1};
    /* POSIX's way to take a function from dlsym without an object-to-function pointer cast. */
    *(void **)&b.create = dlsym(jvm, "JNI_CreateJavaVM");
    *(void **)&b.created = dlsym(jvm, "JNI_GetCreatedJavaVMs");
    if (b.create == NULL || b.created == NULL) {
        set_failure("the loaded libjvm.so has no JNI invocation API");
        return -1;
    }
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)8 << 20);
    int rc = pthread_create(&thread, &attr, boot_vm, &b);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        set_failure("cannot start a thread to boot the JVM (%s)", strerror(rc));
        return -1;
    }
    pthread_join(thread, NULL);
    return b.result;
}

static ta_status start(const char *classpath, const char *libjvm, const char *const *options, size_t option_count) {
    if (atomic_load_explicit(&g_ready, memory_order_acquire)) {
        return TA_OK;
    }
    pthread_mutex_lock(&g_lock);
    int ok = atomic_load_explicit(&g_ready, memory_order_relaxed);
    if (!ok && !g_final_failure) {
        ok = start_locked(classpath, libjvm, options, option_count) == 0;
        if (ok) {
            atomic_store_explicit(&g_ready, 1, memory_order_release);
        }
    }
    char failure[sizeof g_failure];
    memcpy(failure, g_failure, sizeof failure);
    pthread_mutex_unlock(&g_lock);
    return ok ? TA_OK : fail(TA_ERR_ENGINE, "%s", failure);
}

/* The calling thread's JNIEnv, starting the engine and attaching the thread as needed. */
static ta_status env_for_thread(JNIEnv **out) {
    if (tls_env != NULL) {
        *out = tls_env;
        return TA_OK;
    }
    ta_status s = start(NULL, NULL, NULL, 0);
    if (s != TA_OK) {
        return s;
    }
    JNIEnv *env = NULL;
    jint rc = (*g_vm)->GetEnv(g_vm, (void **)&env, JNI_VERSION_10);
    if (rc == JNI_EDETACHED) {
        JavaVMAttachArgs args = {JNI_VERSION_10, "ta-native", NULL};
        jint arc = (*g_vm)->AttachCurrentThreadAsDaemon(g_vm, (void **)&env, &args);
        if (arc != JNI_OK) {
            return fail(TA_ERR_ENGINE, "cannot attach this thread to the JVM (%d)", (int)arc);
        }
        tls.attached = 1;
        thread_register();
    } else if (rc != JNI_OK) {
        return fail(TA_ERR_ENGINE, "cannot get a JNI environment for this thread (%d)", (int)rc);
    }
    tls_env = env;
    *out = env;
    return TA_OK;
}

/* ------------------------------------------------------------------------------------------- foreign stacks */

/*
 * HotSpot runs Java only on a stack it knows: the calling thread's own, as pthread reports it. Some FFI hosts run
 * native code on a stack of their own instead (koffi, Node's FFI, switches to a preallocated block), where HotSpot
 * sees the stack pointer below the thread's stack and fails with StackOverflowError. Such calls are relayed to a
 * shadow thread that libta starts for the calling thread (one each, so per-thread semantics hold), with a real
 * stack. So are calls with little of their own stack left: HotSpot reserves some 100 KiB of guard and shadow pages
 * at its end, so a thread of musl's default 128 KiB overflowed compiling a plain expression, one of 64 KiB could not
 * attach and one of 32 KiB crashed the process. Callers with room on their own stack (C, Python ctypes, Go, ...) take
 * the direct path; the check is two compares.
 */
#define JAVA_STACK_ROOM ((uintptr_t)512 << 10)

static _Thread_local uintptr_t tls_stack_low;
static _Thread_local uintptr_t tls_stack_high;
static _Thread_local int tls_stack_known;

static int on_thread_stack(void) {
    char probe;
    uintptr_t sp = (uintptr_t)&probe;
    if (!tls_stack_known) {
        pthread_attr_t attr;
        void *low = NULL;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            if (pthread_attr_getstack(&attr, &low, &size) == 0) {
                tls_stack_low = (uintptr_t)low;
                tls_stack_high = (uintptr_t)low + size;
            }
            pthread_attr_destroy(&attr);
        }
        tls_stack_known = 1;
    }
    /* Unknown bounds: assume the thread's own stack, as every host but a stack-switching FFI uses. */
    return tls_stack_high == 0 || (sp >= tls_stack_low && sp - tls_stack_low >= JAVA_STACK_ROOM && sp < tls_stack_high);
}

typedef ta_status (*relay_fn)(void *);

enum { RELAY_DONE = 0, RELAY_REQUEST = 1, RELAY_QUIT = 2 };

/* Spins briefly before sleeping: enough to catch the next call of a tight loop on an idle core, short enough not to
 * steal a loaded machine's time slices (measured in docs/performance.md). */
#define RELAY_SPINS 100

typedef struct relay {
    pthread_t thread;
    atomic_int state;
    atomic_int sleepers;
    relay_fn fn;
    void *arg;
    ta_status result;
    thread_state *helper; /* the shadow thread's error state, read by the caller once a call is done */
} relay;

static _Thread_local relay *tls_relay;

static void futex_wait(atomic_int *word, int value) {
    syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
}

static void futex_wake(atomic_int *word) { syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0); }

/* Waits until the state is no longer `from`. */
static void relay_await(relay *r, int from) {
    for (int i = 0; i < RELAY_SPINS; i++) {
        if (atomic_load_explicit(&r->state, memory_order_acquire) != from) {
            return;
        }
        __builtin_ia32_pause();
    }
    atomic_fetch_add(&r->sleepers, 1);
    while (atomic_load(&r->state) == from) {
        futex_wait(&r->state, from);
    }
    atomic_fetch_sub(&r->sleepers, 1);
}

static void relay_publish(relay *r, int to) {
    atomic_store(&r->state, to);
    if (atomic_load(&r->sleepers) > 0) {
        futex_wake(&r->state);
    }
}

static void *relay_main(void *arg) {
    relay *r = arg;
    r->helper = &tls;
    for (;;) {
        relay_await(r, RELAY_DONE);
        if (atomic_load_explicit(&r->state, memory_order_acquire) == RELAY_QUIT) {
            return NULL;
        }
        r->result = r->fn(r->arg);
        relay_publish(r, RELAY_DONE);
    }
}

static relay *relay_start(void) {
    relay *r = calloc(1, sizeof *r);
    if (r == NULL) {
        return NULL;
    }
    atomic_init(&r->state, RELAY_DONE);
    atomic_init(&r->sleepers, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)8 << 20);
    int rc = pthread_create(&r->thread, &attr, relay_main, r);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(r);
        return NULL;
    }
    tls_relay = r;
    thread_register();
    return r;
}

/* Stops the calling thread's shadow thread, if it has one (at thread exit). */
static void relay_stop(void) {
    relay *r = tls_relay;
    if (r != NULL) {
        relay_publish(r, RELAY_QUIT);
        pthread_join(r->thread, NULL);
        free(r);
        tls_relay = NULL;
    }
}

/* Runs fn(arg) where Java can run: here, or on the calling thread's shadow thread, whose last error it adopts. */
static ta_status relay_call(relay_fn fn, void *arg) {
    if (on_thread_stack()) {
        return fn(arg);
    }
    relay *r = tls_relay != NULL ? tls_relay : relay_start();
    if (r == NULL) {
        return fail(TA_ERR_ENGINE, "cannot start a thread to run Java on (this caller runs on a foreign stack)");
    }
    r->fn = fn;
    r->arg = arg;
    relay_publish(r, RELAY_REQUEST);
    relay_await(r, RELAY_REQUEST);
    const thread_state *h = r->helper;
    if (h->message != NULL && h->message[0] != '\0') {
        set_message(h->message, strlen(h->message));
        tls.line = h->line;
        tls.column = h->column;
    } else {
        clear_error();
    }
    return r->result;
}

/* Starts a call that creates local references: the environment plus a local frame to pop with leave(). */
static ta_status enter(JNIEnv **env, jint capacity) {
    ta_status s = env_for_thread(env);
    if (s != TA_OK) {
        return s;
    }
    if ((*(*env))->PushLocalFrame(*env, capacity) != 0) {
        (*(*env))->ExceptionClear(*env);
        return fail(TA_ERR_INTERNAL, "the JVM is out of memory");
    }
    return TA_OK;
}

static ta_status leave(JNIEnv *env, ta_status s) {
    (*env)->PopLocalFrame(env, NULL);
    return s;
}

/* Whether the running jar implements ABI 1.1; called once the engine runs (g_missing_1_1 is set at start-up). */
static ta_status need_1_1(const char *what) {
    if (g_missing_1_1[0] != '\0') {
        return fail(TA_ERR_ENGINE, "%s: the ta jar on the classpath predates ABI 1.1 (no Bridge.%s); use the "
                    "ta-engine.jar built with this libta", what, g_missing_1_1);
    }
    return TA_OK;
}

/* ------------------------------------------------------------------------------------------ strings into Java */

/* 0: valid UTF-8 without 4-byte sequences (JNI's modified UTF-8 reads it the same), 1: valid with 4-byte sequences,
 * -1: invalid. */
static int utf8_kind(const unsigned char *s) {
    int four = 0;
    while (*s) {
        unsigned char c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        int n;
        unsigned min;
        unsigned cp;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1, min = 0x80, cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2, min = 0x800, cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3, min = 0x10000, cp = c & 0x07;
            four = 1;
        } else {
            return -1;
        }
        for (int i = 1; i <= n; i++) {
            if ((s[i] & 0xc0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (s[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return -1;
        }
        s += n + 1;
    }
    return four;
}

/* A Java String for a UTF-8 C string; NULL with the error set on failure. `what` names it in the message. */
static jstring jstring_of(JNIEnv *env, const char *s, const char *what, ta_status *status) {
    int kind = utf8_kind((const unsigned char *)s);
    if (kind < 0) {
        *status = fail(TA_ERR_INVALID_ARGUMENT, "%s is not valid UTF-8", what);
        return NULL;
    }
    jstring j;
    if (kind == 0) {
        j = (*env)->NewStringUTF(env, s);
    } else {
        jsize n = (jsize)strlen(s);
        jbyteArray bytes = (*env)->NewByteArray(env, n);
        if (bytes != NULL) {
            (*env)->SetByteArrayRegion(env, bytes, 0, n, (const jbyte *)s);
        }
        j = bytes == NULL ? NULL : (*env)->CallStaticObjectMethod(env, g_bridge, m_string, bytes);
    }
    if (j == NULL || (*env)->ExceptionCheck(env)) {
        *status = fail_java(env);
        return NULL;
    }
    return j;
}

static jclass string_class(JNIEnv *env) { return (*env)->FindClass(env, "java/lang/String"); }

/* Copies a byte[][] of UTF-8 strings into a malloc'd array of malloc'd strings. */
static char **copy_strings(JNIEnv *env, jobjectArray array, size_t *count) {
    jsize n = (*env)->GetArrayLength(env, array);
    char **out = calloc((size_t)n + 1, sizeof(char *));
    if (out == NULL) {
        return NULL;
    }
    for (jsize i = 0; i < n; i++) {
        jbyteArray b = (*env)->GetObjectArrayElement(env, array, i);
        out[i] = copy_bytes(env, b, NULL);
        (*env)->DeleteLocalRef(env, b);
        if (out[i] == NULL) {
            for (jsize k = 0; k < i; k++) {
                free(out[k]);
            }
            free(out);
            return NULL;
        }
    }
    *count = (size_t)n;
    return out;
}

static void free_strings(char **strings, size_t count) {
    if (strings == NULL) {
        return;
    }
    for (size_t i = 0; i < count; i++) {
        free(strings[i]);
    }
    free(strings);
}

/* Callers refuse lengths above INT64_MAX first: clamping them made unequal lengths look equal to Java. */
static jlong length_or_null(const void *data, size_t length) {
    if (data == NULL && length > 0) {
        return -1;
    }
    return (jlong)length;
}

/* ------------------------------------------------------------------------------------------------ overlaps */

/* One past the last byte of `length` doubles at `data`, saturated: a length no buffer can have still compares. */
static uintptr_t span_end(const void *data, size_t length) {
    uintptr_t start = (uintptr_t)data;
    return length > (UINTPTR_MAX - start) / sizeof(double) ? UINTPTR_MAX : start + length * sizeof(double);
}

/* Whether two caller ranges share a byte. Java copies blocks in and out, so an output overlapping an input or another
 * output would be read after it was written, or written twice: wrong numbers with TA_OK. */
static int spans_overlap(const void *a, size_t a_length, const void *b, size_t b_length) {
    if (a == NULL || b == NULL || a_length == 0 || b_length == 0) {
        return 0;
    }
    return (uintptr_t)a < span_end(b, b_length) && (uintptr_t)b < span_end(a, a_length);
}

/* ------------------------------------------------------------------------------------------------- versioning */

uint32_t ta_abi_version(void) { return TA_ABI_VERSION; }

const char *ta_version(void) { return TA_VERSION; }

ta_status ta_init(const char *classpath, const char *libjvm, const char *const *options, size_t option_count) {
    clear_error();
    if (options == NULL && option_count > 0) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_init: options is NULL but option_count is %zu", option_count);
    }
    for (size_t i = 0; options != NULL && i < option_count; i++) {
        if (options[i] == NULL) {
            return fail(TA_ERR_INVALID_ARGUMENT, "ta_init: options[%zu] is NULL", i);
        }
    }
    return start(classpath, libjvm, options, option_count);
}

/* ------------------------------------------------------------------------------------------------------ errors */

const char *ta_last_error(void) { return tls.message != NULL ? tls.message : ""; }

int32_t ta_last_error_line(void) { return tls.line; }

int32_t ta_last_error_column(void) { return tls.column; }

const char *ta_status_name(ta_status status) {
    switch (status) {
    case TA_OK: return "TA_OK";
    case TA_ERR_INVALID_PARAMETER: return "TA_ERR_INVALID_PARAMETER";
    case TA_ERR_SHAPE_MISMATCH: return "TA_ERR_SHAPE_MISMATCH";
    case TA_ERR_UNKNOWN_NAME: return "TA_ERR_UNKNOWN_NAME";
    case TA_ERR_PARSE: return "TA_ERR_PARSE";
    case TA_ERR_SNAPSHOT_MISMATCH: return "TA_ERR_SNAPSHOT_MISMATCH";
    case TA_ERR_STREAM_STATE: return "TA_ERR_STREAM_STATE";
    case TA_ERR_INVALID_ARGUMENT: return "TA_ERR_INVALID_ARGUMENT";
    case TA_ERR_ENGINE: return "TA_ERR_ENGINE";
    case TA_ERR_INTERNAL: return "TA_ERR_INTERNAL";
    default: return "TA_ERR_UNKNOWN_STATUS";
    }
}

/* ----------------------------------------------------------------------------------------------------- catalog */

/* Fills the kernel-name cache once; called with an environment inside a local frame. */
static ta_status load_kernel_names(JNIEnv *env) {
    pthread_mutex_lock(&g_lock);
    ta_status s = TA_OK;
    if (g_kernel_names == NULL) {
        jobjectArray names = (*env)->CallStaticObjectMethod(env, g_bridge, m_kernel_names);
        if ((*env)->ExceptionCheck(env)) {
            s = fail_java(env);
        } else {
            size_t count = 0;
            char **copy = copy_strings(env, names, &count);
            if (copy == NULL) {
                s = fail(TA_ERR_INTERNAL, "out of memory");
            } else {
                g_kernel_count = count;
                g_kernel_names = copy;
            }
        }
    }
    pthread_mutex_unlock(&g_lock);
    return s;
}

static ta_status do_kernel_count(size_t *count) {
    clear_error();
    if (count == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_kernel_count: count is NULL");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    s = load_kernel_names(env);
    if (s == TA_OK) {
        *count = g_kernel_count;
    }
    return leave(env, s);
}

static ta_status do_kernel_name(size_t index, const char **name) {
    clear_error();
    if (name == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_kernel_name: name is NULL");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    s = load_kernel_names(env);
    if (s == TA_OK && index >= g_kernel_count) {
        s = fail(TA_ERR_INVALID_ARGUMENT, "ta_kernel_name: index %zu is out of range (%zu kernels)", index,
                 g_kernel_count);
    }
    if (s == TA_OK) {
        *name = g_kernel_names[index];
    }
    return leave(env, s);
}

static ta_status do_kernel_shape(const char *name, size_t *input_count, size_t *output_count) {
    clear_error();
    if (name == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_kernel_shape: name is NULL");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    jstring jname = jstring_of(env, name, "the kernel name", &s);
    if (jname == NULL) {
        return leave(env, s);
    }
    jintArray shape = (*env)->CallStaticObjectMethod(env, g_bridge, m_kernel_shape, jname);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    jint io[2];
    (*env)->GetIntArrayRegion(env, shape, 0, 2, io);
    if (input_count != NULL) {
        *input_count = (size_t)io[0];
    }
    if (output_count != NULL) {
        *output_count = (size_t)io[1];
    }
    return leave(env, TA_OK);
}

static ta_status do_catalog_json(const char **json) {
    clear_error();
    if (json == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_catalog_json: json is NULL");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    pthread_mutex_lock(&g_lock);
    if (g_catalog_json == NULL) {
        jbyteArray bytes = (*env)->CallStaticObjectMethod(env, g_bridge, m_catalog_json);
        if ((*env)->ExceptionCheck(env)) {
            s = fail_java(env);
        } else if ((g_catalog_json = copy_bytes(env, bytes, NULL)) == NULL) {
            s = fail(TA_ERR_INTERNAL, "out of memory");
        }
    }
    pthread_mutex_unlock(&g_lock);
    if (s == TA_OK) {
        *json = g_catalog_json;
    }
    return leave(env, s);
}

/* ------------------------------------------------------------------------------------------------------- batch */

static ta_status do_batch(const char *kernel, const ta_param *params, size_t param_count, const ta_series *inputs,
                   size_t input_count, ta_buffer *outputs, size_t output_count, int64_t *lookback) {
    clear_error();
    if (kernel == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_batch: kernel is NULL");
    }
    if ((params == NULL && param_count > 0) || (inputs == NULL && input_count > 0) ||
        (outputs == NULL && output_count > 0)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_batch: %s is NULL but its count is not 0",
                    params == NULL && param_count > 0 ? "params" : inputs == NULL && input_count > 0 ? "inputs"
                                                                                                   : "outputs");
    }
    for (size_t i = 0; i < param_count; i++) {
        if (params[i].name == NULL) {
            return fail(TA_ERR_INVALID_ARGUMENT, "ta_batch: params[%zu].name is NULL", i);
        }
    }
    /* Java counts bars in a long; the blocks let a batch take any length a long holds. */
    for (size_t i = 0; i < input_count + output_count; i++) {
        size_t length = i < input_count ? inputs[i].length : outputs[i - input_count].length;
        if (length > (size_t)INT64_MAX) {
            return fail(TA_ERR_SHAPE_MISMATCH, "ta_batch: %s[%zu] has length %zu; a batch takes at most %lld bars",
                        i < input_count ? "inputs" : "outputs", i < input_count ? i : i - input_count, length,
                        (long long)INT64_MAX);
        }
    }
    for (size_t j = 0; j < output_count; j++) {
        for (size_t i = 0; i < input_count; i++) {
            if (spans_overlap(outputs[j].data, outputs[j].length, inputs[i].data, inputs[i].length)) {
                return fail(TA_ERR_INVALID_ARGUMENT,
                            "ta_batch: outputs[%zu] overlaps inputs[%zu]; buffers must not overlap", j, i);
            }
        }
        for (size_t k = 0; k < j; k++) {
            if (spans_overlap(outputs[j].data, outputs[j].length, outputs[k].data, outputs[k].length)) {
                return fail(TA_ERR_INVALID_ARGUMENT,
                            "ta_batch: outputs[%zu] overlaps outputs[%zu]; buffers must not overlap", j, k);
            }
        }
    }
    JNIEnv *env;
    ta_status s = enter(&env, (jint)(32 + 2 * param_count + input_count + output_count));
    if (s != TA_OK) {
        return s;
    }
    jstring jkernel = jstring_of(env, kernel, "the kernel name", &s);
    if (jkernel == NULL) {
        return leave(env, s);
    }
    jclass string = string_class(env);
    jobjectArray names = (*env)->NewObjectArray(env, (jsize)param_count, string, NULL);
    jobjectArray texts = (*env)->NewObjectArray(env, (jsize)param_count, string, NULL);
    jdoubleArray numbers = (*env)->NewDoubleArray(env, (jsize)param_count);
    jlongArray in_lengths = (*env)->NewLongArray(env, (jsize)input_count);
    jlongArray out_lengths = (*env)->NewLongArray(env, (jsize)output_count);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    for (size_t i = 0; i < param_count; i++) {
        jstring n = jstring_of(env, params[i].name, "a parameter name", &s);
        if (n == NULL) {
            return leave(env, s);
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, n);
        if (params[i].text != NULL) {
            jstring t = jstring_of(env, params[i].text, "a parameter value", &s);
            if (t == NULL) {
                return leave(env, s);
            }
            (*env)->SetObjectArrayElement(env, texts, (jsize)i, t);
        }
        jdouble v = params[i].number;
        (*env)->SetDoubleArrayRegion(env, numbers, (jsize)i, 1, &v);
    }
    for (size_t i = 0; i < input_count; i++) {
        jlong len = length_or_null(inputs[i].data, inputs[i].length);
        (*env)->SetLongArrayRegion(env, in_lengths, (jsize)i, 1, &len);
    }
    for (size_t i = 0; i < output_count; i++) {
        jlong len = length_or_null(outputs[i].data, outputs[i].length);
        (*env)->SetLongArrayRegion(env, out_lengths, (jsize)i, 1, &len);
    }
    jobject job = (*env)->CallStaticObjectMethod(env, g_bridge, m_batch_open, jkernel, names, numbers, texts, in_lengths,
                                                 out_lengths);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    jint lb = (*env)->CallStaticIntMethod(env, g_bridge, m_batch_lookback, job);
    jobjectArray jin = (*env)->CallStaticObjectMethod(env, g_bridge, m_batch_inputs, job);
    jobjectArray jout = (*env)->CallStaticObjectMethod(env, g_bridge, m_batch_outputs, job);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    jdoubleArray *blocks = malloc(sizeof(jdoubleArray) * (input_count + output_count + 1));
    if (blocks == NULL) {
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    for (size_t i = 0; i < input_count; i++) {
        blocks[i] = (*env)->GetObjectArrayElement(env, jin, (jsize)i);
    }
    for (size_t j = 0; j < output_count; j++) {
        blocks[input_count + j] = (*env)->GetObjectArrayElement(env, jout, (jsize)j);
    }
    size_t n = input_count > 0 ? inputs[0].length : 0;
    size_t block = (size_t)(*env)->GetArrayLength(env, blocks[input_count]);
    for (size_t from = 0; from < n && s == TA_OK; from += block) {
        jsize len = (jsize)(n - from < block ? n - from : block);
        for (size_t i = 0; i < input_count; i++) {
            (*env)->SetDoubleArrayRegion(env, blocks[i], 0, len, inputs[i].data + from);
        }
        (*env)->CallStaticVoidMethod(env, g_bridge, m_batch_run, job, len);
        if ((*env)->ExceptionCheck(env)) {
            s = fail_java(env);
            break;
        }
        for (size_t j = 0; j < output_count; j++) {
            (*env)->GetDoubleArrayRegion(env, blocks[input_count + j], 0, len, outputs[j].data + from);
        }
    }
    free(blocks);
    if (s == TA_OK && lookback != NULL) {
        *lookback = lb;
    }
    return leave(env, s);
}

/* -------------------------------------------------------------------------------------------------------- plans */

struct ta_plan {
    uint64_t magic;
    jobject ref;
    size_t result_count;
    char **results;
    int64_t *lookbacks;
    size_t column_count;
    char **columns;
    int32_t reads_time; /* 1 or 0; -1 when the jar predates ABI 1.1 and cannot tell */
};

struct ta_stream {
    uint64_t magic;
    jobject ref;
    double *io;
    size_t column_count;
    size_t result_count;
};

static int plan_ok(const ta_plan *p) { return p != NULL && p->magic == PLAN_MAGIC; }

static int stream_ok(const ta_stream *s) { return s != NULL && s->magic == STREAM_MAGIC; }

static void plan_release(JNIEnv *env, ta_plan *p) {
    if (env != NULL && p->ref != NULL) {
        (*env)->DeleteGlobalRef(env, p->ref);
    }
    free_strings(p->results, p->result_count);
    free_strings(p->columns, p->column_count);
    free(p->lookbacks);
    p->magic = DEAD_MAGIC;
    free(p);
}

ta_status ta_plan_compile(const char *expression, ta_plan **plan) {
    static const char *const value = "value";
    return ta_plan_compile_many(&value, &expression, 1, plan);
}

/* ta_plan_compile_many, and ta_plan_compile_zoned with a zone (NULL: UTC, through the ABI 1.0 method). */
static ta_status do_plan_compile_many(const char *const *names, const char *const *expressions, size_t count,
                                      const char *zone, ta_plan **plan) {
    clear_error();
    const char *what = zone == NULL ? "ta_plan_compile" : "ta_plan_compile_zoned";
    if (names == NULL || expressions == NULL || plan == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: %s is NULL", what,
                    plan == NULL ? "plan" : names == NULL ? "names" : "expressions");
    }
    if (count == 0) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: at least one expression is needed", what);
    }
    for (size_t i = 0; i < count; i++) {
        if (names[i] == NULL || expressions[i] == NULL) {
            return fail(TA_ERR_INVALID_ARGUMENT, "%s: %s[%zu] is NULL", what,
                        names[i] == NULL ? "names" : "expressions", i);
        }
        if (utf8_kind((const unsigned char *)names[i]) < 0) {
            /* Before the repeat test, which quotes the name: the message must stay UTF-8. */
            return fail(TA_ERR_INVALID_ARGUMENT, "%s: names[%zu] is not valid UTF-8", what, i);
        }
        for (size_t k = 0; k < i; k++) {
            if (strcmp(names[k], names[i]) == 0) {
                return fail(TA_ERR_INVALID_ARGUMENT, "%s: the result name '%s' is given twice", what, names[i]);
            }
        }
    }
    JNIEnv *env;
    ta_status s = enter(&env, (jint)(32 + 2 * count));
    if (s != TA_OK) {
        return s;
    }
    if (zone != NULL && (s = need_1_1(what)) != TA_OK) {
        return leave(env, s);
    }
    jstring jzone = zone == NULL ? NULL : jstring_of(env, zone, "the zone", &s);
    if (zone != NULL && jzone == NULL) {
        return leave(env, s);
    }
    jclass string = string_class(env);
    jobjectArray jnames = (*env)->NewObjectArray(env, (jsize)count, string, NULL);
    jobjectArray jexprs = (*env)->NewObjectArray(env, (jsize)count, string, NULL);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    for (size_t i = 0; i < count; i++) {
        jstring n = jstring_of(env, names[i], "a result name", &s);
        jstring e = n == NULL ? NULL : jstring_of(env, expressions[i], "the expression", &s);
        if (e == NULL) {
            return leave(env, s);
        }
        (*env)->SetObjectArrayElement(env, jnames, (jsize)i, n);
        (*env)->SetObjectArrayElement(env, jexprs, (jsize)i, e);
    }
    jobject compiled = zone == NULL
                           ? (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_compile, jnames, jexprs)
                           : (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_compile_zoned, jnames, jexprs, jzone);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    jint reads_time = -1;
    if (m_plan_reads_time != NULL) {
        reads_time = (*env)->CallStaticIntMethod(env, g_bridge, m_plan_reads_time, compiled);
    }
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    jobjectArray roots = (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_roots, compiled);
    jlongArray lookbacks = (*env)->ExceptionCheck(env) ? NULL
                                                       : (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_lookbacks,
                                                                                        compiled);
    jobjectArray columns = (*env)->ExceptionCheck(env) ? NULL
                                                       : (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_columns,
                                                                                        compiled);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    ta_plan *p = calloc(1, sizeof *p);
    if (p == NULL) {
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    p->magic = PLAN_MAGIC;
    p->reads_time = (int32_t)reads_time;
    p->results = copy_strings(env, roots, &p->result_count);
    p->columns = copy_strings(env, columns, &p->column_count);
    p->lookbacks = malloc(sizeof(int64_t) * (p->result_count + 1));
    p->ref = (*env)->NewGlobalRef(env, compiled);
    if (p->results == NULL || p->columns == NULL || p->lookbacks == NULL || p->ref == NULL) {
        plan_release(env, p);
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    jlong *lb = (*env)->GetLongArrayElements(env, lookbacks, NULL);
    for (size_t i = 0; i < p->result_count; i++) {
        p->lookbacks[i] = lb[i];
    }
    (*env)->ReleaseLongArrayElements(env, lookbacks, lb, JNI_ABORT);
    atomic_fetch_add(&g_live, 1);
    *plan = p;
    return leave(env, TA_OK);
}

static void do_plan_free(ta_plan *plan) {
    if (!plan_ok(plan)) {
        return;
    }
    JNIEnv *env = NULL;
    if (env_for_thread(&env) != TA_OK) {
        env = NULL;
    }
    plan_release(env, plan);
    atomic_fetch_sub(&g_live, 1);
}

size_t ta_plan_result_count(const ta_plan *plan) { return plan_ok(plan) ? plan->result_count : 0; }

const char *ta_plan_result_name(const ta_plan *plan, size_t index) {
    return plan_ok(plan) && index < plan->result_count ? plan->results[index] : NULL;
}

int64_t ta_plan_lookback(const ta_plan *plan, size_t index) {
    return plan_ok(plan) && index < plan->result_count ? plan->lookbacks[index] : -1;
}

size_t ta_plan_column_count(const ta_plan *plan) { return plan_ok(plan) ? plan->column_count : 0; }

int32_t ta_plan_reads_time(const ta_plan *plan) { return plan_ok(plan) ? plan->reads_time : -1; }

const char *ta_plan_column_name(const ta_plan *plan, size_t index) {
    return plan_ok(plan) && index < plan->column_count ? plan->columns[index] : NULL;
}

static ta_status do_plan_explain(const ta_plan *plan, char **text) {
    clear_error();
    if (!plan_ok(plan) || text == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_plan_explain: %s", text == NULL ? "text is NULL" : "not a live plan");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    jbyteArray bytes = (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_explain, plan->ref);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    char *copy = copy_bytes(env, bytes, NULL);
    if (copy == NULL) {
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    *text = copy;
    return leave(env, TA_OK);
}

static int plan_reads(const ta_plan *p, const char *name) {
    for (size_t i = 0; i < p->column_count; i++) {
        if (strcmp(p->columns[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* ta_plan_run, and ta_plan_run_timed when `timed` (then `times` holds time_count close times). */
static ta_status do_plan_run(const ta_plan *plan, int timed, const int64_t *times, size_t time_count,
                             const ta_column *columns, size_t column_count, ta_buffer *outputs, size_t output_count) {
    clear_error();
    const char *what = timed ? "ta_plan_run_timed" : "ta_plan_run";
    if (!plan_ok(plan)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: not a live plan", what);
    }
    if ((columns == NULL && column_count > 0) || (outputs == NULL && output_count > 0) ||
        (times == NULL && time_count > 0)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: %s is NULL but its count is not 0", what,
                    columns == NULL && column_count > 0 ? "columns" : outputs == NULL && output_count > 0 ? "outputs"
                                                                                                       : "times");
    }
    if (time_count > INT32_MAX - 8) {
        return fail(TA_ERR_SHAPE_MISMATCH, "plan: times has %zu values; a run takes at most %d", time_count,
                    INT32_MAX - 8);
    }
    for (size_t i = 0; i < column_count; i++) {
        if (columns[i].name == NULL) {
            return fail(TA_ERR_INVALID_ARGUMENT, "%s: columns[%zu].name is NULL", what, i);
        }
        if (utf8_kind((const unsigned char *)columns[i].name) < 0) {
            /* Before the length and overlap tests, which quote the name: the message must stay UTF-8. */
            return fail(TA_ERR_INVALID_ARGUMENT, "%s: columns[%zu].name is not valid UTF-8", what, i);
        }
        if (columns[i].length > INT32_MAX - 8) {
            return fail(TA_ERR_SHAPE_MISMATCH, "plan: column '%s' has %zu bars; a run takes at most %d", columns[i].name,
                        columns[i].length, INT32_MAX - 8);
        }
    }
    for (size_t j = 0; j < output_count; j++) {
        if (outputs[j].length > INT32_MAX - 8) {
            return fail(TA_ERR_SHAPE_MISMATCH, "plan: outputs[%zu] has length %zu; a run takes at most %d", j,
                        outputs[j].length, INT32_MAX - 8);
        }
    }
    for (size_t j = 0; j < output_count; j++) {
        for (size_t i = 0; i < column_count; i++) {
            if (spans_overlap(outputs[j].data, outputs[j].length, columns[i].data, columns[i].length)) {
                return fail(TA_ERR_INVALID_ARGUMENT, "%s: outputs[%zu] overlaps column '%s'; buffers must not overlap",
                            what, j, columns[i].name);
            }
        }
        /* An int64_t is as wide as a double, so the span arithmetic holds for the times too. */
        if (spans_overlap(outputs[j].data, outputs[j].length, times, time_count)) {
            return fail(TA_ERR_INVALID_ARGUMENT, "%s: outputs[%zu] overlaps times; buffers must not overlap", what, j);
        }
        for (size_t k = 0; k < j; k++) {
            if (spans_overlap(outputs[j].data, outputs[j].length, outputs[k].data, outputs[k].length)) {
                return fail(TA_ERR_INVALID_ARGUMENT, "%s: outputs[%zu] overlaps outputs[%zu]; buffers must not overlap",
                            what, j, k);
            }
        }
    }
    JNIEnv *env;
    ta_status s = enter(&env, (jint)(32 + 2 * column_count + output_count));
    if (s != TA_OK) {
        return s;
    }
    if (timed && (s = need_1_1(what)) != TA_OK) {
        return leave(env, s);
    }
    jclass string = string_class(env);
    jclass doubles = (*env)->FindClass(env, "[D");
    jobjectArray names = (*env)->NewObjectArray(env, (jsize)column_count, string, NULL);
    jobjectArray data = (*env)->NewObjectArray(env, (jsize)column_count, doubles, NULL);
    jlongArray lengths = (*env)->NewLongArray(env, (jsize)column_count);
    jlongArray out_lengths = (*env)->NewLongArray(env, (jsize)output_count);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    for (size_t i = 0; i < column_count; i++) {
        jstring n = jstring_of(env, columns[i].name, "a column name", &s);
        if (n == NULL) {
            return leave(env, s);
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, n);
        jlong len = length_or_null(columns[i].data, columns[i].length);
        (*env)->SetLongArrayRegion(env, lengths, (jsize)i, 1, &len);
        if (len > 0 && plan_reads(plan, columns[i].name)) {
            jdoubleArray a = (*env)->NewDoubleArray(env, (jsize)len);
            if (a == NULL) {
                return leave(env, fail_java(env));
            }
            (*env)->SetDoubleArrayRegion(env, a, 0, (jsize)len, columns[i].data);
            (*env)->SetObjectArrayElement(env, data, (jsize)i, a);
            (*env)->DeleteLocalRef(env, a);
        } else if (len == 0) {
            jdoubleArray a = (*env)->NewDoubleArray(env, 0);
            (*env)->SetObjectArrayElement(env, data, (jsize)i, a);
            (*env)->DeleteLocalRef(env, a);
        }
    }
    for (size_t i = 0; i < output_count; i++) {
        jlong len = length_or_null(outputs[i].data, outputs[i].length);
        (*env)->SetLongArrayRegion(env, out_lengths, (jsize)i, 1, &len);
    }
    jlongArray jtimes = NULL;
    if (timed) {
        jtimes = (*env)->NewLongArray(env, (jsize)time_count);
        if (jtimes == NULL) {
            return leave(env, fail_java(env));
        }
        if (time_count > 0) {
            (*env)->SetLongArrayRegion(env, jtimes, 0, (jsize)time_count, (const jlong *)times);
        }
    }
    jobjectArray results =
        timed ? (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_run_timed, plan->ref, names, lengths, data,
                                               out_lengths, jtimes)
              : (*env)->CallStaticObjectMethod(env, g_bridge, m_plan_run, plan->ref, names, lengths, data, out_lengths);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    for (size_t j = 0; j < output_count; j++) {
        jdoubleArray r = (*env)->GetObjectArrayElement(env, results, (jsize)j);
        (*env)->GetDoubleArrayRegion(env, r, 0, (*env)->GetArrayLength(env, r), outputs[j].data);
        (*env)->DeleteLocalRef(env, r);
    }
    return leave(env, TA_OK);
}

/* ------------------------------------------------------------------------------------------------------ streams */

static ta_status do_stream_open(const ta_plan *plan, ta_stream **stream) {
    clear_error();
    if (!plan_ok(plan) || stream == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_open: %s", stream == NULL ? "stream is NULL" : "not a live plan");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    ta_stream *st = calloc(1, sizeof *st);
    size_t width = plan->column_count > plan->result_count ? plan->column_count : plan->result_count;
    double *io = calloc(width == 0 ? 1 : width, sizeof(double));
    if (st == NULL || io == NULL) {
        free(st);
        free(io);
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    jobject buffer = (*env)->NewDirectByteBuffer(env, io, (jlong)((width == 0 ? 1 : width) * sizeof(double)));
    jobject handle = buffer == NULL ? NULL
                                    : (*env)->CallStaticObjectMethod(env, g_bridge, m_stream_open, plan->ref, buffer);
    if (handle == NULL || (*env)->ExceptionCheck(env)) {
        free(st);
        free(io);
        return leave(env, fail_java(env));
    }
    st->ref = (*env)->NewGlobalRef(env, handle);
    if (st->ref == NULL) {
        free(st);
        free(io);
        return leave(env, fail(TA_ERR_INTERNAL, "the JVM is out of memory"));
    }
    st->magic = STREAM_MAGIC;
    st->io = io;
    st->column_count = plan->column_count;
    st->result_count = plan->result_count;
    atomic_fetch_add(&g_live, 1);
    *stream = st;
    return leave(env, TA_OK);
}

static void do_stream_free(ta_stream *stream) {
    if (!stream_ok(stream)) {
        return;
    }
    JNIEnv *env = NULL;
    if (env_for_thread(&env) == TA_OK) {
        (*env)->DeleteGlobalRef(env, stream->ref);
    }
    free(stream->io);
    stream->magic = DEAD_MAGIC;
    free(stream);
    atomic_fetch_sub(&g_live, 1);
}

/* A Bridge call that only throws (a shape error in Java's words), turned into a status. */
static ta_status stream_shape_error(JNIEnv *env, jmethodID method, const ta_stream *stream, size_t width) {
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        (*env)->ExceptionClear(env);
        return fail(TA_ERR_INTERNAL, "the JVM is out of memory");
    }
    (*env)->CallStaticVoidMethod(env, g_bridge, method, stream->ref, (jlong)width);
    ta_status s = (*env)->ExceptionCheck(env) ? fail_java(env) : fail(TA_ERR_INTERNAL, "internal error: no shape error");
    (*env)->PopLocalFrame(env, NULL);
    return s;
}

/* update, preview and replace_last, and with `timed` update_at and preview_at (the bar closes at `time`): the bar
 * goes through the exchange buffer, the results come back through it. */
static ta_status stream_step(jmethodID method, const char *what, int timed, int64_t time, ta_stream *stream,
                             const double *bar, size_t bar_count, double *out, size_t out_count) {
    clear_error();
    if (!stream_ok(stream)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: not a live stream", what);
    }
    if ((bar == NULL && bar_count > 0) || (out == NULL && out_count > 0)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "%s: %s is NULL but its count is not 0", what,
                    bar == NULL && bar_count > 0 ? "bar" : "out");
    }
    JNIEnv *env;
    ta_status s = env_for_thread(&env);
    if (s != TA_OK) {
        return s;
    }
    if (timed && (s = need_1_1(what)) != TA_OK) {
        return s;
    }
    if (bar_count != stream->column_count) {
        return stream_shape_error(env, m_stream_bar_width, stream, bar_count);
    }
    if (out_count != 0 && out_count != stream->result_count) {
        return stream_shape_error(env, m_stream_out_width, stream, out_count);
    }
    if (bar_count > 0) {
        memcpy(stream->io, bar, bar_count * sizeof(double));
    }
    if (timed) {
        (*env)->CallStaticVoidMethod(env, g_bridge, method, stream->ref, (jlong)time);
    } else {
        (*env)->CallStaticVoidMethod(env, g_bridge, method, stream->ref);
    }
    if ((*env)->ExceptionCheck(env)) {
        if ((*env)->PushLocalFrame(env, 16) != 0) {
            (*env)->ExceptionClear(env);
            return fail(TA_ERR_INTERNAL, "the JVM is out of memory");
        }
        return leave(env, fail_java(env));
    }
    if (out_count > 0) {
        memcpy(out, stream->io, out_count * sizeof(double));
    }
    return TA_OK;
}


static ta_status do_stream_count(ta_stream *stream, uint64_t *count) {
    clear_error();
    if (!stream_ok(stream) || count == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_count: %s", count == NULL ? "count is NULL" : "not a live stream");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    jlong n = (*env)->CallStaticLongMethod(env, g_bridge, m_stream_count, stream->ref);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    *count = (uint64_t)n;
    return leave(env, TA_OK);
}

static ta_status do_stream_time(ta_stream *stream, int64_t *time) {
    clear_error();
    if (!stream_ok(stream) || time == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_time: %s", time == NULL ? "time is NULL" : "not a live stream");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    if ((s = need_1_1("ta_stream_time")) != TA_OK) {
        return leave(env, s);
    }
    jlong t = (*env)->CallStaticLongMethod(env, g_bridge, m_stream_time, stream->ref);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    *time = (int64_t)t;
    return leave(env, TA_OK);
}

static ta_status do_stream_reset(ta_stream *stream) {
    clear_error();
    if (!stream_ok(stream)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_reset: not a live stream");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    (*env)->CallStaticVoidMethod(env, g_bridge, m_stream_reset, stream->ref);
    return leave(env, (*env)->ExceptionCheck(env) ? fail_java(env) : TA_OK);
}

static ta_status do_stream_snapshot(ta_stream *stream, uint8_t **bytes, size_t *length) {
    clear_error();
    if (!stream_ok(stream) || bytes == NULL || length == NULL) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_snapshot: %s",
                    !stream_ok(stream) ? "not a live stream" : bytes == NULL ? "bytes is NULL" : "length is NULL");
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    jbyteArray snapshot = (*env)->CallStaticObjectMethod(env, g_bridge, m_stream_snapshot, stream->ref);
    if ((*env)->ExceptionCheck(env)) {
        return leave(env, fail_java(env));
    }
    size_t n = 0;
    char *copy = copy_bytes(env, snapshot, &n);
    if (copy == NULL) {
        return leave(env, fail(TA_ERR_INTERNAL, "out of memory"));
    }
    *bytes = (uint8_t *)copy;
    *length = n;
    return leave(env, TA_OK);
}

static ta_status do_stream_restore(ta_stream *stream, const uint8_t *bytes, size_t length) {
    clear_error();
    if (!stream_ok(stream) || (bytes == NULL && length > 0)) {
        return fail(TA_ERR_INVALID_ARGUMENT, "ta_stream_restore: %s",
                    !stream_ok(stream) ? "not a live stream" : "bytes is NULL but length is not 0");
    }
    if (length > INT32_MAX - 8) {
        return fail(TA_ERR_SNAPSHOT_MISMATCH, "plan: a snapshot of %zu bytes is larger than any ta snapshot", length);
    }
    JNIEnv *env;
    ta_status s = enter(&env, 16);
    if (s != TA_OK) {
        return s;
    }
    jbyteArray array = (*env)->NewByteArray(env, (jsize)length);
    if (array == NULL) {
        return leave(env, fail_java(env));
    }
    if (length > 0) {
        (*env)->SetByteArrayRegion(env, array, 0, (jsize)length, (const jbyte *)bytes);
    }
    (*env)->CallStaticVoidMethod(env, g_bridge, m_stream_restore, stream->ref, array);
    return leave(env, (*env)->ExceptionCheck(env) ? fail_java(env) : TA_OK);
}

/* ------------------------------------------------------------------------------------------------------- memory */

void ta_free(void *memory) { free(memory); }

size_t ta_live_handles(void) { return atomic_load(&g_live); }

/* ------------------------------------------------------------------------------- public entry points (relayed) */

/* Each function that reaches the JVM packs its arguments and runs through relay_call (see "foreign stacks"). */

typedef struct kernel_name_args {
    size_t index;
    const char **name;
    size_t *count;
} kernel_name_args;

static ta_status kernel_count_relay(void *p) { return do_kernel_count(((kernel_name_args *)p)->count); }

ta_status ta_kernel_count(size_t *count) {
    kernel_name_args a = {0, NULL, count};
    return relay_call(kernel_count_relay, &a);
}

static ta_status kernel_name_relay(void *p) {
    kernel_name_args *a = p;
    return do_kernel_name(a->index, a->name);
}

ta_status ta_kernel_name(size_t index, const char **name) {
    kernel_name_args a = {index, name, NULL};
    return relay_call(kernel_name_relay, &a);
}

typedef struct kernel_shape_args {
    const char *name;
    size_t *inputs;
    size_t *outputs;
} kernel_shape_args;

static ta_status kernel_shape_relay(void *p) {
    kernel_shape_args *a = p;
    return do_kernel_shape(a->name, a->inputs, a->outputs);
}

ta_status ta_kernel_shape(const char *name, size_t *input_count, size_t *output_count) {
    kernel_shape_args a = {name, input_count, output_count};
    return relay_call(kernel_shape_relay, &a);
}

static ta_status catalog_json_relay(void *p) { return do_catalog_json(p); }

ta_status ta_catalog_json(const char **json) { return relay_call(catalog_json_relay, (void *)json); }

typedef struct batch_args {
    const char *kernel;
    const ta_param *params;
    size_t param_count;
    const ta_series *inputs;
    size_t input_count;
    ta_buffer *outputs;
    size_t output_count;
    int64_t *lookback;
} batch_args;

static ta_status batch_relay(void *p) {
    batch_args *a = p;
    return do_batch(a->kernel, a->params, a->param_count, a->inputs, a->input_count, a->outputs, a->output_count,
                    a->lookback);
}

ta_status ta_batch(const char *kernel, const ta_param *params, size_t param_count, const ta_series *inputs,
                   size_t input_count, ta_buffer *outputs, size_t output_count, int64_t *lookback) {
    batch_args a = {kernel, params, param_count, inputs, input_count, outputs, output_count, lookback};
    return relay_call(batch_relay, &a);
}

typedef struct compile_args {
    const char *const *names;
    const char *const *expressions;
    size_t count;
    ta_plan **plan;
    const char *zone;
} compile_args;

static ta_status compile_relay(void *p) {
    compile_args *a = p;
    return do_plan_compile_many(a->names, a->expressions, a->count, a->zone, a->plan);
}

ta_status ta_plan_compile_many(const char *const *names, const char *const *expressions, size_t count,
                               ta_plan **plan) {
    compile_args a = {names, expressions, count, plan, NULL};
    return relay_call(compile_relay, &a);
}

ta_status ta_plan_compile_zoned(const char *const *names, const char *const *expressions, size_t count,
                                const char *zone, ta_plan **plan) {
    compile_args a = {names, expressions, count, plan, zone};
    return relay_call(compile_relay, &a);
}

static ta_status plan_free_relay(void *p) {
    do_plan_free(p);
    return TA_OK;
}

void ta_plan_free(ta_plan *plan) {
    if (plan_ok(plan)) {
        relay_call(plan_free_relay, plan);
    }
}

typedef struct plan_args {
    const ta_plan *plan;
    const ta_column *columns;
    size_t column_count;
    ta_buffer *outputs;
    size_t output_count;
    char **text;
    ta_stream **stream;
    const int64_t *times;
    size_t time_count;
} plan_args;

static ta_status explain_relay(void *p) {
    plan_args *a = p;
    return do_plan_explain(a->plan, a->text);
}

ta_status ta_plan_explain(const ta_plan *plan, char **text) {
    plan_args a = {plan, NULL, 0, NULL, 0, text, NULL, NULL, 0};
    return relay_call(explain_relay, &a);
}

static ta_status run_relay(void *p) {
    plan_args *a = p;
    return do_plan_run(a->plan, 0, NULL, 0, a->columns, a->column_count, a->outputs, a->output_count);
}

ta_status ta_plan_run(const ta_plan *plan, const ta_column *columns, size_t column_count, ta_buffer *outputs,
                      size_t output_count) {
    plan_args a = {plan, columns, column_count, outputs, output_count, NULL, NULL, NULL, 0};
    return relay_call(run_relay, &a);
}

static ta_status run_timed_relay(void *p) {
    plan_args *a = p;
    return do_plan_run(a->plan, 1, a->times, a->time_count, a->columns, a->column_count, a->outputs,
                       a->output_count);
}

ta_status ta_plan_run_timed(const ta_plan *plan, const int64_t *times, size_t time_count, const ta_column *columns,
                            size_t column_count, ta_buffer *outputs, size_t output_count) {
    plan_args a = {plan, columns, column_count, outputs, output_count, NULL, NULL, times, time_count};
    return relay_call(run_timed_relay, &a);
}

static ta_status open_relay(void *p) {
    plan_args *a = p;
    return do_stream_open(a->plan, a->stream);
}

ta_status ta_stream_open(const ta_plan *plan, ta_stream **stream) {
    plan_args a = {plan, NULL, 0, NULL, 0, NULL, stream, NULL, 0};
    return relay_call(open_relay, &a);
}

static ta_status stream_free_relay(void *p) {
    do_stream_free(p);
    return TA_OK;
}

void ta_stream_free(ta_stream *stream) {
    if (stream_ok(stream)) {
        relay_call(stream_free_relay, stream);
    }
}

typedef struct step_args {
    int kind; /* 0 update, 1 preview, 2 replace_last, 3 update_at, 4 preview_at */
    ta_stream *stream;
    const double *bar;
    size_t bar_count;
    double *out;
    size_t out_count;
    uint64_t *count;
    uint8_t **bytes;
    size_t *length;
    const uint8_t *restore;
    int64_t time;
    int64_t *time_out;
} step_args;

static ta_status step_relay(void *p) {
    step_args *a = p;
    static const char *const what[5] = {"ta_stream_update", "ta_stream_preview", "ta_stream_replace_last",
                                        "ta_stream_update_at", "ta_stream_preview_at"};
    jmethodID methods[5] = {m_stream_update, m_stream_preview, m_stream_replace_last, m_stream_update_at,
                            m_stream_preview_at};
    return stream_step(methods[a->kind], what[a->kind], a->kind >= 3, a->time, a->stream, a->bar, a->bar_count,
                       a->out, a->out_count);
}

ta_status ta_stream_update(ta_stream *stream, const double *bar, size_t bar_count, double *out, size_t out_count) {
    step_args a = {0, stream, bar, bar_count, out, out_count, NULL, NULL, NULL, NULL, 0, NULL};
    return relay_call(step_relay, &a);
}

ta_status ta_stream_preview(ta_stream *stream, const double *bar, size_t bar_count, double *out, size_t out_count) {
    step_args a = {1, stream, bar, bar_count, out, out_count, NULL, NULL, NULL, NULL, 0, NULL};
    return relay_call(step_relay, &a);
}

ta_status ta_stream_replace_last(ta_stream *stream, const double *bar, size_t bar_count, double *out,
                                 size_t out_count) {
    step_args a = {2, stream, bar, bar_count, out, out_count, NULL, NULL, NULL, NULL, 0, NULL};
    return relay_call(step_relay, &a);
}

ta_status ta_stream_update_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count, double *out,
                              size_t out_count) {
    step_args a = {3, stream, bar, bar_count, out, out_count, NULL, NULL, NULL, NULL, time, NULL};
    return relay_call(step_relay, &a);
}

ta_status ta_stream_preview_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count, double *out,
                               size_t out_count) {
    step_args a = {4, stream, bar, bar_count, out, out_count, NULL, NULL, NULL, NULL, time, NULL};
    return relay_call(step_relay, &a);
}

static ta_status time_relay(void *p) {
    step_args *a = p;
    return do_stream_time(a->stream, a->time_out);
}

ta_status ta_stream_time(ta_stream *stream, int64_t *time) {
    step_args a = {0, stream, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL, 0, time};
    return relay_call(time_relay, &a);
}

static ta_status count_relay(void *p) {
    step_args *a = p;
    return do_stream_count(a->stream, a->count);
}

ta_status ta_stream_count(ta_stream *stream, uint64_t *count) {
    step_args a = {0, stream, NULL, 0, NULL, 0, count, NULL, NULL, NULL, 0, NULL};
    return relay_call(count_relay, &a);
}

static ta_status reset_relay(void *p) { return do_stream_reset(((step_args *)p)->stream); }

ta_status ta_stream_reset(ta_stream *stream) {
    step_args a = {0, stream, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL, 0, NULL};
    return relay_call(reset_relay, &a);
}

static ta_status snapshot_relay(void *p) {
    step_args *a = p;
    return do_stream_snapshot(a->stream, a->bytes, a->length);
}

ta_status ta_stream_snapshot(ta_stream *stream, uint8_t **bytes, size_t *length) {
    step_args a = {0, stream, NULL, 0, NULL, 0, NULL, bytes, length, NULL, 0, NULL};
    return relay_call(snapshot_relay, &a);
}

static ta_status restore_relay(void *p) {
    step_args *a = p;
    return do_stream_restore(a->stream, a->restore, a->length != NULL ? *a->length : 0);
}

ta_status ta_stream_restore(ta_stream *stream, const uint8_t *bytes, size_t length) {
    step_args a = {0, stream, NULL, 0, NULL, 0, NULL, NULL, &length, bytes, 0, NULL};
    return relay_call(restore_relay, &a);
}
