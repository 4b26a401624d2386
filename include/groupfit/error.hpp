// Typed errors that end a whole command. Each carries a one-line message and the exit status
// the CLI returns for it; the library throws them and never prints or exits itself. A single
// group's failure is not one of these: it is a value (see GroupOutcome).
#pragma once

#include <stdexcept>
#include <string>

namespace groupfit {

// Exit statuses of the `groupfit` program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;  // a bug or an unexpected library failure
inline constexpr int kExitBadInput = 2;  // bad arguments, bad input file, unwritable output
inline constexpr int kExitSomeGroupsFailed = 3;
inline constexpr int kExitInterrupted = 130;  // stopped by SIGINT/SIGTERM; --resume continues

class Error : public std::runtime_error {
 public:
  Error(const std::string& message, int exit_code)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// The user's input (a file, a flag, a parameter) cannot be used as given.
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(message, kExitBadInput) {}
};

// An output cannot be written (no permission, not a folder, disk full).
class OutputError : public Error {
 public:
  explicit OutputError(const std::string& message) : Error(message, kExitBadInput) {}
};

// Stopped on request (a stop flag raised by SIGINT or Ctrl-C) before it could finish.
class Interrupted : public Error {
 public:
  explicit Interrupted(const std::string& message) : Error(message, kExitInterrupted) {}
};

}  // namespace groupfit
