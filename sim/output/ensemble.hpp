#pragma once
// Replicates of a run: the yearly tables of each, combined into the mean and a 95% interval (the
// 2.5th and 97.5th percentiles over replicates) of every row.
#include <string>
#include <vector>

namespace hhu {

class Ensemble {
public:
    // Adds one replicate's yearly.csv; every replicate must have the same rows in the same order.
    void add(const std::string& yearly_csv);
    std::size_t replicates() const { return values_.size(); }
    // yearly.csv columns with the mean over replicates as the value.
    std::string mean_csv() const;
    // year,zone,sex,age_group,education,indicator,mean,lower,upper,replicates
    std::string interval_csv() const;
    // Mean, lower and upper for a row key "year,zone,sex,age_group,education,indicator"; false if absent.
    bool find(const std::string& key, double& mean, double& lower, double& upper) const;

private:
    std::string header_;
    std::vector<std::string> keys_;
    std::vector<std::vector<double>> values_;  // [replicate][row]
};

// The p-th quantile (0..1) of values, linear interpolation between order statistics.
double quantile(std::vector<double> values, double p);

}  // namespace hhu
