#include <catch2/catch.hpp>

#include "base/decimal.hpp"

using jx::Decimal;

static Decimal D(const char* s) {
    return *Decimal::parse(s);
}

TEST_CASE("decimals keep the precision they were written with", "[decimal]") {
    CHECK(D("9").scale() == 0);
    CHECK(D("9.50").scale() == 2);
    CHECK(D("9.50").to_string() == "9.50");
    CHECK(D("-0.5").to_string() == "-0.5");
    CHECK(D("0.833608").to_string() == "0.833608");
    CHECK(D("9.50") == D("9.5"));
    CHECK(D("10.00").normalized().to_string() == "10");
}

TEST_CASE("sums and products have no binary floating-point artefacts", "[decimal]") {
    CHECK((D("0.1") + D("0.2")).to_string() == "0.3");
    CHECK((D("279.77") - D("280")).to_string() == "-0.23");
    CHECK((D("1.05") * D("10000")).normalized().to_string() == "10500");
}

TEST_CASE("division is exact long division rounded half-up once", "[decimal]") {
    CHECK(Decimal::divide(D("279.77"), D("280"), 4).to_string() == "0.9992");
    CHECK(Decimal::divide(D("2"), D("3"), 2).to_string() == "0.67");
    CHECK(Decimal::divide(D("1"), D("8"), 2).to_string() == "0.13");   // 0.125 → half-up
    CHECK(Decimal::divide(D("-1"), D("8"), 2).to_string() == "-0.13"); // away from zero
    // (15 × 2) / 3 = 10 exactly, with no rounding on the way.
    CHECK(Decimal::mul_div(D("15"), D("2"), D("3"), 2).to_string() == "10.00");
    // 3 × 1 / 12 = 0.25: one rounding gives 0.3 (a rounded 1/12 first would give 0.2).
    CHECK(Decimal::mul_div(D("3"), D("1"), D("12"), 1).to_string() == "0.3");
    CHECK_THROWS_AS(Decimal::divide(D("1"), D("0"), 2), std::domain_error);
}

TEST_CASE("a reported figure is compared at the precision it was written with", "[decimal]") {
    CHECK(jx::matches_at_written_precision(D("99"), D("99.25")));
    CHECK_FALSE(jx::matches_at_written_precision(D("100"), D("99.25")));
    CHECK(jx::matches_at_written_precision(D("9"), D("9.49")));
    CHECK_FALSE(jx::matches_at_written_precision(D("9"), D("9.81")));
    CHECK(jx::matches_at_written_precision(D("9.99"), D("9.9918")));
    CHECK_FALSE(jx::matches_at_written_precision(D("9.9"), D("9.9918")));
}

TEST_CASE("inputs beyond the limits are refused, not overflowed", "[decimal]") {
    Decimal::ParseError e{};
    CHECK_FALSE(Decimal::parse("1.123456789012345678901234567890", &e));
    CHECK(e == Decimal::ParseError::too_many_decimals);
    CHECK_FALSE(Decimal::parse("12345678901234567890123", &e));
    CHECK(e == Decimal::ParseError::too_large);
    // The two limits, each named as it is: 18 digits before the point, 19 significant in all.
    CHECK(Decimal::parse("123456789012345678", &e));
    CHECK_FALSE(Decimal::parse("1234567890123456789", &e));
    CHECK(e == Decimal::ParseError::too_large);
    CHECK(Decimal::parse("123456789.0123456789", &e));
    CHECK_FALSE(Decimal::parse("123456789.01234567891", &e));
    CHECK(e == Decimal::ParseError::too_precise);
    CHECK_FALSE(Decimal::parse("1.2.3", &e));
    CHECK(e == Decimal::ParseError::syntax);
    CHECK_FALSE(Decimal::parse("", &e));
    CHECK(Decimal::parse("000123.40")->to_string() == "123.40");
}
