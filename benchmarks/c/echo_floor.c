/*
 * The floor for an echo server on this kernel: one thread, level-triggered epoll, and for each
 * readable socket one read() into a static buffer and one write() of what it read. Nothing else
 * (no framing, no allocation per message). A write the socket does not take whole is kept for that
 * connection and finished when it is writable, reading from it paused until then, so the floor
 * stays correct under any load. TCP_NODELAY on every connection, as the other servers set it.
 *
 * Build and run (benchmarks/echo.sh does both):  cc -O2 -o echo_floor echo_floor.c && ./echo_floor 0
 * Prints "READY <port>" once listening on 127.0.0.1.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUFFER (64 * 1024)

struct pending { /* the unwritten tail of one connection's last echo */
    char *data;
    size_t length;
};

static struct pending *pendings;
static int pendings_size;

static struct pending *pending_for(int fd) {
    if (fd >= pendings_size) {
        int size = pendings_size ? pendings_size : 1024;
        while (size <= fd) size *= 2;
        pendings = realloc(pendings, size * sizeof *pendings);
        if (!pendings) { perror("realloc"); exit(1); }
        memset(pendings + pendings_size, 0, (size - pendings_size) * sizeof *pendings);
        pendings_size = size;
    }
    return &pendings[fd];
}

static void drop(int epfd, int fd) {
    struct pending *p = pending_for(fd);
    free(p->data);
    p->data = NULL;
    p->length = 0;
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
}

static void watch(int epfd, int fd, unsigned events, int op) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    if (epoll_ctl(epfd, op, fd, &ev) < 0) { perror("epoll_ctl"); exit(1); }
}

/* Writes what is kept for fd; returns 0 when nothing is left, 1 when some is, -1 on error. */
static int flush_pending(int fd) {
    struct pending *p = pending_for(fd);
    ssize_t n = write(fd, p->data, p->length);
    if (n < 0) return errno == EAGAIN ? 1 : -1;
    memmove(p->data, p->data + n, p->length - n);
    p->length -= n;
    return p->length > 0;
}

int main(int argc, char **argv) {
    static char buffer[BUFFER];
    int port = argc > 1 ? atoi(argv[1]) : 0;
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &address, sizeof address) < 0 || listen(listener, 1024) < 0) {
        perror("listen");
        return 1;
    }
    socklen_t length = sizeof address;
    getsockname(listener, (struct sockaddr *) &address, &length);
    printf("READY %d\n", ntohs(address.sin_port));
    fflush(stdout);

    int epfd = epoll_create1(0);
    watch(epfd, listener, EPOLLIN, EPOLL_CTL_ADD);
    struct epoll_event events[256];
    for (;;) {
        int ready = epoll_wait(epfd, events, 256, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < ready; i++) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                int client;
                while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    watch(epfd, client, EPOLLIN, EPOLL_CTL_ADD);
                }
                continue;
            }
            if (events[i].events & EPOLLOUT) {
                int left = flush_pending(fd);
                if (left < 0) { drop(epfd, fd); continue; }
                if (left == 0) watch(epfd, fd, EPOLLIN, EPOLL_CTL_MOD);
                continue;
            }
            ssize_t n = read(fd, buffer, BUFFER);
            if (n <= 0) {
                if (n < 0 && errno == EAGAIN) continue;
                drop(epfd, fd);
                continue;
            }
            ssize_t w = write(fd, buffer, n);
            if (w < 0 && errno != EAGAIN) { drop(epfd, fd); continue; }
            if (w < 0) w = 0;
            if (w < n) { /* keep the rest; stop reading until it is written */
                struct pending *p = pending_for(fd);
                p->data = realloc(p->data, n - w);
                memcpy(p->data, buffer + w, n - w);
                p->length = n - w;
                watch(epfd, fd, EPOLLOUT, EPOLL_CTL_MOD);
            }
        }
    }
}
