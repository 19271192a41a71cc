// The generic-parser baseline: read the same corpus as YAML with yaml-cpp and walk every node,
// so that the parse is complete. With JOBS threads (default 1) the files are shared out as
// jixiao check --jobs shares them, so that both are compared on the same cores.
// Prints the number of projects and indicators read.
//   bench_read_yaml DIR [JOBS]
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: bench_read_yaml DIR [JOBS]\n";
        return 2;
    }
    unsigned jobs = argc == 3 ? static_cast<unsigned>(std::max(1, std::stoi(argv[2]))) : 1;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1]))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    std::atomic<std::size_t> next{0}, projects{0}, indicators{0}, scalars{0};
    auto worker = [&] {
        std::size_t p = 0, n = 0, s = 0;
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            YAML::Node doc = YAML::LoadFile(files[i]);
            ++p;
            for (const auto& ind : doc["indicators"]) {
                ++n;
                for (const auto& kv : ind)
                    s += kv.second.Scalar().size();
            }
        }
        projects += p;
        indicators += n;
        scalars += s;
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t)
        threads.emplace_back(worker);
    for (auto& t : threads)
        t.join();
    std::cout << projects << " projects, " << indicators << " indicators (" << scalars
              << " bytes of scalars)\n";
    return 0;
}
