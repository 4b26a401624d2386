// Frames over a descriptor (src/exec/frame_channel.hpp) from the reading side: whole frames come
// back as written, a clean end of stream is nullopt, and a frame cut short is a WireError — also
// when its header claims far more bytes than ever arrive, which must not allocate the claim.
#include "exec/frame_channel.hpp"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <new>

#include "base/unique_fd.hpp"

namespace groupfit {
namespace {

// A frame header announcing `payload_bytes`, as a corrupt or hostile peer could send.
std::string header_claiming(MessageKind kind, std::uint64_t payload_bytes) {
  std::string h(kFrameHeaderBytes, '\0');
  const std::uint32_t magic = kWireMagic;
  const std::uint16_t version = kWireVersion;
  const auto k = static_cast<std::uint16_t>(kind);
  std::memcpy(h.data(), &magic, 4);
  std::memcpy(h.data() + 4, &version, 2);
  std::memcpy(h.data() + 6, &k, 2);
  std::memcpy(h.data() + 8, &payload_bytes, 8);
  return h;
}

UniqueFd file_holding(const std::string& bytes) {
  UniqueFd fd(::memfd_create("frame_channel_test", MFD_CLOEXEC));
  EXPECT_TRUE(fd.valid());
  EXPECT_EQ(::write(fd.get(), bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  EXPECT_EQ(::lseek(fd.get(), 0, SEEK_SET), 0);
  return fd;
}

TEST(FrameChannel, FramesComeBackWholeThenEndOfStream) {
  int pair[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
  UniqueFd writer(pair[0]), reader(pair[1]);
  GroupTask task;
  task.index = 7;
  task.key = {false, "North"};
  task.train_rows = {1, 2, 3};
  write_frame(writer.get(), encode_task(task));
  write_frame(writer.get(), encode_shutdown());
  writer.reset();

  auto first = read_frame(reader.get());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->kind, MessageKind::Task);
  const GroupTask back = decode_task(first->payload);
  EXPECT_EQ(back.index, 7u);
  EXPECT_EQ(back.key.text, "North");
  EXPECT_EQ(back.train_rows, task.train_rows);
  auto second = read_frame(reader.get());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->kind, MessageKind::Shutdown);
  EXPECT_FALSE(read_frame(reader.get()).has_value());
}

TEST(FrameChannel, CutShortIsWireError) {
  const UniqueFd fd = file_holding(header_claiming(MessageKind::Result, 100) + "ten bytes!");
  EXPECT_THROW(read_frame(fd.get()), WireError);
  const UniqueFd torn = file_holding(header_claiming(MessageKind::Result, 100).substr(0, 9));
  EXPECT_THROW(read_frame(torn.get()), WireError);
}

// The claim of 8 GiB is read in a child whose address space is capped at what it already uses
// plus 512 MiB: allocating the claim up front fails there (std::bad_alloc, exit 1); reading what
// arrives gives the WireError of a truncated frame (exit 0).
TEST(FrameChannel, HeaderClaimingGigabytesAllocatesOnlyWhatArrives) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "sanitizers reserve terabytes of address space; RLIMIT_AS cannot be used";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  GTEST_SKIP() << "sanitizers reserve terabytes of address space; RLIMIT_AS cannot be used";
#endif
#endif
  const UniqueFd fd =
      file_holding(header_claiming(MessageKind::Result, std::uint64_t{8} << 30) + "short");
  std::size_t pages = 0;
  std::ifstream("/proc/self/statm") >> pages;
  ASSERT_GT(pages, 0u);
  const rlim_t cap = static_cast<rlim_t>(pages) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) +
                     (rlim_t{512} << 20);

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const rlimit limit{cap, cap};
    if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(3);
    try {
      (void)read_frame(fd.get());
    } catch (const WireError&) {
      ::_exit(0);
    } catch (const std::bad_alloc&) {
      ::_exit(1);
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(4);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the 8 GiB claim was allocated before its bytes came";
}

}  // namespace
}  // namespace groupfit
