// The latency histogram /metrics renders: cumulative buckets in Prometheus' text format.
#include "base/histogram.h"

#include <gtest/gtest.h>

#include <string>

namespace attune::base {
namespace {

TEST(Histogram, RendersCumulativeBucketsSumAndCount) {
  Histogram histogram;
  histogram.observe(0.0005);  // first bucket
  histogram.observe(0.03);    // le 0.05
  histogram.observe(20.0);    // above every bound
  histogram.observe(-1.0);    // a clock step back counts as instant
  const std::string text = histogram.render("x_seconds", "route=\"/a\"");
  EXPECT_NE(text.find("x_seconds_bucket{route=\"/a\",le=\"0.001\"} 2\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("x_seconds_bucket{route=\"/a\",le=\"0.025\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("x_seconds_bucket{route=\"/a\",le=\"0.05\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("x_seconds_bucket{route=\"/a\",le=\"10\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("x_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("x_seconds_sum{route=\"/a\"} 20.030500\n"), std::string::npos) << text;
  EXPECT_NE(text.find("x_seconds_count{route=\"/a\"} 4\n"), std::string::npos);
}

TEST(Histogram, WithoutLabelsHasNoBraces) {
  Histogram histogram;
  const std::string text = histogram.render("y", "");
  EXPECT_NE(text.find("y_bucket{le=\"+Inf\"} 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("y_count 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("y_sum 0.000000\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace attune::base
