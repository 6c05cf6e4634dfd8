#pragma once
// Replicates of a run: the yearly tables of each, combined into the mean of every row and its 95%
// t-interval and Monte Carlo standard error (sim/core/statistics.hpp, the one place that computes them).
#include <optional>
#include <string>
#include <vector>

#include "sim/core/statistics.hpp"

namespace hhu {

class Ensemble {
public:
    // Adds one replicate's yearly.csv; every replicate must have the same rows in the same order.
    void add(const std::string& yearly_csv);
    std::size_t replicates() const { return values_.size(); }
    // yearly.csv columns with the mean over replicates as the value.
    std::string mean_csv() const;
    // year,zone,sex,age_group,education,indicator,mean,lower,upper,mcse,replicates ("NA": no interval,
    // with one replicate).
    std::string interval_csv() const;
    // The estimate for a row key "year,zone,sex,age_group,education,indicator"; nullopt if absent.
    std::optional<Estimate> find(const std::string& key) const;

private:
    Estimate row_estimate(std::size_t row) const;

    std::string header_;
    std::vector<std::string> keys_;
    std::vector<std::vector<double>> values_;  // [replicate][row]
};

}  // namespace hhu
