// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/util.h"

namespace hstag {
namespace {

using Clock = std::chrono::steady_clock;

// In a worker: where its answers go (for ExtendDocumentDeadline).
int worker_result_fd = -1;

// The worker: reads input indexes (one a line), answers with
// [index: 8 bytes][length: 8 bytes][document JSON].
[[noreturn]] void WorkerMain(int task_fd, int result_fd, const WorkerTasks& tasks) {
  worker_result_fd = result_fd;
  std::string line;
  char c;
  for (;;) {
    const ssize_t r = ::read(task_fd, &c, 1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) ::_exit(0);
    if (c != '\n') {
      line.push_back(c);
      continue;
    }
    const uint64_t index = std::stoull(line);
    line.clear();
    const std::string json = tasks.work(index);
    const uint64_t header[2] = {index, json.size()};
    // Header and payload in one write: the supervisor wakes once per answer.
    if (!WriteAll(result_fd, {{reinterpret_cast<const char*>(header), sizeof header}, json})) {
      ::_exit(1);
    }
  }
}

std::string Describe(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return "the worker analysing it was killed by signal " + std::to_string(sig) +
           (name ? std::string(" (SIG") + name + ")" : "");
  }
  if (WIFEXITED(status)) {
    return "the worker analysing it exited with status " + std::to_string(WEXITSTATUS(status));
  }
  return "the worker analysing it stopped";
}

}  // namespace

void ExtendDocumentDeadline(double seconds) {
  if (worker_result_fd < 0 || !(seconds > 0)) return;
  const uint64_t header[2] = {kExtendDeadline, static_cast<uint64_t>(seconds * 1000)};
  if (!WriteAll(worker_result_fd,
                {std::string_view(reinterpret_cast<const char*>(header), sizeof header)})) {
    ::_exit(1);
  }
}

