// The generic-parser baseline: read the same corpus as YAML with yaml-cpp and walk every node,
// so that the parse is complete. Prints the number of projects and indicators read.
//   bench_read_yaml DIR
#include <filesystem>
#include <iostream>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_read_yaml DIR\n";
        return 2;
    }
    std::size_t projects = 0, indicators = 0, scalars = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
        if (e.path().extension() != ".yaml") continue;
        YAML::Node doc = YAML::LoadFile(e.path().string());
        ++projects;
        for (const auto& ind : doc["indicators"]) {
            ++indicators;
            for (const auto& kv : ind)
                scalars += kv.second.Scalar().size();
        }
    }
    std::cout << projects << " projects, " << indicators << " indicators (" << scalars
              << " bytes of scalars)\n";
    return 0;
}
