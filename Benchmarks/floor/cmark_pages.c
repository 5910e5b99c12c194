/*
 * The least work any cmark-based generator must do for its article pages, on every core:
 * read each Markdown file, skip its front matter, render it with libcmark (smart punctuation,
 * safe mode, as briefgen), and write the HTML to OUT/<name>/index.html.
 *
 *     cc -O2 -pthread cmark_pages.c -lcmark -o cmark_pages
 *     cmark_pages CONTENT_FOLDER OUT_FOLDER [THREADS]
 *
 * No templates, no listing pages, no feeds: the figure is a floor, not a generator.
 */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **names;
static size_t count;
static const char *content, *out;
static atomic_size_t next_index;

static void fail(const char *what, const char *path) {
    fprintf(stderr, "cmark_pages: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) fail("cannot open", path);
    struct stat info;
    if (fstat(fd, &info) != 0) fail("cannot stat", path);
    char *bytes = malloc((size_t)info.st_size + 1);
    size_t done = 0;
    while (done < (size_t)info.st_size) {
        ssize_t got = read(fd, bytes + done, (size_t)info.st_size - done);
        if (got <= 0) fail("cannot read", path);
        done += (size_t)got;
    }
    close(fd);
    bytes[done] = 0;
    *length = done;
    return bytes;
}

/* The body after a `---` front matter block, or the whole text. */
static const char *body(const char *text, size_t *length) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    if (!end) return text;
    end += 5;
    *length -= (size_t)(end - text);
    return end;
}

static void *work(void *unused) {
    (void)unused;
    char path[4096];
    for (;;) {
        size_t index = atomic_fetch_add(&next_index, 1);
        if (index >= count) return NULL;
        snprintf(path, sizeof path, "%s/%s", content, names[index]);
        size_t length;
        char *text = read_file(path, &length);
        const char *markdown = body(text, &length);
        char *html = cmark_markdown_to_html(markdown, length, CMARK_OPT_SMART);
        char *dot = strrchr(names[index], '.');
        snprintf(path, sizeof path, "%s/%.*s", out, (int)(dot - names[index]), names[index]);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) fail("cannot make", path);
        strcat(path, "/index.html");
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) fail("cannot create", path);
        size_t html_length = strlen(html);
        if (write(fd, html, html_length) != (ssize_t)html_length) fail("cannot write", path);
        close(fd);
        free(html);
        free(text);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: cmark_pages CONTENT_FOLDER OUT_FOLDER [THREADS]\n");
        return 2;
    }
    content = argv[1];
    out = argv[2];
    long threads = argc > 3 ? atol(argv[3]) : sysconf(_SC_NPROCESSORS_ONLN);
    if (mkdir(out, 0755) != 0 && errno != EEXIST) fail("cannot make", out);
    DIR *folder = opendir(content);
    if (!folder) fail("cannot open", content);
    size_t capacity = 1024;
    names = malloc(capacity * sizeof *names);
    for (struct dirent *entry; (entry = readdir(folder));) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(folder);
    pthread_t pool[64];
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    for (long i = 0; i < threads; i++) pthread_create(&pool[i], NULL, work, NULL);
    for (long i = 0; i < threads; i++) pthread_join(pool[i], NULL);
    printf("%zu pages\n", count);
    return 0;
}