WorkerReport RunInWorkers(size_t n, const WorkerOptions& options, const WorkerTasks& tasks) {
  struct Worker {
    pid_t pid = -1;
    int task_fd = -1, result_fd = -1;
    // Handed out, in the order the worker takes them: it works on the
    // first (since `started`) and finds the next waiting in its pipe when it
    // is done, without a round trip through the supervisor.
    std::deque<size_t> queue;
    Clock::time_point started;
    // What the current document asked for beyond the limit (its OCR).
    std::chrono::duration<double> extra{0};
    // Seconds per document, a moving average. The queue holds about 2 ms of
    // work, and at least 2 documents: when documents are that quick, the
    // supervisor naps a millisecond before it waits, so that one wake-up
    // takes several answers, and no worker runs dry meanwhile. Longer
    // documents, where wake-ups are rare anyway, keep the queue of 2 that
    // lets the run end evenly.
    double seconds_per_doc = 1;
    size_t Depth() const {
      return std::clamp<size_t>(static_cast<size_t>(0.002 / std::max(seconds_per_doc, 1e-6)) + 1, 2,
                                64);
    }
    // The answer being read: [index: 8 bytes][length: 8 bytes][payload].
    uint64_t header[2] = {0, 0};
    size_t header_got = 0;
    std::string payload;
    size_t payload_got = 0;
  };
  WorkerReport report;
  const unsigned jobs = std::max(1u, options.jobs);
  std::vector<Worker> workers(jobs);
  std::map<size_t, std::string> pending;  // finished, waiting for their turn
  size_t pending_bytes = 0;
  auto add_pending = [&](size_t index, std::string payload) {
    pending_bytes += payload.size();
    pending.emplace(index, std::move(payload));
  };

  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction old_pipe {};
  ::sigaction(SIGPIPE, &ignore, &old_pipe);

  auto error_doc = [&](size_t index, const std::string& message) {
    return tasks.on_failure(index, message);
  };
  auto close_worker = [](Worker& w) {
    if (w.task_fd >= 0) ::close(w.task_fd);
    if (w.result_fd >= 0) ::close(w.result_fd);
    w.task_fd = w.result_fd = -1;
    w.header_got = w.payload_got = 0;
    w.payload.clear();
  };
  auto spawn = [&](Worker& w) -> bool {
    int task[2], result[2];
    if (::pipe(task) != 0) return false;
    if (::pipe(result) != 0) {
      ::close(task[0]);
      ::close(task[1]);
      return false;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t supervisor = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {task[0], task[1], result[0], result[1]}) ::close(fd);
      return false;
    }
    if (pid == 0) {
      // A worker dies with its supervisor (killed, or out of a Slurm
      // allocation): no orphan goes on writing into OUT.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != supervisor) ::_exit(1);
      ::close(task[1]);
      ::close(result[0]);
      for (Worker& other : workers) {  // the other workers' ends are not ours
        if (other.task_fd >= 0) ::close(other.task_fd);
        if (other.result_fd >= 0) ::close(other.result_fd);
      }
      ::sigaction(SIGPIPE, &old_pipe, nullptr);
      WorkerMain(task[0], result[1], tasks);
    }
    ::close(task[0]);
    ::close(result[1]);
    // The supervisor drains what is there and goes back to poll; a pipe of
    // 1 MiB (where the system allows it) holds nearly every answer whole, so
    // that a worker seldom waits for the supervisor to make room.
    ::fcntl(result[0], F_SETPIPE_SZ, 1 << 20);
    ::fcntl(result[0], F_SETFL, ::fcntl(result[0], F_GETFL) | O_NONBLOCK);
    w.pid = pid;
    w.task_fd = task[1];
    w.result_fd = result[0];
    w.queue.clear();
    w.extra = {};
    w.header_got = w.payload_got = 0;
    w.payload.clear();
    return true;
  };
  std::vector<char> assigned(n, 0);
  // A worker that died or was killed: the document it was working on fails,
  // the ones waiting in its queue go back to be handed out again, a new
  // worker starts.
  auto replace = [&](Worker& w, const std::string& message) {
    close_worker(w);
    int status = 0;
    ::waitpid(w.pid, &status, 0);
    if (!w.queue.empty()) {
      const size_t index = w.queue.front();
      add_pending(index,
                  error_doc(index, message.empty() ? Describe(status) + " (a crash "
                                                                        "in a library or a plugin)"
                                                   : message));
      for (size_t k = 1; k < w.queue.size(); ++k) assigned[w.queue[k]] = 0;
    }
    w.pid = -1;
    spawn(w);
  };

  for (Worker& w : workers) {
    if (!spawn(w)) {
      // Without a process of our own, analyse in this one.
      for (size_t i = 0; i < n; ++i) tasks.deliver(i, tasks.work(i));
      ::sigaction(SIGPIPE, &old_pipe, nullptr);
      return report;
    }
  }

  size_t next_deliver = 0;
  bool stop = false;
  // The next input to hand out: the costliest not yet handed out in the
  // window; only the first one waited for when the waiting payloads are at
  // their limit. n when there is none.
  auto choose = [&]() -> size_t {
    const size_t end = std::min(n, next_deliver + (pending_bytes < kPendingBytes ? kWindow : 1));
    size_t best = n;
    uint64_t best_cost = 0;
    for (size_t i = next_deliver; i < end; ++i) {
      if (assigned[i]) continue;
      if (!tasks.cost) return i;
      const uint64_t c = tasks.cost(i);
      if (best == n || c > best_cost) {
        best = i;
        best_cost = c;
      }
    }
    return best;
  };
  const auto timeout = std::chrono::duration<double>(options.doc_timeout_seconds);
  while (next_deliver < n) {
    // Hand back what is done, in order; failures count for --max-errors.
    while (!pending.empty() && pending.begin()->first == next_deliver) {
      std::string payload = std::move(pending.begin()->second);
      pending.erase(pending.begin());
      pending_bytes -= payload.size();
      if (tasks.failed(payload) && ++report.failed == options.max_errors) stop = true;
      tasks.deliver(next_deliver++, std::move(payload));
    }
    // Hand out work (after handing back, so that a run stopped by
    // --max-errors starts nothing more).
    for (Worker& w : workers) {
      while (w.queue.size() < w.Depth() && !stop) {
        const size_t i = choose();
        if (i == n) break;
        const std::string line = std::to_string(i) + "\n";
        assigned[i] = 1;
        if (w.queue.empty()) w.started = Clock::now();
        w.queue.push_back(i);
        if (!WriteAll(w.task_fd, {line})) replace(w, "");
      }
    }
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    int wait_ms = 1000;
    for (Worker& w : workers) {
      if (w.queue.empty()) continue;
      fds.push_back({w.result_fd, POLLIN, 0});
      owners.push_back(&w);
      if (options.doc_timeout_seconds > 0) {
        const auto left = timeout + w.extra - (Clock::now() - w.started);
        wait_ms = std::min<int>(wait_ms, std::max<int>(0, static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(left).count()) + 1));
      }
    }
    if (fds.empty()) {
      if (stop) break;  // what was handed out is handed back
      continue;
    }
    bool nap = !stop;  // every worker on quick documents, and stocked
    for (Worker& w : workers) nap = nap && w.Depth() > 2 && w.queue.size() == w.Depth();
    if (nap && wait_ms > 1) ::poll(nullptr, 0, 1);
    const int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (size_t k = 0; k < fds.size(); ++k) {
      Worker& w = *owners[k];
      if (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) {
        // The header, then the payload read straight into its string, as
        // much as the pipe holds; the next poll waits for the rest.
        for (;;) {
          const bool in_header = w.header_got < sizeof w.header;
          char* dst = in_header ? reinterpret_cast<char*>(w.header) + w.header_got
                                : w.payload.data() + w.payload_got;
          const size_t want =
              in_header ? sizeof w.header - w.header_got : w.payload.size() - w.payload_got;
          const ssize_t r = want ? ::read(w.result_fd, dst, want) : 0;
          if (r < 0 && errno == EINTR) continue;
          if (r < 0 && errno == EAGAIN) break;
          if (r <= 0 && want) {
            replace(w, "");
            break;
          }
          if (in_header) {
            w.header_got += static_cast<size_t>(r);
            if (w.header_got < sizeof w.header) continue;
            if (w.header[0] == kExtendDeadline && !w.queue.empty()) {  // more time, no payload
              w.extra += std::chrono::milliseconds(w.header[1]);
              w.header_got = 0;
              continue;
            }
            if (w.queue.empty() || w.header[0] != w.queue.front()) {  // not what it was given
              ::kill(w.pid, SIGKILL);
              replace(w, "the worker analysing it answered out of turn");
              break;
            }
            w.payload.assign(w.header[1], '\0');
            w.payload_got = 0;
          } else {
            w.payload_got += static_cast<size_t>(r);
          }
          if (w.payload_got < w.payload.size()) continue;
          add_pending(w.header[0], std::move(w.payload));
          w.payload.clear();
          w.header_got = 0;
          w.queue.pop_front();
          const auto now = Clock::now();
          w.seconds_per_doc = 0.8 * w.seconds_per_doc +
                              0.2 * std::chrono::duration<double>(now - w.started).count();
          w.started = now;             // on the next one, if any
          w.extra = {};
          if (w.queue.empty()) break;  // else its next answer may be there too
        }
      } else if (options.doc_timeout_seconds > 0 && Clock::now() - w.started > timeout + w.extra) {
        ::kill(w.pid, SIGKILL);
        char limit[128];
        if (w.extra.count() > 0) {
          std::snprintf(limit, sizeof limit,
                        "%g s without finishing (--doc-timeout %g s, plus %g s for OCR)",
                        options.doc_timeout_seconds + w.extra.count(), options.doc_timeout_seconds,
                        w.extra.count());
        } else {
          std::snprintf(limit, sizeof limit, "%g s without finishing (--doc-timeout)",
                        options.doc_timeout_seconds);
        }
        replace(w, std::string("stopped after ") + limit);
      }
    }
  }
  report.not_started = n - next_deliver;
  report.stopped_early = stop && report.not_started > 0;
  // Every worker is told to stop before any is waited for: they exit at the
  // same time, not one after the other.
  for (Worker& w : workers) close_worker(w);
  for (Worker& w : workers) {
    if (w.pid > 0) {
      int status;
      ::waitpid(w.pid, &status, 0);
    }
  }
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
  return report;
}

}  // namespace hstag
