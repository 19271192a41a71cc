#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "diag/render.hpp"
#include "syntax/parser.hpp"

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream f(argv[i], std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        jx::SourceFile src(argv[i], ss.str());
        auto r = jx::syntax::parse(src);
        std::cout << jx::ast::dump(r.file);
        for (auto& d : r.diagnostics) std::cout << jx::render(d, &src);
    }
}
