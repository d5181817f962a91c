#include "scan/input/input.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "scan/input/leaf.h"
#include "scan/input/reader.h"
#include "scan/input/split.h"
#include "scan/input/walker.h"

namespace bd::scan {
namespace {

Status check_options(const std::vector<std::string>& paths, const InputOptions& o) {
  if (paths.empty()) return Error::invalid("paths", "no path to scan was given");
  if (o.threads < 1 || o.threads > 256) return Error::invalid("threads", "threads must be between 1 and 256");
  if (o.buffer_size < (64u << 10) || o.buffer_size > (1u << 30)) {
    return Error::invalid("buffer_size", "buffer size must be between 64 KiB and 1 GiB");
  }
  if (o.ring_buffers < 2 || o.ring_buffers > 64) return Error::invalid("ring_buffers", "ring needs 2 to 64 buffers");
  if (o.limits.max_depth < 1 || o.limits.max_expansion_ratio < 2.0) {
    return Error::invalid("limits", "nesting depth must be >= 1 and expansion ratio >= 2");
  }
  return {};
}

// One worker: takes files and ranges of split files until none are left.
// `lanes` > 0: the worker reads and a pool of that many threads decodes and scans
// (input::PoolTarget); 0: the worker does all of it.
void work(input::ScanShared& shared, input::WorkQueue& queue, int lanes) {
  const InputOptions& o = shared.options;
  input::BufferRing ring(lanes > 0 ? o.ring_buffers * lanes : 2, o.buffer_size);
  std::unique_ptr<input::LeafTarget> target;
  if (lanes > 0) {
    target = std::make_unique<input::PoolTarget>(shared.factory, ring, lanes);
  } else {
    target = std::make_unique<input::DirectTarget>(shared.factory, ring);
  }
  input::MemberReader reader(shared, *target);
  const input::FileEntry* file = nullptr;
  input::RangeWork range;
  while (queue.take(&file, &range)) {
    if (range.file)
      input::read_range(shared, range, *target);
    else
      reader.read_file(file->path, file->path, file->size, file->may_split);
    range = {};  // a split file's mapping goes when its last range is read
  }
  target.reset();  // joins a pipeline's consumer before the ring goes away
}

}  // namespace

Status read_inputs(const std::vector<std::string>& paths, const InputOptions& options, SinkFactory& factory,
                   ProgressObserver* progress) {
  BD_TRY(check_options(paths, options));
  input::WalkResult walked = input::walk(paths, options.follow_symlinks, factory);
  if (walked.roots_found == 0) return Error::not_found("none of the given paths exists");
  // Largest first, so one big file does not start last and leave a worker idle.
  std::stable_sort(walked.files.begin(), walked.files.end(),
                   [](const auto& a, const auto& b) { return a.size > b.size; });
  input::WorkQueue queue(walked.files);
  input::ScanShared shared(options, factory, progress);
  shared.queue = &queue;
  // A file that will be split is work for every thread.
  std::size_t work_items = walked.files.size();
  for (auto& f : walked.files) {
    shared.progress.add_total(f.size);
    f.may_split = input::may_split(f.path, f.size, options);
    if (f.may_split) work_items += static_cast<std::size_t>(options.threads) - 1;
  }
  shared.progress.report(true);

  std::size_t workers =
      std::min<std::size_t>(static_cast<std::size_t>(options.threads), std::max<std::size_t>(work_items, 1));
  // Spare threads (fewer files than threads) decode and scan while the worker reads:
  // each worker's share of the threads becomes its pool, which scans the members of an
  // archive (and the ranges of a stream) side by side. The worker comes on top: it
  // reads and decompresses, a fraction of what its pool does, and otherwise waits.
  int share = options.threads / static_cast<int>(workers);
  int lanes = share >= 2 ? share : 0;
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers; ++i) {
    threads.emplace_back([&] { work(shared, queue, lanes); });
  }
  work(shared, queue, lanes);
  for (auto& t : threads) t.join();
  shared.progress.report(true);
  return {};
}

}  // namespace bd::scan
