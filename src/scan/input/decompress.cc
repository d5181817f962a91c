#include "scan/input/decompress.h"

#include <isa-l/igzip_lib.h>
#include <zstd.h>

#include <cstring>
#include <string>

namespace bd::scan::input {
namespace {
constexpr std::size_t kInputBuffer = 256u << 10;

Error stream_error(std::string reason) { return Error::invalid("input", std::move(reason)); }
}  // namespace

Status check_expansion(const InputLimits& limits, std::uint64_t in, std::uint64_t out, const char* what) {
  if (out > limits.ratio_grace_bytes && in > 0 &&
      static_cast<double>(out) > limits.max_expansion_ratio * static_cast<double>(in)) {
    return stream_error(std::string(what) + " above " +
                        std::to_string(static_cast<long long>(limits.max_expansion_ratio)) + ":1 (zip bomb?)");
  }
  return {};
}

Status ExpansionGuard::add_output(std::uint64_t n) {
  out_ += n;
  BD_TRY(check_expansion(limits_, in_, out_, "expansion ratio"));
  if (archive_ != nullptr) {
    archive_->out += n;
    BD_TRY(check_expansion(limits_, archive_->in, archive_->out, "archive expansion ratio"));
  }
  if (total_ != nullptr) {
    std::uint64_t total = total_->fetch_add(n, std::memory_order_relaxed) + n;
    if (total > limits_.max_total_expanded) return stream_error("total decompressed size limit reached");
  }
  return {};
}

// ---- gzip (ISA-L) ----------------------------------------------------------------

struct GzipSource::State {
  inflate_state st;
  isal_gzip_header hdr;
};

GzipSource::GzipSource(ByteSource& compressed, ExpansionGuard guard, Framing framing)
    : in_(compressed),
      guard_(guard),
      state_(std::make_unique<State>()),
      buf_(kInputBuffer),
      framing_(framing) {
  isal_inflate_init(&state_->st);
  state_->st.crc_flag = framing == Framing::kZlib ? ISAL_ZLIB : ISAL_GZIP;
  state_->st.avail_in = 0;
}

GzipSource::~GzipSource() = default;

const char* GzipSource::truncated() const {
  return framing_ == Framing::kZlib ? "truncated zlib stream" : "truncated gzip stream";
}

// Reads more compressed input; false at its end.
Result<bool> GzipSource::refill() {
  auto n = in_.read(reinterpret_cast<char*>(buf_.data()), buf_.size());
  if (!n.ok()) return std::move(n).error();
  guard_.add_input(*n);
  state_->st.next_in = buf_.data();
  state_->st.avail_in = static_cast<std::uint32_t>(*n);
  if (*n == 0) input_eof_ = true;
  return *n > 0;
}

Result<std::size_t> GzipSource::read(char* dst, std::size_t cap) {
  inflate_state& st = state_->st;
  while (!done_) {
    if (st.block_state == ISAL_BLOCK_FINISH && framing_ == Framing::kZlib) {
      done_ = true;  // one stream; what follows it is not read
      break;
    }
    if (st.block_state == ISAL_BLOCK_FINISH) {
      // End of one gzip member: another may follow (concatenated .gz files).
      if (st.avail_in == 0 && !input_eof_) {
        auto more = refill();
        if (!more.ok()) return std::move(more).error();
      }
      if (st.avail_in == 0 || st.next_in[0] != 0x1f) {
        done_ = true;  // end of input, or trailing padding after the last member
        break;
      }
      std::uint8_t* next = st.next_in;
      std::uint32_t avail = st.avail_in;
      isal_inflate_reset(&st);
      st.crc_flag = ISAL_GZIP;
      st.next_in = next;
      st.avail_in = avail;
    }
    if (st.avail_in == 0) {
      if (input_eof_) return stream_error(truncated());
      auto more = refill();
      if (!more.ok()) return std::move(more).error();
      if (!*more) return stream_error(truncated());
    }
    st.next_out = reinterpret_cast<std::uint8_t*>(dst);
    st.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(cap, 1u << 30));
    int rc = isal_inflate(&st);
    if (rc != ISAL_DECOMP_OK && rc != ISAL_END_INPUT)
      return stream_error(framing_ == Framing::kZlib ? "corrupt zlib stream" : "corrupt gzip stream");
    std::size_t produced = static_cast<std::size_t>(reinterpret_cast<char*>(st.next_out) - dst);
    if (produced > 0) {
      BD_TRY(guard_.add_output(produced));
      return produced;
    }
  }
  return std::size_t{0};
}

// ---- zstd -------------------------------------------------------------------------

struct ZstdSource::State {
  ZSTD_DCtx* ctx = nullptr;
  ~State() { ZSTD_freeDCtx(ctx); }
};

ZstdSource::ZstdSource(ByteSource& compressed, ExpansionGuard guard)
    : in_(compressed), guard_(guard), state_(std::make_unique<State>()), buf_(ZSTD_DStreamInSize()) {
  state_->ctx = ZSTD_createDCtx();
  // Bounds the decoder's window memory (zstd --long up to 128 MiB still decodes).
  ZSTD_DCtx_setParameter(state_->ctx, ZSTD_d_windowLogMax, 27);
}

ZstdSource::~ZstdSource() = default;

Result<std::size_t> ZstdSource::read(char* dst, std::size_t cap) {
  if (state_->ctx == nullptr) return stream_error("out of memory for zstd");
  for (;;) {
    if (pos_ == len_) {
      if (input_eof_) {
        if (frame_open_) return stream_error("truncated zstd stream");
        return std::size_t{0};
      }
      auto n = in_.read(buf_.data(), buf_.size());
      if (!n.ok()) return std::move(n).error();
      guard_.add_input(*n);
      pos_ = 0;
      len_ = *n;
      if (*n == 0) {
        input_eof_ = true;
        continue;
      }
    }
    ZSTD_inBuffer in{buf_.data(), len_, pos_};
    ZSTD_outBuffer out{dst, cap, 0};
    std::size_t rc = ZSTD_decompressStream(state_->ctx, &out, &in);
    pos_ = in.pos;
    if (ZSTD_isError(rc)) return stream_error("corrupt zstd stream");
    frame_open_ = rc != 0;
    if (out.pos > 0) {
      BD_TRY(guard_.add_output(out.pos));
      return out.pos;
    }
  }
}

}  // namespace bd::scan::input
