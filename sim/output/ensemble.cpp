#include "sim/output/ensemble.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "sim/output/indicators.hpp"

namespace hhu {

void Ensemble::add(const std::string& csv) {
    std::vector<double> values;
    std::vector<std::string> keys;
    std::size_t pos = csv.find('\n');
    const std::string header = csv.substr(0, pos);
    values.reserve(values_.empty() ? 1 << 20 : values_.front().size());
    while (pos != std::string::npos && pos + 1 < csv.size()) {
        const std::size_t end = csv.find('\n', pos + 1);
        const std::string_view line(csv.data() + pos + 1, (end == std::string::npos ? csv.size() : end) - pos - 1);
        const std::size_t comma = line.rfind(',');
        double v = 0;
        std::from_chars(line.data() + comma + 1, line.data() + line.size(), v);
        values.push_back(v);
        if (values_.empty()) keys.emplace_back(line.substr(0, comma));
        else if (line.substr(0, comma) != keys_[values.size() - 1])
            throw std::runtime_error("replicates have different rows: " + std::string(line.substr(0, comma)));
        pos = end;
    }
    if (values_.empty()) {
        header_ = header;
        keys_ = std::move(keys);
    } else if (values.size() != keys_.size()) {
        throw std::runtime_error("replicates have different numbers of rows");
    }
    values_.push_back(std::move(values));
}

std::string Ensemble::mean_csv() const {
    std::string out = header_ + "\n";
    for (std::size_t r = 0; r < keys_.size(); ++r) {
        double sum = 0;
        for (const auto& rep : values_) sum += rep[r];
        out += keys_[r] + "," + format_value(sum / static_cast<double>(values_.size())) + "\n";
    }
    return out;
}

std::string Ensemble::interval_csv() const {
    std::string out = "year,zone,sex,age_group,education,indicator,mean,lower,upper,mcse,replicates\n";
    const std::string n = std::to_string(values_.size());
    auto cell = [](const std::optional<double>& v) { return v ? format_value(*v) : std::string("NA"); };
    for (std::size_t r = 0; r < keys_.size(); ++r) {
        const Estimate e = row_estimate(r);
        out += keys_[r] + "," + format_value(e.mean) + "," + cell(e.lower) + "," + cell(e.upper) + "," + cell(e.mcse) +
               "," + n + "\n";
    }
    return out;
}

Estimate Ensemble::row_estimate(std::size_t row) const {
    std::vector<double> v(values_.size());
    for (std::size_t k = 0; k < values_.size(); ++k) v[k] = values_[k][row];
    return estimate_mean(v);
}

std::optional<Estimate> Ensemble::find(const std::string& key) const {
    const auto it = std::find(keys_.begin(), keys_.end(), key);
    if (it == keys_.end()) return std::nullopt;
    return row_estimate(static_cast<std::size_t>(it - keys_.begin()));
}

}  // namespace hhu
