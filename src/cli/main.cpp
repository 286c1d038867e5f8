#include "cli/command.hpp"

int main(int argc, char** argv) { return lotse::cli::run(argc, argv); }
