// src/app/key_file.cpp
#include "app/key_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tongxin::app {

namespace {
constexpr std::size_t kKeyBytes = 32;
}

std::string load_or_create_key(const std::string& path) {
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() != kKeyBytes) {
      throw std::runtime_error("key file " + path + " must hold exactly 32 bytes");
    }
    return key;
  }
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  std::string key(kKeyBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
    throw std::runtime_error("cannot generate a random key");
  }
  // O_EXCL: two processes starting at once must not each write a different key.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return load_or_create_key(path);
    throw std::runtime_error("cannot create key file " + path);
  }
  const auto written = ::write(fd, key.data(), key.size());
  ::fsync(fd);
  ::close(fd);
  if (written != static_cast<ssize_t>(key.size())) {
    std::filesystem::remove(path);
    throw std::runtime_error("cannot write key file " + path);
  }
  return key;
}

}  // namespace tongxin::app
